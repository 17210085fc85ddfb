"""Where the repository says code lives: its CODEOWNERS file.

Scripts, styles, templates, hooks and CI files are code: a change to them is reviewed by the developers
that CODEOWNERS names for `/hooks/` (the forge asks for their approval when branch protection requires
code owners' review). A script or style under docs/ is published only from a folder that CODEOWNERS gives
to those same owners; anywhere else, a contributor could add one beside the pictures and documents."""
from __future__ import annotations

import fnmatch
from pathlib import Path

# Where GitHub and GitLab read the file (GitLab: root, docs/ or .gitlab/; GitHub: .github/, root or docs/).
LOCATIONS = (".github/CODEOWNERS", ".gitlab/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS")
# The path whose owners are, by definition, the developers.
CODE_PATH = "hooks/"
# Every path that is code: reviewed by the developers whatever else the file says.
CODE_PATHS = ("hooks/", "overrides/", "templates/", "locales/", "tools/", "tests/", "deploy/", "editors/",
              "docs/assets/javascripts/", "docs/assets/stylesheets/", ".github/", ".gitlab/", ".gitlab-ci.yml",
              ".ci/", "mkdocs.yml", "Makefile", "requirements.txt", "requirements-test.txt", "package.json",
              "package-lock.json")
CODE_TYPES = {".js", ".mjs", ".css"}

Rule = tuple[str, tuple[str, ...]]


def read_rules(root: Path) -> list[Rule]:
    """(pattern, owners) of the first CODEOWNERS file found, in order; [] when there is none."""
    for location in LOCATIONS:
        path = root / location
        if path.is_file() and not path.is_symlink():
            return parse_rules(path.read_text(encoding="utf-8"))
    return []


def parse_rules(text: str) -> list[Rule]:
    rules = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("["):  # GitLab's [Section] headers
            continue
        pattern, *owners = line.split()
        rules.append((pattern, tuple(owners)))
    return rules


def owners_of(rules: list[Rule], path: str) -> tuple[str, ...]:
    """The owners of a repository path (a folder ends with "/"): the last matching rule wins."""
    found: tuple[str, ...] = ()
    for pattern, owners in rules:
        if _matches(pattern, path):
            found = owners
    return found


def code_owners(rules: list[Rule]) -> tuple[str, ...]:
    return owners_of(rules, CODE_PATH)


def code_folders(root: Path) -> list[str]:
    """Folders below docs/ (as "assets/javascripts/") that CODEOWNERS gives to the developers."""
    rules = read_rules(root)
    developers = code_owners(rules)
    if not developers:
        return []
    folders = [p.strip("/").removeprefix("docs/") + "/" for p, _ in rules
               if p.strip("/").startswith("docs/") and p.endswith("/") and "*" not in p]
    return sorted(f for f in set(folders) if owners_of(rules, "docs/" + f) == developers)


def _matches(pattern: str, path: str) -> bool:
    """gitignore-style matching, for the forms CODEOWNERS files use: `*`, `*.js`, `/dir/`, `dir/`, `/file`."""
    anchored = pattern.startswith("/") or "/" in pattern.rstrip("/")
    pattern = pattern.lstrip("/")
    if pattern.endswith("/"):
        folder = pattern.rstrip("/")
        return path.startswith(folder + "/") if anchored else any(
            fnmatch.fnmatch(part, folder) for part in path.split("/")[:-1])
    if anchored:
        return fnmatch.fnmatch(path, pattern) or path.startswith(pattern + "/")
    return any(fnmatch.fnmatch(part, pattern) for part in path.rstrip("/").split("/"))
