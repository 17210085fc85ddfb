"""The CMS's local backend: the proxy API Decap CMS speaks to decap-server (`local_backend`), answered from a
Git repository's objects and refs alone. Reading a branch reads its tree; a save is a commit made with a
private index; nothing in the repository's folder changes, except when the branch checked out there moves
(publishing an entry), and then only the files that change, as a fast-forward would.

It replaces decap-server 3.11.3's Git mode, which the officers' trial found unsafe:
- it checked each branch out in the repository's folder to read or save, so the preview server watching that
  folder rebuilt from half-checked-out branches and reloaded /admin/ while the officer typed, and its
  `git add .` committed whatever else lay in the folder;
- it listed a pending entry's files with `git diff main <branch>` (two dots): once main had moved, the files
  main changed since were taken for the entry's, and a report opened with the plan's data and was saved over
  the plan file;
- it refused to read a language's file that the entry had not changed, so a bilingual entry saved with one
  language changed reopened half-empty and could not be saved again;
- it reported no check status, so the officer never saw `make check`'s verdict.

Each pending entry is a branch cms/<collection>/<slug> (Decap's names, the same as on GitHub and GitLab),
its state in Git's branch description, as decap-server kept it. `checks` (optional) is told of each save and
asked for each entry's status (tools.cms_local.BranchChecks)."""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Protocol

BRANCH_PREFIX = "cms/"
LABEL_PREFIX = "decap-cms/"
ZERO = "0" * 40


class BackendError(Exception):
    """A refused request: Decap shows the message to the officer."""

    def __init__(self, message: str, status: int = 422):
        super().__init__(message)
        self.status = status


class Checks(Protocol):
    def saved(self, branch: str, commit: str) -> None: ...
    def status(self, branch: str, commit: str) -> dict | None: ...


@dataclass(frozen=True)
class Change:
    status: str  # A, M, D as git diff --name-status says
    path: str


def safe_path(path: str) -> str:
    """A path inside the repository, as Git names it; anything else is refused."""
    parts = PurePosixPath(path).parts
    if not path or path.startswith("/") or ".." in parts or (parts and parts[0] == ".git") or "\\" in path:
        raise BackendError(f"đường dẫn không hợp lệ / invalid path: {path!r}")
    return PurePosixPath(path).as_posix()


