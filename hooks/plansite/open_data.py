"""The plan as open data: one JSON file for the whole plan, a CSV of tasks per language, and their description."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from html import escape

from .catalogue import section
from .html_blocks import html_table
from .languages import due_iso, relative_url, site_prefix
from .markdown import front_matter, group_label, page_url
from .model import LANGUAGES, STATUSES, Language, Text
from .progress import current_statuses, histories, milestones
from .sitedata import SiteData
from .tracker_pages import OPEN_DATA, TASKS

PLAN_JSON = "data/plan.json"      # at the site root only: it holds both languages
TASKS_CSV = "data/tasks.csv"      # below each language's root
FORMAT_VERSION = 1
SITE_SOURCE = "data/site.yml"




def plan_json(data: SiteData, today: dt.date) -> str:
    """The whole plan, both languages, from the validated models."""
    reported = histories(data)
    statuses = current_statuses(data)
    document = {
        "format_version": FORMAT_VERSION,
        "generated": today.isoformat(),
        "licence": data.site.open_data_licence.model_dump(mode="json"),
        "statuses": [{"id": s, "label": {lang: section(lang, "statuses")[s] for lang in LANGUAGES}} for s in STATUSES],
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
    writer = csv.DictWriter(out, fieldnames=list(section(language, "open_data.csv_fields")), lineterminator="\r\n")
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
            "status_label": section(language, "statuses")[statuses[task.id]],
            "last_report": last,
            "url": f"{site_url}{TASKS.removesuffix('.md')}/#{task.id}",
        })
    return "\ufeff" + out.getvalue()


def open_data_page(data: SiteData, language: Language) -> str:
    words, page = section(language, "open_data"), OPEN_DATA
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
    csv_rows = [(f"<code>{name}</code>", [escape(meaning)]) for name, meaning in section(language, "open_data.csv_fields").items()]
    json_rows = [(f"<code>{name}</code>", [escape(meaning)]) for name, meaning in section(language, "open_data.json_keys").items()]
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
