"""Put a built site where readers get it.

    python -m tools.deploy rsync site deploy@web.example.gov.vn:/srv/plansite
        rsync into a new folder releases/<release>/ on the server (files unchanged since the last release are
        hard links to it), then switch the symlink `current` to it with one rename: nginx (deploy/nginx/site.conf,
        root /srv/plansite/current) serves the old release or the new one, never a mix. Keeps the newest 5.
        A target without "host:" is a folder on this machine, handled the same way (the tests use that).
    python -m tools.deploy fetch-views deploy@web.example.gov.vn:/srv/plansite data/views.json
        copies the server's view counts (tools/views.py, run there daily) beside the data before a rebuild.
    python -m tools.deploy object-storage site s3:bucket [--dry-run]
        rclone to a bucket behind a CDN, each file with the Cache-Control header nginx would send
        (deploy/nginx/http.conf's map): hashed files first, pages last, then files no longer built are removed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HTTP_CONF = ROOT / "deploy" / "nginx" / "http.conf"
KEEP = 5

# On the server, in the site's base folder: point `current` at the new release in one rename (mv -T over a
# symlink is rename(2), which is atomic), then remove all but the newest releases.
SWITCH = """set -eu
cd "$1"
ln -sfn "releases/$2" current.new
mv -T current.new current
ls -1d releases/*/ | sort | head -n -"$3" | xargs -r rm -rf
"""
PREPARE = """set -eu
mkdir -p "$1/releases"
"""


class DeployError(Exception):
    pass


@dataclass(frozen=True)
class Target:
    """`host:/path` (over ssh) or a local `/path`."""

    host: str | None
    path: str

    @classmethod
    def parse(cls, text: str) -> "Target":
        head, colon, tail = text.partition(":")
        if colon and "/" not in head and head:
            return cls(head, tail)
        return cls(None, text)

    def rsync_address(self, below: str) -> str:
        location = f"{self.path.rstrip('/')}/{below}"
        return f"{self.host}:{location}" if self.host else location

    def run(self, script: str, *args: str) -> None:
        command = ["sh", "-s", "--", *args]
        if self.host:
            command = ["ssh", self.host, shlex.join(command)]
        run(command, script)


def run(command: list[str], stdin: str | None = None) -> str:
    if shutil.which(command[0]) is None:
        raise DeployError(f"{command[0]}: chưa cài / not installed → apt-get install {command[0]}")
    result = subprocess.run(command, input=stdin, capture_output=True, text=True)
    if result.returncode != 0:
        raise DeployError(f"{shlex.join(command)}: {result.stderr.strip() or result.stdout.strip()}")
    return result.stdout


def release_name(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now(dt.timezone.utc)).strftime("%Y%m%dT%H%M%SZ")


def deploy_rsync(site: Path, target: Target, release: str, keep: int = KEEP) -> None:
    if not (site / "index.html").is_file():
        raise DeployError(f"{site}: không phải trang đã dựng / not a built site (no index.html)")
    target.run(PREPARE, target.path)
    # --link-dest is read from the new folder: ../../current is the release in use. --checksum: a file is linked
    # only when its bytes are the same, not when size and time happen to match (two builds in one second).
    run(["rsync", "-a", "--checksum", "--delete", "--link-dest=../../current/", f"{site}/", target.rsync_address(f"releases/{release}/")])
    target.run(SWITCH, target.path, release, str(keep))


def fetch_views(target: Target, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    run(["rsync", "-a", target.rsync_address("views.json"), str(out)])


# ---- object storage

def cache_rules(http_conf: Path = HTTP_CONF) -> list[tuple[re.Pattern[str] | None, str]]:
    """nginx's `map $uri $plansite_cache_control` as (pattern, header); None is the default."""
    text = http_conf.read_text(encoding="utf-8")
    block = re.search(r"map \$uri \$plansite_cache_control \{(.*?)\n\}", text, re.DOTALL)
    if not block:
        raise DeployError(f"{http_conf}: không thấy map $plansite_cache_control / no $plansite_cache_control map")
    rules = []
    for key, value in re.findall(r'^\s*("[^"]*"|\S+)\s+"([^"]*)";', block.group(1), re.MULTILINE):
        key = key.strip('"')
        if key == "default":
            rules.append((None, value))
        elif key.startswith("~*"):
            rules.append((re.compile(key[2:], re.IGNORECASE), value))
        elif key.startswith("~"):
            rules.append((re.compile(key[1:]), value))
        else:
            rules.append((re.compile(re.escape(key) + "$"), value))
    return rules


def cache_control(uri: str, rules: list[tuple[re.Pattern[str] | None, str]]) -> str:
    """As nginx picks: the first regular expression that matches, else the default."""
    for pattern, value in rules:
        if pattern is not None and pattern.search(uri):
            return value
    return next(value for pattern, value in rules if pattern is None)


def max_age(header: str) -> int:
    match = re.search(r"max-age=(\d+)", header)
    return int(match.group(1)) if match else 0


def upload_groups(site: Path, rules) -> list[tuple[str, list[str]]]:
    """Files by Cache-Control, the longest-lived first: a page goes up only after the files it names."""
    groups: dict[str, list[str]] = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        relative = path.relative_to(site).as_posix()
        groups.setdefault(cache_control("/" + relative, rules), []).append(relative)
    return sorted(groups.items(), key=lambda item: -max_age(item[0]))


def deploy_object_storage(site: Path, remote: str, dry_run: bool = False) -> list[list[str]]:
    """Run (or, dry, only show) rclone: one copy per cache lifetime, then a sync that removes stale files."""
    if not (site / "index.html").is_file():
        raise DeployError(f"{site}: không phải trang đã dựng / not a built site (no index.html)")
    common = ["--checksum", *(["--dry-run"] if dry_run else [])]
    commands = []
    with tempfile.TemporaryDirectory(prefix="plansite-deploy-") as temp:
        for number, (header, files) in enumerate(upload_groups(site, cache_rules())):
            listing = Path(temp) / f"files-{number}.txt"
            listing.write_text("\n".join(files) + "\n", encoding="utf-8")
            commands.append(["rclone", "copy", str(site), remote, "--files-from-raw", str(listing),
                             "--header-upload", f"Cache-Control: {header}", *common])
        commands.append(["rclone", "sync", str(site), remote, *common])
        for command in commands:
            print(shlex.join(command), flush=True)
            run(command)
    return commands


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n".join(__doc__.splitlines()[2:]))
    commands = parser.add_subparsers(dest="command", required=True)
    to_server = commands.add_parser("rsync", help="to an nginx host: a new release folder, then an atomic symlink switch")
    to_server.add_argument("site", type=Path)
    to_server.add_argument("target", help="host:/srv/plansite, or a local folder")
    to_server.add_argument("--release", default=None, help="the release folder's name (default: the time, UTC)")
    to_server.add_argument("--keep", type=int, default=KEEP, help="releases kept on the server")
    views = commands.add_parser("fetch-views", help="copy the server's view counts for the rebuild")
    views.add_argument("target")
    views.add_argument("out", type=Path, nargs="?", default=ROOT / "data" / "views.json")
    bucket = commands.add_parser("object-storage", help="to a bucket behind a CDN, with rclone")
    bucket.add_argument("site", type=Path)
    bucket.add_argument("remote", help="an rclone remote and path, e.g. s3:plansite")
    bucket.add_argument("--dry-run", action="store_true", help="show what would change, change nothing")
    args = parser.parse_args(argv)
    try:
        if args.command == "rsync":
            release = args.release or release_name()
            deploy_rsync(args.site, Target.parse(args.target), release, args.keep)
            print(f"{args.target}: current → releases/{release}")
        elif args.command == "fetch-views":
            fetch_views(Target.parse(args.target), args.out)
        else:
            deploy_object_storage(args.site, args.remote, args.dry_run)
    except DeployError as error:
        print(f"Không triển khai được / not deployed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
