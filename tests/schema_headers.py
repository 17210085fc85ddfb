"""Every data file of a site points its editor at its JSON Schema in its first line."""
from __future__ import annotations

from pathlib import Path

from plansite.model import DATA_FILES, DATA_FOLDERS
from plansite.schemas import schema_name


def wrong_schema_lines(root: Path) -> list[str]:
    """The data files under root/data/ whose first line does not name their schema (the reports' README
    template included)."""
    expected = {root / "data" / name: f"# yaml-language-server: $schema=schemas/{name.replace('.yml', '.schema.json')}"
                for name in DATA_FILES}
    expected.update({path: f"# yaml-language-server: $schema=../schemas/{schema_name(folder)}"
                     for folder in DATA_FOLDERS for path in (root / "data" / folder).glob("*.yml")})
    wrong = [str(path.relative_to(root)) for path, line in expected.items()
             if path.read_text(encoding="utf-8").splitlines()[0] != line]
    template = root / "data/reports/README.md"
    if template.exists() and "# yaml-language-server: $schema=../schemas/report.schema.json" not in template.read_text(encoding="utf-8"):
        wrong.append(str(template.relative_to(root)))
    return wrong
