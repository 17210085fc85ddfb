"""On GitHub and GitLab, CI posts the checks' verdict as the commit status Decap reads (its `preview_context`), so
the officer sees it in the entry's toolbar; tools/cms_status.py builds those requests and the CI files call it
at the right moments. (Decap's toolbar itself is driven in Chromium in test_cms.py, against the local backend,
which answers in the same form.)"""
from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import yaml

from tools.cms_status import CONTEXT, report
from tools.local_nginx import free_port

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "hooks"))
from plansite.cms.config import PREVIEW_CONTEXT  # noqa: E402

GITHUB = {"GITHUB_TOKEN": "t", "GITHUB_REPOSITORY": "province/site", "GITHUB_RUN_ID": "77", "PR_HEAD_SHA": "abc",
          "PR_NUMBER": "12", "GITHUB_API_URL": "https://api.github.com", "GITHUB_SERVER_URL": "https://github.com"}
GITLAB = {"CHECK_REPORT_TOKEN": "t", "CI_MERGE_REQUEST_IID": "5", "CI_MERGE_REQUEST_SOURCE_BRANCH_SHA": "def",
          "CI_MERGE_REQUEST_SOURCE_BRANCH_NAME": "cms/news/tin-tuc/posts/2026-11-30-bai", "CI_COMMIT_SHA": "merged",
          "CI_API_V4_URL": "https://gitlab.example.org/api/v4", "CI_PROJECT_ID": "42", "CI_JOB_ID": "900",
          "CI_PROJECT_URL": "https://gitlab.example.org/province/site"}


def test_the_status_is_the_one_the_cms_looks_for():
    assert CONTEXT == PREVIEW_CONTEXT


def test_github_status_of_a_pull_request():
    [(url, body, headers)] = report("failure", GITHUB)
    assert url == "https://api.github.com/repos/province/site/statuses/abc"
    assert body["context"] == CONTEXT and body["state"] == "failure"
    # Decap appends the entry's path to the address: after "#", the run's page (its summary lists the problems).
    assert body["target_url"] == "https://github.com/province/site/actions/runs/77#"
    assert headers["Authorization"] == "Bearer t"
    [(_, passed, _)] = report("success", {**GITHUB, "PREVIEW_URL": "https://xem-truoc.example.gov.vn/pr-{number}/"})
    assert passed["state"] == "success" and passed["target_url"] == "https://xem-truoc.example.gov.vn/pr-12/"


def test_gitlab_status_of_a_merge_request():
    [(url, body, headers)] = report("success", GITLAB)
    assert url == "https://gitlab.example.org/api/v4/projects/42/statuses/def"
    assert body == {"state": "success", "name": CONTEXT, "ref": "cms/news/tin-tuc/posts/2026-11-30-bai",
                    "description": body["description"],
                    "target_url": "https://gitlab.example.org/province/site/-/jobs/900/artifacts/file/site"}
    assert headers == {"PRIVATE-TOKEN": "t"}
    [(_, failed, _)] = report("failure", GITLAB)
    assert failed["state"] == "failed" and failed["target_url"].endswith("/-/merge_requests/5#")


def test_no_status_outside_a_request_or_without_a_token():
    assert report("pending", {"GITHUB_REPOSITORY": "province/site"}) == []
    assert report("pending", {k: v for k, v in GITLAB.items() if k != "CI_MERGE_REQUEST_IID"}) == []


def test_the_status_reaches_the_forge(tmp_path):
    received = []

    class Forge(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            received.append((self.path, self.headers["Authorization"],
                             json.loads(self.rfile.read(int(self.headers["Content-Length"])))))
            self.send_response(201)
            self.end_headers()

        def log_message(self, *args):
            pass

    port = free_port()
    server = http.server.HTTPServer(("127.0.0.1", port), Forge)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        env = {**os.environ, **GITHUB, "GITHUB_API_URL": f"http://127.0.0.1:{port}"}
        result = subprocess.run([sys.executable, "-m", "tools.cms_status", "pending"], cwd=ROOT, env=env,
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    finally:
        server.shutdown()
    [(path, authorization, body)] = received
    assert path == "/repos/province/site/statuses/abc" and authorization == "Bearer t"
    assert body["state"] == "pending" and body["context"] == CONTEXT


def test_ci_files_post_the_status_around_the_checks():
    github = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    jobs = github["jobs"]
    pending, final = jobs["cms-status-pending"], jobs["cms-status"]
    # Pending from the start of a pull request's run; the verdict once the checks, the tests and the preview
    # are done, whatever happened (always()), read from the job that ran them.
    assert "needs" not in pending and pending["if"] == "github.event_name == 'pull_request'"
    assert "check-test-build" in final["needs"] and final["if"].startswith("always()")
    assert pending["steps"][-1]["run"] == "python3 -m tools.cms_status pending"
    assert "needs.check-test-build.result == 'success'" in final["steps"][-1]["run"]
    for job in (pending, final):
        # The token that posts may write statuses, nothing else, and never runs the request's own tools/.
        assert job["permissions"] == {"statuses": "write"}
        assert job["steps"][0]["with"]["ref"] == "${{ github.event.pull_request.base.sha }}"
        assert not any(command in str(job) for command in ("make ", "pip install"))
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["check"]["script"][0] == "python3 -m tools.cms_status pending"
    assert any("tools.cms_status failure" in line for line in gitlab["check"]["after_script"])
    assert gitlab["preview"]["script"][-1] == "python3 -m tools.cms_status success"
