"""The screenshots of the editors' guide (editors/GUIDE.md), taken in Debian's Chromium against a throwaway
copy of the repository and the CMS's own server (tools.cms_local): make cms-screenshots."""
from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from tools.cms_local import Editor
from tools.project import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def field(page: Page, label: str, pane: int = 0):
    """The field with this label in the Vietnamese (0) or English (1) column."""
    name = page.locator("label").filter(has_text=re.compile(f"^{re.escape(label)}")).nth(pane)
    return page.locator(f"[id='{name.get_attribute('for')}']")


def visit(page: Page, editor: Editor, address: str) -> None:
    page.goto(editor.address + address)
    page.reload()  # Decap keeps the last editor open across a change of address only
    page.locator("label, a[href*='/collections/']").first.wait_for()


def write_article(page: Page) -> None:
    """An officer's article, in both languages, as the guide describes it."""
    field(page, "Tiêu đề").fill("Hội nghị triển khai Kế hoạch tại huyện")
    field(page, "Tóm tắt").fill("Huyện tổ chức hội nghị phổ biến Kế hoạch tới các xã.")
    date = field(page, "Ngày đăng")
    date.click()
    date.press_sequentially("30/11/2026")
    field(page, "Địa chỉ").fill("hoi-nghi-trien-khai-tai-huyen")
    for label in ("Tác giả", "Chủ đề"):
        field(page, label).click()
        page.keyboard.press("Enter")
    field(page, "Đoạn mở đầu").fill("Sáng 30/11, huyện tổ chức hội nghị phổ biến Kế hoạch tới cán bộ các xã.")
    field(page, "Tiêu đề", 1).fill("District meeting on the plan")
    field(page, "Tóm tắt", 1).fill("The district held a meeting to explain the plan to its communes.")
    field(page, "Đoạn mở đầu", 1).fill("On 30 November the district explained the plan to commune officials.")
    bodies = page.locator("[contenteditable=true]")
    for pane, text in enumerate(("Nội dung hội nghị.", "What the meeting covered.")):
        bodies.nth(pane).click()
        page.keyboard.type(text)


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
                page.on("dialog", lambda dialog: dialog.accept())
                page.goto(editor.address)
                page.get_by_role("button", name="Đăng nhập").wait_for()
                page.screenshot(path=folder / "1-dang-nhap.png")
                page.get_by_role("button", name="Đăng nhập").click()
                visit(page, editor, "#/collections/news")
                page.get_by_text("Thêm bài tin").wait_for()
                page.screenshot(path=folder / "2-tin-tuc.png")
                visit(page, editor, "#/collections/news/new")
                write_article(page)
                field(page, "Tiêu đề").scroll_into_view_if_needed()
                page.screenshot(path=folder / "3-bai-moi-hai-ngon-ngu.png")
                page.locator("label").filter(has_text=re.compile("^Ảnh bìa")).first.scroll_into_view_if_needed()
                page.screenshot(path=folder / "4-anh-bia-va-doan-mo-dau.png")
                page.get_by_role("button", name="Lưu", exact=True).click()
                branch = "cms/news/tin-tuc/posts/2026-11-30-hoi-nghi-trien-khai-tai-huyen"
                editor.saved(branch)
                editor.server.checks.wait(branch)
                visit(page, editor, "#/collections/news/entries/tin-tuc/posts/2026-11-30-hoi-nghi-trien-khai-tai-huyen")
                page.get_by_role("link", name=re.compile("^(Xem trước|Kết quả kiểm tra)$")).wait_for(timeout=30000)
                page.screenshot(path=folder / "5-da-luu-ket-qua-kiem-tra.png")
                visit(page, editor, "#/collections/reports/new")
                page.locator("label").filter(has_text="Kế hoạch được báo cáo").first.wait_for()
                page.screenshot(path=folder / "6-bao-cao-tien-do.png")
                visit(page, editor, "#/workflow")
                page.get_by_text("Đang xét duyệt").first.wait_for()
                time.sleep(1)
                page.screenshot(path=folder / "7-xet-duyet.png")
                browser.close()
        finally:
            editor.close()


if __name__ == "__main__":
    take(ROOT / sys.argv[1])
