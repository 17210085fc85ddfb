"""`mkdocs serve` (what `make serve` runs) serves both languages and rebuilds both, and the search index, on an
edit to data, a page or a template (on a copy of the ended fixture site). (MkDocs loads hooks once per process: after a hook edit, serve is restarted.)"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.browser  # runs `mkdocs serve`: left out by `make test-quick`


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    """The status and the body; (0, reason) while the server is not answering yet."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
        return 0, str(error)


class Server:
    def __init__(self, project, log):
        self.project, self.log, self.port = project, log, free_port()
        self.address = f"http://127.0.0.1:{self.port}/"
        with log.open("w") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
                cwd=project, stdout=output, stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})

    def wait_for(self, path: str, text: str, seconds: float = 120) -> str:
        """The page at path once it is served (200) and shows text."""
        deadline = time.monotonic() + seconds
        status, body = 0, ""
        while time.monotonic() < deadline:
            status, body = fetch(self.address + path)
            if status == 200 and text in body:
                return body
            if self.process.poll() is not None:
                break
            time.sleep(0.3)
        pytest.fail(f"{path} never showed {text!r} (last status {status}); the server said:\n"
                    + self.log.read_text()[-3000:])

    def edit(self, path: str, old: str, new: str) -> None:
        file = self.project / path
        text = file.read_text(encoding="utf-8")
        assert old in text, (path, old)
        file.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def server(project, tmp_path):
    running = Server(project, tmp_path / "serve.log")
    yield running
    running.process.terminate()
    running.process.wait(timeout=10)


def search_index(server: Server) -> dict:
    status, body = fetch(server.address + "pagefind/pagefind-entry.json")
    assert status == 200, status
    return json.loads(body)["languages"]


def test_serve_rebuilds_both_languages_and_the_search_index_on_each_kind_of_edit(server):
    group_en, group_vi = "en/ke-hoach/cong-dong-ben-vung/", "ke-hoach/cong-dong-ben-vung/"
    server.wait_for(group_en, "A sustainable community")
    server.wait_for(group_vi, "Cộng đồng bền vững")
    index = search_index(server)
    assert fetch(server.address + "pagefind/missing")[0] == 404
    assert fetch(server.address + "en/khong-co-trang-nay/")[0] == 404

    server.edit("data/plans/ascc-2025.yml", "en: A sustainable community", "en: A lasting community")
    server.wait_for(group_en, "A lasting community")
    server.wait_for(group_vi, "Cộng đồng bền vững")  # the other language is rebuilt and still served

    server.edit("docs/vi/huong-dan.md", "# Hướng dẫn sử dụng trang", "# Hướng dẫn đọc trang")
    server.wait_for("huong-dan/", "Hướng dẫn đọc trang")
    server.wait_for("en/huong-dan/", "How to use this site")
    # The search index was made again from the edited pages, and its new files are served.
    changed = search_index(server)
    assert changed["vi"]["hash"] != index["vi"]["hash"]
    assert fetch(server.address + f"pagefind/pagefind.{changed['vi']['hash']}.pf_meta")[0] == 200

    server.edit("overrides/partials/copyright.html", "{{ config.extra.footer }}", "{{ config.extra.footer }} (bản nháp)")
    server.wait_for("huong-dan/", "(bản nháp)")
    server.wait_for("en/huong-dan/", "(bản nháp)")

