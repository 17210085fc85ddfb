"""The string catalogue: both languages hold the same keys with the same placeholders, and a gap falls back
to Vietnamese with a warning instead of a blank or a crash."""
from __future__ import annotations

import logging
import string

import pytest
import yaml

from plansite.render import catalogue
from plansite.model import LANGUAGES


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_language_has_the_same_keys():
    vi, en = (set(catalogue.keys(language)) for language in LANGUAGES)
    assert vi, "the Vietnamese catalogue is empty"
    assert sorted(vi - en) == [], "missing in locales/en.yml"
    assert sorted(en - vi) == [], "missing in locales/vi.yml"


def test_every_text_keeps_its_placeholders_in_translation():
    differing = [key for key in catalogue.keys("vi")
                 if placeholders(catalogue.text("vi", key)) != placeholders(catalogue.text("en", key))]
    assert differing == []


def test_no_text_is_empty():
    assert [(lang, key) for lang in LANGUAGES for key in catalogue.keys(lang) if not catalogue.text(lang, key).strip()] == []


@pytest.fixture
def locales(tmp_path, monkeypatch):
    """A catalogue of our own, read instead of locales/."""
    monkeypatch.setattr(catalogue, "LOCALES", tmp_path)
    catalogue._texts.cache_clear()
    yield tmp_path
    catalogue._texts.cache_clear()


def test_a_missing_translation_shows_the_vietnamese_text_and_says_so(locales, caplog):
    (locales / "vi.yml").write_text(yaml.safe_dump({"plan": {"funding": "Kinh phí", "aim": "Mục tiêu"}}, allow_unicode=True))
    (locales / "en.yml").write_text(yaml.safe_dump({"plan": {"funding": "Funding"}}))
    with caplog.at_level(logging.WARNING):
        assert catalogue.section("en", "plan")["aim"] == "Mục tiêu"
    assert "'plan.aim' is missing in en.yml" in caplog.text
    assert catalogue.section("en", "plan")["funding"] == "Funding"
    assert sorted(catalogue.section("en", "plan")) == ["aim", "funding"]


def test_a_key_missing_everywhere_is_named(locales):
    (locales / "vi.yml").write_text("plan:\n  funding: Kinh phí\n", encoding="utf-8")
    (locales / "en.yml").write_text("plan:\n  funding: Funding\n", encoding="utf-8")
    with pytest.raises(catalogue.MissingText, match="plan.organisation"):
        catalogue.section("vi", "plan")["organisation"]
