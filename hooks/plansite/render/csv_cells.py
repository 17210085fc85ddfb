"""CSV that a spreadsheet opens safely: a cell is never read as a formula (CSV injection).

OWASP's rule: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with a
single quote, so that Excel, LibreOffice or Google Sheets show it as text (`=HYPERLINK(…)` in a task's
title stays the words an official typed); and every cell is quoted, so that a spreadsheet that splits on
`;` or a tab (other locales) cannot cut a cell into a formula either."""
from __future__ import annotations

import csv
import io
import re
from typing import Any, Iterable, Sequence

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A number written as one (-5, +84, -0.5, 12%) is no formula, nor is a dash alone ("-": no figure).
INERT = re.compile(r"^([+-]?\d+([.,]\d+)*%?|[-+=@\s]*)$")


def is_formula(text: str) -> bool:
    """Whether a spreadsheet could read a cell an editor wrote as a formula."""
    return text.startswith(FORMULA_START) and not INERT.match(text)


def cell(value: Any) -> Any:
    """A text cell that starts like a formula, prefixed with a single quote (numbers are written as
    numbers, never as text); anything else unchanged."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_START) else value


def csv_text(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    """A header and rows as CSV (CRLF line ends, every cell quoted and neutralised)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writeheader()
    writer.writerows({key: cell(value) for key, value in row.items()} for row in rows)
    return out.getvalue()
