"""The CMS's configuration (Decap CMS, /admin/config.yml), generated from the models that validate the data.

Every collection's fields are read from the model's JSON Schema (the same one `make schemas` writes), so a
field a model gains appears in the CMS without another edit. Labels and hints are the Vietnamese half of each
field's description ("nhãn; gợi ý / English"); ids that name other data (agencies, authors, groups, plans,
tasks) become choices from the data itself."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel

from plansite.check.checks import IMAGE_TYPES, MEGABYTE, SIZE_LIMITS
from plansite.check.svg import ELEMENTS as SVG_ELEMENTS, LIVE_NAMESPACES, SVG
from plansite.load.articles import NEWS_DIR
from plansite.load.sitedata import SiteData
from plansite.model import (DATA_FILES, DATA_FOLDERS, LANGUAGES, REPORTS_FOLDER, ArticleMeta, FrontMatter,
                            Repository)
from plansite.render.catalogue import keys, text

# The custom formats registered by admin/plansite-cms.js: they edit the file in place, so a save changes
# only what the editor changed (comments, quoting and line breaks stay).
YAML_FORMAT = "plansite-yaml"
MARKDOWN_FORMAT = "plansite-markdown"
NEWS_FOLDER = "tin-tuc/posts"
MEDIA_FOLDER = "assets/images/tin-tuc"  # below docs/, where article pictures go (make check's image rules)
# The site's own widgets (plansite-cms.js): a date read and shown as day/month/year (stored YYYY-MM-DD, or
# a year alone where the model allows it), and a picture chosen with the browser's own file field.
DATE_WIDGET = "plansite-date"
PICTURE_WIDGET = "plansite-picture"
# The commit status CI posts on each pull/merge request (tools/cms_status.py): make check's verdict, and the
# address of the preview once it passed. Decap shows it in the entry's toolbar.
PREVIEW_CONTEXT = "plansite/preview"
# Set by `make cms` and the tests: the address of the CMS's local backend on this machine (tools/cms_local.py).
LOCAL_BACKEND = "PLANSITE_CMS_BACKEND"
# make check's rules for pictures, said where the editor picks one; the check on the pull request enforces them.
def picture_rule() -> str:
    rule = text("vi", "cms.picture_rule").format(types=", ".join(sorted(t.lstrip(".").upper() for t in IMAGE_TYPES)),
                                                 megabytes=SIZE_LIMITS["image"] // MEGABYTE)
    return rule[:1].upper() + rule[1:]
# Field names whose value is the id of something in the data: the form offers the ids that exist.
REFERENCES = {
    "agency": "agencies", "agencies": "agencies", "by": "agencies", "lead": "agencies", "partners": "agencies",
    "standing_agency": "agencies", "reports_to": "agencies",
    "authors": "authors", "categories": "groups", "groups": "groups",
    "plan": "plans", "superseded_by": "plans", "main_plan": "plans",
    "framework": "frameworks", "framework_part": "framework_parts", "task": "tasks",
}


@dataclass(frozen=True)
class Label:
    label: str
    hint: str


# A part of a description that speaks of files or ids ("(data/authors.yml)", "(mã trong data/plans/)"): it
# helps whoever edits the file in Git, not the officer filling in the form, who picks from names.
FILE_TALK = re.compile(r"\s*\((?:[^()]*/[^()]*|mã[^()]*)\)")


def label_of(name: str, description: str | None) -> Label:
    """'Nhãn; gợi ý / English' -> ('Nhãn', 'gợi ý'); without a description, the catalogue's label for the
    field's name (cms.fields), else the name itself."""
    if not description:
        fallback = f"cms.fields.{name}"
        return Label(text("vi", fallback) if fallback in keys("vi") else name.replace("_", " ").capitalize(), "")
    vietnamese = FILE_TALK.sub("", description.split(" / ")[0]).strip()
    split = re.search(r"; |: |, ví dụ ", vietnamese)
    if not split:
        return Label(vietnamese, "")
    hint = vietnamese[split.end():]
    return Label(vietnamese[:split.start()], "ví dụ " + hint if split.group() == ", ví dụ " else hint)


