"""Safe YAML reading that keeps the line and column of every value, for precise messages."""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent

from plansite.validate.problems import Problem, say

Location = tuple[str | int, ...]
# Tags that build plain data; any other tag (for example !!python/object) is refused.
CORE_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}
# Far above what any data file needs, far below what would slow the build or exhaust the parser's stack.
MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 40


@dataclass
class YamlDocument:
    """Plain data (dicts, lists, scalars) plus where each value stands in the file."""

    path: str
    data: Any
    positions: dict[Location, tuple[int, int]] = field(default_factory=dict)
    line_offset: int = 0  # lines above the YAML text in its file, e.g. front matter's opening ---

    def position(self, location: Location) -> tuple[int, int]:
        """The closest known position: a missing field points at its parent."""
        for end in range(len(location), -1, -1):
            if location[:end] in self.positions:
                return self.positions[location[:end]]
        return (1, 1)

    def problem(self, location: Location, message: str, hint: str = "") -> Problem:
        line, column = self.position(location)
        return Problem(self.path, line, column, dotted(location), message, hint)


def dotted(location: Location) -> str:
    """('groups', 2, 'title') -> 'groups[2].title', the way editors see a field."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def read_yaml(path: Path, shown_as: str) -> YamlDocument | Problem:
    """Read one file; a syntax, encoding, size or safety problem comes back as a Problem."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        return Problem(shown_as, 1, 1, "", say("problems.file_too_large", shown=f"{size:,} > {MAX_BYTES:,} bytes"),
                       say("fixes.file_too_large"))
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return Problem(shown_as, line, 1, "", say("problems.not_utf8"), say("fixes.not_utf8"))
    return parse_yaml(text, shown_as)


# One build reads each article's front matter several times (checks, articles, translation status, per
# language); with thousands of articles the round-trip parser's time adds up, so each text is parsed once.
# Callers only read the result.
@functools.lru_cache(maxsize=20_000)
def parse_yaml(text: str, shown_as: str, first_line: int = 1) -> YamlDocument | Problem:
    """Parse YAML text that starts at first_line of shown_as (front matter starts at line 2)."""
    offset = first_line - 1
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        # Aliases and deep nesting are refused from the event stream, before anything is built:
        # an alias-expansion bomb ("billion laughs") stops at its first alias.
        refused = _refused_structure(yaml, text, shown_as, offset)
        if refused:
            return refused
        tree = yaml.load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1 + offset, mark.column + 1) if mark else (first_line, 1)
        return Problem(shown_as, line, column, "", yaml_message(error), yaml_hint(error))
    except YAMLError as error:
        return Problem(shown_as, first_line, 1, "", say("problems.unreadable_yaml", shown=error))
    document = YamlDocument(shown_as, None, {(): (first_line, 1)}, offset)
    try:
        document.data = _plain(tree, (), document, set())
    except _Unsafe as unsafe:
        return unsafe.problem
    return document


def _refused_structure(yaml: YAML, text: str, shown_as: str, offset: int) -> Problem | None:
    depth = 0
    for event in yaml.parse(text):
        line, column = event.start_mark.line + 1 + offset, event.start_mark.column + 1
        if isinstance(event, AliasEvent):
            return Problem(shown_as, line, column, "", say("problems.aliases"), say("fixes.aliases"))
        depth += isinstance(event, CollectionStartEvent) - isinstance(event, CollectionEndEvent)
        if depth > MAX_DEPTH:
            return Problem(shown_as, line, column, "", say("problems.too_deep", levels=MAX_DEPTH), say("fixes.too_deep"))
    return None


class _Unsafe(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


def _plain(node: Any, location: Location, document: YamlDocument, seen: set[int]) -> Any:
    """Copy the tree into plain Python, noting positions and refusing tags (and aliases, again)."""
    tag = getattr(getattr(node, "tag", None), "value", None)
    if tag and tag not in CORE_TAGS:
        raise _Unsafe(document.problem(location, say("problems.yaml_tag", tag=tag), say("fixes.yaml_tag")))
    if isinstance(node, (CommentedMap, CommentedSeq)):
        if id(node) in seen:
            raise _Unsafe(document.problem(location, say("problems.aliases"), say("fixes.aliases")))
        seen.add(id(node))
    if isinstance(node, CommentedMap):
        result = {}
        for key in node:
            child = (*location, str(key))
            line, column = node.lc.key(key)
            document.positions[child] = (line + 1 + document.line_offset, column + 1)
            result[str(key)] = _plain(node[key], child, document, seen)
        return result
    if isinstance(node, CommentedSeq):
        items = []
        for index, item in enumerate(node):
            child = (*location, index)
            line, column = node.lc.item(index)
            document.positions[child] = (line + 1 + document.line_offset, column + 1)
            items.append(_plain(item, child, document, seen))
        return items
    if isinstance(node, TaggedScalar):
        return str(node.value)
    if isinstance(node, dt.datetime):
        return node
    if isinstance(node, dt.date):
        return dt.date(node.year, node.month, node.day)
    if isinstance(node, str):
        return str(node)
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    raise _Unsafe(document.problem(location, say("problems.unsupported_value", shown=type(node).__name__)))


def yaml_message(error: MarkedYAMLError) -> str:
    problem = (error.problem or str(error)).strip()
    if "duplicate key" in problem:
        return say("problems.duplicate_key", shown=problem.split("key", 1)[-1].strip())
    if "found character '\\t'" in problem or "\\t" in problem:
        return say("problems.tab")
    return say("problems.yaml_syntax", shown=problem)


def yaml_hint(error: MarkedYAMLError) -> str:
    problem = error.problem or ""
    if "duplicate key" in problem:
        return say("fixes.duplicate_key")
    if "\\t" in problem:
        return say("fixes.tab")
    return say("fixes.yaml_syntax")
