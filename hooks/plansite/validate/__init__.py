"""Stage 2, validate: what spans files (references, unique ids, dates within a plan), as editors' problems."""
