"""Every text an editor reads comes from the catalogue (locales/<language>.yml): problems and their fixes,
"vi / en" as before, and each data field's description. A language is added to the messages without a
change in Python, and no Python source under hooks/ holds a text in Vietnamese."""
from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path
from typing import get_args

import pytest
from pydantic import BaseModel

import plansite.model as model
from plansite.model import AgencyKind
from plansite.render import catalogue
from plansite.validate import problems
from plansite.validate.problems import has_text, named, say
from tools.project import ROOT

VIETNAMESE = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE)
# Python that may still hold Vietnamese letters in a string, each for a reason other than a text to read:
ALLOWED = {
    # Pagefind does not fold "đ": the letter is a search rule, not a text.
    "hooks/plansite/index/search.py",
    # Reads the descriptions' own format ("nhãn, ví dụ …"): a parser of catalogue texts, not a text.
    "hooks/plansite/cms/config.py",
    # The message for a key missing from every catalogue cannot come from the catalogue.
    "hooks/plansite/render/catalogue.py",
    # sec20 owns it this wave (its rules' messages move to the catalogue with its own change).
    "hooks/plansite/check/html_safety.py",
}


def strings_outside_docstrings(source: str) -> list[tuple[int, str]]:
    """Every string constant in the code that is not a docstring, with its line."""
    tree = ast.parse(source)
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_no_python_under_hooks_holds_a_vietnamese_text():
    found = [f"{path.relative_to(ROOT)}:{line}: {text[:60]!r}"
             for path in sorted((ROOT / "hooks").rglob("*.py")) if path.relative_to(ROOT).as_posix() not in ALLOWED
             for line, text in strings_outside_docstrings(path.read_text(encoding="utf-8")) if VIETNAMESE.search(text)]
    assert found == [], "move these texts to locales/vi.yml and locales/en.yml"


def test_the_guard_finds_a_vietnamese_text_and_skips_docstrings():
    source = '"""Kế hoạch."""\ndef f():\n    """Nhóm 3."""\n    return "thiếu bản tiếng Anh"\n'
    assert strings_outside_docstrings(source) == [(4, "thiếu bản tiếng Anh")]


def test_a_message_is_said_in_every_language_from_its_catalogue():
    assert say("problems.unknown_agency", agency="so-xyz") == 'không có cơ quan "so-xyz" / unknown agency "so-xyz"'
    assert say("fixes.use_agency_id", shown="a, b") == "dùng một mã trong data/agencies.yml / use an id from data/agencies.yml: a, b"
    assert say("problems.missing_text", language=named("language_names.en")) == "thiếu bản tiếng Anh / missing English text"


def test_a_third_language_needs_no_change_in_python(tmp_path, monkeypatch):
    for language, texts in {"vi": ("không có cơ quan", "tiếng Anh"), "en": ("unknown agency", "English"),
                            "fr": ("organisme inconnu", "anglais")}.items():
        (tmp_path / f"{language}.yml").write_text(
            f'problems:\n  unknown_agency: \'{texts[0]} "{{agency}}"\'\nlanguage_names:\n  en: {texts[1]}\n', encoding="utf-8")
    monkeypatch.setattr(catalogue, "LOCALES", tmp_path)
    monkeypatch.setattr(problems, "LANGUAGES", ("vi", "en", "fr"))
    catalogue._texts.cache_clear()
    try:
        assert say("problems.unknown_agency", agency="x") == 'không có cơ quan "x" / unknown agency "x" / organisme inconnu "x"'
        assert say("language_names.en") == "tiếng Anh / English / anglais"
    finally:
        catalogue._texts.cache_clear()


def models() -> list[type[BaseModel]]:
    return sorted({cls for cls in vars(model).values() if inspect.isclass(cls) and issubclass(cls, model.Strict)
                   and cls is not model.Strict}, key=lambda cls: cls.__name__)


def field_key(cls: type[BaseModel], name: str) -> str | None:
    return next((f"fields.{owner.__name__}.{name}" for owner in cls.__mro__ if has_text(f"fields.{owner.__name__}.{name}")), None)


@pytest.mark.parametrize("cls", models(), ids=lambda cls: cls.__name__)
def test_every_data_field_has_a_description_in_both_languages(cls):
    assert [name for name in cls.model_fields if field_key(cls, name) is None] == [], \
        "add fields.<Model>.<field> to locales/vi.yml and locales/en.yml"
    schema = cls.model_json_schema()
    for name, prop in schema.get("properties", {}).items():
        vietnamese, english = prop["description"].split(" / ", 1)
        assert vietnamese == catalogue.text("vi", field_key(cls, name)) and english == catalogue.text("en", field_key(cls, name))


def test_every_agency_kind_has_a_name_in_both_languages():
    for language in ("vi", "en"):
        assert [kind for kind in get_args(AgencyKind) if f"agency_kinds.{kind}" not in catalogue.keys(language)] == []


def test_a_models_own_rule_speaks_from_the_catalogue(tmp_path):
    from plansite.load.sitedata import explain
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as caught:
        model.OptionalText(vi="chỉ tiếng Việt")
    assert explain(caught.value.errors()[0]) == ("điền cả hai ngôn ngữ hoặc để trống cả hai / fill in both languages or neither", "")
    with pytest.raises(ValidationError) as caught:
        model.NavPage(page="../../etc/passwd")
    assert explain(caught.value.errors()[0])[0] == ("đường dẫn phải nằm trong kho / the path must stay inside the "
                                                    "repository: '../../etc/passwd'")