class Repository:
    """Git plumbing on one repository: never a checkout, never `git add`."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def git(self, *args: str, data: bytes | None = None, env: dict | None = None, ok: tuple[int, ...] = (0,)) -> bytes:
        result = subprocess.run(["git", *args], cwd=self.path, input=data, capture_output=True,
                                env={**os.environ, **self.identity(), **(env or {})})
        if result.returncode not in ok:
            raise BackendError(f"git {args[0]}: {result.stderr.decode(errors='replace').strip()}", 500)
        return result.stdout

    def text(self, *args: str, **kwargs) -> str:
        return self.git(*args, **kwargs).decode().strip()

    def identity(self) -> dict[str, str]:
        """Commits name the CMS when Git has no user on this machine (a fresh checkout, a test)."""
        if not hasattr(self, "_identity"):
            named = subprocess.run(["git", "config", "user.name"], cwd=self.path, capture_output=True).stdout.strip()
            self._identity = {} if named else {
                "GIT_AUTHOR_NAME": "Trang quản trị", "GIT_AUTHOR_EMAIL": "cms@localhost",
                "GIT_COMMITTER_NAME": "Trang quản trị", "GIT_COMMITTER_EMAIL": "cms@localhost"}
        return self._identity

    def tip(self, branch: str) -> str | None:
        out = self.git("rev-parse", "--verify", "-q", f"refs/heads/{branch}^{{commit}}", ok=(0, 1)).strip()
        return out.decode() or None

    def branches(self, prefix: str) -> list[str]:
        refs = self.text("for-each-ref", "--format=%(refname)", f"refs/heads/{prefix}")
        return [ref.removeprefix("refs/heads/") for ref in refs.splitlines() if ref]

    def read(self, commit: str, path: str) -> bytes | None:
        blob = self.blob(commit, path)
        return None if blob is None else self.git("cat-file", "blob", blob)

    def blob(self, commit: str, path: str) -> str | None:
        out = self.git("ls-tree", "-z", commit, "--", safe_path(path)).decode()
        for record in out.split("\0"):
            if record:
                meta, name = record.split("\t", 1)
                if name == path and meta.split()[1] == "blob":
                    return meta.split()[2]
        return None

    def files(self, commit: str, folder: str) -> list[tuple[str, str]]:
        """(path, blob) of every file below the folder."""
        folder = safe_path(folder.strip("/")) if folder.strip("/") else ""
        out = self.git("ls-tree", "-r", "-z", commit, *(["--", folder + "/"] if folder else [])).decode()
        found = []
        for record in out.split("\0"):
            if record:
                meta, name = record.split("\t", 1)
                if meta.split()[1] == "blob":
                    found.append((name, meta.split()[2]))
        return found

    def changes(self, base: str, commit: str) -> list[Change]:
        """What the commit changed since it left base: `git diff base...commit` (three dots, from their
        merge base), so whatever base did since is never taken for the branch's own change."""
        out = self.git("diff", "--name-status", "-z", "--no-renames", f"{base}...{commit}").decode()
        fields = [field for field in out.split("\0") if field]
        return [Change(fields[i][0], fields[i + 1]) for i in range(0, len(fields), 2)]

    def is_ancestor(self, older: str, newer: str) -> bool:
        return subprocess.run(["git", "merge-base", "--is-ancestor", older, newer], cwd=self.path).returncode == 0

    def merged_tree(self, ours: str, theirs: str) -> str | None:
        """The tree of merging the two commits, None when they conflict."""
        result = subprocess.run(["git", "merge-tree", "--write-tree", "--no-messages", ours, theirs],
                                cwd=self.path, capture_output=True, text=True)
        return result.stdout.split()[0] if result.returncode == 0 else None

    def tree_with(self, base: str, changes: dict[str, bytes | None]) -> str:
        """A tree: base's, with these files written (None: removed); a private index, never the folder's."""
        with tempfile.TemporaryDirectory(prefix="cms-index-") as folder:
            env = {"GIT_INDEX_FILE": str(Path(folder) / "index")}
            self.git("read-tree", base, env=env)
            lines = []
            for path, content in changes.items():
                if content is None:
                    lines.append(f"0 {ZERO}\t{safe_path(path)}")
                else:
                    blob = self.text("hash-object", "-w", "--stdin", data=content)
                    lines.append(f"100644 {blob}\t{safe_path(path)}")
            self.git("update-index", "--index-info", data=("\n".join(lines) + "\n").encode(), env=env)
            return self.text("write-tree", env=env)

    def commit(self, tree: str, parents: list[str], message: str) -> str:
        return self.text("commit-tree", tree, *[arg for parent in parents for arg in ("-p", parent)], "-m", message)

    def tree_of(self, commit: str) -> str:
        return self.text("rev-parse", f"{commit}^{{tree}}")

    def move(self, branch: str, new: str, old: str | None) -> None:
        """Point the branch at new (only if it still points at old). When the repository's folder has the
        branch checked out, its files follow, as a fast-forward would: only the files that differ change,
        and Git refuses if one of them has changes of its own there."""
        checked_out = self.git("symbolic-ref", "-q", "HEAD", ok=(0, 1)).decode().strip() == f"refs/heads/{branch}"
        if checked_out and old and self.text("rev-parse", "--is-bare-repository") == "false":
            self.git("read-tree", "-m", "-u", old, new)
        self.git("update-ref", f"refs/heads/{branch}", new, old or ZERO)

    def description(self, branch: str) -> str:
        return self.text("config", "--default", "", f"branch.{branch}.description")

    def describe(self, branch: str, text: str | None) -> None:
        if text is None:
            self.git("config", "--unset-all", f"branch.{branch}.description", ok=(0, 5))
        else:
            self.git("config", f"branch.{branch}.description", text)

    def delete(self, branch: str) -> None:
        self.git("update-ref", "-d", f"refs/heads/{branch}")
        self.describe(branch, None)

    def commit_time(self, commit: str) -> str:
        seconds = int(self.text("show", "-s", "--format=%ct", commit))
        return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).isoformat().replace("+00:00", "Z")


def entry_branch(collection: str, slug: str) -> str:
    return f"{BRANCH_PREFIX}{collection}/{slug}"


def content_key(branch: str) -> str:
    return branch.removeprefix(BRANCH_PREFIX)


def media_file(path: str, content: bytes) -> dict[str, str]:
    return {"id": hashlib.sha256(content).hexdigest(), "content": base64.b64encode(content).decode(),
            "encoding": "base64", "path": path, "name": PurePosixPath(path).name}


