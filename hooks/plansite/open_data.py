"""The plan as open data: one JSON file for the whole plan, a CSV of tasks per language, and their description."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from html import escape

from .html_blocks import html_table
from .languages import due_iso, relative_url, site_prefix
from .markdown import front_matter, group_label, page_url
from .model import LANGUAGES, STATUSES, Language, Text
from .progress import STATUS_LABELS, current_statuses, histories, milestones
from .sitedata import SiteData
from .tracker_pages import OPEN_DATA, TASKS

PLAN_JSON = "data/plan.json"      # at the site root only: it holds both languages
TASKS_CSV = "data/tasks.csv"      # below each language's root
FORMAT_VERSION = 1
SITE_SOURCE = "data/site.yml"


def field(vi: str, en: str) -> Text:
    return Text(vi=vi, en=en)


# The CSV's columns, in order, with what each holds; the open-data page lists them from here.
CSV_FIELDS: dict[str, Text] = {
    "id": field("Mã nhiệm vụ, không đổi", "Task id, never changes"),
    "group_number": field("Số thứ tự nhóm (0 là nhóm nền tảng; để trống với nhiệm vụ chung)",
                          "Group number (0 is the foundation group; empty for common tasks)"),
    "group_id": field("Mã nhóm", "Group id"),
    "group": field("Tên nhóm", "Group name"),
    "title": field("Tên nhiệm vụ", "Task title"),
    "description": field("Mô tả (có thể trống)", "Description (may be empty)"),
    "lead": field("Mã cơ quan chủ trì", "Lead agency id"),
    "lead_name": field("Tên cơ quan chủ trì", "Lead agency name"),
    "partners": field("Mã các cơ quan phối hợp, cách nhau bởi dấu ;", "Partner agency ids, separated by ;"),
    "partner_names": field("Tên các cơ quan phối hợp, cách nhau bởi dấu ;", "Partner agency names, separated by ;"),
    "start": field("Ngày bắt đầu (YYYY-MM-DD), trống nếu văn bản không nêu", "Start date (YYYY-MM-DD), empty if not stated"),
    "deadline": field("Thời hạn: ngày (YYYY-MM-DD) hoặc chỉ năm (YYYY)", "Deadline: a date (YYYY-MM-DD) or a year only (YYYY)"),
    "expected_result": field("Kết quả dự kiến, trống nếu văn bản không nêu", "Expected result, empty if not stated"),
    "status": field("Mã tình trạng: " + ", ".join(STATUSES), "Status code: " + ", ".join(STATUSES)),
    "status_label": field("Tình trạng, bằng chữ", "Status, in words"),
    "last_report": field("Ngày của báo cáo mới nhất về nhiệm vụ, trống nếu chưa có",
                         "Date of the latest report on the task, empty if none"),
    "url": field("Địa chỉ của nhiệm vụ trên trang", "The task's address on the site"),
}

JSON_KEYS: dict[str, Text] = {
    "format_version": field("Phiên bản cấu trúc tệp", "Version of the file's structure"),
    "generated": field("Ngày tạo tệp", "Date the file was generated"),
    "licence": field("Giấy phép sử dụng dữ liệu (trống khi chưa công bố)", "Data licence (empty until one is published)"),
    "statuses": field("Các tình trạng và tên gọi", "The statuses and their labels"),
    "agencies": field("Các cơ quan, như trong data/agencies.yml", "The agencies, as in data/agencies.yml"),
    "plan": field("Toàn bộ Kế hoạch, như trong data/plan.yml (nhóm, nhiệm vụ, kinh phí, tổ chức)",
                  "The whole plan, as in data/plan.yml (groups, tasks, funding, organisation)"),
    "milestones": field("Các mốc thời gian", "The milestones"),
    "reports": field("Các báo cáo tiến độ, như trong data/reports/", "The progress reports, as in data/reports/"),
    "progress": field("Tình trạng hiện tại của từng nhiệm vụ", "The current status of each task"),
}

WORDS: dict[Language, dict[str, str]] = {
    "vi": {
        "title": "Dữ liệu mở",
        "intro": "Toàn bộ nội dung Kế hoạch, các nhiệm vụ và tiến độ được công bố dưới dạng dữ liệu máy đọc được. "
                 "Các tệp được tạo lại mỗi lần xây dựng trang, từ chính các tệp dữ liệu tạo ra các trang, nên luôn "
                 "khớp với nội dung trên trang.",
        "downloads": "Tải về",
        "json_link": "Toàn bộ Kế hoạch (JSON, cả hai ngôn ngữ)",
        "csv_link": "Danh sách nhiệm vụ (CSV, tiếng Việt)",
        "csv_other": "Danh sách nhiệm vụ (CSV, tiếng Anh)",
        "csv_title": "Tệp tasks.csv",
        # "hàng", not "dòng": Pagefind folds "dòng" to "dong" but not "động", and then "lao dong" finds nothing.
        "csv_intro": "Mỗi hàng ứng với một nhiệm vụ. Mã hóa UTF-8 có BOM (để Excel hiển thị đúng tiếng Việt), các cột "
                     "cách nhau bởi dấu phẩy, hàng đầu tiên ghi tên các cột.",
        "csv_caption": "Các cột của tệp tasks.csv",
        "json_title": "Tệp plan.json",
        "json_intro": "Một tệp duy nhất ở gốc trang, chứa cả tiếng Việt (vi) và tiếng Anh (en); mọi văn bản có dạng "
                      "{\"vi\": ..., \"en\": ...}, ngày theo dạng YYYY-MM-DD.",
        "json_caption": "Các khóa chính của tệp plan.json",
        "name": "Tên",
        "meaning": "Ý nghĩa",
        "licence": "Giấy phép",
        "licence_set": "Dữ liệu được công bố theo giấy phép [{name}]({url}).",
        "licence_set_no_url": "Dữ liệu được công bố theo giấy phép {name}.",
        "licence_unset": "Văn bản nguồn không nêu giấy phép sử dụng dữ liệu, và đơn vị quản lý trang chưa chọn giấy "
                         "phép. Cho đến khi giấy phép được ghi tại mục `open_data_licence` trong `data/site.yml`, "
                         "trang này không đưa ra cam kết nào về quyền tái sử dụng dữ liệu.",
    },
    "en": {
        "title": "Open data",
        "intro": "The whole plan, its tasks and their progress are published as machine-readable data. The files "
                 "are generated at every build from the same data files as the pages, so they always match them.",
        "downloads": "Downloads",
        "json_link": "The whole plan (JSON, both languages)",
        "csv_link": "Tasks (CSV, English)",
        "csv_other": "Tasks (CSV, Vietnamese)",
        "csv_title": "The tasks.csv file",
        "csv_intro": "One row per task. UTF-8 with a byte order mark (so that Excel shows Vietnamese correctly), "
                     "comma-separated, with the column names in the first row.",
        "csv_caption": "Columns of tasks.csv",
        "json_title": "The plan.json file",
        "json_intro": "One file at the site root holding both Vietnamese (vi) and English (en); every text is "
                      "{\"vi\": ..., \"en\": ...}, dates are YYYY-MM-DD.",
        "json_caption": "Top-level keys of plan.json",
        "name": "Name",
        "meaning": "Meaning",
        "licence": "Licence",
        "licence_set": "The data is published under the [{name}]({url}) licence.",
        "licence_set_no_url": "The data is published under the {name} licence.",
        "licence_unset": "The source text states no licence for the data, and the site's owner has not chosen one. "
                         "Until a licence is set under `open_data_licence` in `data/site.yml`, this site makes no "
                         "statement about the right to reuse the data.",
    },
}


def plan_json(data: SiteData, today: dt.date) -> str:
    """The whole plan, both languages, from the validated models."""
    reported = histories(data)
    statuses = current_statuses(data)
    document = {
        "format_version": FORMAT_VERSION,
        "generated": today.isoformat(),
        "licence": data.site.open_data_licence.model_dump(mode="json"),
        "statuses": [{"id": s, "label": {lang: STATUS_LABELS[lang][s] for lang in LANGUAGES}} for s in STATUSES],
        "agencies": [a.model_dump(mode="json") for a in data.agencies.values()],
        "plan": data.plan.model_dump(mode="json"),
        "milestones": [m.model_dump(mode="json") for m in milestones(data)],
        "reports": [{"file": file, **r.model_dump(mode="json")} for file, r in data.reports.items()],
        "progress": [{"task": task_id, "status": status,
                      "last_report": reported[task_id][-1].file if reported[task_id] else None}
                     for task_id, status in statuses.items()],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def tasks_csv(data: SiteData, language: Language, site_url: str) -> str:
    """One row per task in one language; site_url is that language's root address."""
    reported = histories(data)
    statuses = current_statuses(data)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(CSV_FIELDS), lineterminator="\r\n")
    writer.writeheader()
    for group, task in data.tasks():
        last = reported[task.id][-1].report.date.isoformat() if reported[task.id] else ""
        writer.writerow({
            "id": task.id,
            "group_number": "" if group is None else group.number,
            "group_id": "" if group is None else group.id,
            "group": group_label(None, language) if group is None else group.title(language),
            "title": task.title(language),
            "description": task.description(language),
            "lead": task.lead,
            "lead_name": data.agency(task.lead).name(language),
            "partners": ";".join(task.partners),
            "partner_names": ";".join(data.agency(a).name(language) for a in task.partners),
            "start": task.start.isoformat() if task.start else "",
            "deadline": due_iso(task.deadline) if task.deadline is not None else "",
            "expected_result": task.expected_result(language),
            "status": statuses[task.id],
            "status_label": STATUS_LABELS[language][statuses[task.id]],
            "last_report": last,
            "url": f"{site_url}{TASKS.removesuffix('.md')}/#{task.id}",
        })
    return "\ufeff" + out.getvalue()


