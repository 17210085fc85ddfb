"""Counts read as the language says them: a catalogue text that counts has one form per plural category
(CLDR's, through Babel), and the form follows the number; Vietnamese keeps one form for every number."""
from __future__ import annotations

import string

import pytest
import yaml
from babel import Locale

from plansite.model import LANGUAGES
from plansite.render import catalogue
from plansite.render.templates import Translator, markdown_escape


@pytest.fixture
def locales(tmp_path, monkeypatch):
    """A catalogue of our own, read instead of locales/."""
    monkeypatch.setattr(catalogue, "LOCALES", tmp_path)
    catalogue._texts.cache_clear()
    (tmp_path / "vi.yml").write_text(yaml.safe_dump({"groups": {"task_count": "{n} nhiệm vụ", "title": "Nhóm"}},
                                                    allow_unicode=True), encoding="utf-8")
    (tmp_path / "en.yml").write_text(yaml.safe_dump({"groups": {"task_count": {"one": "{n} task", "other": "{n} tasks"},
                                                                "title": "Group"}}), encoding="utf-8")
    yield tmp_path
    catalogue._texts.cache_clear()


def test_the_number_chooses_the_form(locales):
    assert [catalogue.fill("en", "groups.task_count", n=n) for n in (0, 1, 2, 11)] == \
        ["0 tasks", "1 task", "2 tasks", "11 tasks"]
    assert [catalogue.fill("vi", "groups.task_count", n=n) for n in (1, 11)] == ["1 nhiệm vụ", "11 nhiệm vụ"]


def test_a_text_with_forms_is_one_key_like_any_other(locales):
    assert catalogue.keys("en") == catalogue.keys("vi") == ["groups.task_count", "groups.title"]
    assert catalogue.text("en", "groups.task_count") == "{n} tasks"  # no number given: the general form
    assert dict(catalogue.section("en", "groups")) == {"task_count": "{n} tasks", "title": "Group"}


def test_templates_choose_the_form_by_n(locales):
    t = Translator("en", markdown_escape)
    assert (t("groups.task_count", n=1), t("groups.task_count", n=3)) == ("1 task", "3 tasks")


def counts(template: str) -> bool:
    return "n" in {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_counting_text_has_a_form_for_each_plural_category(language):
    """A text with a number {n} in a language whose nouns change with the number has each of its forms; and no
    text names a category the language does not have."""
    categories = Locale.parse(language).plural_form.tags | {"other"}
    needs_forms = language == "en"  # Vietnamese nouns do not change with the number: one form serves every count
    missing, foreign = [], []
    for key in catalogue.keys(language):
        forms = catalogue.forms(language, key)
        foreign += [f"{key}.{category}" for category in set(forms) - categories]
        if needs_forms and counts(forms["other"]) and set(forms) != categories:
            missing.append(f"{key}: {sorted(categories - set(forms))}")
    assert (missing, foreign) == ([], [])
