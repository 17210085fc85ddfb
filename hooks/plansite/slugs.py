"""ASCII slugs for Vietnamese text ("Kế hoạch" -> "ke-hoach"): the same in both languages."""
from __future__ import annotations

from slugify import slugify


def slug(text: str, separator: str = "-") -> str:
    """Also the heading-anchor function: Markdown's own drops letters such as "đ"."""
    return slugify(text, separator=separator)