class GitBackend:
    """Decap's proxy API on a repository whose published branch is `branch` (main)."""

    def __init__(self, repository: Path, branch: str, checks: Checks | None = None,
                 published: Callable[[str], None] | None = None):
        self.repo = Repository(repository)
        self.branch = branch
        self.checks = checks
        self.published = published  # told the new tip whenever the published branch moves
        self.lock = threading.Lock()
        if self.repo.tip(branch) is None:
            raise BackendError(f"không có nhánh / no branch {branch!r} in {repository}", 500)

    def handle(self, body: dict[str, Any]) -> Any:
        action, params = body.get("action"), body.get("params") or {}
        handler = getattr(self, f"do_{action}", None) if isinstance(action, str) else None
        if handler is None:
            raise BackendError(f"unknown action {action!r}")
        with self.lock:
            return handler(**params)

    # ---- reading the published branch

    def main(self) -> str:
        tip = self.repo.tip(self.branch)
        assert tip is not None
        return tip

    def do_info(self, **_: Any) -> dict:
        return {"repo": self.repo.path.name, "publish_modes": ["simple", "editorial_workflow"], "type": "local_git"}

    def entry(self, commit: str, path: str, label: str | None = None) -> dict:
        blob = self.repo.blob(commit, path)
        data = None if blob is None else self.repo.git("cat-file", "blob", blob).decode("utf-8")
        return {"data": data, "file": {"path": path, "label": label, "id": blob}}

    def do_entriesByFolder(self, folder: str, extension: str, depth: int, **_: Any) -> list[dict]:
        main = self.main()
        base = len(PurePosixPath(folder.strip("/")).parts)
        return [self.entry(main, path) for path, _blob in self.repo.files(main, folder)
                if path.endswith(extension) and len(PurePosixPath(path).parts) - base <= depth]

    def do_entriesByFiles(self, files: list[dict], **_: Any) -> list[dict]:
        main = self.main()
        return [self.entry(main, safe_path(file["path"]), file.get("label")) for file in files]

    def do_getEntry(self, path: str, **_: Any) -> dict:
        return self.entry(self.main(), safe_path(path))

    def do_getMedia(self, mediaFolder: str, **_: Any) -> list[dict]:
        main, base = self.main(), len(PurePosixPath(mediaFolder.strip("/")).parts)
        return [media_file(path, self.repo.git("cat-file", "blob", blob))
                for path, blob in self.repo.files(main, mediaFolder) if len(PurePosixPath(path).parts) == base + 1]

    def do_getMediaFile(self, path: str, **_: Any) -> dict:
        content = self.repo.read(self.main(), safe_path(path))
        if content is None:
            raise BackendError(f"no file {path}", 404)
        return media_file(path, content)

    # ---- pending entries: one branch each

    def pending(self, collection: str, slug: str) -> tuple[str, str]:
        branch = entry_branch(collection, slug)
        tip = self.repo.tip(branch)
        if tip is None:
            raise BackendError("Not Found", 404)
        return branch, tip

    def do_unpublishedEntries(self, **_: Any) -> list[str]:
        return [content_key(branch) for branch in self.repo.branches(BRANCH_PREFIX)]

    def do_unpublishedEntry(self, id: str | None = None, collection: str | None = None, slug: str | None = None,
                            cmsLabelPrefix: str | None = None, **_: Any) -> dict:
        if id:
            collection, _, slug = id.partition("/")
        branch, tip = self.pending(str(collection), str(slug))
        label = self.repo.description(branch)
        prefix = cmsLabelPrefix or LABEL_PREFIX
        diffs = []
        for change in self.repo.changes(self.main(), tip):
            if change.status == "D":
                continue
            diffs.append({"oldPath": change.path, "newPath": change.path, "status": change.status,
                          "newFile": change.status == "A", "path": change.path,
                          "id": self.repo.blob(tip, change.path) or change.path,
                          "binary": not change.path.endswith((".md", ".yml", ".yaml", ".json"))})
        return {"collection": collection, "slug": slug, "status": label[len(prefix):] if label.startswith(prefix) else None,
                "diffs": diffs, "updatedAt": self.repo.commit_time(tip)}

    def do_unpublishedEntryDataFile(self, collection: str, slug: str, path: str, **_: Any) -> dict:
        # Decap asks for every language's file, changed or not (its id is then ""): read it on the branch.
        _branch, tip = self.pending(collection, slug)
        content = self.repo.read(tip, safe_path(path))
        if content is None:
            raise BackendError(f"no file {path}", 404)
        return {"data": content.decode("utf-8")}

    def do_unpublishedEntryMediaFile(self, collection: str, slug: str, path: str, **_: Any) -> dict:
        _branch, tip = self.pending(collection, slug)
        content = self.repo.read(tip, safe_path(path))
        if content is None:
            raise BackendError(f"no file {path}", 404)
        return media_file(path, content)

    def do_persistEntry(self, assets: list[dict], options: dict, entry: dict | None = None,
                        dataFiles: list[dict] | None = None, cmsLabelPrefix: str | None = None, **_: Any) -> dict:
        files = dataFiles if dataFiles is not None else [entry or {}]
        if not files or not all(file.get("path") for file in files):
            raise BackendError("nothing to save")
        written: dict[str, bytes | None] = {}
        for file in files:
            target = safe_path(file.get("newPath") or file["path"])
            written[target] = file.get("raw", "").encode("utf-8")
            if file.get("newPath") and file["newPath"] != file["path"]:
                written[safe_path(file["path"])] = None
        for asset in assets:
            written[safe_path(asset["path"])] = base64.b64decode(asset["content"])
        message = options.get("commitMessage") or "CMS"
        if not options.get("useWorkflow"):
            self.commit_to_main(written, message)
            return {"message": "entry persisted"}
        branch = entry_branch(options["collectionName"], files[0]["slug"])
        main, old = self.main(), self.repo.tip(branch)
        if old is None:
            base, parents = self.repo.tree_of(main), [main]
        elif self.repo.is_ancestor(main, old):
            base, parents = self.repo.tree_of(old), [old]
        else:
            # main moved since the entry was saved: the entry's branch takes main's changes in (a merge, so
            # `main...branch` stays the entry's own files), its own changes winning where both changed a file.
            own = {c.path: self.repo.read(old, c.path) for c in self.repo.changes(main, old)}
            base = self.repo.merged_tree(main, old) or self.repo.tree_with(self.repo.tree_of(main), own)
            parents = [old, main]
        if old is not None:
            # A file the entry had changed and no longer writes (a picture removed, a language emptied)
            # goes back to what main has.
            for change in self.repo.changes(main, old):
                if change.path not in written:
                    written[change.path] = self.repo.read(main, change.path)
        tree = self.repo.tree_with(base, written)
        if old is not None and tree == self.repo.tree_of(old):
            return {"message": "entry unchanged"}
        commit = self.repo.commit(tree, parents, message)
        self.repo.move(branch, commit, old)
        if old is None:
            self.repo.describe(branch, (cmsLabelPrefix or LABEL_PREFIX) + (options.get("status") or "draft"))
        if self.checks:
            self.checks.saved(branch, commit)
        return {"message": "entry persisted"}

    def do_updateUnpublishedEntryStatus(self, collection: str, slug: str, newStatus: str,
                                        cmsLabelPrefix: str | None = None, **_: Any) -> dict:
        branch, _tip = self.pending(collection, slug)
        self.repo.describe(branch, (cmsLabelPrefix or LABEL_PREFIX) + newStatus)
        return {"message": f"{branch}: {newStatus}"}

    def do_deleteUnpublishedEntry(self, collection: str, slug: str, **_: Any) -> dict:
        branch, _tip = self.pending(collection, slug)
        self.repo.delete(branch)
        return {"message": f"deleted branch: {branch}"}

    def do_publishUnpublishedEntry(self, collection: str, slug: str, **_: Any) -> dict:
        branch, tip = self.pending(collection, slug)
        main = self.main()
        if self.repo.is_ancestor(main, tip):
            new = tip
        else:
            tree = self.repo.merged_tree(main, tip)
            if tree is None:
                raise BackendError("Không công bố được: bản đã công bố cũng sửa chính những tệp này. Mở lại mục, "
                                   "lưu lại, rồi công bố / main changed the same files: reopen, save, publish", 409)
            new = self.repo.commit(tree, [main, tip], f"Công bố / publish {content_key(branch)}")
        self.move_main(new, main)
        self.repo.delete(branch)
        return {"message": f"{branch} merged into {self.branch}"}

    def do_getDeployPreview(self, collection: str, slug: str, **_: Any) -> dict | None:
        if not self.checks:
            return None
        branch = entry_branch(collection, slug)
        tip = self.repo.tip(branch)
        return None if tip is None else self.checks.status(branch, tip)

    # ---- files committed straight to the published branch (the media library outside an entry)

    def commit_to_main(self, written: dict[str, bytes | None], message: str) -> str:
        main = self.main()
        commit = self.repo.commit(self.repo.tree_with(self.repo.tree_of(main), written), [main], message)
        self.move_main(commit, main)
        return commit

    def move_main(self, new: str, old: str) -> None:
        self.repo.move(self.branch, new, old)
        if self.published:
            self.published(new)

    def do_persistMedia(self, asset: dict, options: dict, **_: Any) -> dict:
        content = base64.b64decode(asset["content"])
        self.commit_to_main({safe_path(asset["path"]): content}, options.get("commitMessage") or "CMS")
        return media_file(asset["path"], content)

    def do_deleteFile(self, path: str, options: dict, **_: Any) -> dict:
        self.commit_to_main({safe_path(path): None}, options.get("commitMessage") or "CMS")
        return {"message": f"deleted file {path}"}

    def do_deleteFiles(self, paths: list[str], options: dict, **_: Any) -> dict:
        self.commit_to_main({safe_path(path): None for path in paths}, options.get("commitMessage") or "CMS")
        return {"message": f"deleted files {', '.join(paths)}"}

    # Newer Decap versions ask for review notes and pull request details; a local repository has none.
    def do_getNotes(self, **_: Any) -> dict:
        return {"notes": []}

    def do_getPRMetadata(self, **_: Any) -> dict:
        return {"metadata": None}