class FieldBuilder:
    """Decap fields from one model's JSON Schema, with the data's ids as choices."""

    def __init__(self, model: type[BaseModel], choices: dict[str, list[dict[str, str]]]):
        self.schema = model.model_json_schema()
        self.definitions = self.schema.get("$defs", {})
        self.choices = choices

    def fields(self, schema: dict | None = None, skip: tuple[str, ...] = ()) -> list[dict]:
        schema = self.resolve(schema or self.schema)
        required = set(schema.get("required", []))
        fields = [self.field(name, prop, name in required)
                  for name, prop in schema.get("properties", {}).items() if name not in skip]
        return [field for field in fields if field is not None]

    def resolve(self, schema: dict) -> dict:
        if "$ref" in schema:
            resolved = dict(self.definitions[schema["$ref"].split("/")[-1]])
            resolved.update({k: v for k, v in schema.items() if k != "$ref"})
            return resolved
        return schema

    def field(self, name: str, prop: dict, required: bool) -> dict | None:
        """None for a choice between kinds of group (the menu's pages and sections): Decap has no form for
        it, so it stays out of the form and the file keeps it as it is (plansite-formats.js)."""
        if self.mixed(prop) or self.mixed(self.resolve(prop).get("items", {})):
            return None
        label = label_of(name, prop.get("description"))  # the field's own, not its type's docstring
        prop = self.resolve(prop)
        options = [self.resolve(option) for option in prop.get("anyOf", [])]
        if any(option.get("type") == "null" for option in options):
            required = False
            options = [option for option in options if option.get("type") != "null"]
        base = {"name": name, "label": label.label, "required": required}
        if label.hint:
            base["hint"] = label.hint
        if len(options) == 1:
            prop = {**options[0], **{k: v for k, v in prop.items() if k not in ("anyOf", "default")}}
        elif options:
            return {**base, **self.union(options)}
        return {**base, **self.widget(name, prop)}

    def mixed(self, prop: dict) -> bool:
        options = [self.resolve(option) for option in prop.get("anyOf", prop.get("oneOf", []))]
        return sum(option.get("type") == "object" for option in options) > 1

    def union(self, options: list[dict]) -> dict:
        kinds = {option.get("format") or option.get("type") for option in options}
        if kinds == {"date", "integer"}:  # a date, or a year alone (a task's deadline)
            return {"widget": DATE_WIDGET, "year": True}
        if kinds <= {"integer", "number"}:
            return {"widget": "number", "value_type": "float"}
        # date or date-time, and any other choice of scalars: typed as written (the check names a mistake).
        return {"widget": "string"}

    def widget(self, name: str, prop: dict) -> dict:
        multiple = prop.get("type") == "array"
        values = self.resolve(prop.get("items", {})) if multiple else prop
        if name in REFERENCES and values.get("type") == "string" and REFERENCES[name] in self.choices:
            return {"widget": "select", "options": self.choices[REFERENCES[name]], "multiple": multiple}
        kind = prop.get("type")
        if "enum" in prop or "const" in prop:
            values = [str(value) for value in prop.get("enum", [prop.get("const")])]
            if name == "status":  # a task's status, named as the tracker names it
                return {"widget": "select", "options": [{"value": v, "label": text("vi", f"statuses.{v}")} for v in values]}
            return {"widget": "select", "options": values}
        if kind == "object" and set(prop.get("properties", {})) == set(LANGUAGES):
            return {"widget": "object", "collapsed": False,
                    "fields": [{**field, "label": language_label(field["name"])} for field in self.fields(prop)]}
        if kind == "object" and "properties" in prop:
            return {"widget": "object", "fields": self.fields(prop)}
        if kind == "object":  # a file per language (a material's files)
            names = prop.get("propertyNames", {}).get("enum", list(LANGUAGES))
            return {"widget": "object", "fields": [
                {"name": language, "label": language_label(language), "widget": "file",
                 "required": False} for language in names]}
        if kind == "array":
            item = self.resolve(prop.get("items", {}))
            result: dict[str, Any] = {"widget": "list"}
            if item.get("type") == "object":
                result["fields"] = self.widget(name, item)["fields"]
                names = {field["name"] for field in result["fields"]}
                # A folded item shows its id and Vietnamese title (or name), so an editor finds it.
                shown = [f"{{{{fields.{key}}}}}" for key in ("id", "task") if key in names]
                shown += [f"{{{{fields.{key}.vi}}}}" for key in ("title", "name") if key in names][:1]
                if shown:
                    result["summary"] = " — ".join(shown)
            else:
                result["field"] = {"name": name, "label": label_of(name, None).label, **self.widget("", item)}
            if prop.get("minItems"):
                result["min"] = prop["minItems"]
            return result
        if kind == "boolean":
            return {"widget": "boolean", "default": prop.get("default", False)}
        if kind in ("integer", "number"):
            return {"widget": "number", "value_type": "int" if kind == "integer" else "float",
                    **({"min": prop["minimum"]} if "minimum" in prop else {}),
                    **({"max": prop["maximum"]} if "maximum" in prop else {})}
        if prop.get("format") == "date":
            return {"widget": DATE_WIDGET}
        result = {"widget": "string"}
        if "pattern" in prop:
            result["pattern"] = [prop["pattern"], text("vi", "cms.pattern")]
        return result


