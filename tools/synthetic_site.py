"""A synthetic site for the benchmark: a copy of the project plus N articles per language.

Two kinds of text (`TEXTS`):
- `shuffled`, the worst case for search: every article is 32 of the ~35 sentences of the project's
  hand-written pages, shuffled, so every query word is on every article, many times;
- `topical`, closer to real news: each article reports on one of the plan's groups in sentences
  from news-style templates (filled with that group, the agencies, activities and audiences) and from
  the texts of data/*.yml and of the pages, about 450 words, so a topic's words sit on a share of the
  articles only.
Two layouts (`LAYOUTS`): `pages` writes plain pages in `docs/<language>/bai-viet/`, outside the menu;
`blog` writes news posts into the blog (`docs/<language>/tin-tuc/posts/`) with the front matter editors
write (title, description, date, slug, authors, categories from the plan's groups, the excerpt marker),
so the blog plugin's listings, archive, categories, pagination, feeds and related articles are built."""
from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from tools.project import ROOT, copy_project

POSTS_DIR = "tin-tuc/posts"   # hooks/plansite/articles.py: where the blog's posts live

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
    group: str         # id of the plan group the article is about (its first category)

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


def data_texts(language: str) -> list[str]:
    """Every text of the data files in a language (the `vi:`/`en:` values), whitespace folded."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get(language), str):
                found.append(" ".join(node[language].split()))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    yaml = YAML(typ="safe")
    for path in sorted((ROOT / "data").rglob("*.yml")):
        walk(yaml.load(path))
    return found


def group_titles(language: str) -> list[str]:
    """The groups of every plan."""
    plans = [YAML(typ="safe").load(path) for path in sorted((ROOT / "data" / "plans").glob("*.yml"))]
    return [group["title"][language] for plan in plans for group in plan["groups"]]


def agency_names(language: str) -> list[str]:
    agencies = YAML(typ="safe").load(ROOT / "data" / "agencies.yml")["agencies"]
    return [agency["name"][language] for agency in agencies]


# News-style sentences for the `topical` text. Made-up events and figures: the benchmark site is never published.
TEMPLATES = {
    "vi": [
        "Ngày {day}/{month}, {agency} tổ chức {activity} về {topic_lower} với sự tham gia của {n} đại biểu.",
        "Tại {activity}, các đại biểu trao đổi kinh nghiệm, nêu khó khăn, vướng mắc ở cơ sở và đề xuất giải pháp.",
        "Báo cáo cho biết trong {period}, {agency} đã phối hợp với các địa phương thực hiện {n} hoạt động thuộc nhóm {topic_lower}.",
        "Phát biểu chỉ đạo, lãnh đạo {agency} đề nghị các đơn vị tiếp tục quan tâm tới {audience}.",
        "Nhiều mô hình hay ở thôn, bản, tổ dân phố được giới thiệu và nhân rộng trong năm {year}.",
        "Dịp này, {n} tập thể và cá nhân có thành tích xuất sắc được biểu dương, khen thưởng.",
        "Trước đó, {agency} đã ban hành văn bản hướng dẫn, phân công nhiệm vụ cụ thể cho từng phòng, ban.",
        "Các ý kiến tập trung vào nguồn lực, cơ chế phối hợp và cách đo lường kết quả của {topic_lower}.",
        "Thời gian tới, đơn vị sẽ đẩy mạnh ứng dụng công nghệ thông tin, số hóa tài liệu và mở rộng hợp tác.",
        "Chương trình kết thúc bằng phần giao lưu, hỏi đáp giữa {audience} và các chuyên gia.",
        "Theo đánh giá, {activity} góp phần nâng cao nhận thức của {audience}.",
        "Ban tổ chức cũng phát hành {n} tờ rơi, áp phích và đăng tải tài liệu trên cổng thông tin điện tử.",
    ],
    "en": [
        "On {day} {month_name}, the {agency} held {activity} on {topic_lower}, attended by {n} delegates.",
        "At the {activity_bare}, delegates shared experience, raised difficulties met at the grassroots and proposed solutions.",
        "The report says that during {period} the {agency} worked with the localities on {n} activities of the group {topic_lower}.",
        "Closing the meeting, a leader of the {agency} asked every unit to keep paying attention to {audience_lower}.",
        "Several good models from villages and neighbourhoods were presented and replicated in {year}.",
        "On this occasion, {n} groups and individuals with outstanding results were commended and rewarded.",
        "Beforehand, the {agency} had issued guidance and assigned specific duties to each of its divisions.",
        "Comments focused on resources, coordination and the ways to measure the results of {topic_lower}.",
        "In the coming period the unit will make more use of information technology, digitise documents and widen cooperation.",
        "The programme ended with an exchange of questions and answers between {audience_lower} and experts.",
        "According to the organisers, the {activity_bare} helped raise the awareness of {audience_lower}.",
        "The organisers also printed {n} leaflets and posters and published the documents on the electronic portal.",
    ],
}
ACTIVITIES = {
    "vi": ["hội nghị", "hội thảo", "lớp tập huấn", "cuộc thi tìm hiểu", "buổi nói chuyện chuyên đề",
           "đợt kiểm tra, giám sát", "chương trình giao lưu", "diễn đàn thanh niên", "triển lãm ảnh", "lễ ký kết"],
    "en": ["a conference", "a workshop", "a training course", "a quiz contest", "a themed talk",
           "an inspection", "an exchange programme", "a youth forum", "a photo exhibition", "a signing ceremony"],
}
AUDIENCES = {
    "vi": ["học sinh, sinh viên", "người lao động", "phụ nữ và trẻ em", "người cao tuổi", "đồng bào dân tộc thiểu số",
           "cán bộ, công chức cấp xã", "doanh nghiệp nhỏ và vừa", "đoàn viên thanh niên", "người khuyết tật", "hội viên nông dân"],
    "en": ["pupils and students", "workers", "women and children", "older people", "ethnic minority communities",
           "commune officials", "small and medium enterprises", "youth union members", "people with disabilities",
           "farmers' association members"],
}
PERIODS = {"vi": ["quý I", "quý II", "sáu tháng đầu năm", "năm qua", "giai đoạn 2021-2025"],
           "en": ["the first quarter", "the second quarter", "the first half of the year", "the past year", "2021-2025"]}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def group_ids() -> list[str]:
    """The ids of every plan's groups: the categories a post may name."""
    plans = [YAML(typ="safe").load(path) for path in sorted((ROOT / "data" / "plans").glob("*.yml"))]
    return [group["id"] for plan in plans for group in plan["groups"]]


