"""Share previews (Open Graph and Twitter card tags) and share links that load no third-party script."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from plansite.render.catalogue import section
from plansite.render.languages import LOCALES, Alternate
from plansite.model import Language

DEFAULT_IMAGE = "assets/images/share.png"
# Facebook and Zalo show PNG and JPEG previews, not SVG: other covers fall back to the default picture.
PREVIEW_FORMATS = (".png", ".jpg", ".jpeg")


@dataclass(frozen=True)
class ShareLink:
    label: str
    href: str


def preview_image(cover: dict | None, language: Language, site_name: str) -> tuple[str, str]:
    """The picture for previews (a path below the language root) and its alt text."""
    if cover and str(cover.get("image", "")).lower().endswith(PREVIEW_FORMATS):
        return cover["image"], cover.get("alt", "")
    return DEFAULT_IMAGE, section(language, "sharing")["image_alt"].format(site=site_name)


def share_tags(language: Language, site_name: str, site_url: str, url: str, title: str, description: str,
               image: tuple[str, str], alternates: list[Alternate], published: dt.date | None) -> list[tuple[str, str, str]]:
    """(attribute, name, content) of each <meta> tag, every address absolute."""
    tags = [
        ("property", "og:type", "article" if published else "website"),
        ("property", "og:site_name", site_name),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", url),
        ("property", "og:image", site_url + image[0]),
        ("property", "og:image:alt", image[1]),
        ("property", "og:locale", LOCALES[language]),
        *[("property", "og:locale:alternate", LOCALES[a.language]) for a in alternates if a.same_page and not a.current],
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
        ("name", "twitter:image", site_url + image[0]),
        ("name", "twitter:image:alt", image[1]),
    ]
    if published:
        tags.append(("property", "article:published_time", published.isoformat()))
    return tags


def share_links(language: Language, url: str, title: str) -> list[ShareLink]:
    """Plain links: the sharer page of Facebook and an e-mail; the copy-link button is in the template."""
    words = section(language, "sharing")
    return [
        ShareLink("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ShareLink(words["email"], f"mailto:?subject={quote(title)}&body={quote(url)}"),
    ]
