"""Debian's nginx, run by the current user on 127.0.0.1 over a built site with deploy/nginx/'s configuration."""
from __future__ import annotations

import contextlib
import getpass
import os
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from string import Template

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy" / "nginx"
NGINX = "/usr/sbin/nginx"


class NginxError(Exception):
    pass


def render_config(site_dir: Path, port: int, temp: Path, access_log: Path | None = None) -> str:
    """The local configuration: the committed http.conf and server.conf over `site_dir`."""
    template = Template((DEPLOY / "local.conf.template").read_text(encoding="utf-8"))
    # absolute(), not resolve(): a root that is a symlink (tools/deploy.py's `current`) is followed per request.
    # Started by root, nginx's workers would switch to "nobody", who may not read the site: keep the user.
    user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
    return template.substitute(root=site_dir.absolute(), port=port, temp=temp, deploy=DEPLOY, user=user,
                               access_log=access_log or temp / "access.log")


@contextlib.contextmanager
def serve(site_dir: Path, port: int | None = None, access_log: Path | None = None) -> Iterator[str]:
    """Start nginx over `site_dir` (on `port`, or a free one), yield its base address, stop it.
    `access_log` keeps the log (in deploy/nginx's format) past the stop, for the view counts."""
    if not Path(NGINX).exists():
        raise NginxError(f"{NGINX} is missing: run `make test`, which installs Debian's nginx")
    with tempfile.TemporaryDirectory(prefix="plansite-nginx-") as temp_name:
        temp = Path(temp_name)
        port = port or free_port()
        config = temp / "nginx.conf"
        config.write_text(render_config(site_dir, port, temp, access_log), encoding="utf-8")
        process = subprocess.Popen([NGINX, "-p", str(temp), "-e", "stderr", "-c", str(config)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            wait_for_port(port, process)
            yield f"http://127.0.0.1:{port}/"
        finally:
            process.terminate()
            process.wait(timeout=10)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen) -> None:
    # Readiness is the open port; a configuration error ends the process, with nginx's message.
    for _ in range(200):
        if process.poll() is not None:
            raise NginxError(f"nginx stopped ({process.returncode}): {process.stderr.read()}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.1):
            return
        time.sleep(0.05)
    process.terminate()
    raise NginxError(f"nginx did not open 127.0.0.1:{port}")


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Serve a built site with the project's nginx configuration.")
    parser.add_argument("site", type=Path, nargs="?", default=ROOT / "site")
    args = parser.parse_args()
    # Stop cleanly (and stop nginx) on Ctrl+C or `kill`, also when started in the background.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    with serve(args.site) as address:
        print(f"Serving {args.site} at {address} (Ctrl+C stops)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)
