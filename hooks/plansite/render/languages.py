"""The two languages: where each one's pages live, how it writes dates, and how pages pair up."""
from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass

from babel.dates import format_date
from babel.lists import format_list

from plansite.render.catalogue import section, text
from plansite.model import LANGUAGES, Due, Language

DEFAULT: Language = LANGUAGES[0]
# Each language by its own name, for the language selector and downloads.
NAMES: dict[Language, str] = {language: text(language, "language_names.own") for language in LANGUAGES}
# Open Graph and feed locales.
LOCALES: dict[Language, str] = {"vi": "vi_VN", "en": "en_GB"}
# 22/7/2021 in Vietnamese administrative style; 22 July 2021 in English.
DATE_PATTERNS: dict[Language, str] = {"vi": "d/M/yyyy", "en": "d MMMM yyyy"}

# Our own interface texts; Material translates its own.


def site_prefix(language: Language) -> str:
    """Where a language's pages sit below the site root: '' for the default, 'en/' for English."""
    return "" if language == DEFAULT else f"{language}/"


def date_text(date: dt.date, language: Language) -> str:
    return format_date(date, DATE_PATTERNS[language], locale=language)


def list_text(items: list[str], language: Language) -> str:
    """Names in a sentence: "A, B và C"; "A, B and C"."""
    return format_list(list(items), locale=LOCALES[language]) if items else ""


def due_text(due: Due, language: Language) -> str:
    """A date, or a bare year written as one (dates.year: "năm 2025", "2025")."""
    if isinstance(due, dt.date):
        return date_text(due, language)
    return text(language, "dates.year").format(year=due)


def due_iso(due: Due) -> str:
    """For <time datetime> and the open data: 2021-12-31, or 2025."""
    return due.isoformat() if isinstance(due, dt.date) else str(due)


@dataclass(frozen=True)
class Alternate:
    language: Language
    name: str
    href: str        # relative to the current page, so the site works under any base path
    absolute: str    # for hreflang, which wants full addresses
    current: bool
    same_page: bool  # False when the language lacks this page and the link goes to a section or home instead


def site_root(site_url: str, language: Language) -> str:
    """The address of the whole site, from one language's site_url."""
    return site_url.removesuffix(site_prefix(language)) if site_url.endswith(site_prefix(language)) else site_url


def counterpart(src_uri: str, page_url: str, pages: set[str]) -> str:
    """Where a page leads in a language whose source paths are `pages`: the same page; else the nearest
    section index there (a one-language article leads to the news index); else the home page ('')."""
    if src_uri in pages:
        return page_url
    folder = posixpath.dirname(src_uri)
    while folder:
        if f"{folder}/index.md" in pages:
            return folder + "/"
        folder = posixpath.dirname(folder)
    return ""


def alternates(language: Language, page_url: str, root_url: str, targets: dict[Language, str],
               absolute_links: bool = False) -> list[Alternate]:
    """Links from one page to itself in every language; targets gives, per other language, the address
    (below that language's root) to go to, from `counterpart`. A language missing there leads home.

    absolute_links is for pages served at any address, such as 404.html."""
    here = site_prefix(language) + page_url
    root_path = "/" + root_url.split("://", 1)[-1].partition("/")[2]
    result = []
    for other in LANGUAGES:
        destination = page_url if other == language else targets.get(other, "")
        target = site_prefix(other) + destination
        href = root_path + target if absolute_links else relative_url(target, here)
        result.append(Alternate(other, NAMES[other], href, root_url + target, other == language,
                                destination == page_url))
    return result


def relative_url(target: str, current: str) -> str:
    """Site-root paths ('en/ke-hoach/', 'ke-hoach/') to a link from current to target."""
    base = current if current.endswith("/") or not current else posixpath.dirname(current) + "/"
    link = posixpath.relpath("/" + target, "/" + base)
    if target.endswith("/") or not target:
        link = link.rstrip("/") + "/" if link != "." else "./"
    return link
