"""Attack 3: hostile text in every front-matter key the CMS offers, in a news article and in a page.

Material prints some front matter into its own templates without escaping (title, description, subtitle,
the tags of an article); the CMS's forms offer every key of the models. Free-text keys take the hostile
text and show it exactly as typed, never as markup; keys with a shape (an address, a date, an id, a choice,
a path, a template) refuse it with a message naming the key, never a traceback. The keys come from the CMS's
own configuration (plansite.cms.config), so a key added there is covered, or this test says it is not."""
from __future__ import annotations

import json

import pytest

from browser_judge import live_pages, site_judge
from conftest import ENDED, write_post
from contributed import assert_refused, build, commit_and_clone
from html_page import read
from plansite.check.checks import run_checks
from plansite.cms.config import DateBounds, FieldBuilder, choices, news_collection, pages_collection
from plansite.load.sitedata import load_site_data
from plansite.model import ArticleMeta, FrontMatter

HOSTILE = '</title><script>alert(1)</script>"><img src=x onerror=alert(2)><!--><svg onload=alert(3)>'
TAG = "<img src=x onerror=alert(4)>"
# Keys that hold text an editor writes: shown as typed.
FREE_TEXT = {"news": {"title", "description", "tags", "cover.alt", "cover.credit"},
             "pages": {"title", "description", "subtitle"}}
# Keys with a shape, and the hostile values each must refuse.
SHAPED = {
    "news": {"slug": ["<img src=x onerror=alert(1)>"], "date": ["<script>"], "authors": [["<script>alert(1)</script>"]],
             "categories": [["javascript:alert(1)"]], "draft": ["<b>x</b>"], "translated": ["<b>x</b>"],
             "pin": ["<b>x</b>"], "cover.image": ["assets/../../../etc/passwd", "javascript:alert(1)", "/etc/passwd"]},
    "pages": {"hide": [["<script>"]], "template": ["../../../../../etc/passwd", "/etc/passwd", "redirect.html",
                                                  "partials/header.html", "<script>.html"],
              "source": ["../../etc/passwd", "javascript:alert(1)", "/etc/passwd"], "search.exclude": ["<b>x</b>"],
              "translated": ["<b>x</b>"]},
}
ARTICLE = {"title": "Bài", "description": "Mô tả.", "date": "2026-11-30", "slug": "bai-moi", "authors": ["lql"],
           "categories": ["tuyen-truyen-giao-duc"],
           "cover": {"image": "assets/images/tin-tuc/nhom-noi-dung.svg", "alt": "Ảnh", "credit": "Nguồn"}}
BODY = "Mở đầu.\n\n<!-- more -->\n\nNội dung.\n"


def cms_keys(collection: dict) -> set[str]:
    keys = set()

    def walk(fields, prefix=""):
        for field in fields:
            if field.get("widget") == "object":
                walk(field["fields"], prefix + field["name"] + ".")
            elif field["name"] not in ("body", "lead"):  # the page's Markdown (the lead above <!-- more -->), not front matter
                keys.add(prefix + field["name"])
    walk(collection["fields"])
    return keys


def test_every_key_the_cms_offers_is_covered():
    data = load_site_data(ENDED.content)
    offered = {"news": cms_keys(news_collection(FieldBuilder(ArticleMeta, choices(data)), DateBounds.of(data))),
               "pages": cms_keys(pages_collection(FieldBuilder(FrontMatter, choices(data))))}
    for kind, keys in offered.items():
        assert keys == FREE_TEXT[kind] | set(SHAPED[kind]), (kind, keys ^ (FREE_TEXT[kind] | set(SHAPED[kind])))


def front(meta: dict) -> str:
    """Front matter as YAML (JSON values; a date unquoted, as the blog plugin wants a date, not a text)."""
    return "\n".join(f"{key}: {value if key == 'date' else json.dumps(value, ensure_ascii=False)}"
                      for key, value in meta.items())


