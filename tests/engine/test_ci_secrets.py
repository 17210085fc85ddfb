"""Attack 1 in CI: what a contributor's commit could reach there. The checkout keeps no token, the job that
checks, tests and builds holds no secret and runs every make target with a scrubbed environment, the deploy
key exists only in jobs that build nothing and is removed when they end, and no artifact is saved beside it."""
from __future__ import annotations

import os
import subprocess

from ruamel.yaml import YAML

from conftest import ROOT

yaml = YAML(typ="safe", pure=True)
BUILDING = ("make check", "make test", "make build", "make publish")


def runs(job: dict) -> str:
    return "\n".join(str(step.get("run", "")) for step in job.get("steps", [])) + "\n".join(map(str, job.get("script", [])))


def test_github_keeps_no_token_and_builds_without_secrets():
    workflow = yaml.load((ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8"))
    for name, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            if str(step.get("uses", "")).startswith("actions/checkout"):
                assert step["with"]["persist-credentials"] is False, name
        text = str(job)
        if any(command in runs(job) for command in BUILDING):
            # The only secret: the token that posts the check's report, beside a check run scrubbed (Makefile).
            secrets = [str(step) for step in job["steps"] if "secrets." in str(step)]
            assert len(secrets) == 1 and "GITHUB_TOKEN" in secrets[0] and "make check-report" in secrets[0], secrets
            assert "DEPLOY_SSH_KEY" not in text and "RCLONE_CONFIG" not in text
        if "DEPLOY_SSH_KEY" in text:
            assert not any(command in runs(job) for command in BUILDING), name
            assert "trap 'rm -f ~/.ssh/id_ed25519' EXIT" in runs(job), name  # gone when the step ends
            uploads = [s for s in job["steps"] if str(s.get("uses", "")).startswith("actions/upload")]
            assert all(s["with"]["path"] == "views/" for s in uploads), name


def test_gitlab_keeps_no_token_and_builds_without_secrets():
    pipeline = yaml.load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert 'git remote set-url origin "$CI_PROJECT_URL.git"' in pipeline["default"]["before_script"]
    jobs = {name: job for name, job in pipeline.items() if isinstance(job, dict) and "script" in job}
    for name, job in jobs.items():
        building = any(command in runs(job) for command in BUILDING)
        secret = "DEPLOY_SSH_KEY" in runs(job) or "RCLONE_REMOTE" in runs(job) and "object-storage" in runs(job)
        # Environment-scoped variables reach only jobs of that environment (the comment at the top says so).
        assert ("environment" in job) == secret, name
        assert not (building and secret), name
        if "DEPLOY_SSH_KEY" in runs(job):
            assert job["after_script"] == ["rm -f ~/.ssh/id_ed25519"], name
            assert job.get("artifacts", {}).get("paths", []) in ([], ["views/"]), name


def test_every_make_target_that_reads_content_runs_scrubbed():
    dry = subprocess.run(["make", "-n", "-o", ".venv/.installed", "-o", "node_modules/.installed", "-o", "/usr/bin/chromium",
                          "-o", "/usr/sbin/nginx", "-o", "/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so",
                          "-o", "/usr/bin/goaccess", "-o", "/usr/bin/rsync", "-o", "/usr/bin/rclone",
                          "build", "publish", "check", "check-report", "test"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for command in ("mkdocs build", "-m plansite.check", "-m pytest"):
        lines = [line for line in dry.splitlines() if command in line]
        assert lines and all(line.lstrip().startswith(".ci/scrubbed") for line in lines), (command, lines)


def test_the_scrubbed_environment_keeps_only_what_a_build_needs():
    environ = {**os.environ, "GITHUB_TOKEN": "ghs_x", "CI_JOB_TOKEN": "glcbt-x", "DEPLOY_SSH_KEY": "/tmp/key",
               "ACTIONS_RUNTIME_TOKEN": "x", "AWS_SECRET_ACCESS_KEY": "x", "SITE_URL": "https://a.example/"}
    seen = subprocess.run([str(ROOT / ".ci/scrubbed"), "env"], env=environ, capture_output=True, text=True, check=True).stdout
    names = {line.split("=", 1)[0] for line in seen.splitlines()}
    assert "SITE_URL" in names and "PATH" in names
    assert names <= {"PATH", "HOME", "USER", "LANG", "LC_ALL", "TZ", "TMPDIR", "TERM", "CI", "SITE_URL",
                     "SOURCE_DATE_EPOCH", "NO_MKDOCS_2_WARNING"}, names
