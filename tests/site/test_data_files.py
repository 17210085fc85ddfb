"""The site's sources as `make check` and an editor's YAML plugin see them: every problem check passes on the
command line, and every data file points its editor at its JSON Schema."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, SITE_ROOT
from schema_headers import wrong_schema_lines


def test_make_check_passes_on_the_site():
    result = subprocess.run([sys.executable, "-m", "plansite.check", str(SITE_ROOT)], capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT / "hooks"), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Không có lỗi / no problems" in result.stdout and "Bản dịch / Translations:" in result.stdout


def test_every_data_file_names_its_schema():
    assert wrong_schema_lines(SITE_ROOT) == []
