"""A new site made by `make new-site` (tools/new_site.py) for an engine test to change the way a pull request
would, and the helpers to change it and read its problems."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from plansite.load.sitedata import load_site_data
from plansite.validate.problems import SourceError
from tools.new_site import new_site

MADE = dt.date(2026, 12, 1)  # the starter's plan then runs from 2026-01-01 to 2030-12-31
PLAN = "data/plans/ke-hoach.yml"


@pytest.fixture
def site(tmp_path) -> Path:
    root = tmp_path / "site"
    new_site(root, MADE)
    return root


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(root: Path, name: str, text: str) -> None:
    path = root / name
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def line_of(root: Path, name: str, needle: str) -> int:
    return next(n for n, line in enumerate((root / name).read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def problems(root: Path) -> list[str]:
    with pytest.raises(SourceError) as caught:
        load_site_data(root)
    return [str(p) for p in caught.value.problems]


SECOND_PLAN_GROUP = ("  - id: nhom-1\n", "  - id: nhom-mot\n")


def second_plan(site: Path) -> None:
    """A second plan beside the starter's, with groups of its own and its own page folders."""
    text = (site / PLAN).read_text(encoding="utf-8").replace("id: ke-hoach\n", "id: ke-hoach-hai\n")
    text = text.replace("  plan: ke-hoach\n  tracker: theo-doi\n", "  plan: ke-hoach-hai\n  tracker: theo-doi-hai\n")
    (site / "data/plans/ke-hoach-hai.yml").write_text(text.replace(*SECOND_PLAN_GROUP), encoding="utf-8")
