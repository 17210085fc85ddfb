"""ASCII slugs for Vietnamese text ("Kế hoạch" -> "ke-hoach"): the same in both languages."""
from __future__ import annotations

import functools

from slugify import slugify


# Every rendering of a heading asks, and the blog renders each article's headings again for each listing
# that shows it: a few headings ("Bối cảnh", the groups' names) come back thousands of times.
@functools.lru_cache(maxsize=4096)
def slug(text: str, separator: str = "-") -> str:
    """Also the heading-anchor function: Markdown's own drops letters such as "đ"."""
    return slugify(text, separator=separator)
