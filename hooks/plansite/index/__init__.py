"""Stage 5, index: Pagefind over the finished site."""
