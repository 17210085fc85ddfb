"""CSV files editors publish under docs/ (a table of figures for download) hold no formula: a cell that
starts with `=`, `+`, `-`, `@`, a tab or a carriage return runs as a formula when a reader opens the file
in a spreadsheet (`=HYPERLINK(…)`, `=cmd|…`). Plain numbers (-5, +84, 12%) are numbers."""
from __future__ import annotations

import csv
import io
from typing import Iterable

from plansite.render.csv_cells import is_formula
from plansite.validate.problems import Problem, say


def formula_cells(project) -> Iterable[Problem]:
    """Every cell of every CSV file under docs/ that a spreadsheet would read as a formula."""
    docs = project.root / "docs"
    for path in sorted(p for p in docs.rglob("*") if p.suffix.lower() == ".csv" and p.is_file()):
        shown_as = path.relative_to(project.root).as_posix()
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        # Either separator a spreadsheet may assume: a cell is checked as each would cut it.
        for delimiter in (",", ";"):
            reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            for row in reader:
                for column, value in enumerate(row, start=1):
                    if is_formula(value):
                        yield Problem(shown_as, reader.line_num, column, "",
                                      say("problems.formula_cell", column=column, shown=value[:40]), say("fixes.formula_cell"))
