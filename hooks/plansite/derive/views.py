"""What the templates are given: names, labels and states worked out once, in one language.

Texts stay plain text here; the templates escape them. Nothing in this module writes markup."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from plansite.render.catalogue import fill, section, text
from plansite.render.languages import date_text, due_text
from plansite.model import Agency, Campaign, Due, Group, Language, Period, Plan, Status, Text
from plansite.render.paths import AGENCIES, PlanPaths
from plansite.derive.progress import Counts
from plansite.load.sitedata import PlanScope, SiteData


def group_label(group: Group | None, language: Language) -> str:
    """"Nhóm 3"; an unnumbered group (communication and education) goes by its own name; the plan's common
    tasks (group None)."""
    words = section(language, "groups")
    if group is None:
        return words["common"]
    return group.title(language) if group.number is None else words["numbered"].format(number=group.number)


def group_heading(group: Group | None, language: Language) -> str:
    """"Nhóm 3: Cộng đồng bền vững"; an unnumbered group's name once."""
    label = group_label(group, language)
    return label if group is None or group.number is None else f"{label}: {group.title(language)}"


def group_anchor(group: Group | None) -> str:
    """Stable anchors on the tracker's pages: `nhom-3`, the id of an unnumbered group, `nhiem-vu-chung`."""
    if group is None:
        return "nhiem-vu-chung"
    return group.id if group.number is None else f"nhom-{group.number}"


def issuing_body(scope: PlanScope, language: Language) -> str:
    """The issuing body, with the province's name once the site owner has set it: "Ủy ban nhân dân tỉnh" and
    "tỉnh Sơn Hà" make "Ủy ban nhân dân tỉnh Sơn Hà", never "tỉnh tỉnh"; in English, "… of Sơn Hà province"."""
    name, province = scope.agency(scope.plan.issued.by).name(language), scope.site.province(language)
    if not province:
        return name
    if language != "vi":
        return f"{name} of {province}"
    last, (first, _, rest) = name.rsplit(" ", 1)[-1], province.partition(" ")
    return f"{name} {rest}" if rest and last.casefold() == first.casefold() else f"{name} {province}"


def issued_text(scope: PlanScope, language: Language) -> str:
    return text(language, "plan.by_body").format(body=issuing_body(scope, language),
                                                 date=date_text(scope.plan.issued.date, language))


def document_name(scope: PlanScope, language: Language) -> str:
    """"Quyết định số 161/QĐ-TTg", "Resolution 12/NQ-HĐND": the legal basis by its kind and number."""
    basis = scope.plan.legal_basis
    return text(language, "plan.document").format(kind=basis.kind(language), number=basis.number)


def legal_basis_text(scope: PlanScope, language: Language) -> str:
    basis = scope.plan.legal_basis
    return text(language, "plan.basis_text").format(document=document_name(scope, language),
                                                    date=date_text(basis.date, language),
                                                    body=scope.agency(basis.by).name(language))


def reading(scope: PlanScope, day: Due) -> Text | None:
    """The plan's own words for a date that is only the site's reading of them (data: `readings`), else None."""
    found = [r for r in scope.plan.readings if r.date == day]
    return found[0].stated if found else None


def plan_due(scope: PlanScope, due: Due, language: Language) -> str:
    """A date of the plan as its pages say it: the plan's words where the date is the site's reading of them
    ("năm 2025"), the date ("22/7/2021") or year otherwise. The day itself shows only where it is marked."""
    stated = reading(scope, due)
    return stated(language) if stated else due_text(due, language)


def plan_day(scope: PlanScope, day: Due, language: Language) -> str:
    """The same inside a sentence: "ngày 22/7/2021", a year ("năm 2025"), or the plan's words ("năm 2025")."""
    stated = reading(scope, day)
    if stated:
        return stated(language)
    return fill(language, "dates.day", date=date_text(day, language)) if isinstance(day, dt.date) else due_text(day, language)


def footer_text(scope: PlanScope, language: Language) -> str:
    return text(language, "plan.footer").format(issued=issued_text(scope, language),
                                                basis=legal_basis_text(scope, language))


