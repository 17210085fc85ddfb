"""`mkdocs serve` (what `make serve` runs) serves both languages and rebuilds both on an edit."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return ""


def wait_for(url: str, text: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = fetch(url)
        if text in body:
            return body
        time.sleep(0.3)
    pytest.fail(f"{url} never showed {text!r}")


@pytest.fixture
def server(project):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    yield f"http://127.0.0.1:{port}/"
    process.terminate()
    process.wait(timeout=10)


def test_serve_rebuilds_both_languages_when_data_or_a_page_changes(project, server):
    wait_for(server + "en/ke-hoach/cong-dong-ben-vung/", "A sustainable community")
    wait_for(server + "ke-hoach/cong-dong-ben-vung/", "Cộng đồng bền vững")
    plan = project / "data/plans/ascc-2025.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("en: A sustainable community", "en: A lasting community"),
                    encoding="utf-8")
    wait_for(server + "en/ke-hoach/cong-dong-ben-vung/", "A lasting community")
    guide = project / "docs/vi/huong-dan.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("# Hướng dẫn sử dụng trang", "# Hướng dẫn đọc trang"),
                     encoding="utf-8")
    wait_for(server + "huong-dan/", "Hướng dẫn đọc trang")
    assert "pagefind-entry" not in fetch(server + "pagefind/missing") and fetch(server + "pagefind/pagefind-entry.json")
