"""The plans as open data: one JSON file for the whole site, a CSV of tasks per language, and the page
that describes them (templates/site/open_data.md)."""
from __future__ import annotations

import json
from typing import Iterable

from plansite.derive.site_view import SiteView
from plansite.model import LANGUAGES, STATUSES
from plansite.render.catalogue import section, text
from plansite.render.csv_cells import csv_text
from plansite.render.languages import due_iso, relative_url, site_prefix
from plansite.render.paths import OPEN_DATA, page_url
from plansite.render.templates import render

PLAN_JSON = "data/plan.json"      # at the site root only: it holds both languages
TASKS_CSV = "data/tasks.csv"      # below each language's root
# 2: several plans ("plans"), frameworks apart, reports name their plan.
FORMAT_VERSION = 2
SITE_SOURCE = "data/site.yml"
# The CSV's columns, in order; the open-data page describes each (locales: open_data.csv_fields).
CSV_COLUMNS = ("plan", "id", "group_number", "group_id", "group", "title", "description", "lead", "lead_name",
               "partners", "partner_names", "start", "deadline", "expected_result", "status", "status_label",
               "last_report", "url")
JSON_KEYS = ("format_version", "generated", "licence", "statuses", "agencies", "frameworks", "plans", "reports")


def plan_json(site: SiteView) -> str:
    """Every plan, both languages, from the validated models."""
    plans = [{**plan.plan.model_dump(mode="json"),
              "milestones": [m.model_dump(mode="json") for m in plan.milestones],
              "progress": [{"task": p.task, "status": p.status, "last_report": p.last_report} for p in plan.progress]}
             for plan in site.plans]
    document = {
        "format_version": FORMAT_VERSION,
        "generated": site.today.isoformat(),
        "licence": site.site.open_data_licence.model_dump(mode="json"),
        "statuses": [{"id": s, "label": {lang: section(lang, "statuses")[s] for lang in LANGUAGES}} for s in STATUSES],
        "agencies": [a.agency.model_dump(mode="json") for a in site.agencies.values()],
        "frameworks": [f.model_dump(mode="json") for f in site.frameworks],
        "plans": plans,
        "reports": [{"file": file, **r.model_dump(mode="json")} for file, r in site.reports.items()],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def tasks_csv(site: SiteView, site_url: str) -> str:
    """One row per task of every plan, in the view's language; site_url is that language's root address."""
    return "\ufeff" + csv_text(CSV_COLUMNS, _task_rows(site, site_url))


def _task_rows(site: SiteView, site_url: str) -> Iterable[dict]:
    language = site.language
    for plan in site.plans:
        tasks_url = site_url + page_url(plan.paths.tasks)
        progress = {p.task: p for p in plan.progress}
        for group, task in plan.task_models:
            status = progress[task.id].status
            yield {
                "plan": plan.id,
                "id": task.id,
                "group_number": "" if group is None or group.number is None else group.number,
                "group_id": "" if group is None else group.id,
                "group": text(language, "groups.common") if group is None else group.title(language),
                "title": task.title(language),
                "description": task.description(language),
                "lead": task.lead or "",
                "lead_name": site.agencies[task.lead].agency.name(language) if task.lead else "",
                "partners": ";".join(task.partners),
                "partner_names": ";".join(site.agencies[a].agency.name(language) for a in task.partners),
                "start": task.start.isoformat() if task.start else "",
                "deadline": due_iso(task.deadline) if task.deadline is not None else "",
                "expected_result": task.expected_result(language),
                "status": status,
                "status_label": section(language, "statuses")[status],
                "last_report": progress[task.id].last_report_date,
                "url": f"{tasks_url}#{task.id}",
            }


def open_data_page(site: SiteView) -> str:
    language = site.language
    other = next(lang for lang in LANGUAGES if lang != language)
    here = site_prefix(language) + page_url(OPEN_DATA)
    # Links by their place below the site root: plan.json and the other language's CSV are outside this build.
    downloads = [dict(label=text(language, f"open_data.{key}"), path=target, href=relative_url(target, here))
                 for key, target in (("json_link", PLAN_JSON), ("csv_link", site_prefix(language) + TASKS_CSV),
                                     ("csv_other", site_prefix(other) + TASKS_CSV))]
    return render("site/open_data.md", language, OPEN_DATA, source=SITE_SOURCE, downloads=downloads,
                  licence=site.site.open_data_licence, csv_columns=CSV_COLUMNS, json_keys=JSON_KEYS,
                  statuses_list=", ".join(STATUSES))
