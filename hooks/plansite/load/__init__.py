"""Stage 1, load: read every source (data files, articles, hand-written pages, git dates) into models."""
