"""The CMS on a throwaway copy of the project: its own Git repository (branch main), decap-server's Git
backend on it, and /admin/ served from a build of the site with the CMS pointed at that server. The CMS
tests (tests/engine/test_cms.py) and the editors' guide's screenshots (tools/cms_screenshots.py) use it."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from tools.local_nginx import free_port
from tools.project import ROOT, copy_project

sys.path.insert(0, str(ROOT / "hooks"))
from plansite.cms.admin import write_admin  # noqa: E402
from plansite.cms.config import cms_config  # noqa: E402
from plansite.load.sitedata import load_site_data  # noqa: E402

NODE = "/usr/bin/node"
NODE_MODULES = ROOT / "node_modules"


class Editor:
    """A copy of the project as its own Git repository (branch main), decap-server on it, and /admin/ served
    from a build of the site with the CMS pointed at that server."""

    def __init__(self, root: Path, site: Path, content: Path | None = None):
        self.repo = copy_project(root / "repo", content)  # content: a site's data/ and docs/ (tools/project.py)
        (self.repo / "node_modules").symlink_to(NODE_MODULES)
        (self.repo / ".gitignore").write_text("node_modules\n", encoding="utf-8")
        self.git("init", "-q", "-b", "main")
        self.git("add", "-A")
        self.git("-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-qm", "start")
        self.site = root / "site"
        shutil.copytree(site, self.site)
        api_port, self.port = free_port(), free_port()
        config = cms_config(load_site_data(self.repo), f"http://127.0.0.1:{self.port}/",
                            f"http://127.0.0.1:{api_port}/api/v1")
        write_admin(self.site, config, NODE_MODULES)
        self.server = subprocess.Popen(
            [NODE, str(NODE_MODULES / "decap-server" / "dist" / "index.js")],
            env={**os.environ, "GIT_REPO_DIRECTORY": str(self.repo), "MODE": "git", "PORT": str(api_port),
                 "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "error"},
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        handler = functools.partial(QuietHandler, directory=str(self.site))
        self.http = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        threading.Thread(target=self.http.serve_forever, daemon=True).start()
        self.address = f"http://127.0.0.1:{self.port}/admin/"

    def git(self, *args: str) -> str:
        return subprocess.run(["git", *args], cwd=self.repo, capture_output=True, text=True, check=True).stdout

    def branches(self) -> list[str]:
        return self.git("branch", "--format=%(refname:short)").split()

    def changed_files(self, branch: str) -> list[str]:
        return self.git("diff", "--name-only", f"main...{branch}").split()

    def saved(self, branch: str, seconds: float = 20) -> list[str]:
        """The files the CMS's save put on the branch, once it has committed them."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if branch in self.branches() and self.changed_files(branch):
                return self.changed_files(branch)
            time.sleep(0.2)
        return []

    def worktree(self, branch: str) -> Path:
        worktree = self.repo.parent / ("check-" + branch.replace("/", "-"))
        if not worktree.exists():
            self.git("worktree", "add", "-q", "--detach", str(worktree), branch)
        return worktree

    def check(self, branch: str) -> subprocess.CompletedProcess:
        """`make check` on the branch, in a worktree of its own."""
        worktree = self.worktree(branch)
        return subprocess.run([sys.executable, "-m", "plansite.check"], cwd=worktree, capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(worktree / "hooks")})

    def close(self) -> None:
        self.http.shutdown()
        self.server.terminate()
        self.server.wait(timeout=10)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass
