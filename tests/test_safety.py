"""Hostile or careless content never puts markup, a script or a link of its own on a page."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from conftest import run_build
from plansite.render.escaping import markdown_text, yaml_string

HOSTILE = ("</title><script>alert(1)</script> \"><img src=x onerror=alert(2)> [x](javascript:alert(3)) "
           "**b** {{ site.name }} # h | c & d")


class Markup(HTMLParser):
    """What a browser would run or follow in a built page."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.handlers: list[str] = []
        self.javascript: list[str] = []
        self._in_script = False
        self.text = ""
        self.feed(html)

    @classmethod
    def of(cls, path: Path) -> "Markup":
        return cls(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"{tag} {name}={value}")
            if (value or "").strip().lower().startswith("javascript:"):
                self.javascript.append(f"{tag} {name}={value}")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)
        self.text += data


def edit(project: Path, name: str, old: str, new: str) -> None:
    path = project / "data" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_markdown_text_shows_every_character_as_typed():
    import markdown

    parser = Markup(markdown.markdown(markdown_text(HOSTILE), extensions=["tables", "attr_list", "md_in_html"]))
    assert parser.text.strip() == HOSTILE
    assert not parser.scripts and not parser.handlers and not parser.javascript


def test_yaml_string_survives_quotes_backslashes_and_newlines():
    from ruamel.yaml import YAML

    text = 'a "quoted" \\ back\nslash: # not a comment'
    assert YAML(typ="safe").load(f"description: {yaml_string(text)}") == {"description": " ".join(text.split())}


def test_hostile_data_texts_are_shown_as_text_on_every_page(project, tmp_path):
    quoted = "'" + HOSTILE.replace("'", "''") + "'"
    edit(project, "plans/ascc-2025.yml", "      vi: Cộng đồng bền vững\n", f"      vi: {quoted}\n")
    edit(project, "plans/ascc-2025.yml", "      en: Activities towards a community that develops sustainably.\n", f"      en: {quoted}\n")
    edit(project, "site.yml", "  vi: Kế hoạch thực hiện mục tiêu Cộng đồng Văn hóa - Xã hội ASEAN đến năm 2025\n",
         f"  vi: {quoted}\n")
    edit(project, "site.yml", "      vi: Kế hoạch\n", f"      vi: {quoted}\n")
    edit(project, "site.yml", '  vi: ""\n  en: ""\n', f"  vi: {quoted}\n  en: {quoted}\n")
    result = run_build(project, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    pages = sorted((tmp_path / "out").rglob("*.html"))
    assert len(pages) > 30
    for path in pages:
        page = Markup.of(path)
        assert not [s for s in page.scripts if "alert" in s], path
        assert page.handlers == [] and page.javascript == [], path
    group = Markup.of(tmp_path / "out/ke-hoach/cong-dong-ben-vung/index.html")
    assert HOSTILE in group.text  # shown exactly as typed: title, menu, site name, footer
    english = Markup.of(tmp_path / "out/en/ke-hoach/cong-dong-ben-vung/index.html")
    assert "Activities towards" not in english.text and HOSTILE in english.text
