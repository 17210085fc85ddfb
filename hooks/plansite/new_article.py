"""`make article TITLE="..."`: start a news article in both languages and say what to fill in.

The writer chooses the authors and categories: the files list every author (data/authors.yml) and every plan's
groups in comments and leave both fields empty, which `make check` names until they are filled. Every text
comes from the catalogue (make_article, new_article), in the file's own language.

Run as `python -m plansite.new_article "Tiêu đề bài viết"` from the project root with hooks/ on the path."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from plansite.load.articles import shown_path
from plansite.load.sitedata import SiteData, load_site_data
from plansite.model import LANGUAGES, Language
from plansite.render.catalogue import section
from plansite.slugs import slug
from plansite.validate.problems import SourceError, say


def one_line(text: str) -> str:
    """A data text inside a comment line: a line break in it would end the comment."""
    return " ".join(text.split())


def author_choices(data: SiteData, language: Language) -> list[str]:
    """Comment lines above `authors:` that list whom a writer chooses from."""
    return [f"# {section(language, 'make_article')['authors']}",
            *(f"#   {author.id}: {one_line(author.name(language))}" for author in data.authors.values())]


def category_choices(data: SiteData, language: Language) -> list[str]:
    """Comment lines above `categories:`: every plan's groups, by plan."""
    lines = [f"# {section(language, 'make_article')['categories']}"]
    for plan in data.plans.values():
        lines.append(f"#   {one_line(plan.short_title(language))} ({plan.id}):")
        lines += [f"#     {group.id}: {one_line(group.title(language))}" for group in plan.groups]
    return lines


def article_text(title: str, language: Language, today: dt.date, article_slug: str, data: SiteData) -> str:
    texts, words = section(language, "new_article"), section(language, "make_article")
    quoted = title.replace('"', "'")
    return "\n".join([
        "---",
        f'title: "{quoted}"',
        f'description: "{texts["description"]}"',
        f"date: {today.isoformat()}",
        f"slug: {article_slug}  # {words['slug']}",
        *author_choices(data, language),
        "authors: []",
        *category_choices(data, language),
        "categories: []",
        "tags: []",
        f"draft: false  # {words['draft']}",
        f"# cover:  # {words['cover']}",
        "#   image: assets/images/tin-tuc/ten-anh.svg",
        f"#   alt: {words['cover_alt']}",
        f'#   credit: "{words["cover_credit"]}"',
        "---",
        "",
        texts["lead"],
        "",
        "<!-- more -->",
        "",
        texts["body"],
        "",
    ])


def create_article(root: Path, title: str, today: dt.date) -> list[Path]:
    """Write the Vietnamese and English files; refuse to overwrite an article that exists."""
    data = load_site_data(root)
    article_slug = slug(title)
    if not article_slug:
        raise ValueError(say("make_article.no_slug"))
    name = f"{today.isoformat()}-{article_slug}.md"
    paths = [root / shown_path(language, name) for language in LANGUAGES]
    existing = [str(p.relative_to(root)) for p in paths if p.exists()]
    if existing:
        raise FileExistsError(say("make_article.exists", shown=", ".join(existing)))
    for language, path in zip(LANGUAGES, paths):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article_text(title, language, today, article_slug, data), encoding="utf-8")
    return paths


def main(argv: list[str]) -> int:
    title = " ".join(argv).strip()
    if not title:
        print(say("make_article.usage", shown='make article TITLE="..."'), file=sys.stderr)
        return 2
    root = Path.cwd()
    try:
        paths = create_article(root, title, dt.date.today())
    except (SourceError, FileExistsError, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    files = {language: path.relative_to(root).as_posix() for language, path in zip(LANGUAGES, paths)}
    print(say("make_article.created") + ":\n" + "".join(f"  {path}\n" for path in files.values()))
    for language in LANGUAGES:
        words = section(language, "make_article")
        steps = [key for key in words if key.startswith("step_")]
        print(words["todo"] + ":")
        print("".join(f"  {n}. {words[key].format(**files)}\n" for n, key in enumerate(steps, 1)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
