"""The site as its pages show it, in one language, on the day of the build: worked out once from the validated
models (plansite.derive.site), then handed to the templates, as Material's blog plugin hands its views to Jinja.

Everything here is frozen and already decided: states, statuses, counts, names as they stand today, links
to agencies. Texts stay plain text; the templates escape them. The models (Plan, Group, Agency…) are kept
beside the derived values where a template or the open data reads a field as the data file holds it."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from plansite.derive.pictures import GroupsPicture, TaskSquares, Timeline
from plansite.derive.views import Bar, NamedAgency, PlanState, PlanStatus, Responsibility
from plansite.model import (Agency, Campaign, CampaignMaterial, Cover, Framework, Group, Language, Milestone, Plan,
                            PlanNotes, Report, Site, Status, Task)
from plansite.render.paths import PlanPaths


@dataclass(frozen=True)
class AgencyRef:
    """A link to an agency: its own page when it has one, else its entry in the agency directory."""

    name: str
    short_name: str
    today: str      # its name with the body that holds its duties today beside it: "… (nay là …)"
    path: str       # its own page, or the directory
    fragment: str   # its entry in the directory; empty when it has a page of its own


@dataclass(frozen=True)
class HolderView:
    """Who holds an agency's duties today, when it was renamed, merged or dissolved."""

    agency: Agency | None   # None: not recorded yet
    link: AgencyRef | None
    since: str
    source: str
    url: str
    unknown: str            # its entry on the page of unknowns, while the body that took over is not recorded


@dataclass(frozen=True)
class NewsItem:
    """A listed article: its title, its source path (for the link) and its date."""

    title: str
    path: str
    date: str


@dataclass(frozen=True)
class ArticleView:
    """What the build adds to an article page: its cover, its language note and the related articles."""

    cover: Cover | None
    translated: bool
    related: tuple[NewsItem, ...]
    category_labels: tuple[str, ...]   # its groups by their titles in this language (the feed's categories)


@dataclass(frozen=True)
class CountsRow:
    """A row of a counts table: tasks per status, their total, and the same as a bar."""

    counts: list[int]
    total: int
    bar: Bar


@dataclass(frozen=True)
class HistoryEntry:
    """One report's word on one task, as the tasks page shows it."""

    iso: str
    date: str
    period: str
    agency: AgencyRef
    status: Status
    note: str
    indicators: tuple[dict, ...]   # name, value, unit, date, source: the catalogue's tracker.indicator fills them


@dataclass(frozen=True)
class TaskView:
    plan_id: str
    tasks_page: str     # the source path of the tasks page that holds its section
    id: str
    title: str
    description: str
    lead: AgencyRef | None     # None when the task has no lead of its own
    lead_name: str             # its lead by the name the plan used, with today's holder beside it; "" without one
    partners: tuple[AgencyRef, ...]
    timing: str
    deadline: str
    expected: str
    status: Status
    as_of: str                 # the date of the report its status comes from; "" without one
    history: tuple[HistoryEntry, ...]


@dataclass(frozen=True)
class TaskSection:
    """The tasks of one group (or the plan's common tasks) on the tasks page."""

    heading: str
    anchor: str
    title: str      # the group's title; "" for the common tasks
    path: str       # the group's page; "" for the common tasks
    tasks: tuple[TaskView, ...]


@dataclass(frozen=True)
class CampaignSummary:
    """A campaign where another page shows it (the home page, its groups' pages): title, link, period, messages."""

    title: str
    path: str
    period: str
    messages: tuple[str, ...]


@dataclass(frozen=True)
class GroupView:
    plan_id: str
    id: str
    label: str        # "Nhóm 3", or an unnumbered group's own name
    heading: str      # "Nhóm 3: Cộng đồng bền vững"
    site_label: str   # where the site lists several plans' groups: the label, and its plan when there are several
    site_heading: str
    title: str
    summary: str
    in_daily_life: str   # what the group means in daily life; "" when the data does not say
    path: str         # the group's page
    anchor: str       # its place on the tracker's pages
    framework_part: str   # the title of the framework's part it carries out; "" when none is named
    tasks: tuple[TaskView, ...]
    bar: Bar
    no_report: bool
    news: tuple[NewsItem, ...]   # its newest articles, as many as its page lists
    more_news: bool
    has_news: bool               # a published article of this language names it: its news category has a page
    category: str                # its news category's page
    campaigns: tuple[CampaignSummary, ...]
    materials: tuple[dict, ...]  # title, description


@dataclass(frozen=True)
class OrganisationView:
    standing: Agency
    holder: HolderView | None   # what became of the standing agency, when it changed since the plan
    duties: tuple[str, ...]
    reports_to: tuple[NamedAgency, ...]