# ---- a plan's state, worked out from its dates and data, never typed in

StateKind = Literal["not-started", "in-progress", "ended", "closed", "superseded"]


@dataclass(frozen=True)
class PlanState:
    kind: StateKind
    sentence: str           # plain words, in the page's language
    successor: Plan | None  # the plan that replaced this one
    notice: str = ""        # the plan's own notice (a draft…), shown once at the top of each of its pages


def plan_state(scope: PlanScope, language: Language, today: dt.date) -> PlanState:
    plan, final = scope.plan, scope.final_report()
    successor = scope.data.plans.get(plan.superseded_by or "")
    values = {"start": plan_day(scope, plan.period.start, language), "end": plan_day(scope, plan.period.end, language),
              "successor": successor.title(language) if successor else "",
              "report": date_text(final.date, language) if final else ""}
    kind: StateKind
    if successor:
        kind = "superseded"
    elif today < plan.period.start:
        kind = "not-started"
    elif today <= plan.period.end:
        kind = "in-progress"
    else:
        kind = "closed" if final else "ended"
    return PlanState(kind, text(language, f"plan_state.{kind}").format(**values), successor, plan.notice(language))


@dataclass(frozen=True)
class PlanStatus:
    """The home page's first screen: what the plan was, its period, where it stands, what follows it and who
    answers for it now, all worked out from the data on the day of the build."""

    state: PlanState
    name: str
    issued: str
    period: str              # its dates, in the tense the day of the build calls for
    final_date: str          # "" while no final report is recorded
    final_by: str
    successor_title: str     # "" while no successor plan is recorded
    successor_path: str
    province_change: str     # "" while the site owner has not recorded the reorganisation of 1/7/2025
    province_name: str
    # While the site does not have them: links (source path and fragment) to their entries on the page of unknowns.
    final_unknown: str = ""
    next_unknown: str = ""
    province_unknown: str = ""


def plan_status(scope: PlanScope, language: Language, today: dt.date,
                unknown: Callable[[str], str]) -> PlanStatus:
    """`unknown(anchor)`: the link to that entry of the page of unknowns, "" when the site has the fact."""
    plan, final = scope.plan, scope.final_report()
    state = plan_state(scope, language, today)
    reorganisation = scope.site.province_reorganisation
    successor = state.successor
    return PlanStatus(
        state=state, name=plan.short_title(language), issued=issued_text(scope, language),
        period=text(language, f"plan_shapes.period_{'past' if today > plan.period.end else 'present'}").format(
            start=plan_day(scope, plan.period.start, language), end=plan_day(scope, plan.period.end, language)),
        final_date=date_text(final.date, language) if final else "",
        final_by=today_name(scope, final.agency, language) if final else "",
        successor_title=successor.short_title(language) if successor else "",
        successor_path=PlanPaths(successor).overview if successor else "",
        province_change=reorganisation.change(language), province_name=reorganisation.current_name(language),
        final_unknown=unknown(final_anchor(plan.id)), next_unknown=unknown(next_anchor(plan.id)),
        province_unknown=unknown(PROVINCE))


# Anchors of the page of unknowns' entries (plansite.derive.unknowns), which other pages link to.
CONTACT, PROVINCE = "lien-he", "tinh"


def final_anchor(plan_id: str) -> str:
    return f"bao-cao-tong-ket-{plan_id}"


def next_anchor(plan_id: str) -> str:
    return f"ke-hoach-tiep-theo-{plan_id}"


def agency_anchor(agency_id: str) -> str:
    return f"co-quan-{agency_id}"


# ---- a campaign's state, from its dates

CampaignStateKind = Literal["upcoming", "ongoing", "ended"]


def period_state(period: Period, today: dt.date) -> CampaignStateKind:
    if today < period.start:
        return "upcoming"
    return "ongoing" if today <= period.end else "ended"


def campaign_state(campaign: Campaign, today: dt.date) -> CampaignStateKind:
    return period_state(campaign.period, today)


# ---- agencies, with the body that holds the duty today

