"""Output that is never half-written: a build goes to a staging folder beside the target, which
replaces the target only once everything succeeded."""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def staging_dir(target: Path) -> Path:
    """A fresh folder beside target (same file system, so the final rename is cheap and whole)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{target.name}-building-", dir=target.parent))
    staged.chmod(0o777 & ~_umask())  # mkdtemp makes it private; the published folder must be readable
    return staged


def replace_dir(staged: Path, target: Path) -> None:
    """Put staged in target's place; the previous output is removed only after the swap."""
    previous = None
    if target.exists():
        previous = Path(tempfile.mkdtemp(prefix=f".{target.name}-previous-", dir=target.parent)) / target.name
        target.rename(previous)
    staged.rename(target)
    if previous is not None:
        shutil.rmtree(previous.parent)


def discard(staged: Path) -> None:
    shutil.rmtree(staged, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