@dataclass(frozen=True)
class GroupRow:
    anchor: str
    heading: str
    counts: list[int]
    total: int
    bar: Bar


@dataclass(frozen=True)
class AgencyRow:
    agency: AgencyRef
    counts: list[int]
    total: int
    bar: Bar


@dataclass(frozen=True)
class ReceivedReport:
    date: str
    agency: AgencyRef
    start: str
    end: str
    count: int


@dataclass(frozen=True)
class DashboardView:
    latest: str      # the newest report's date; "" while there is none
    overall: CountsRow
    group_rows: tuple[GroupRow, ...]
    agency_rows: tuple[AgencyRow, ...]
    received: tuple[ReceivedReport, ...]
    squares: TaskSquares


@dataclass(frozen=True)
class MatrixRow:
    anchor: str
    heading: str
    cells: tuple[tuple[str, ...], ...]   # per agency of the header, its roles in this row


@dataclass(frozen=True)
class MatrixView:
    agencies: tuple[AgencyRef, ...]
    rows: tuple[MatrixRow, ...]


@dataclass(frozen=True)
class MilestoneView:
    iso: str
    date: str
    title: str
    source: str
    url: str        # the source's public address; "" without one
    reading: str    # the plan's own words when the date is only the site's reading of them ("năm 2025"); else ""


@dataclass(frozen=True)
class TimelineView:
    today: str
    past: tuple[MilestoneView, ...]
    upcoming: tuple[MilestoneView, ...]
    picture: Timeline


@dataclass(frozen=True)
class Ask:
    """Where a resident asks: the site's published contact, else the body that issued the plan, and the page of
    unknowns' entry on contacts."""

    contact: str
    committee: str
    unknown_contact: str      # "" when the site has a contact


@dataclass(frozen=True)
class Progress:
    """A task's status for the open data, with the report file it comes from."""

    task: str
    status: Status
    last_report: str | None
    last_report_date: str   # ISO date; "" without a report


@dataclass(frozen=True)
class TargetView:
    """A number an objective is to reach by a year, the number written as the language writes it."""

    value: str
    unit: str
    year: int


@dataclass(frozen=True)
class ObjectiveView:
    """One objective (templates/plan/_objectives.md): its own deadline, unless all share the plan's one
    ("" then), and its numeric targets."""

    text: str
    due: str
    targets: tuple[TargetView, ...]


@dataclass(frozen=True)
class PlanView:
    plan: Plan
    framework: Framework | None
    id: str
    paths: PlanPaths
    source: str               # the data file behind its pages, for their edit link
    title: str
    name: str                 # its short title
    label: str                # its short title where the site holds several plans, to say which; else ""
    task_leads: Literal["all", "some", "none"]   # how many of its tasks name a lead of their own
    with_lead: int                               # their number
    state: PlanState
    status: PlanStatus        # the home page's first screen
    issued: str
    issued_date: str
    issued_by: str
    basis: str
    standing: str             # its standing agency by the name the plan used
    standing_today: NamedAgency   # the same, with what became of it since and the source that says so
    footer: str
    objectives_deadline: str  # the day every objective without its own is due by, or the plan's words for it
                              # where the day is the site's reading ("năm 2025"); "" when the plan sets none
    one_deadline: bool        # every objective is due by that day: the overview's heading says it once
    objectives: tuple[ObjectiveView, ...]
    funding: tuple[str, ...]
    groups_intro: str
    notes: PlanNotes
    groups: tuple[GroupView, ...]
    common_tasks: tuple[TaskView, ...]
    tasks: tuple[TaskView, ...]            # every task, in the plan's order
    task_models: tuple[tuple[Group | None, Task], ...]   # the same tasks as the data has them, with their group
    task_sections: tuple[TaskSection, ...]
    picture: GroupsPicture
    responsibilities: tuple[Responsibility, ...]
    organisation: OrganisationView
    dashboard: DashboardView
    matrix: MatrixView
    timeline: TimelineView
    ask: Ask
    milestones: tuple[Milestone, ...]      # the plan's own dates and later ones, in date order (open data)
    progress: tuple[Progress, ...]


@dataclass(frozen=True)
class RoleLink:
    """One line of an agency's part in a plan, linking to the plan's page that shows it ("" for none)."""

    text: str
    path: str


@dataclass(frozen=True)
class Inherited:
    """What a body took over from one it replaced: that body's roles and tasks in the plans."""

    predecessor: AgencyRef
    roles: tuple[str, ...]
    led: tuple[TaskView, ...]
    joined: tuple[TaskView, ...]


