"""The CMS's view of a pull/merge request's checks: a commit status on the request's newest commit, in the form
Decap CMS reads (backend `preview_context`, plansite.cms.config.PREVIEW_CONTEXT). Decap shows it in the entry's
toolbar: "Xem trước" once the checks passed and the preview is built, otherwise "Kết quả kiểm tra", a link
to where the check's problems are listed (the run's summary, the merge request with its note). An officer never has to open the forge to learn why an entry is not ready.

Usage in CI: python -m tools.cms_status pending|failure|success
GitHub Actions (permissions: statuses: write): GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL, GITHUB_SERVER_URL,
GITHUB_RUN_ID, and the request's head commit in PR_HEAD_SHA. The preview is the run's page (its summary and the
"site-preview" download), or PREVIEW_URL when the site owner serves previews somewhere ({number} is the pull
request's number).
GitLab CI: the project access token CHECK_REPORT_TOKEN (scope api, as for the merge request note), and GitLab's
own variables; the preview is the site in the preview job's artifacts (browsable where GitLab Pages is on)."""
from __future__ import annotations

import os
import sys
from urllib.parse import quote

from tools.check_report import post

# plansite.cms.config.PREVIEW_CONTEXT, the context Decap looks for (this file needs no package: CI runs it with
# the system Python; tests/engine/test_cms_status.py holds the two equal).
CONTEXT = "plansite/preview"
STATES = ("pending", "failure", "success")
DESCRIPTIONS = {
    "pending": "Đang kiểm tra / checking",
    "failure": "Kiểm tra tự động có lỗi: xem chi tiết / the checks found problems: see the details",
    "success": "Không có lỗi; bản xem trước đã dựng / no problems; the preview is built",
}


def github_request(state: str, env: dict[str, str]) -> tuple[str, dict, dict] | None:
    if not (env.get("GITHUB_TOKEN") and env.get("GITHUB_REPOSITORY") and env.get("PR_HEAD_SHA")):
        return None
    api = env.get("GITHUB_API_URL", "https://api.github.com")
    run = f"{env.get('GITHUB_SERVER_URL', 'https://github.com')}/{env['GITHUB_REPOSITORY']}/actions/runs/{env.get('GITHUB_RUN_ID', '')}"
    # Decap adds the entry's own path to the address: after "#" it names nothing, and the run's page opens.
    target = env.get("PREVIEW_URL", "").format(number=env.get("PR_NUMBER", "")) if state == "success" else ""
    body = {"state": state, "context": CONTEXT, "description": DESCRIPTIONS[state], "target_url": target or f"{run}#"}
    headers = {"Authorization": f"Bearer {env['GITHUB_TOKEN']}", "Accept": "application/vnd.github+json"}
    return f"{api}/repos/{env['GITHUB_REPOSITORY']}/statuses/{env['PR_HEAD_SHA']}", body, headers


def gitlab_request(state: str, env: dict[str, str]) -> tuple[str, dict, dict] | None:
    if not (env.get("CHECK_REPORT_TOKEN") and env.get("CI_MERGE_REQUEST_IID")):
        return None
    sha = env.get("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA") or env["CI_COMMIT_SHA"]
    ref = env.get("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME") or env.get("CI_COMMIT_REF_NAME", "")
    if state == "success":
        # The preview job's artifacts, file by file: Decap adds the entry's path (…/tin-tuc/<slug>/index.html).
        target = f"{env['CI_PROJECT_URL']}/-/jobs/{env['CI_JOB_ID']}/artifacts/file/site"
    else:
        target = f"{env['CI_PROJECT_URL']}/-/merge_requests/{env['CI_MERGE_REQUEST_IID']}#"
    body = {"state": {"failure": "failed"}.get(state, state), "name": CONTEXT, "ref": ref,
            "description": DESCRIPTIONS[state], "target_url": target}
    return (f"{env['CI_API_V4_URL']}/projects/{quote(env['CI_PROJECT_ID'], safe='')}/statuses/{sha}", body,
            {"PRIVATE-TOKEN": env["CHECK_REPORT_TOKEN"]})


def report(state: str, env: dict[str, str]) -> list[tuple[str, dict, dict]]:
    """The requests that tell the forge the state (none outside a pull/merge request or without a token)."""
    if state not in STATES:
        raise SystemExit(f"usage: python -m tools.cms_status {'|'.join(STATES)}")
    return [request for request in (github_request(state, env), gitlab_request(state, env)) if request]


if __name__ == "__main__":
    for url, body, headers in report(sys.argv[1] if len(sys.argv) > 1 else "", dict(os.environ)):
        post(url, body, headers)
        print(f"{body.get('context') or body.get('name')}: {body['state']} {body['target_url']}")
