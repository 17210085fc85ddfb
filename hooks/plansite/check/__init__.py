"""Stage 6, check: `make check` over sources and rendered pages (links, anchors, unsafe HTML, files)."""
