"""`make check`'s messages where the editor reads them: the pull request's job summary and a comment on
GitHub, a note on the merge request on GitLab. Editors who use the CMS never open a terminal; each message
keeps its file:line:col so a reviewer can find the line.

Usage (make check-report in CI): python -m tools.check_report check.txt
GitHub Actions: GITHUB_STEP_SUMMARY is set by the runner; with GITHUB_TOKEN (permissions: pull-requests:
write) and the pull request's number in PR_NUMBER, the report is also a comment.
GitLab CI: with a project access token in the masked variable CHECK_REPORT_TOKEN (scope api), the report
is a note on the merge request (CI_MERGE_REQUEST_IID)."""
from __future__ import annotations

import json
import os
import re
import sys
import urllib.request
from pathlib import Path

# A message as `make check` prints it: docs/vi/tin-tuc/posts/x.md:3:1: title: … (and its hint lines).
LOCATED = re.compile(r"^\S+:\d+:\d+: ")


def report(output: str) -> str:
    """The check's output as Markdown: each problem an item, its file:line:col as code."""
    lines = output.rstrip().splitlines()
    problems: list[list[str]] = []
    for line in lines:
        if LOCATED.match(line):
            problems.append([line])
        elif problems and line.startswith(" "):
            problems[-1].append(line.strip())
    summary = lines[-1] if lines else ""
    if not problems:
        return f"### `make check`: không có lỗi / no problems\n\n{summary}\n"
    items = []
    for first, *hints in problems:
        where, _, message = first.partition(": ")
        items.append(f"- `{where}` {message}" + "".join(f"<br>{hint}" for hint in hints))
    return (f"### `make check`: {len(problems)} lỗi cần sửa / problem(s) to fix\n\n"
            "Sửa trong trang quản trị (/admin/) hoặc trực tiếp trong tệp, ở đúng dòng và cột ghi dưới đây. / "
            "Fix them in the CMS or in the file, at the line and column given.\n\n" + "\n".join(items) + "\n")


def post(url: str, body: dict, headers: dict[str, str]) -> None:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", **headers})
    with urllib.request.urlopen(request, timeout=30):
        pass


def publish(text: str, env: dict[str, str]) -> None:
    if env.get("GITHUB_STEP_SUMMARY"):
        with open(env["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as summary:
            summary.write(text)
    if env.get("GITHUB_TOKEN") and env.get("PR_NUMBER") and env.get("GITHUB_REPOSITORY"):
        api = env.get("GITHUB_API_URL", "https://api.github.com")
        post(f"{api}/repos/{env['GITHUB_REPOSITORY']}/issues/{env['PR_NUMBER']}/comments", {"body": text},
             {"Authorization": f"Bearer {env['GITHUB_TOKEN']}", "Accept": "application/vnd.github+json"})
    if env.get("CHECK_REPORT_TOKEN") and env.get("CI_MERGE_REQUEST_IID"):
        post(f"{env['CI_API_V4_URL']}/projects/{env['CI_PROJECT_ID']}/merge_requests/"
             f"{env['CI_MERGE_REQUEST_IID']}/notes", {"body": text}, {"PRIVATE-TOKEN": env["CHECK_REPORT_TOKEN"]})
    print(text)


if __name__ == "__main__":
    publish(report(Path(sys.argv[1]).read_text(encoding="utf-8")), dict(os.environ))
