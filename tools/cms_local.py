"""The CMS on this machine: `make cms`, the CMS tests (tests/engine/test_cms.py) and the editors' guide's screenshots.

One server, at one address: /admin/ (the CMS), /api/v1 (its backend, tools.cms_backend, on the repository's
Git objects), the site as `main` has it (built from a worktree of main in the state folder, never from the
repository's own folder, and rebuilt in the background each time an entry is published), each pending entry's
`make check` verdict (/kiem-tra/<entry>/) and the site as that entry would make it (/xem-truoc/<entry>/,
built on first visit). Nothing here reloads /admin/: no page of it watches files.

`make cms` runs it on this repository: python -m tools.cms_local [--port 8000]."""
from __future__ import annotations

import argparse
import functools
import hashlib
import html
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tools.cms_backend import BackendError, GitBackend
from tools.local_nginx import free_port
from tools.project import ROOT, copy_project

sys.path.insert(0, str(ROOT / "hooks"))
from plansite.cms.admin import write_admin  # noqa: E402
from plansite.cms.config import LOCAL_BACKEND, cms_config  # noqa: E402
from plansite.load.sitedata import load_site_data  # noqa: E402

NODE = "/usr/bin/node"
NODE_MODULES = ROOT / "node_modules"
CHECK_PAGE = "kiem-tra"
PREVIEW_PAGE = "xem-truoc"


def run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env={**os.environ, **env})


class Worktrees:
    """Detached worktrees of the repository under the state folder: what a commit holds, checked out where
    nobody edits and nothing else watches."""

    def __init__(self, repository: Path, folder: Path):
        self.repository = repository
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        run(["git", "worktree", "prune"], repository)

    def checkout(self, name: str, commit: str) -> Path:
        path = self.folder / name
        if (path / ".git").exists():
            result = run(["git", "checkout", "-q", "--detach", "-f", commit], path)
        else:
            shutil.rmtree(path, ignore_errors=True)
            result = run(["git", "worktree", "add", "-q", "--detach", str(path), commit], self.repository)
        if result.returncode:
            raise RuntimeError(result.stderr)
        if not (path / "node_modules").exists():
            (path / "node_modules").symlink_to(NODE_MODULES)
        return path

    def remove(self, path: Path) -> None:
        run(["git", "worktree", "remove", "--force", str(path)], self.repository)
        shutil.rmtree(path, ignore_errors=True)


def build(source: Path, site: Path, address: str) -> subprocess.CompletedProcess:
    """`mkdocs build` of a checkout into site/, with /admin/ pointed at this server's backend."""
    return run([sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(site)], source,
               SITE_URL=address, **{LOCAL_BACKEND: address + "api/v1"})


def check(source: Path) -> subprocess.CompletedProcess:
    """`make check` on a checkout."""
    return run([sys.executable, "-m", "plansite.check", str(source)], source, PYTHONPATH=str(source / "hooks"))


