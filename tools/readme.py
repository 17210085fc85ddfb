"""Write measured figures into the README, between `<!-- NAME -->` and `<!-- /NAME -->`."""
from __future__ import annotations

import re

from tools.project import ROOT

README = ROOT / "README.md"


def replace_section(name: str, text: str) -> None:
    content = README.read_text(encoding="utf-8")
    pattern = re.compile(rf"(<!-- {name} -->\n).*?(<!-- /{name} -->)", re.S)
    if not pattern.search(content):
        raise SystemExit(f"README.md has no <!-- {name} --> … <!-- /{name} --> section")
    README.write_text(pattern.sub(lambda m: m.group(1) + text.rstrip() + "\n" + m.group(2), content), encoding="utf-8")


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