@dataclass(frozen=True)
class AgencyView:
    agency: Agency
    id: str
    ref: AgencyRef
    has_page: bool
    holder: HolderView | None
    predecessors: tuple[AgencyRef, ...]
    directory_roles: tuple[RoleLink, ...]
    other_roles: tuple[str, ...]
    led: tuple[TaskView, ...]
    joined: tuple[TaskView, ...]
    inherited: tuple[Inherited, ...]   # from each body it took over, and the bodies those took over
    counts: CountsRow
    sent: tuple[str, ...]


@dataclass(frozen=True)
class CampaignEventView:
    title: str
    when: str
    location: str
    description: str


@dataclass(frozen=True)
class Download:
    language: Language
    name: str
    href: str    # from the page it is listed on; the other language's file is outside this build
    size: str


@dataclass(frozen=True)
class MaterialView:
    material: CampaignMaterial
    type: str
    title: str
    description: str
    licence: str
    groups: list[str]
    group_labels: list[str]
    campaign: str             # "" for a plan's own leaflet
    campaign_path: str
    licence_path: str         # the site's licence statement, for a material made from the site's data
    plan_id: str              # the plan it presents (a leaflet) or serves
    downloads: tuple[Download, ...] = ()   # filled in where a page lists it (plansite.render.campaigns)


@dataclass(frozen=True)
class CampaignView:
    campaign: Campaign
    id: str
    title: str
    summary: str
    path: str
    plan_title: str           # the plan it serves
    plan_path: str
    period: str
    state: Literal["upcoming", "ongoing", "ended"]
    messages: tuple[str, ...]
    groups: tuple[GroupView, ...]
    materials: tuple[MaterialView, ...]
    events: tuple[CampaignEventView, ...]


@dataclass(frozen=True)
class Unknown:
    """An entry of the page of unknowns (plansite.derive.unknowns)."""

    anchor: str       # the entry's id on the page, and what a link to it names (data-unknown)
    heading: str
    sentence: str     # plain text; the template escapes it
    source: str = ""  # the public document a known part of the entry rests on, and its address
    url: str = ""


@dataclass(frozen=True)
class NewsCard:
    """An article on the home page, with its cover."""

    title: str
    path: str
    date: str
    iso: str
    image: str     # its cover's source path; "" without one
    alt: str


@dataclass(frozen=True)
class HomeView:
    """The home page as a campaign page (plansite.render.home): where the main plan stands, two actions, and a
    few cards. Paths are source paths; the hook turns them into links once the blog plugin placed the articles."""

    state: str                        # "Kế hoạch đã hết thời gian thực hiện (2021–2025)"
    successor: NewsItem | None        # the plan that replaced the main one (its title and overview; no date)
    province: str                     # the province's name today, once recorded
    province_change: str
    meaning: str                      # the first action: the main plan's groups on its overview
    overview: str
    groups: tuple[GroupView, ...]
    news: tuple[NewsCard, ...]
    leaflet: MaterialView
    plans: tuple[PlanView, ...]       # every plan, when the site holds several; else none
    contact: str
    committee: str
    contact_unknown: str


@dataclass(frozen=True)
class SiteView:
    language: Language
    now: dt.datetime
    today: dt.date
    site: Site
    name: str
    footer: str                          # on every page that is not one plan's
    plans: tuple[PlanView, ...]          # the main plan first, then the others by issue date (the menu's order)
    home_plans: tuple[PlanView, ...]     # plans in progress (or not started) first, then ended ones, newest first
    lead: PlanView                       # the plan the hand-written pages' {{ plan.* }} speak of
    frameworks: tuple[Framework, ...]
    agencies: dict[str, AgencyView]      # in the order of data/agencies.yml
    groups: dict[str, GroupView]         # every plan's groups, by id (unique across the site)
    campaigns: tuple[CampaignView, ...]
    news: tuple[NewsItem, ...]           # the newest published articles, as many as the home page lists
    articles: dict[str, ArticleView]     # every article of this language, by source path
    materials: tuple[MaterialView, ...]  # every plan's leaflet, then each campaign's materials (the library)
    unknowns: tuple[Unknown, ...]        # what the site does not have yet, each said once on its own page
    contact_unknown: str                 # the page of unknowns' entry on contacts; "" when the site has one
    home: HomeView
    reports: dict[str, Report] = field(default_factory=dict)   # every plan's, oldest first (open data)

    def plan(self, plan_id: str) -> PlanView:
        return next(p for p in self.plans if p.id == plan_id)

    def group_plan(self, group_id: str) -> PlanView:
        return self.plan(self.groups[group_id].plan_id)