class BranchChecks:
    """`make check` on each saved entry, in the background; its verdict is the entry's deploy-preview status
    (Decap shows "Xem trước" once it passed, otherwise a link to the problems), as CI reports it on a forge."""

    def __init__(self, worktrees: Worktrees, address: str):
        self.worktrees = worktrees
        self.address = address
        self.lock = threading.Lock()
        self.results: dict[str, tuple[str, str]] = {}  # commit -> (state, the check's output)
        self.branches: dict[str, str] = {}             # key in the address -> branch
        self.commits: dict[str, str] = {}              # branch -> its newest saved commit
        self.builds: dict[str, threading.Lock] = {}

    @staticmethod
    def key(branch: str) -> str:
        return hashlib.sha1(branch.encode()).hexdigest()[:12]

    def saved(self, branch: str, commit: str) -> None:
        with self.lock:
            self.branches[self.key(branch)] = branch
            self.commits[branch] = commit
            if commit in self.results:
                return
            self.results[commit] = ("pending", "")
        threading.Thread(target=self.run, args=(commit,), daemon=True).start()

    def run(self, commit: str) -> None:
        try:
            source = self.worktrees.checkout("check-" + commit[:12], commit)
        except RuntimeError as error:
            self.results[commit] = ("failure", str(error))
            return
        try:
            result = check(source)
            self.results[commit] = ("success" if result.returncode == 0 else "failure", result.stdout + result.stderr)
        finally:
            self.worktrees.remove(source)

    def status(self, branch: str, commit: str) -> dict | None:
        """None while the check runs: Decap asks again every five seconds for a while."""
        self.saved(branch, commit)
        state, _output = self.results[commit]
        if state == "pending":
            return None
        page = PREVIEW_PAGE if state == "success" else CHECK_PAGE
        return {"url": f"{self.address}{page}/{self.key(branch)}/", "status": "success" if state == "success" else "other"}

    def wait(self, branch: str, seconds: float = 60) -> str:
        """The state of the branch's newest check, once it has run (tests)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            state = self.results.get(self.commits.get(branch, ""), ("pending", ""))[0]
            if state != "pending":
                return state
            time.sleep(0.2)
        return "pending"

    def report(self, key: str) -> str:
        """The check's verdict as a page: each problem with its file, line and fix."""
        branch = self.branches.get(key)
        state, output = self.results.get(self.commits.get(branch or "", ""), ("pending", ""))
        if branch is None:
            body = "<p>Không có mục đang chờ này (có thể đã được công bố).</p>"
        elif state == "pending":
            body = "<p>Đang kiểm tra… Trang tự tải lại sau vài giây.</p>"
        elif state == "success":
            body = f'<p>Không có lỗi. <a href="../../{PREVIEW_PAGE}/{key}/">Xem trang với thay đổi này</a>.</p>'
        else:
            problems = [line for line in output.splitlines() if line and not line.startswith(("Bản dịch", "Translation"))]
            body = ("<p>Bước kiểm tra tự động tìm thấy lỗi. Sửa trong trang quản trị rồi bấm Lưu lại; "
                    "mỗi dòng ghi tệp, dòng, cột, lỗi và cách sửa:</p><pre>"
                    + html.escape("\n".join(problems)) + "</pre>")
        refresh = '<meta http-equiv="refresh" content="3">' if state == "pending" and branch else ""
        return (f'<!doctype html><html lang="vi"><head><meta charset="utf-8">{refresh}<title>Kết quả kiểm tra</title>'
                f'<meta name="viewport" content="width=device-width, initial-scale=1"></head><body><main>'
                f'<h1>Kết quả kiểm tra tự động</h1><p>Mục: <code>{html.escape(branch or key)}</code></p>{body}'
                '</main></body></html>')

    def preview(self, key: str) -> Path | None:
        """The site as the entry's branch makes it, built on the first visit."""
        branch = self.branches.get(key)
        commit = self.commits.get(branch or "")
        if commit is None:
            return None
        site = self.worktrees.folder / f"site-{commit[:12]}"
        with self.builds.setdefault(commit, threading.Lock()):
            if not site.is_dir():
                source = self.worktrees.checkout("preview-" + commit[:12], commit)
                try:
                    build(source, site, f"{self.address}{PREVIEW_PAGE}/{key}/")
                finally:
                    self.worktrees.remove(source)
        return site if site.is_dir() else None


class MainPreview:
    """The site as the published branch has it, rebuilt in the background each time the branch moves."""

    def __init__(self, worktrees: Worktrees, site: Path, address: str):
        self.worktrees = worktrees
        self.site = site
        self.address = address
        self.wanted: str | None = None
        self.built: str | None = None
        self.condition = threading.Condition()
        threading.Thread(target=self.loop, daemon=True).start()

    def published(self, commit: str) -> None:
        with self.condition:
            self.wanted = commit
            self.condition.notify_all()

    def loop(self) -> None:
        while True:
            with self.condition:
                while self.wanted in (None, self.built):
                    self.condition.wait()
                commit = self.wanted
            try:
                result = build(self.worktrees.checkout("main", commit), self.site, self.address)
                if result.returncode:  # the site stays as last built (atomic output); the build says why
                    print(result.stderr[-3000:], file=sys.stderr)
            except RuntimeError as error:
                print(error, file=sys.stderr)
            with self.condition:
                self.built = commit
                self.condition.notify_all()

    def wait(self, commit: str, seconds: float = 180) -> bool:
        with self.condition:
            return self.condition.wait_for(lambda: self.built == commit, timeout=seconds)