def articles(language: str, count: int, seed: int = 6) -> Iterator[Article]:
    """`count` articles of shuffled page sentences in a language (the worst case for search)."""
    pool = sentences(language)
    groups = group_ids()
    words = " ".join(pool).split()
    rng = random.Random(seed)
    text_rng = random.Random(f"{seed}-{language}")
    start = dt.date(2021, 8, 1)
    for n in range(1, count + 1):
        date = start + dt.timedelta(days=rng.randrange(0, 1500))
        title_words = " ".join(text_rng.sample(words, 5)).strip(".,;:")
        sections = [(heading, [" ".join(text_rng.sample(pool, 4)) for _ in range(2)]) for heading in HEADINGS[language]]
        yield Article(slug=f"bai-{n:04d}", date=date, title=TITLE[language].format(n=n, words=title_words),
                      description=text_rng.choice(pool)[:150], sections=sections, group=rng.choice(groups))


def topical_articles(language: str, count: int, seed: int = 6) -> Iterator[Article]:
    """`count` news-style articles in a language, each about one group of the plan (see the module's doc)."""
    rng = random.Random(seed)
    text_rng = random.Random(f"{seed}-{language}-topical")
    general = sentences(language) + data_texts(language)
    topics, agencies = dict(zip(group_ids(), group_titles(language))), agency_names(language)
    start = dt.date(2021, 8, 1)
    for n in range(1, count + 1):
        date = start + dt.timedelta(days=rng.randrange(0, 1500))
        group = rng.choice(sorted(topics))   # the same group in both languages: rng is not per language
        topic, agency = topics[group], text_rng.choice(agencies)

        def sentence() -> str:
            activity = text_rng.choice(ACTIVITIES[language])
            audience = text_rng.choice(AUDIENCES[language])
            return text_rng.choice(TEMPLATES[language]).format(
                day=date.day, month=date.month, month_name=MONTHS[date.month - 1], year=date.year,
                agency=agency if text_rng.random() < 0.7 else text_rng.choice(agencies),
                activity=activity, activity_bare=activity.split(" ", 1)[1] if language == "en" else activity,
                topic_lower=topic[0].lower() + topic[1:], audience=audience, audience_lower=audience,
                period=text_rng.choice(PERIODS[language]), n=text_rng.randrange(12, 480))

        sections = [(heading, [" ".join([sentence(), sentence(), text_rng.choice(general)]) for _ in range(2)])
                    for heading in HEADINGS[language]]
        yield Article(slug=f"bai-{n:04d}", date=date, title=TITLE[language].format(n=n, words=topic),
                      description=sentence()[:150], sections=sections, group=group)


TEXTS: dict[str, Callable[[str, int], Iterator[Article]]] = {"shuffled": articles, "topical": topical_articles}


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


AUTHORS = ("ban-bien-tap", "lql")   # ids in data/authors.yml


def write_posts(docs: Path, language: str, items: Iterator[Article]) -> int:
    """Articles as news posts, with the front matter `make article` starts and editors fill in."""
    folder = docs / language / POSTS_DIR
    groups = group_ids()
    count = 0
    for n, article in enumerate(items):
        # A second category on every third post, so categories overlap as real news does.
        categories = [article.group] + ([groups[(groups.index(article.group) + 1) % len(groups)]] if n % 3 == 0 else [])
        meta = {"title": article.title, "description": article.description, "slug": article.slug,
                "authors": [AUTHORS[n % len(AUTHORS)]], "categories": categories}
        # JSON is YAML too: every value is quoted safely, whatever the sentence holds. The date stays a YAML date.
        front = f"date: {article.date.isoformat()}\n" + "".join(
            f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
        (heading, (lead, *rest)), *others = article.sections
        body = [lead, "<!-- more -->", *rest]
        for heading, paragraphs in others:
            body += [f"## {heading}", *paragraphs]
        (folder / f"{article.date.isoformat()}-{article.slug}.md").write_text(
            f"---\n{front}---\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
        count += 1
    return count


LAYOUTS: dict[str, Callable[[Path, str, Iterator[Article]], int]] = {"pages": write_pages, "blog": write_posts}


def generate(target: Path, count: int, layout: str = "pages", text: str = "shuffled") -> Path:
    """Copy the project to `target` and add `count` articles per language; returns the copy."""
    project = copy_project(target)
    for language in LANGUAGES:
        LAYOUTS[layout](project / "docs", language, TEXTS[text](language, count))
    return project


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Write a synthetic copy of the project with many articles.")
    parser.add_argument("target", type=Path)
    parser.add_argument("--articles", type=int, default=1000, help="articles per language")
    parser.add_argument("--layout", choices=sorted(LAYOUTS), default="pages")
    parser.add_argument("--text", choices=sorted(TEXTS), default="shuffled")
    args = parser.parse_args()
    print(generate(args.target, args.articles, args.layout, args.text))
