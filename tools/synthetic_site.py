"""A synthetic site for the benchmark: a copy of the project plus N articles per language.

Articles are made from the sentences of the project's own hand-written pages, shuffled, so their words
and length look like real news. They are written as plain pages in `docs/<language>/bai-viet/`; once
the blog lands, a `blog` layout writes the same `Article`s as posts (`docs/<language>/blog/posts/`,
with `date:` and `slug:` front matter) and `make bench` passes `--layout blog`."""
from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tools.project import ROOT, copy_project

LANGUAGES = ("vi", "en")
FOLDER = "bai-viet"
HEADINGS = {"vi": ["Bối cảnh", "Nội dung chính", "Kết quả", "Bước tiếp theo"],
            "en": ["Background", "What was done", "Results", "Next steps"]}
TITLE = {"vi": "Bản tin số {n}: {words}", "en": "News item {n}: {words}"}


@dataclass(frozen=True)
class Article:
    slug: str          # ASCII, the same in both languages
    date: dt.date
    title: str
    description: str
    sections: list[tuple[str, list[str]]]   # (heading, paragraphs)

    def markdown_body(self) -> str:
        parts = [f"# {self.title}\n"]
        for heading, paragraphs in self.sections:
            parts.append(f"## {heading}\n")
            parts.extend(paragraph + "\n" for paragraph in paragraphs)
        return "\n".join(parts)


def sentences(language: str) -> list[str]:
    """The sentences of the hand-written pages of a language, without Markdown markup or macros."""
    pages = sorted((ROOT / "docs" / language).glob("*.md"))
    text = " ".join(re.sub(r"\A---.*?---", "", p.read_text(encoding="utf-8"), flags=re.S) for p in pages)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"\{\{.*?\}\}|\{.*?\}|[#*>|`]|\+\+|!\[.*?\]\(.*?\)|\[(.*?)\]\(.*?\)", r"\1", text)
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if len(s.split()) >= 6]


def articles(language: str, count: int, seed: int = 6) -> Iterator[Article]:
    """`count` articles in a language; the same seed gives the same slugs and dates in both languages."""
    pool = sentences(language)
    words = " ".join(pool).split()
    rng = random.Random(seed)
    text_rng = random.Random(f"{seed}-{language}")
    start = dt.date(2021, 8, 1)
    for n in range(1, count + 1):
        date = start + dt.timedelta(days=rng.randrange(0, 1500))
        title_words = " ".join(text_rng.sample(words, 5)).strip(".,;:")
        sections = [(heading, [" ".join(text_rng.sample(pool, 4)) for _ in range(2)]) for heading in HEADINGS[language]]
        yield Article(slug=f"bai-{n:04d}", date=date, title=TITLE[language].format(n=n, words=title_words),
                      description=text_rng.choice(pool)[:150], sections=sections)


def write_pages(docs: Path, language: str, items: Iterator[Article]) -> int:
    """Articles as plain pages in docs/<language>/bai-viet/, outside the menu (as blog posts would be)."""
    folder = docs / language / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for article in items:
        # A JSON string is a YAML string too, whatever quotes the sentence holds; plain pages have no date.
        front = f"---\ndescription: {json.dumps(article.description, ensure_ascii=False)}\n---\n\n"
        (folder / f"{article.slug}.md").write_text(front + article.markdown_body(), encoding="utf-8")
        count += 1
    return count


LAYOUTS: dict[str, Callable[[Path, str, Iterator[Article]], int]] = {"pages": write_pages}


def generate(target: Path, count: int, layout: str = "pages") -> Path:
    """Copy the project to `target` and add `count` articles per language; returns the copy."""
    project = copy_project(target)
    for language in LANGUAGES:
        LAYOUTS[layout](project / "docs", language, articles(language, count))
    return project


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Write a synthetic copy of the project with many articles.")
    parser.add_argument("target", type=Path)
    parser.add_argument("--articles", type=int, default=1000, help="articles per language")
    parser.add_argument("--layout", choices=sorted(LAYOUTS), default="pages")
    args = parser.parse_args()
    print(generate(args.target, args.articles, args.layout))