def choices(data: SiteData) -> dict[str, list[dict[str, str]]]:
    """The choices offered for each kind of id, named as the site names them (typing an id finds it too)."""
    def option(value: str, label: str) -> dict[str, str]:
        return {"value": value, "label": label}

    return {
        "agencies": [option(a.id, a.name("vi")) for a in data.agencies.values()],
        "authors": [option(a.id, a.name("vi")) for a in data.authors.values()],
        "groups": [option(g.id, g.title("vi")) for g in data.groups()],
        "plans": [option(p.id, p.short_title("vi")) for p in data.plans.values()],
        "frameworks": [option(f.id, f.title("vi")) for f in data.frameworks.values()],
        "framework_parts": [option(part.id, part.title("vi")) for f in data.frameworks.values() for part in f.parts],
        "tasks": [option(t.id, t.title("vi")) for p in data.plans.values()
                  for t in [*p.common_tasks, *(t for g in p.groups for t in g.tasks)]],
    }


def translated(fields: list[dict], same_in_both: set[str]) -> list[dict]:
    """Decap's i18n: texts per language, the rest (date, slug, authors…) the same in both files. Decap copies
    only single values: a list or group is kept per language."""
    def copied(field: dict) -> bool:
        return field["name"] in same_in_both and field["widget"] not in ("list", "object")

    return [{**field, "i18n": "duplicate" if copied(field) else True} for field in fields]


def language_label(language: str) -> str:
    """Text and OptionalText: one field per language, named in Vietnamese."""
    return text("vi", f"cms.languages.{language}")


def body(hint: str = "cms.body_hint") -> dict:
    return {"name": "body", "label": text("vi", "cms.body"), "widget": "markdown", "modes": ["rich_text", "raw"],
            "hint": text("vi", hint)}


def lead() -> dict:
    """An article's opening paragraph: plansite-formats.js writes it above the `<!-- more -->` marker."""
    return {"name": "lead", "label": text("vi", "cms.lead"), "widget": "text", "hint": text("vi", "cms.lead_hint")}


@dataclass(frozen=True)
class DateBounds:
    """Where a date is plausible on this site, with the reason the form gives when it is not."""
    first_issued: str | None  # the day the site's first plan was issued
    plans_start: str | None
    plans_end: str | None

    @classmethod
    def of(cls, data: SiteData) -> DateBounds:
        plans = list(data.plans.values())
        if not plans:
            return cls(None, None, None)
        return cls(min(p.issued.date for p in plans).isoformat(), min(p.period.start for p in plans).isoformat(),
                   max(p.period.end for p in plans).isoformat())

    def since_first_plan(self) -> dict:
        """A date a news article or a report can bear: from the first plan's issue to a year from today."""
        return {**self.limit("min", self.first_issued, "first_plan"), "years_ahead": 1,
                "why_late": text("vi", "cms.bounds.year_ahead")}

    def within_plans(self) -> dict:
        return {**self.limit("min", self.plans_start, "plans_start"), **self.limit("max", self.plans_end, "plans_end")}

    @staticmethod
    def limit(side: str, day: str | None, reason: str) -> dict:
        if day is None:
            return {}
        return {side: day, ("why_early" if side == "min" else "why_late"): text("vi", f"cms.bounds.{reason}")}


def bound(fields: list[dict], names: set[str], limits: dict) -> list[dict]:
    """The date fields of these names, here or in groups below, given the limits."""
    for field in fields:
        if field.get("widget") == DATE_WIDGET and field["name"] in names:
            field.update(limits)
        bound(field.get("fields", []), names, limits)
    return fields


