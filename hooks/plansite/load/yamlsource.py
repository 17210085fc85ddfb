"""Safe YAML reading that keeps the line and column of every value, for precise messages."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
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
    """Plain data (dicts, lists, scalars) plus where each value stands in the file.

    A document read by the fast parser (`parse_front_matter`) has no positions until one is asked for: only
    then is its text parsed again by the round-trip parser, which knows them."""

    path: str
    data: Any
    positions: dict[Location, tuple[int, int]] = field(default_factory=dict)
    line_offset: int = 0  # lines above the YAML text in its file, e.g. front matter's opening ---
    text: str | None = field(default=None, repr=False, compare=False)  # set while positions are still unknown

    def position(self, location: Location) -> tuple[int, int]:
        """The closest known position: a missing field points at its parent."""
        if self.text is not None:
            self._place()
        for end in range(len(location), -1, -1):
            if location[:end] in self.positions:
                return self.positions[location[:end]]
        return (1, 1)

    def _place(self) -> None:
        placed = parse_yaml(self.text, self.path, self.line_offset + 1)
        if isinstance(placed, YamlDocument):
            self.positions = placed.positions
        self.text = None

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


def parse_yaml(text: str, shown_as: str, first_line: int = 1) -> YamlDocument | Problem:
    """Parse YAML text that starts at first_line of shown_as (front matter starts at line 2), with the position
    of every value: the round-trip parser, pure Python, about a hundred times slower than `parse_front_matter`."""
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
    except ValueError as error:  # a date that does not exist, e.g. 2024-13-45
        return Problem(shown_as, first_line, 1, "", say("problems.invalid", shown=error), say("fixes.check_dates"))
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


# ---- front matter: thousands of articles, read at every build

def parse_front_matter(text: str, shown_as: str, first_line: int = 2) -> YamlDocument | Problem:
    """Front matter as `parse_yaml` reads it, by libyaml's C parser when the text is plain: the round-trip
    parser runs only for a text with anything to report or anything the two could read differently (an
    alias, a tag, a duplicate key, deep nesting, a number or time in a form YAML 1.1 and 1.2 disagree on),
    and to place a problem that the caller finds later (`YamlDocument.position`)."""
    try:
        if "\t" in text:
            raise _Unusual  # the round-trip parser refuses tabs where libyaml takes some as spaces
        data = _fast_plain(text)
    except (_Unusual, yaml.YAMLError, ValueError):
        return parse_yaml(text, shown_as, first_line)
    return YamlDocument(shown_as, data, {(): (first_line, 1)}, first_line - 1, text=text)


class _Unusual(Exception):
    """The fast reading cannot vouch for this text: the round-trip parser reads it."""


# Plain scalars resolved as YAML 1.2's core schema resolves them (what `parse_yaml` does), with decimal
# numbers and dates only; any other scalar that looks like a number or a time is left to the round-trip parser.
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(?:[1-9][0-9]*|0)\.[0-9]+$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_NUMBER_LIKE = re.compile(r"^(?:[-+]?[0-9.]|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$|<<$|=$)")


def _scalar(event: yaml.ScalarEvent) -> Any:
    value = event.value
    if event.tag is not None:
        raise _Unusual  # an explicit tag, allowed or not: the round-trip parser judges it
    if event.style:  # quoted or block: always a string
        return value
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        return int(value)
    if _FLOAT.match(value):
        return float(value)
    if _DATE.match(value):
        return dt.date.fromisoformat(value)
    if _NUMBER_LIKE.match(value):
        raise _Unusual
    return value


def _fast_plain(text: str) -> Any:
    """Plain data from libyaml's event stream (no recursion: deep nesting is refused before it is built)."""
    stack: list[Any] = []
    keys: list[Any] = []   # per open mapping: the key waiting for its value, or _NO_KEY
    root: list[Any] = []
    documents = 0
    for event in yaml.parse(text, Loader=_EVENTS):
        if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            if event.anchor is not None:
                raise _Unusual
            if isinstance(event, yaml.ScalarEvent):
                value: Any = _scalar(event)
            else:
                if event.tag is not None or len(stack) >= MAX_DEPTH:
                    raise _Unusual
                value = {} if isinstance(event, yaml.MappingStartEvent) else []
            _place(value, stack, keys, root)
            if not isinstance(event, yaml.ScalarEvent):
                stack.append(value)
                keys.append(_NO_KEY)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
            keys.pop()
        elif isinstance(event, yaml.AliasEvent):
            raise _Unusual
        elif isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1 or event.explicit or event.version or event.tags:
                raise _Unusual
    return root[0] if root else None


_NO_KEY = object()
_EVENTS = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml when PyYAML was built with it


def _place(value: Any, stack: list, keys: list, root: list) -> None:
    if not stack:
        root.append(value)
        return
    container = stack[-1]
    if isinstance(container, list):
        container.append(value)
    elif keys[-1] is _NO_KEY:
        if not isinstance(value, str) or value in container:
            raise _Unusual  # a key that is not text (the round-trip parser writes it as text) or a duplicate
        keys[-1] = value
    else:
        container[keys[-1]] = value
        keys[-1] = _NO_KEY