@dataclass(frozen=True)
class Holder:
    """Who holds an agency's duties today, when it was renamed, merged or dissolved."""

    agency: Agency | None   # None: not recorded yet
    since: str
    source: str
    url: str


def today_holder(data: SiteData | PlanScope, agency: Agency, language: Language) -> Holder | None:
    """Follows successors to the body that holds the duty now; stops where the next one is not recorded."""
    if agency.successor is None:
        return None
    current, successor = agency, agency.successor
    while successor is not None:
        known = data.agencies.get(successor.agency or "")
        source = successor.source
        holder = Holder(known, due_text(successor.date, language), source.document(language) if source else "",
                        source.url if source else "")
        if known is None:
            return holder
        current, successor = known, known.successor
    return holder


@dataclass(frozen=True)
class NamedAgency:
    """A body by the name the plan used and, when it has changed since, what became of it ("nay là Bộ Nội vụ",
    "không còn từ 1/3/2025") and the address of the source that says so: pages show the note with that link, or,
    where the source has no address, a link to the body's entry in the agency directory, which names it."""

    name: str
    note: str     # "" for a body unchanged since the plan
    source: str   # the document that says so, for print, where there is no link
    url: str
    entry: str = ""  # the directory entry (source path and fragment), when there is a note and no url

    def __str__(self) -> str:
        return f"{self.name} ({self.note})" if self.note else self.name


def named_agency(scope: PlanScope | SiteData, agency_id: str, language: Language) -> NamedAgency:
    agency = scope.agencies[agency_id]
    holder = today_holder(scope, agency, language)
    if holder is None:
        return NamedAgency(agency.name(language), "", "", "")
    note = (fill(language, "changes.now", holder=holder.agency.name(language)) if holder.agency
            else fill(language, "changes.gone", date=holder.since))
    return NamedAgency(agency.name(language), note, holder.source, holder.url,
                       "" if holder.url else f"{AGENCIES}#{agency.id}")


def today_name(scope: PlanScope | SiteData, agency_id: str, language: Language) -> str:
    """The name the plan used, with what became of the body beside it, as plain text."""
    return str(named_agency(scope, agency_id, language))


# ---- the tracker's pieces

@dataclass(frozen=True)
class BarPart:
    status: Status
    x: str       # percentages, as the SVG's attributes take them
    width: str


@dataclass(frozen=True)
class Bar:
    """A stacked bar, one part per status, read out as its label and counts."""

    label: str
    parts: list[BarPart]


def counts_text(counts: Counts, language: Language) -> str:
    """The bar's text alternative: "2 nhiệm vụ (Hoàn thành: 1; Chậm tiến độ: 1)"."""
    labels = section(language, "statuses")
    parts = [f"{labels[status]}: {n}" for status, n in counts.items() if n]
    total = fill(language, "groups.task_count", n=sum(counts.values()))
    return f"{total} ({'; '.join(parts)})" if parts else total


def status_bar(counts: Counts, language: Language, label: str) -> Bar:
    total, start, parts = sum(counts.values()), 0.0, []
    for status, n in counts.items():
        if n:
            width = 100 * n / total
            parts.append(BarPart(status, f"{start:.2f}", f"{width:.2f}"))
            start += width
    return Bar(f"{label}: {counts_text(counts, language)}", parts)


@dataclass(frozen=True)
class Responsibility:
    """One line of who answers for the whole plan: a role and the bodies holding it, by their names today."""

    role: str
    agencies: tuple[NamedAgency, ...]


def responsibilities(scope: PlanScope, language: Language) -> list[Responsibility]:
    """The standing agency, which leads the whole plan; its partners; the bodies asked to coordinate, and on what."""
    organisation = scope.plan.organisation
    names = lambda ids: tuple(named_agency(scope, a, language) for a in ids)  # noqa: E731
    found = [Responsibility(text(language, "organisation.lead"), names([organisation.standing_agency]))]
    if organisation.partners:
        found.append(Responsibility(text(language, "organisation.partners"), names(organisation.partners)))
    found += [Responsibility(text(language, "organisation.coordination").format(on=c.on(language)), names(c.agencies))
              for c in organisation.coordination]
    return found