def collection_labels(name: str) -> dict[str, str]:
    return {"label": text("vi", f"cms.collections.{name}.label"),
            "label_singular": text("vi", f"cms.collections.{name}.singular")}


def fields_named(fields: list[dict]) -> dict[str, dict]:
    return {field["name"]: field for field in fields}


def picture() -> dict:
    """The cover picture: the browser's own file field (reachable by keyboard), refusing in the form what
    `make check` refuses (type, size, an SVG that carries script); Decap's media library stays beside it
    for picking a picture already on the site."""
    return {"widget": PICTURE_WIDGET, "file_types": sorted(IMAGE_TYPES), "max_bytes": SIZE_LIMITS["image"],
            "svg_elements": sorted(SVG_ELEMENTS), "svg_namespace": SVG,
            "svg_live_namespaces": sorted(LIVE_NAMESPACES), "media_folder": f"/docs/{MEDIA_FOLDER}",
            "public_folder": MEDIA_FOLDER, "choose_url": False}


def news_collection(builder: FieldBuilder, dates: DateBounds) -> dict:
    fields = builder.fields()
    named = fields_named(fields)
    cover = named["cover"]
    # The picture is one file for both languages; its alt text and credit are written in each.
    # Decap checks an optional group's required fields even when the group is left empty, so an article
    # without a cover could not be saved: here they are optional; plansite-cms.js refuses a picture without
    # them at saving, and `make check` (Cover) with file:line:col.
    cover["fields"] = [{**field, "i18n": True, "required": False} for field in cover["fields"]]
    cover["fields"][0].pop("pattern", None)  # the widget writes public_folder's path; make check checks it
    cover["fields"][0].update(picture(), i18n="duplicate", hint=picture_rule())
    cover["collapsed"] = False
    named["translated"]["hint"] = text("vi", "cms.translated_hint")
    bound(fields, {"date"}, dates.since_first_plan())
    return {
        "name": "news", **collection_labels("news"),
        "folder": "docs", "path": NEWS_FOLDER + "/{{slug}}", "extension": "md", "format": MARKDOWN_FORMAT,
        # Named by the article's own date (Decap's {{year}}… would be the day of writing).
        "create": True, "slug": "{{fields.date}}-{{fields.slug}}",
        "summary": "{{title}} ({{date | date('DD/MM/YYYY')}})", "sortable_fields": ["date", "title"],
        # docs/ holds the hand-written pages too; plansite-formats.js tells an article by its slug and date.
        "filter": {"field": "plansite_kind", "value": "article"}, "media_folder": f"/docs/{MEDIA_FOLDER}", "public_folder": MEDIA_FOLDER,
        # The article's address on the site (and on a preview of it), index.html named for hosts that list
        # no folders (GitLab's artifact browser).
        "i18n": True, "preview_path": NEWS_DIR + "/{{fields.slug}}/index.html",
        "fields": translated([*fields, lead(), body()], {"date", "slug", "authors", "categories", "draft", "pin",
                                                          "translated"}),
    }


def pages_collection(builder: FieldBuilder) -> dict:
    return {
        "name": "pages", **collection_labels("pages"),
        "folder": "docs", "path": "{{slug}}", "extension": "md", "format": MARKDOWN_FORMAT, "create": False,
        "i18n": True, "identifier_field": "description",
        "fields": translated([*builder.fields(), body("cms.page_body_hint")], {"hide", "template", "search", "source"}),
    }


def folder_collection(folder: str, model: type[BaseModel], data: SiteData) -> dict:
    fields = FieldBuilder(model, choices(data)).fields()
    collection = {"name": folder, **collection_labels(folder), "folder": f"data/{folder}",
                  "extension": "yml", "format": YAML_FORMAT, "create": True, "editor": {"preview": False},
                  "fields": fields}
    if folder == REPORTS_FOLDER:
        # A report is about a plan already on the site. (A plan's own dates have no such bounds: a new plan
        # may start after every other; make check holds each task within its own plan's period.)
        dates = DateBounds.of(data)
        bound(fields, {"date"}, dates.since_first_plan())
        bound(fields, {"start", "end"}, dates.within_plans())
        # One file per plan and report, named by both: data/reports/<plan>-<date>.yml.
        collection.update(slug="{{fields.plan}}-{{fields.date}}", summary="{{plan}}: {{period.start}} – {{period.end}}",
                          identifier_field="date")
    return collection


