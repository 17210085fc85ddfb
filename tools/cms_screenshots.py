"""The screenshots of the editors' guide (editors/GUIDE.md), taken in Debian's Chromium against a throwaway
copy of the repository (tools.cms_local): make cms-screenshots."""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tools.cms_local import Editor
from tools.project import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def take(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="plansite-cms-shots-") as temp:
        site = Path(temp) / "built"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)], cwd=ROOT, check=True,
                       capture_output=True)
        editor = Editor(Path(temp), site)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto(editor.address)
                page.get_by_role("button", name="Đăng nhập").wait_for()
                page.screenshot(path=folder / "1-dang-nhap.png")
                page.get_by_role("button", name="Đăng nhập").click()
                page.goto(editor.address + "#/collections/news")
                page.get_by_text("＋ bài tin").wait_for()
                page.screenshot(path=folder / "2-tin-tuc.png")
                page.goto(editor.address + "#/collections/news/new")
                page.locator("label").filter(has_text="Tiêu đề").first.wait_for()
                page.screenshot(path=folder / "3-bai-moi-hai-ngon-ngu.png")
                page.goto(editor.address + "#/collections/reports/new")
                page.reload()  # Decap keeps the last editor open across a change of address only
                page.locator("label").filter(has_text="Kế hoạch được báo cáo").first.wait_for()
                page.screenshot(path=folder / "4-bao-cao-tien-do.png")
                page.goto(editor.address + "#/workflow")
                page.reload()
                page.get_by_text("Đang xét duyệt").first.wait_for()
                page.screenshot(path=folder / "5-xet-duyet.png")
                browser.close()
        finally:
            editor.close()


if __name__ == "__main__":
    take(ROOT / sys.argv[1])
