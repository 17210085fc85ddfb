"""Hostile text in every text field of every kind of data file: the models are walked to find the fields,
each gets raw HTML, an event handler, a `javascript:` Markdown link and a `{{ }}` placeholder, and no built
page may carry live markup from it (each page parsed, never grepped)."""
from __future__ import annotations

import shutil
import types
import typing
from pathlib import Path

import pytest
from annotated_types import MinLen
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from ruamel.yaml import YAML

from conftest import add_fixture_campaign, copy_project, run_build
from plansite.model import DATA_FILES, DATA_FOLDERS, REPORTS_FOLDER, OptionalText, Text
from html_page import read
from test_safety import HOSTILE
from test_tracker import FIXTURES

yaml = YAML(typ="safe")


def is_free_text(info: FieldInfo) -> bool:
    """A plain string field without a pattern or a validator of its own (ids, addresses, paths have one)."""
    if info.annotation is not str:
        return False
    return all(isinstance(m, MinLen) or type(m).__name__ == "StringConstraints" and m.pattern is None
               for m in info.metadata) and not any(type(m).__name__ == "AfterValidator" for m in info.metadata)


def models_in(annotation) -> list[type[BaseModel]]:
    """The models an annotation may hold: X, X | None, list[X], a discriminated union of models."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return models_in(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list):
        return [m for arg in typing.get_args(annotation) for m in models_in(arg)]
    return [annotation] if isinstance(annotation, type) and issubclass(annotation, BaseModel) else []


def fitting(candidates: list[type[BaseModel]], value: dict) -> type[BaseModel] | None:
    """Which model a mapping in the file is: the one whose required fields it has and no field it lacks."""
    for model in candidates:
        required = {n for n, f in model.model_fields.items() if f.is_required()}
        if required <= set(value) and set(value) <= set(model.model_fields):
            return model
    return None


def poison(model: type[BaseModel], value: dict, where: str, found: list[str]) -> None:
    """Put the payload into every text field of `value` (a file's mapping, as `model` reads it)."""
    if model in (Text, OptionalText):
        for language in ("vi", "en"):
            value[language] = HOSTILE
            found.append(f"{where}.{language}")
        return
    for name, info in model.model_fields.items():
        if name not in value and OptionalText in models_in(info.annotation):
            value[name] = {}  # an optional text the data leaves empty (a task's description, a contact)
        if name not in value or value[name] is None:
            continue
        if is_free_text(info):
            value[name] = HOSTILE
            found.append(f"{where}.{name}")
            continue
        candidates = models_in(info.annotation)
        items = value[name] if isinstance(value[name], list) else [value[name]]
        for index, item in enumerate(items):
            if isinstance(item, dict) and (inner := fitting(candidates, item)):
                poison(inner, item, f"{where}.{name}" + (f"[{index}]" if isinstance(value[name], list) else ""), found)


def poisoned_files(project: Path) -> dict[str, list[str]]:
    """Every data file of the project, poisoned in place: file -> the fields that got the payload."""
    shutil.copy(FIXTURES / "2022-06.yml", project / "data" / REPORTS_FOLDER / "2022-06.yml")
    add_fixture_campaign(project)  # the published data records no campaign; its fields get the payload too
    files = {f"data/{name}": model for name, model in DATA_FILES.items()}
    files.update({f"data/{folder}/{path.name}": model for folder, model in DATA_FOLDERS.items()
                  for path in sorted((project / "data" / folder).glob("*.yml"))})
    fields: dict[str, list[str]] = {}
    for name, model in files.items():
        path = project / name
        data = yaml.load(path.read_text(encoding="utf-8"))
        fields[name] = []
        poison(model, data, "", fields[name])
        with path.open("w", encoding="utf-8") as stream:
            yaml.dump(data, stream)
    return fields


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, dict[str, list[str]]]:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    fields = poisoned_files(project)
    site = project.parent / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    return site, fields


def test_every_kind_of_data_file_had_its_text_fields_poisoned(hostile):
    _, fields = hostile
    kinds = {name.rsplit("/", 1)[0] if name.count("/") > 1 else name for name in fields}
    assert kinds == {*(f"data/{n}" for n in DATA_FILES), *(f"data/{f}" for f in DATA_FOLDERS)}
    assert all(fields.values()), [name for name, found in fields.items() if not found]
    # Texts in both languages and plain strings alike, deep in lists.
    assert ".groups[1].tasks[0].title.en" in fields["data/plans/ascc-2025.yml"]
    assert ".legal_basis.number" in fields["data/plans/ascc-2025.yml"]
    assert ".campaigns[0].materials[0].title.vi" in fields["data/campaigns.yml"]
    assert ".authors[0].name.vi" in fields["data/authors.yml"]
    assert ".tasks[1].indicators[0].source.en" in fields["data/reports/2022-06.yml"]
    # Optional texts left empty in the data are filled in too.
    assert ".agencies[0].contact.vi" in fields["data/agencies.yml"]
    assert ".groups[1].tasks[0].description.en" in fields["data/plans/ascc-2025.yml"]


def test_no_page_carries_live_markup_from_the_data(hostile):
    site, _ = hostile
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    shown = 0
    for path in pages:
        page = read(path)
        assert not [s for s in page.scripts if "alert" in s], path
        assert page.handlers == [] and page.javascript == [], path
        shown += HOSTILE in page.text
    # Shown as typed, placeholder and all, rather than dropped.
    assert shown > 20
    standing = read(site / "en/theo-doi/co-quan/index.html").section("so-ldtbxh")
    assert any(HOSTILE in element.get_text() for element in standing)
