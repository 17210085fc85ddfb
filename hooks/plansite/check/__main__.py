"""`make check` (`python -m plansite.check [root]`): every source check, without building the site."""
from __future__ import annotations

import sys
import time
from pathlib import Path

from plansite.check.checks import hand_written, run_checks
from plansite.render.translations import summary, translation_status
from plansite.validate.problems import say


def main(root: Path) -> int:
    started = time.perf_counter()
    project, problems = run_checks(root)
    for problem in problems:
        print(problem)
    print(summary(translation_status(hand_written(project.pages), project.changes)))
    seconds = time.perf_counter() - started
    if problems:
        print(f"{len(problems)} {say('problems.summary')} ({seconds:.2f} s)")
        return 1
    print(f"{say('problems.none')} ({seconds:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()))
