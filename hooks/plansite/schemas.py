"""JSON Schema for each data file, from the same models that validate it, so editors check as they type."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .model import DATA_FILES, REPORTS_FOLDER, Report


def schema_files() -> dict[str, str]:
    """File name -> schema text, e.g. 'plan.schema.json'; reports share 'report.schema.json'."""
    kinds = {name.replace(".yml", ".schema.json"): (f"data/{name}", model) for name, model in DATA_FILES.items()}
    kinds["report.schema.json"] = (f"data/{REPORTS_FOLDER}/*.yml", Report)
    result = {}
    for file_name, (title, model) in kinds.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = title
        result[file_name] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return result


def write_schemas(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schema_files().items():
        (folder / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write_schemas(Path(sys.argv[1]))
