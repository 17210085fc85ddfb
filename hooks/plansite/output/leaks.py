"""The last look at a build before it is kept: no output file may hold a secret or a path of the machine
that built it, whatever brought it there (a link a check missed, a template that printed a path, a
plugin that copied a file).

Looked for in every file the build wrote, copied assets included, gzip-packed ones unpacked:
- the values of the build's environment variables whose names say they are secret (tokens, passwords,
  keys), and its PATH (a dump of /proc/self/environ holds it);
- secrets by their shape: private keys, the forges' and clouds' token formats, credentials in a git
  remote's address or in `actions/checkout`'s header, lines of /etc/passwd, a git configuration;
- the build machine's own paths: the project's folder and the home folder.
Each shape is one regular expression that begins with a fixed string, which Python's engine looks for
as fast as bytes.find: a scan of the file per shape, fourteen in all (at 1,000 articles per language,
about 100 MB of pages, 1 s of CPU, where a scan per prefix of each shape took 2 s).
What is found is named, never printed."""
from __future__ import annotations

import gzip
import os
import re
from pathlib import Path
from typing import Iterable, Iterator, Mapping

from plansite.validate.problems import say

# Environment variables whose values are secrets, by name (GITHUB_TOKEN, CI_JOB_TOKEN, DEPLOY_SSH_KEY,
# RCLONE_CONFIG_S3_SECRET_ACCESS_KEY, CHECK_REPORT_TOKEN, …).
SECRET_NAME = re.compile(r"TOKEN|SECRET|PASSW|PASSPHRASE|PRIVATE|CREDENTIAL|AUTH|COOKIE|SESSION|SIGNATURE|"
                         r"API_?KEY|ACCESS_?KEY|SSH_?KEY|_KEY$|^KEY", re.IGNORECASE)
SHORTEST_SECRET = 8
# (what the whole match must look like, what it is): each pattern begins with a fixed string.
SHAPES: list[tuple[re.Pattern[bytes], str]] = [
    (re.compile(rb"-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----"), "a private key"),
    (re.compile(rb"gh[pousr]_[A-Za-z0-9_]{30,}"), "a GitHub token"),
    (re.compile(rb"github_pat_[A-Za-z0-9_]{30,}"), "a GitHub token"),
    (re.compile(rb"gl(?:pat|dt|rt|cbt|ptt|ft|imt|agent|oas|soat)-[A-Za-z0-9_.\-]{20,}"), "a GitLab token"),
    (re.compile(rb"GR1348941[A-Za-z0-9_.\-]{20,}"), "a GitLab token"),
    (re.compile(rb"A[KS]IA[0-9A-Z]{16}(?![0-9A-Z])"), "an AWS access key"),
    (re.compile(rb"xox[abprs]-[0-9A-Za-z\-]{10,}"), "a Slack token"),
    (re.compile(rb"AIza[0-9A-Za-z_\-]{35}"), "a Google API key"),
    *[(re.compile(re.escape(prefix) + rb"[^\s/@\"'<>]{8,}@"), "credentials in a git address")
      for prefix in (b"x-access-token:", b"gitlab-ci-token:", b"oauth2:")],
    (re.compile(rb"extraheader\s*=\s*(?i:AUTHORIZATION)"), "a git credential header"),
    (re.compile(rb"repositoryformatversion\s*="), "a git configuration (.git/config)"),
]
# A line of /etc/passwd (its start is checked on each match: `^` in the pattern would slow every search).
PASSWORD_LINE = re.compile(rb"root:[^:\n]*:0:0:")


def secret_values(environ: Mapping[str, str]) -> list[tuple[bytes, str]]:
    """(value, what it is) of each environment variable the build must not publish."""
    values = [(value.encode(), f"${name}") for name, value in environ.items()
              if SECRET_NAME.search(name) and len(value.strip()) >= SHORTEST_SECRET]
    if len(environ.get("PATH", "")) >= 2 * SHORTEST_SECRET:
        values.append((environ["PATH"].encode(), "the build's environment ($PATH)"))
    return values


def machine_paths(root: Path, environ: Mapping[str, str]) -> list[tuple[bytes, str]]:
    """The build machine's own folders: the project's (as named and as resolved) and the home folder."""
    paths = {str(root.absolute()), str(root.resolve())}
    home = environ.get("HOME", "")
    if home.strip("/"):
        paths.add(home.rstrip("/") + "/")
    return [(path.encode(), f"a path of the build machine ({path})") for path in sorted(paths)]


def site_contents(site_dir: Path) -> Iterator[tuple[str, bytes]]:
    """(path below site_dir, bytes) of every file, gzip-compressed ones (sitemap.xml.gz, Pagefind's index)
    unpacked."""
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError):
                pass
        yield path.relative_to(site_dir).as_posix(), data


def leaks(data: bytes, needles: Iterable[tuple[bytes, str]]) -> list[str]:
    """What of the needles and of the secrets' shapes data holds, each named once."""
    found = [what for needle, what in needles if needle and needle in data]
    found += [what for shape, what in SHAPES if shape.search(data)]
    if any(match.start() == 0 or data[match.start() - 1] == 0x0A for match in PASSWORD_LINE.finditer(data)):
        found.append("the system's password file (/etc/passwd)")
    return list(dict.fromkeys(found))


def build_leaks(site_dir: Path, root: Path, environ: Mapping[str, str] = os.environ) -> list[tuple[str, str]]:
    """(file, what) for every secret or machine path in the built site."""
    needles = [*secret_values(environ), *machine_paths(root, environ)]
    return [(name, what) for name, data in site_contents(site_dir) for what in leaks(data, needles)]


def leak_report(found: list[tuple[str, str]]) -> str:
    shown = [f"    {name}: {what}" for name, what in found[:20]]
    more = [f"    … {say('problems.more', count=len(found) - 20)}"] if len(found) > 20 else []
    return "\n".join([say("problems.build_not_kept", count=len(found)) + ":", *shown, *more,
                      f"    → {say('fixes.secrets_in_build')}"])
