"""Deployment: rsync to an nginx host with a release folder and an atomic symlink switch (run here against a
local folder, served by nginx), and object storage with rclone (cache headers as nginx sends them, a dry
run, and a sync to a local folder)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT
from snapshots import snapshot
from tools import deploy as deploy_module, local_nginx
from tools.deploy import cache_control, cache_rules, main as deploy

# Served only when nginx is asked for them by a miss (server.conf: internal).
INTERNAL = {"404.html", "en/404.html"}


def release_of(site: Path, tmp_path: Path, name: str) -> Path:
    """A copy of the built site that says which release it is."""
    copy = tmp_path / "releases-to-upload" / name
    shutil.copytree(site, copy)
    (copy / "release.txt").write_text(name)
    # The same size and time in every release, only the bytes differ: rsync must not take it for unchanged.
    os.utime(copy / "release.txt", (1_700_000_000, 1_700_000_000))
    return copy


def fetch(address: str, path: str) -> tuple[int, str]:
    with urllib.request.urlopen(address + path, timeout=5) as response:
        return response.status, response.read().decode()


@pytest.mark.browser  # nginx serves the releases
def test_rsync_deploy_switches_releases_atomically_while_nginx_serves(site, tmp_path):
    server = tmp_path / "srv" / "plansite"
    assert deploy(["rsync", str(release_of(site, tmp_path, "r1")), str(server), "--release", "r1"]) == 0
    assert os.readlink(server / "current") == "releases/r1"
    with local_nginx.serve(server / "current") as address:
        assert fetch(address, "release.txt") == (200, "r1")
        seen: list[tuple[int, str]] = []
        stop = threading.Event()

        def read_during_the_switch():
            for _ in range(2000):  # bounded, on 127.0.0.1 only
                if stop.is_set():
                    return
                try:
                    seen.append(fetch(address, "release.txt"))
                except OSError as error:  # HTTPError (a 404 while nothing is at `current`) and refused connections
                    seen.append((getattr(error, "code", 0), str(error)))

        reader = threading.Thread(target=read_during_the_switch)
        reader.start()
        try:
            assert deploy(["rsync", str(release_of(site, tmp_path, "r2")), str(server), "--release", "r2"]) == 0
        finally:
            stop.set()
            reader.join()
        # No reload: the next request already gets the new release, and none got a mix or an error.
        assert fetch(address, "release.txt") == (200, "r2")
        assert seen and set(seen) <= {(200, "r1"), (200, "r2")}
        status, home = fetch(address, "")
        assert status == 200 and '<html lang="vi"' in home
    releases = server / "releases"
    assert sorted(p.name for p in releases.iterdir()) == ["r1", "r2"]
    assert not (server / "current.new").exists()
    # Unchanged files are hard links to the previous release, not second copies.
    css = "assets/stylesheets/site.css"
    assert (releases / "r1" / css).stat().st_ino == (releases / "r2" / css).stat().st_ino
    assert (releases / "r1/release.txt").stat().st_ino != (releases / "r2/release.txt").stat().st_ino
    assert snapshot(releases / "r2") == snapshot(tmp_path / "releases-to-upload" / "r2")


def test_rsync_deploy_keeps_the_newest_releases(site, tmp_path):
    server = tmp_path / "srv"
    for number in range(1, 5):
        assert deploy(["rsync", str(site), str(server), "--release", f"2026120{number}T000000Z", "--keep", "2"]) == 0
    assert sorted(p.name for p in (server / "releases").iterdir()) == ["20261203T000000Z", "20261204T000000Z"]
    assert os.readlink(server / "current") == "releases/20261204T000000Z"


def test_deploy_refuses_a_folder_that_is_not_a_built_site(tmp_path):
    for command in (["rsync", str(tmp_path), str(tmp_path / "srv")], ["object-storage", str(tmp_path), str(tmp_path / "b")]):
        result = subprocess.run([sys.executable, "-m", "tools.deploy", *command], cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "không phải trang đã dựng / not a built site (no index.html)" in result.stderr
    assert not (tmp_path / "srv").exists() and not (tmp_path / "b").exists()


def test_object_storage_cache_headers_are_the_ones_nginx_sends(site, site_server):
    rules = cache_rules()
    files = [p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()]
    headers = set()
    for path in files:
        if path in INTERNAL:
            continue
        request = urllib.request.Request(site_server + urllib.request.quote(path), method="HEAD")
        with urllib.request.urlopen(request) as response:
            assert response.headers["Cache-Control"] == cache_control("/" + path, rules), path
        headers.add(cache_control("/" + path, rules))
    # Every lifetime nginx knows is used by some file of the site.
    assert headers == {value for _, value in rules}


def test_object_storage_dry_run_changes_nothing_and_a_sync_mirrors_the_site(site, tmp_path, capfd):
    bucket = tmp_path / "bucket"
    bucket.mkdir()
    (bucket / "stale.html").write_text("from an older build")
    assert deploy(["object-storage", str(site), str(bucket), "--dry-run"]) == 0
    shown = [line for line in capfd.readouterr().out.splitlines() if line.startswith("rclone ")]
    assert sorted(p.name for p in bucket.iterdir()) == ["stale.html"]
    # Hashed files first (a year), then images (a day), pages last (revalidated); then the sync removes stale files.
    lifetimes = [line.split("Cache-Control: ")[1].split("'")[0] for line in shown[:-1]]
    assert lifetimes == ["public, max-age=31536000, immutable", "public, max-age=86400", "no-cache"]
    assert all("--dry-run" in line for line in shown) and shown[-1].startswith("rclone sync ")
    assert deploy(["object-storage", str(site), str(bucket)]) == 0
    assert snapshot(bucket) == snapshot(site)


def test_rsync_deploy_to_a_host_runs_the_same_steps_over_ssh(site, monkeypatch):
    """No ssh server here: the commands a host target gets, recorded instead of run."""
    ran = []
    monkeypatch.setattr(deploy_module, "run", lambda command, stdin=None: ran.append((command, stdin)))
    target = deploy_module.Target.parse("deploy@web.example.gov.vn:/srv/plansite")
    assert target == deploy_module.Target("deploy@web.example.gov.vn", "/srv/plansite")
    assert deploy_module.Target.parse("/srv/plansite") == deploy_module.Target(None, "/srv/plansite")
    deploy_module.deploy_rsync(site, target, "20261201T170500Z", keep=5)
    (prepare, prepare_script), (upload, _), (switch, switch_script) = ran
    assert prepare == ["ssh", "deploy@web.example.gov.vn", "sh -s -- /srv/plansite"] and "mkdir -p" in prepare_script
    assert upload == ["rsync", "-a", "--checksum", "--delete", "--link-dest=../../current/", f"{site}/",
                      "deploy@web.example.gov.vn:/srv/plansite/releases/20261201T170500Z/"]
    assert switch == ["ssh", "deploy@web.example.gov.vn", "sh -s -- /srv/plansite 20261201T170500Z 5"]
    assert "mv -T current.new current" in switch_script