def settings_collection(data: SiteData) -> dict:
    return {"name": "settings", **collection_labels("settings"), "format": YAML_FORMAT, "extension": "yml",
            "editor": {"preview": False},
            "files": [{"name": name.removesuffix(".yml"), "label": text("vi", f"cms.files.{name.removesuffix('.yml')}"), "file": f"data/{name}",
                       "fields": FieldBuilder(model, choices(data)).fields()} for name, model in DATA_FILES.items()]}


def backend(repository: Repository) -> dict:
    """The sign-in the site owner set in data/site.yml; {} while there is none."""
    if not repository.url:
        return {}
    address = urlsplit(repository.url)
    project = address.path.strip("/")
    origin = f"{address.scheme}://{address.netloc}"
    if repository.forge == "gitlab" and repository.cms.gitlab_app_id:
        return {"name": "gitlab", "repo": project, "branch": repository.branch, "auth_type": "pkce",
                "app_id": repository.cms.gitlab_app_id, "base_url": origin, "api_root": f"{origin}/api/v4",
                "auth_endpoint": "oauth/authorize", "preview_context": PREVIEW_CONTEXT}
    if repository.forge == "github" and repository.cms.github_oauth_url:
        return {"name": "github", "repo": project, "branch": repository.branch,
                "base_url": repository.cms.github_oauth_url, "preview_context": PREVIEW_CONTEXT}
    return {}


def cms_enabled(repository: Repository) -> bool:
    """The CMS is on: a sign-in is set, or `make cms` points it at its local backend on this machine."""
    return bool(backend(repository) or os.environ.get(LOCAL_BACKEND))


def cms_config(data: SiteData, site_url: str, local_backend: str | None = None) -> dict | None:
    """The whole configuration; None while the CMS is not configured and no local backend is given."""
    chosen = backend(data.site.repository)
    if local_backend:
        # The local backend on this machine (make cms, the tests): the same review flow, without a forge.
        chosen = chosen or {"name": "git-gateway", "branch": data.site.repository.branch}
    if not chosen:
        return None
    collections = [news_collection(FieldBuilder(ArticleMeta, choices(data)), DateBounds.of(data)),
                   pages_collection(FieldBuilder(FrontMatter, choices(data))),
                   *(folder_collection(folder, model, data) for folder, model in DATA_FOLDERS.items()),
                   settings_collection(data)]
    config: dict[str, Any] = {
        "backend": chosen, "publish_mode": "editorial_workflow", "locale": "vi", "site_url": site_url,
        "load_config_file": False, "media_folder": f"docs/{MEDIA_FOLDER}", "public_folder": MEDIA_FOLDER,
        # File names of uploaded pictures in plain ASCII ("Ảnh hội nghị.JPG" -> anh-hoi-nghi.jpg).
        "slug": {"encoding": "ascii", "clean_accents": True},
        "i18n": {"structure": "multiple_folders", "locales": list(LANGUAGES), "default_locale": LANGUAGES[0]},
        "collections": collections,
    }
    if local_backend:
        config["local_backend"] = {"url": local_backend}
    return config



def entry_path(path: str) -> str | None:
    """The CMS's address of the entry behind a repository file (after /admin/), or None when the CMS has none."""
    parts = PurePosixPath(path).parts
    if parts[:1] == ("docs",) and len(parts) >= 3 and parts[1] in LANGUAGES and path.endswith(".md"):
        inside = PurePosixPath(*parts[2:]).with_suffix("").as_posix()
        if inside.startswith(NEWS_FOLDER + "/"):
            return f"#/collections/news/entries/{inside}"
        if "/" not in inside:
            return f"#/collections/pages/entries/{inside}"
        return None
    if parts[:1] == ("data",) and path.endswith(".yml"):
        if len(parts) == 3 and parts[1] in DATA_FOLDERS:
            return f"#/collections/{parts[1]}/entries/{PurePosixPath(parts[2]).stem}"
        if len(parts) == 2 and parts[1] in DATA_FILES:
            return f"#/collections/settings/entries/{parts[1].removesuffix('.yml')}"
    return None
