"""News articles: read from docs/<language>/tin-tuc/posts/, their front matter checked against the data."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from pydantic import ValidationError

from plansite.model import LANGUAGES, ArticleMeta, Language
from plansite.validate.problems import Problem, SourceError, named, say
from plansite.load.sitedata import SiteData, validation_problems
from plansite.load.yamlsource import YamlDocument, parse_front_matter

NEWS_DIR = "tin-tuc"                 # the news index, /tin-tuc/, and the blog plugin's blog_dir
POSTS_DIR = f"{NEWS_DIR}/posts"      # where article files live in docs/<language>/
CATEGORY_DIR = f"{NEWS_DIR}/chu-de"  # one page per plan group that has articles (categories_url_format)
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(\n|\Z)", re.DOTALL)
# Where the lead ends (mkdocs.yml: the blog's post_excerpt is required, its separator this default): the
# blog plugin stops the whole build on an article without it.
EXCERPT_MARKER = "<!-- more -->"
LOOSE_MARKER = re.compile(r"<!--\s*more\s*-->", re.IGNORECASE)

@dataclass(frozen=True)
class Article:
    language: Language
    name: str            # path below the posts folder, the same in both languages
    meta: ArticleMeta
    document: YamlDocument

    @property
    def src_uri(self) -> str:
        return f"{POSTS_DIR}/{self.name}"

    def published(self, now: dt.datetime) -> bool:
        """As the blog plugin decides: drafts never, future-dated posts from their date (midnight UTC)."""
        start = dt.datetime.combine(self.meta.date, dt.time(), tzinfo=dt.timezone.utc)
        return not self.meta.draft and start <= now


def newest_published(articles: Iterable[Article], language: Language, now: dt.datetime) -> list[Article]:
    """The language's published articles, newest first: what the home page and the group pages list."""
    shown = [a for a in articles if a.language == language and a.published(now)]
    return sorted(shown, key=lambda a: a.meta.date, reverse=True)


def shown_path(language: Language, name: str) -> str:
    return f"docs/{language}/{POSTS_DIR}/{name}"


def load_articles(root: Path, data: SiteData) -> list[Article]:
    """Every article in both languages; a SourceError lists every problem found, each at its line."""
    problems: list[Problem] = []
    articles: list[Article] = []
    for language in LANGUAGES:
        folder = root / "docs" / language / POSTS_DIR
        for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            name = path.relative_to(folder).as_posix()
            text = path.read_text(encoding="utf-8-sig")
            result = read_article(text, language, name)
            if isinstance(result, Article):
                articles.append(result)
            else:
                problems.extend(result)
            problems.extend(lead_problems(text, shown_path(language, name)))
    problems.extend(article_problems(articles, data, root))
    if problems:
        raise SourceError(problems)
    return articles


def read_article(text: str, language: Language, name: str) -> Article | list[Problem]:
    shown_as = shown_path(language, name)
    match = FRONT_MATTER.match(text)
    if not match:
        return [Problem(shown_as, 1, 1, "", say("problems.article_without_front_matter"),
                        say("fixes.article_without_front_matter"))]
    document = parse_front_matter(match.group(1) or "", shown_as)
    if isinstance(document, Problem):
        return [document]
    if not isinstance(document.data, dict):
        return [document.problem((), say("problems.article_front_matter_not_pairs"))]
    try:
        return Article(language, name, ArticleMeta.model_validate(document.data), document)
    except ValidationError as error:
        return list(validation_problems(document, error))


def lead_problems(text: str, shown_as: str) -> list[Problem]:
    """The lead (the excerpt in the news list, the feeds and search) and the marker that ends it, as the blog
    plugin needs them, reported at the line of the text where it goes wrong."""
    front = FRONT_MATTER.match(text)
    if not front:
        return []  # read_article says the front matter is missing
    body = text[front.end():]
    first_line = text[:front.end()].count("\n") + 1
    at = body.find(EXCERPT_MARKER)
    if at < 0:
        loose = LOOSE_MARKER.search(body)
        line = first_line + (body[:loose.start()].count("\n") if loose else 0)
        found = (say("fixes.marker_misspelt", marker=EXCERPT_MARKER, found=loose.group()) if loose
                 else say("fixes.marker_missing", marker=EXCERPT_MARKER))
        return [Problem(shown_as, line, 1, "", say("problems.marker_missing", marker=EXCERPT_MARKER), found)]
    if not body[:at].strip():
        return [Problem(shown_as, first_line + body[:at].count("\n"), 1, "", say("problems.lead_empty"),
                        say("fixes.lead_empty", marker=EXCERPT_MARKER))]
    return []


