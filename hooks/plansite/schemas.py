"""JSON Schema for each data file, from the same models that validate it, so editors check as they type."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from plansite.model import DATA_FILES, DATA_FOLDERS


def schema_files() -> dict[str, str]:
    """File name -> schema text, e.g. 'site.schema.json'; the files of a folder share one ('plan.schema.json')."""
    kinds = {name.replace(".yml", ".schema.json"): (f"data/{name}", model) for name, model in DATA_FILES.items()}
    kinds.update({schema_name(folder): (f"data/{folder}/*.yml", model) for folder, model in DATA_FOLDERS.items()})
    result = {}
    for file_name, (title, model) in kinds.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = title
        result[file_name] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return result


def schema_name(folder: str) -> str:
    """plans -> plan.schema.json: one file of the folder is one plan."""
    return folder.removesuffix("s") + ".schema.json"


def write_schemas(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schema_files().items():
        (folder / name).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    write_schemas(Path(sys.argv[1]))