def open_data_page(data: SiteData, language: Language) -> str:
    words, page = WORDS[language], OPEN_DATA
    other = next(lang for lang in LANGUAGES if lang != language)
    here = site_prefix(language) + page_url(page)
    # Links by their place below the site root: plan.json and the other language's CSV are outside this build.
    downloads = [
        (words["json_link"], PLAN_JSON),
        (words["csv_link"], site_prefix(language) + TASKS_CSV),
        (words["csv_other"], site_prefix(other) + TASKS_CSV),
    ]
    download_list = "\n".join(f'- <a href="{relative_url(target, here)}" download>{label}</a> (<code>/{target}</code>)'
                              for label, target in downloads)
    licence = data.site.open_data_licence
    if licence.name and licence.url:
        licence_text = words["licence_set"].format(name=licence.name, url=licence.url)
    elif licence.name:
        licence_text = words["licence_set_no_url"].format(name=licence.name)
    else:
        licence_text = words["licence_unset"]
    csv_rows = [(f"<code>{name}</code>", [escape(meaning(language))]) for name, meaning in CSV_FIELDS.items()]
    json_rows = [(f"<code>{name}</code>", [escape(meaning(language))]) for name, meaning in JSON_KEYS.items()]
    return (
        front_matter(words["intro"], SITE_SOURCE)
        + f"# {words['title']}\n\n{words['intro']}\n\n"
        + f"## {words['downloads']}\n\n{download_list}\n\n"
        + f"## {words['csv_title']}\n\n{words['csv_intro']}\n\n"
        + html_table(words["csv_caption"], [words["name"], words["meaning"]], csv_rows) + "\n"
        + f"## {words['json_title']}\n\n{words['json_intro']}\n\n"
        + html_table(words["json_caption"], [words["name"], words["meaning"]], json_rows) + "\n"
        + f"## {words['licence']}\n\n{licence_text}\n"
    )
