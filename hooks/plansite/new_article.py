"""`make article TITLE="..."`: start a news article in both languages, ready to build, and say what to fill in.

Run as `python -m plansite.new_article "Tiêu đề bài viết"` from the project root with hooks/ on the path."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from plansite.load.articles import shown_path
from plansite.model import LANGUAGES, Language
from plansite.render.catalogue import section
from plansite.validate.problems import SourceError
from plansite.load.sitedata import load_site_data
from plansite.slugs import slug

def article_text(title: str, language: Language, today: dt.date, article_slug: str, author: str,
                 category: str, categories: list[str]) -> str:
    words = section(language, "new_article")
    quoted = title.replace('"', "'")
    return (
        "---\n"
        f'title: "{quoted}"\n'
        f'description: "{words["description"]}"\n'
        f"date: {today.isoformat()}\n"
        f"slug: {article_slug}  # the same in both languages / giống nhau ở hai ngôn ngữ\n"
        f"authors: [{author}]  # ids in data/authors.yml\n"
        f"categories: [{category}]  # one or more of: {', '.join(categories)}\n"
        "tags: []\n"
        "draft: false  # true: not published / bản nháp, chưa đăng\n"
        "# cover:  # optional picture / ảnh (tùy chọn)\n"
        "#   image: assets/images/tin-tuc/ten-anh.svg\n"
        "#   alt: what the picture shows / ảnh thể hiện gì\n"
        '#   credit: "Ảnh minh họa (Nguồn: ...)"\n'
        "---\n\n"
        f"{words['lead']}\n\n<!-- more -->\n\n{words['body']}\n"
    )


def create_article(root: Path, title: str, today: dt.date) -> list[Path]:
    """Write the Vietnamese and English files; refuse to overwrite an article that exists."""
    data = load_site_data(root)
    article_slug = slug(title)
    if not article_slug:
        raise ValueError("tiêu đề cần có chữ hoặc số / the title needs letters or digits")
    name = f"{today.isoformat()}-{article_slug}.md"
    paths = [root / shown_path(language, name) for language in LANGUAGES]
    existing = [str(p.relative_to(root)) for p in paths if p.exists()]
    if existing:
        raise FileExistsError("bài đã có / already exists: " + ", ".join(existing))
    groups = [g.id for g in data.groups()]
    author = next(iter(data.authors))
    for language, path in zip(LANGUAGES, paths):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article_text(title, language, today, article_slug, author, groups[0], groups), encoding="utf-8")
    return paths


def main(argv: list[str]) -> int:
    title = " ".join(argv).strip()
    if not title:
        print('Dùng / usage: make article TITLE="Tiêu đề bài viết"', file=sys.stderr)
        return 2
    root = Path.cwd()
    try:
        paths = create_article(root, title, dt.date.today())
    except (SourceError, FileExistsError, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    vi, en = (p.relative_to(root) for p in paths)
    print(f"Đã tạo / created:\n  {vi}\n  {en}\n")
    print("Việc cần làm / what to fill in:\n"
          f"  1. {vi}: viết đoạn mở đầu (trước <!-- more -->), nội dung và description; chọn categories, authors.\n"
          f"     write the lead (before <!-- more -->), the body and the description; pick categories and authors.\n"
          f"  2. {en}: dịch tiêu đề (title), description và nội dung / translate title, description and text.\n"
          "     Giữ nguyên slug, date, draft / keep slug, date and draft as they are.\n"
          "  3. Ảnh bìa (tùy chọn): bỏ dấu # ở mục cover, đặt ảnh vào docs/assets/images/tin-tuc/ và ghi alt, credit.\n"
          "     Cover (optional): uncomment cover, put the picture in docs/assets/images/tin-tuc/, give alt and credit.\n"
          "  4. make serve, xem ở / check at http://127.0.0.1:8000/tin-tuc/ và /en/tin-tuc/\n"
          f"Bài chỉ có một ngôn ngữ: xóa tệp kia và ghi `translated: false` / one language only: delete the other file "
          f"and set `translated: false`.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
