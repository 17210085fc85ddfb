"""`make new-site DIR=...`: a new province's site: this engine, and the starter's content (tools/starter/): site
settings, one agency, an empty plan skeleton and the hand-written pages in both languages, with neutral text.

The result builds with `--strict` and passes `make check`; README.md there says, in order, what its owner
changes. The skeleton's dates are the day it is made (a plan issued today, running to the end of the fourth
year after): placeholders the owner replaces, as its `notice:` says on every page of the plan."""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import string
import sys
from pathlib import Path

from tools.project import ROOT
from plansite.schemas import write_schemas
from plansite.validate.problems import say

STARTER = ROOT / "tools" / "starter"
# The engine, as a new site takes it: the code, templates, interface texts, tests (with their fixture sites),
# CI, deployment, the editors' guides, and the site's scripts, styles and neutral pictures. Not this site's
# data/, docs/ (its content), README.md or screenshots/.
ENGINE = (".ci", ".github", ".gitlab", ".gitlab-ci.yml", ".gitignore", "CONTRIBUTING.md", "Makefile", "deploy", "editors",
          "hooks", "locales", "mkdocs.yml", "overrides", "package.json", "package-lock.json", "pytest.ini",
          "requirements.txt", "requirements-test.txt", "templates", "tests", "tools",
          "docs/assets/javascripts", "docs/assets/stylesheets", "docs/assets/images/favicon.svg",
          "docs/assets/images/logo.svg")
NOT_COPIED = shutil.ignore_patterns("__pycache__", ".pytest_cache", "*.pyc", "node_modules", ".venv")
# Filled in the starter's plan: the day the site is made, and a period to replace.
DATED = "data/plans/*.yml"


def new_site(target: Path, today: dt.date) -> None:
    """Write the new site into target, which must not exist or be empty."""
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(say("new_site.not_empty", shown=str(target)))
    target.mkdir(parents=True, exist_ok=True)
    for part in ENGINE:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=NOT_COPIED, dirs_exist_ok=True)
        elif source.is_file():
            (target / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)
    shutil.copytree(STARTER, target, dirs_exist_ok=True)
    dates = {"today": today.isoformat(), "start": today.replace(month=1, day=1).isoformat(),
             "end": dt.date(today.year + 4, 12, 31).isoformat()}
    for plan in target.glob(DATED):
        plan.write_text(string.Template(plan.read_text(encoding="utf-8")).safe_substitute(dates), encoding="utf-8")
    name_site(target)
    write_schemas(target / "data" / "schemas")


def name_site(target: Path) -> None:
    """mkdocs.yml's site_name, which the data's name replaces at build time, is the starter's too."""
    from ruamel.yaml import YAML

    name = YAML(typ="safe").load((target / "data" / "site.yml").read_text(encoding="utf-8"))["name"]["vi"]
    config = target / "mkdocs.yml"
    config.write_text(re.sub(r"^site_name: .*$", f"site_name: {json.dumps(name, ensure_ascii=False)}",
                             config.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE), encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not argv[0].strip():
        print(say("new_site.usage", shown="make new-site DIR=../trang-moi"), file=sys.stderr)
        return 2
    target = Path(argv[0]).expanduser().resolve()
    try:
        new_site(target, dt.date.today())
    except FileExistsError as error:
        print(error, file=sys.stderr)
        return 1
    print(say("new_site.created", shown=str(target)))
    print(f"    → {say('new_site.next', shown=str(target / 'README.md'))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
