"""Property: whatever YAML an editor saves, the loaders give a valid model or the project's own error (files of the
ended fixture site, cut and changed).

Never a traceback from ruamel, pydantic or our own code, whatever the bytes."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from ruamel.yaml import YAML

from conftest import ENDED, copy_project
from plansite.model import DATA_FILES, DATA_FOLDERS
from plansite.load.pages import read_page
from plansite.validate.problems import SourceError
from plansite.load.sitedata import SiteData, load_site_data

# Every single file, and each file of the folders (plans, frameworks, reports) of the ended fixture site.
FILES = sorted([*DATA_FILES, *(f"{folder}/{path.name}" for folder in DATA_FOLDERS
                               for path in (ENDED.content / "data" / folder).glob("*.yml"))])
# Each example reads all four data files (about 40 ms): 60 per property keeps the suite quick.
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30),
                    st.dates(), st.sampled_from(["vi", "en", "id", "so-ldtbxh", "plan", "2021-07-22"]))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.dictionaries(st.sampled_from(["vi", "en", "id", "title", "groups", "agencies", "name", "navigation",
                                     "page", "section", "pages", "number"]) | st.text(max_size=8), inner, max_size=4),
), max_leaves=20)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("fuzz") / "project", ENDED.content)


def load_with(workspace: Path, name: str, content: bytes) -> None:
    path = workspace / "data" / name
    original = path.read_bytes()
    path.write_bytes(content)
    try:
        result = load_site_data(workspace)
        assert isinstance(result, SiteData)
    except SourceError as error:
        assert error.problems and all(p.path.startswith("data/") and p.line >= 1 for p in error.problems)
    finally:
        path.write_bytes(original)


@FUZZ
@given(name=st.sampled_from(FILES), content=st.binary(max_size=300))
def test_arbitrary_bytes(workspace, name, content):
    load_with(workspace, name, content)


@FUZZ
@given(name=st.sampled_from(FILES), content=st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_arbitrary_text(workspace, name, content):
    load_with(workspace, name, content.encode("utf-8"))


@FUZZ
@given(name=st.sampled_from(FILES), value=values)
def test_arbitrary_yaml_structures(workspace, name, value):
    stream = io.StringIO()
    YAML(typ="safe", pure=True).dump(value, stream)
    load_with(workspace, name, stream.getvalue().encode("utf-8"))


@FUZZ
@given(name=st.sampled_from(FILES), data=st.data())
def test_edits_of_the_real_files(workspace, name, data):
    """Near-valid files reach the models and the cross-file checks: cut, insert or replace a piece."""
    text = (workspace / "data" / name).read_text(encoding="utf-8")
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 80)))
    piece = data.draw(st.sampled_from(["", ": ", "- ", "\t", "&a ", "*a", "!!python/object ", "[", "{", "\n", "  ",
                                       "vi:", "en: x\n", "id: so-ldtbxh\n", "'", '"', "#", "~", "<script>"])
                      | st.text(max_size=12))
    load_with(workspace, name, (text[:start] + piece + text[end:]).encode("utf-8", "replace"))


@FUZZ
@given(front=st.text(max_size=200), body=st.text(max_size=100))
def test_arbitrary_front_matter_gives_problems_not_exceptions(front, body):
    page = read_page("vi", "x.md", f"---\n{front}\n---\n{body}", "docs/vi/x.md")
    assert all(p.path == "docs/vi/x.md" and p.line >= 1 for p in page.problems)
    assert isinstance(page.meta, dict)