def setting(meta: dict, key: str, value) -> dict:
    meta = json.loads(json.dumps(meta))
    *parents, last = key.split(".")
    target = meta
    for parent in parents:
        target = target.setdefault(parent, {})
    target[last] = value
    return meta


def test_hostile_text_in_every_free_text_key_is_shown_as_typed_and_never_live(project, tmp_path, browser, ended_site):
    article = dict(ARTICLE, title=HOSTILE, description=HOSTILE, tags=[HOSTILE, TAG],
                   cover=dict(ARTICLE["cover"], alt=HOSTILE, credit=HOSTILE))
    for language in ("vi", "en"):
        write_post(project, language, "2026-11-30-bai-moi.md", front(article), BODY)
        page = project / f"docs/{language}/huong-dan.md"
        body = page.read_text(encoding="utf-8").split("---\n", 2)[2]
        page.write_text(f"---\n{front({'title': HOSTILE, 'subtitle': HOSTILE, 'description': HOSTILE})}\n---\n{body}",
                        encoding="utf-8")
    clone = commit_and_clone(project, tmp_path / "clone")
    site_dir = tmp_path / "site"
    result = build(clone, site_dir)
    assert result.returncode == 0, result.stderr[-3000:]
    assert live_pages(site_judge(browser, ended_site), site_dir) == {}
    for language in ("", "en/"):
        shown = read(site_dir / language / "tin-tuc/bai-moi/index.html")
        assert shown.h1.strip() == HOSTILE
        assert [t.get_text().strip() for t in shown.select(".md-tag")] == [HOSTILE, TAG]
        assert HOSTILE in shown.text  # the cover's credit
        guide = read(site_dir / language / "huong-dan/index.html")
        assert guide.soup.title.get_text().startswith(HOSTILE + " - ")  # the page's title, as typed
        assert guide.meta["description"] == [HOSTILE] and guide.meta["og:title"] == [HOSTILE]
        listing = read(site_dir / language / "tin-tuc/index.html")
        assert HOSTILE in listing.text


CASES = [(kind, key, value) for kind, keys in SHAPED.items() for key, values in keys.items() for value in values]


def test_a_hostile_value_in_a_key_with_a_shape_is_refused_by_name(project):
    """Each value in a file of its own, all checked in one run: each file gets a problem naming its key."""
    files = {}
    for number, (kind, key, value) in enumerate(CASES):
        if kind == "news":
            meta = setting(dict(ARTICLE, slug=f"bai-{number}"), key, value)
            for language in ("vi", "en"):
                write_post(project, language, f"2026-11-30-bai-{number}.md", front(meta), BODY)
            files[f"docs/vi/tin-tuc/posts/2026-11-30-bai-{number}.md"] = (key, value)
        else:
            for language in ("vi", "en"):
                (project / f"docs/{language}/trang-{number}.md").write_text(
                    f"---\n{front(setting({'description': 'Mô tả.'}, key, value))}\n---\n\n# Trang\n", encoding="utf-8")
            files[f"docs/en/trang-{number}.md"] = (key, value)
    problems = run_checks(project)[1]
    for path, (key, value) in files.items():
        named = [str(p) for p in problems if p.path == path and key.split(".")[-1] in str(p)]
        assert named, (path, key, value, [str(p) for p in problems if p.path == path])


@pytest.mark.parametrize("template", ["../../../../../etc/passwd", "redirect.html"])
def test_a_template_outside_the_allow_list_stops_the_build_with_a_message(project, tmp_path, template):
    page = project / "docs/vi/huong-dan.md"
    page.write_text(page.read_text(encoding="utf-8").replace("---\n", f"---\ntemplate: {template}\n", 1), encoding="utf-8")
    clone = commit_and_clone(project, tmp_path / "clone")
    assert_refused(build(clone, tmp_path / "site"), f"docs/vi/huong-dan.md:2:1: template: không có khuôn trang {template}",
                   "main.html")
