"""Hostile or careless text, what "inert" means for a page that shows it, and a project whose every text field
of every kind of data file holds it (the models are walked to find the fields)."""
from __future__ import annotations

import types
import typing
from pathlib import Path

from annotated_types import MinLen
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from ruamel.yaml import YAML

from html_page import Page
from plansite.load.sitedata import load_site_data
from plansite.model import DATA_FILES, DATA_FOLDERS, REPORTS_FOLDER, OptionalText, Text

yaml = YAML(typ="safe")

HOSTILE = ("</title><script>alert(1)</script> \"><img src=x onerror=alert(2)> [x](javascript:alert(3)) "
           "**b** {{ site.name }} # h | c & d")


def assert_inert(page: Page, where) -> None:
    """No script of the text's own, no event handler, no javascript: address."""
    assert not [s for s in page.scripts if "alert" in s], where
    assert page.handlers == [] and page.javascript == [], where


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
    """Every data file of the project, poisoned in place: file -> the fields that got the payload. A project
    without a report gets one first, with a note and an indicator, so that every kind of file is poisoned."""
    if not list((project / "data" / REPORTS_FOLDER).glob("*.yml")):
        add_report(project)
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


def add_report(project: Path) -> None:
    """A plausible first report on the main plan's first task, by its standing agency, on its first day."""
    scope = load_site_data(project).main
    plan, (_, task) = scope.plan, scope.tasks()[0]
    day = max(plan.issued.date, plan.period.start).isoformat()
    def text():  # a new mapping each time: a data file may not repeat one by alias
        return {"vi": "Văn bản", "en": "Text"}

    report = {"plan": plan.id, "date": day, "agency": plan.organisation.standing_agency,
              "period": {"start": plan.period.start.isoformat(), "end": day},
              "tasks": [{"task": task.id, "status": "in-progress", "note": text(),
                         "indicators": [{"name": text(), "value": 1, "unit": text(), "date": day, "source": text()}]}]}
    with (project / "data" / REPORTS_FOLDER / f"{plan.id}-{day}.yml").open("w", encoding="utf-8") as stream:
        yaml.dump(report, stream)
