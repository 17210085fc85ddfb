"""Problems found in the site's sources, reported to editors as `path:line:col: field: message`."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}:"
        text = f"{where} {self.field}: {self.message}" if self.field else f"{where} {self.message}"
        return f"{text}\n    → {self.hint}" if self.hint else text


class SourceError(Exception):
    """Every problem found in one run; raised only after all sources were read."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} lỗi trong dữ liệu nguồn / {count} problem(s) in the sources:"
        return "\n".join([head, *map(str, self.problems)])