def article_problems(articles: list[Article], data: SiteData, root: Path) -> Iterable[Problem]:
    """What one file cannot tell: authors and groups are chosen, exist and are named once, images exist; slugs
    are unique; translations agree; the date is one this site's news can bear. An empty choice and an unknown
    one list the same choices (new_article writes them)."""
    groups = {g.id for g in data.groups()}
    authors, categories = ", ".join(sorted(data.authors)), ", ".join(sorted(groups))
    by_language = {(a.language, a.name): a for a in articles}
    slugs: dict[tuple[Language, str], Article] = {}
    for article in articles:
        meta, doc = article.meta, article.document
        if not meta.authors:
            yield doc.problem(("authors",), say("problems.no_author"), say("fixes.choose_author", shown=authors))
        for index, author in enumerate(meta.authors):
            if author not in data.authors:
                yield doc.problem(("authors", index), say("problems.unknown_author", author=author),
                                  say("fixes.use_author_id", shown=authors))
        if not meta.categories:
            yield doc.problem(("categories",), say("problems.no_category"), say("fixes.choose_category", shown=categories))
        for index, category in enumerate(meta.categories):
            if category not in groups:
                yield doc.problem(("categories", index), say("problems.unknown_category", category=category),
                                  say("fixes.use_group_id", shown=categories))
        yield from repeated(doc, "authors", meta.authors)
        yield from repeated(doc, "categories", meta.categories)
        yield from date_problems(article, data)
        if meta.cover and not (root / "docs" / meta.cover.image).is_file():
            yield doc.problem(("cover", "image"), say("problems.missing_image", path=meta.cover.image), say("fixes.missing_image"))
        first = slugs.setdefault((article.language, meta.slug), article)
        if first is not article:
            yield doc.problem(("slug",), say("problems.duplicate_slug", slug=meta.slug, shown=shown_path(first.language, first.name)),
                              say("fixes.duplicate_slug"))
        yield from translation_problems(article, by_language)


def translation_problems(article: Article, by_language: dict) -> Iterable[Problem]:
    """A translation has the same file name, slug, date and draft state; a one-language article says so."""
    doc = article.document
    for other in LANGUAGES:
        if other == article.language:
            continue
        twin = by_language.get((other, article.name))
        name = named(f"language_names.{other}")
        if twin is None and article.meta.translated:
            yield doc.problem((), say("problems.no_translation", language=name, path=shown_path(other, article.name)),
                              say("fixes.no_translation"))
        if twin is not None and not article.meta.translated:
            yield doc.problem(("translated",), say("problems.has_translation", language=name), say("fixes.has_translation"))
        if twin is None:
            continue
        for field in ("slug", "date", "draft"):
            if getattr(twin.meta, field) != getattr(article.meta, field) and article.language == LANGUAGES[0]:
                yield doc.problem((field,), say("problems.differs_from_translation", field=field, language=name,
                                                value=getattr(twin.meta, field)),
                                  say("fixes.same_in_both", field=field))


def repeated(doc: YamlDocument, field: str, values: list[str]) -> Iterable[Problem]:
    """The blog plugin refuses an author or a category named twice in one article."""
    for index, value in enumerate(values):
        if value in values[:index]:
            yield doc.problem((field, index), say("problems.listed_twice", value=value), say("fixes.listed_twice"))


def date_problems(article: Article, data: SiteData) -> Iterable[Problem]:
    """A news date before the site's first plan was issued is a mistyped year (a browser's date field once
    turned 2025 into 1905): the article would sit in a wrong year's archive. (The form also refuses a date
    more than a year ahead; the check does not, since its clock and the build's may differ.)"""
    date = article.meta.date
    issued = [plan.issued.date for plan in data.plans.values()]
    if issued and date < min(issued):
        yield article.document.problem(("date",), say("problems.date_before_first_plan", issued=min(issued).isoformat(),
                                                      shown=date.isoformat()),
                                       say("fixes.date_before_first_plan"))