class CmsServer:
    """One address for the CMS, its backend, the checks and the previews."""

    def __init__(self, repository: Path, state: Path, port: int = 0, site: Path | None = None):
        self.port = port or free_port()
        self.address = f"http://127.0.0.1:{self.port}/"
        self.repository = repository
        data = load_site_data(repository)
        worktrees = Worktrees(repository, state / "worktrees")
        self.checks = BranchChecks(worktrees, self.address)
        self.site = state / "site"
        self.preview = MainPreview(worktrees, self.site, self.address)
        self.backend = GitBackend(repository, data.site.repository.branch, self.checks, self.preview.published)
        if site is not None:
            # A build of the same files, given (the tests'): /admin/ is written for this server, and the
            # preview is rebuilt from main's worktree only once main moves.
            shutil.copytree(site, self.site)
            write_admin(self.site, cms_config(data, self.address, self.address + "api/v1"), NODE_MODULES)
            self.preview.built = self.backend.main()
        else:
            self.preview.published(self.backend.main())
        handler = functools.partial(Handler, server=self)
        self.http = QuietServer(("127.0.0.1", self.port), handler)
        threading.Thread(target=self.http.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.http.shutdown()
        self.http.server_close()


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        """A browser that leaves before the answer (a new page, a closed tab) is no error."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, server: CmsServer, **kwargs):
        self.cms = server
        super().__init__(*args, directory=str(server.site), **kwargs)

    def log_message(self, *args) -> None:
        pass

    def do_POST(self) -> None:
        if urlsplit(self.path).path != "/api/v1":
            self.send_error(404)
            return
        # Only /admin/ itself may ask: a page of another site the officer has open could otherwise send a
        # plain form here (JSON needs a preflight, which this server never grants).
        origin = self.headers.get("Origin")
        if not (self.headers.get("Content-Type") or "").startswith("application/json") or (
                origin and origin + "/" != self.cms.address):
            self.send_error(403)
            return
        try:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
            status, answer = 200, self.cms.backend.handle(body)
        except BackendError as error:
            status, answer = error.status, {"error": str(error)}
        except (ValueError, KeyError, TypeError) as error:
            status, answer = 422, {"error": f"{type(error).__name__}: {error}"}
        data = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def translate_path(self, path: str) -> str:
        parts = unquote(urlsplit(path).path).lstrip("/").split("/")
        if parts[0] == PREVIEW_PAGE and len(parts) > 1:
            site = self.cms.checks.preview(parts[1])
            if site is not None:
                self.directory = str(site)
                return super().translate_path("/" + "/".join(parts[2:]))
        self.directory = str(self.cms.site)
        return super().translate_path(path)

    def do_GET(self) -> None:
        parts = urlsplit(self.path).path.lstrip("/").split("/")
        if parts[0] == CHECK_PAGE and len(parts) > 1:
            data = self.cms.checks.report(parts[1]).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        super().do_GET()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()


class Editor:
    """A copy of the project as its own Git repository (branch main) and the CMS server on it (tests,
    screenshots)."""

    def __init__(self, root: Path, site: Path | None = None, content: Path | None = None):
        self.repo = copy_project(root / "repo", content)  # content: a site's data/ and docs/ (tools/project.py)
        (self.repo / "node_modules").symlink_to(NODE_MODULES)
        (self.repo / ".gitignore").write_text("node_modules\n", encoding="utf-8")
        self.git("init", "-q", "-b", "main")
        self.git("add", "-A")
        self.git("-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-qm", "start")
        self.server = CmsServer(self.repo, root / "state", site=site)
        self.address = self.server.address + "admin/"

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
        return check(self.worktree(branch))

    def close(self) -> None:
        self.server.close()


def main() -> None:
    parser = argparse.ArgumentParser(description="The CMS on this machine (make cms)")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--state", type=Path, default=ROOT / ".cms")
    args = parser.parse_args()
    started = time.monotonic()
    server = CmsServer(ROOT, args.state, args.port)
    print(f"Đang dựng bản xem trước của nhánh {server.backend.branch}… / building the preview of "
          f"{server.backend.branch}…", flush=True)
    server.preview.wait(server.backend.main(), seconds=600)
    print(f"Trang quản trị / the CMS: {server.address}admin/  (sẵn sàng sau / ready after "
          f"{time.monotonic() - started:.0f} s; Ctrl+C để dừng / to stop)", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.close()


if __name__ == "__main__":
    main()
