"""The site view (plansite.derive.site_view), worked out once per build and language from the validated data:
every status, count, state, name and link that a page shows. The templates then only render it."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from babel.numbers import format_decimal

from plansite.derive.pictures import groups_picture, task_squares, timeline
from plansite.derive.progress import (Counts, Reported, agency_counts, count, current_statuses, group_counts, histories,
                                      involved_agencies, milestones, plan_roles, predecessors, reports_by, roles,
                                      split_timeline)
from plansite.derive.site_view import (AgencyRef, AgencyRow, AgencyView, ArticleView, Ask, CampaignEventView,
                                       CampaignSummary, CampaignView, CountsRow, DashboardView, GroupRow, GroupView,
                                       HistoryEntry, HolderView, HomeView, Inherited, MaterialView, MatrixRow, MatrixView,
                                       MilestoneView, NewsCard, NewsItem, ObjectiveView, OrganisationView, PlanView, Progress,
                                       ReceivedReport, RoleLink, SiteView, TargetView, TaskSection, TaskView, TimelineView)
from plansite.derive.unknowns import targets, unknown_target, unknowns
from plansite.derive.views import (CONTACT, agency_anchor, campaign_state, counts_text, document_name, footer_text,
                                   group_anchor, group_heading, group_label, issued_text, issuing_body, legal_basis_text,
                                   named_agency, plan_day, plan_due, plan_state, plan_status, reading, responsibilities,
                                   status_bar, today_holder, today_name)
from plansite.load.articles import CATEGORY_DIR, Article, newest_published
from plansite.load.sitedata import PlanScope, SiteData
from plansite.model import LANGUAGES, Campaign, CampaignEvent, CampaignMaterial, Group, Language, Plan, Task, Text
from plansite.render.catalogue import fill, section, text
from plansite.render.languages import date_text, due_iso, due_text
from plansite.render.paths import AGENCIES, OPEN_DATA, PlanPaths, agency_path, campaign_path

LATEST_NEWS = 3      # the newest articles the home page lists
NEWS_ON_GROUP = 3    # the newest articles a group's page lists; its news category lists them all
RELATED = 3          # the related articles under an article


def site_views(data: SiteData, now: dt.datetime, articles: list[Article] = ()) -> dict[Language, SiteView]:
    """The view in every language."""
    return {language: site_view(data, language, now, articles) for language in LANGUAGES}


def site_view(data: SiteData, language: Language, now: dt.datetime, articles: list[Article] = ()) -> SiteView:
    """`now` is the build's moment: it decides the plans' states and which articles are published."""
    today = now.date()
    published = newest_published(articles, language, now)
    refs = agency_refs(data, language)
    missing = tuple(unknowns(data, language, today))
    unknown = targets(list(missing))
    plans = tuple(plan_view(scope, language, today, refs, published, unknown) for scope in data.scopes())
    groups = {g.id: g for plan in plans for g in plan.groups}
    campaigns = tuple(campaign_view(c, data.campaign_scope(c).plan, language, today, groups) for c in data.campaigns)
    materials = material_views(data, language, groups)
    home = home_order(plans)
    lead = next(p for p in plans if p.id == data.site.main_plan) if data.site.main_plan else home[0]
    recorded = any(a.website or a.contact(language) for a in data.agencies.values())
    return SiteView(
        language=language, now=now, today=today, site=data.site, name=data.site.name(language),
        footer=data.site.footer(language) or (plans[0].footer if len(plans) == 1 else text(language, "plan_shapes.site_footer")),
        plans=plans, home_plans=home,
        lead=lead,
        frameworks=tuple(data.frameworks.values()),
        agencies={a: agency_view(data, a, language, today, refs, plans) for a in data.agencies},
        groups=groups, campaigns=campaigns,
        news=tuple(news_items(published[:LATEST_NEWS], language)),
        articles=article_views([a for a in articles if a.language == language], now, language, groups),
        materials=materials, unknowns=missing, contact_unknown="" if recorded else unknown(CONTACT),
        home=home_view(data, language, lead, plans, published, materials),
        reports=data.reports)


def home_order(plans: tuple[PlanView, ...]) -> tuple[PlanView, ...]:
    """Plans in progress first (the latest started first), then those not started yet (the soonest first), then
    the ended ones (the latest ended first). Without `main_plan`, the first leads the home page."""
    def key(plan: PlanView) -> tuple:
        period = plan.plan.period
        if plan.state.kind == "in-progress":
            return (0, -period.start.toordinal())
        if plan.state.kind == "not-started":
            return (1, period.start.toordinal())
        return (2, -period.end.toordinal())
    return tuple(sorted(plans, key=key))


# ---- the home page

NEWS_CARDS = 3
# The fixed anchor of the groups' list on a plan's overview page (templates/plan/overview.md).
GROUPS_ANCHOR = "cac-nhom"


def home_view(data: SiteData, language: Language, lead: PlanView, plans: tuple[PlanView, ...], published: list[Article],
              materials: tuple[MaterialView, ...]) -> HomeView:
    """The first screen says where the lead plan stands and its years; the cards lead one tap further."""
    period, state = lead.plan.period, lead.state
    words = text(language, f"home.state_{state.kind}").rstrip(".")
    successor = next((p for p in plans if state.successor and p.id == state.successor.id), None)
    reorganisation = data.site.province_reorganisation
    news = tuple(NewsCard(a.meta.title, a.src_uri, date_text(a.meta.date, language), a.meta.date.isoformat(),
                          a.meta.cover.image if a.meta.cover else "", a.meta.cover.alt if a.meta.cover else "")
                 for a in published[:NEWS_CARDS])
    leaflet = next(m for m in materials if m.material.generated == "leaflet" and m.plan_id == lead.id)
    return HomeView(
        state=fill(language, "home_page.state", state=words, start=period.start.year, end=period.end.year),
        successor=NewsItem(successor.name, successor.paths.overview, "") if successor else None,
        province=reorganisation.current_name(language), province_change=reorganisation.change(language),
        meaning=f"{lead.paths.overview}#{GROUPS_ANCHOR}", overview=lead.paths.overview, groups=lead.groups, news=news,
        leaflet=leaflet, plans=plans if len(plans) > 1 else (), contact=lead.ask.contact, committee=lead.ask.committee,
        contact_unknown=lead.ask.unknown_contact)


# ---- agencies

def taken_over(data: SiteData, agency_id: str) -> list[str]:
    """The bodies whose duties this one holds: those it took over, and those they had taken over."""
    found, todo = [], predecessors(data, agency_id)
    while todo:
        earlier = todo.pop(0)
        if earlier != agency_id and earlier not in found:
            found.append(earlier)
            todo += predecessors(data, earlier)
    return found


def agencies_with_pages(data: SiteData) -> set[str]:
    """An agency has a page of its own when it has more to show than its directory entry: tasks it leads, or
    reports it filed, itself or through a body it took over. Every other agency is one entry in the directory,
    so that no page says only "not known"."""
    leads = {t.lead for scope in data.scopes() for _, t in scope.tasks() if t.lead}
    senders = {r.agency for r in data.reports.values()}
    return {a for a in data.agencies if any(b in leads or b in senders for b in (a, *taken_over(data, a)))}


def agency_refs(data: SiteData, language: Language) -> dict[str, AgencyRef]:
    with_pages = agencies_with_pages(data)
    return {a.id: AgencyRef(a.name(language), a.short_name(language), today_name(data, a.id, language),
                            *((agency_path(a.id), "") if a.id in with_pages else (AGENCIES, a.id)))
            for a in data.agencies.values()}


def holder_view(data: SiteData, agency_id: str, language: Language, refs: dict[str, AgencyRef]) -> HolderView | None:
    holder = today_holder(data, data.agencies[agency_id], language)
    if holder is None:
        return None
    link = refs[holder.agency.id] if holder.agency else None
    return HolderView(holder.agency, link, holder.since, holder.source, holder.url,
                      "" if holder.agency else unknown_target(agency_anchor(agency_id)))


def counts_row(counts: Counts, language: Language, label: str) -> CountsRow:
    return CountsRow(list(counts.values()), sum(counts.values()), status_bar(counts, language, label))


def agency_view(data: SiteData, agency_id: str, language: Language, today: dt.date, refs: dict[str, AgencyRef],
                plans: tuple[PlanView, ...]) -> AgencyView:
    agency = data.agencies[agency_id]
    earlier = taken_over(data, agency_id)
    several = len(data.plans) > 1
    led, joined, extra, sent, directory = [], [], [], [], []
    inherited = {a: ([], [], []) for a in earlier}   # per body taken over: its roles, tasks led and joined
    for scope, plan in zip(data.scopes(), plans):
        tasks = {t.id: t for t in plan.tasks}
        scope_led, scope_joined = roles(scope, agency_id)
        led += [tasks[t.id] for _, t in scope_led]
        joined += [tasks[t.id] for _, t in scope_joined]
        others = other_roles(scope, agency_id, language)
        extra += others
        directory += task_roles(plan, len(scope_led), len(scope_joined), language, several)
        directory += [RoleLink(role, "") for role in others]
        for body, (body_roles, body_led, body_joined) in inherited.items():
            their_led, their_joined = roles(scope, body)
            body_roles += other_roles(scope, body, language)
            body_led += [tasks[t.id] for _, t in their_led]
            body_joined += [tasks[t.id] for _, t in their_joined]
        sent += [f"{date_text(r.date, language)}: {date_text(r.period.start, language)} – {date_text(r.period.end, language)}"
                 for _, r in reports_by(scope, [agency_id, *earlier])]
    taken = tuple(Inherited(refs[a], tuple(r), tuple(lt), tuple(jt)) for a, (r, lt, jt) in inherited.items() if r or lt or jt)
    answers_for = led + joined + [t for body in taken for t in (*body.led, *body.joined)]
    return AgencyView(
        agency=agency, id=agency_id, ref=refs[agency_id], has_page=not refs[agency_id].fragment,
        holder=holder_view(data, agency_id, language, refs),
        predecessors=tuple(refs[a] for a in predecessors(data, agency_id)),
        directory_roles=tuple(directory), other_roles=tuple(extra), led=tuple(led), joined=tuple(joined),
        inherited=taken, counts=counts_row(count([t.status for t in answers_for]), language, agency.name(language)),
        sent=tuple(sent))


def task_roles(plan: PlanView, led: int, joined: int, language: Language, several: bool) -> list[RoleLink]:
    """How many of a plan's tasks an agency leads and joins, each linking to the plan's responsibility matrix."""
    found = [RoleLink(fill(language, key, n=n), plan.paths.matrix)
             for key, n in (("directory.leads", led), ("directory.joins", joined)) if n]
    if several:
        found = [RoleLink(f"{plan.name}: {role.text}", role.path) for role in found]
    return found


def other_roles(scope: PlanScope, agency_id: str, language: Language) -> list[str]:
    """What a plan says of an agency besides tasks: it issued it, underpins it, runs it, or hears from it."""
    plan, found = scope.plan, []
    if plan.issued.by == agency_id:
        found.append(text(language, "tracker.role_issuer"))
    if plan.legal_basis.by == agency_id:
        found.append(text(language, "tracker.role_basis").format(document=document_name(scope, language)))
    if plan.organisation.standing_agency == agency_id:
        found.append(text(language, "tracker.role_standing"))
    if agency_id in plan.organisation.partners:
        found.append(text(language, "tracker.role_plan_partner"))
    found += [text(language, "tracker.role_coordination").format(on=c.on(language))
              for c in plan.organisation.coordination if agency_id in c.agencies]
    if agency_id in plan.organisation.reports_to:
        found.append(text(language, "tracker.role_reports_to"))
    # With several plans, each role names its plan.
    if len(scope.data.plans) > 1:
        found = [f"{plan.short_title(language)}: {role}" for role in found]
    return found


# ---- a plan

def plan_view(scope: PlanScope, language: Language, today: dt.date, refs: dict[str, AgencyRef],
              published: list[Article], unknown: Callable[[str], str]) -> PlanView:
    plan, paths = scope.plan, PlanPaths(scope.plan)
    label = plan.short_title(language) if len(scope.data.plans) > 1 else ""
    with_lead = sum(1 for _, t in scope.tasks() if t.lead)
    reported, statuses = histories(scope), current_statuses(scope)
    names = {a: today_name(scope, a, language) for a in scope.agencies}
    tasks = {t.id: task_view(scope, t, language, statuses[t.id], reported[t.id], today, refs, names)
             for _, t in scope.tasks()}
    groups = tuple(group_view(scope, g, language, today, tasks, published, label) for g in plan.groups)
    common = tuple(tasks[t.id] for t in plan.common_tasks)
    sections = ([task_section(None, common, language, paths)] if common else []) + [
        task_section(g, view.tasks, language, paths) for g, view in zip(plan.groups, groups)]
    organisation = plan.organisation
    return PlanView(
        plan=plan, framework=scope.framework, id=plan.id, paths=paths, source=f"data/plans/{plan.id}.yml",
        title=plan.title(language), name=plan.short_title(language), label=label,
        task_leads="none" if not with_lead else "all" if with_lead == len(scope.tasks()) else "some", with_lead=with_lead,
        state=plan_state(scope, language, today), status=plan_status(scope, language, today, unknown),
        issued=issued_text(scope, language),
        issued_date=date_text(plan.issued.date, language), issued_by=scope.agency(plan.issued.by).name(language),
        basis=legal_basis_text(scope, language),
        standing=scope.agency(organisation.standing_agency).name(language),
        standing_today=named_agency(scope, organisation.standing_agency, language), footer=footer_text(scope, language),
        objectives_deadline=plan_day(scope, plan.objectives_deadline, language) if plan.objectives_deadline is not None else "",
        one_deadline=one_deadline(plan), objectives=objective_views(scope, language), funding=tuple(s(language) for s in plan.funding),
        groups_intro=plan.notes.groups(language) or text(language, "plan.groups_intro"), notes=plan.notes,
        groups=groups, common_tasks=common, tasks=tuple(tasks.values()), task_models=tuple(scope.tasks()), task_sections=tuple(sections),
        picture=groups_picture(scope, language), responsibilities=tuple(responsibilities(scope, language)),
        organisation=OrganisationView(
            standing=scope.agency(organisation.standing_agency),
            holder=holder_view(scope.data, organisation.standing_agency, language, refs),
            duties=tuple(d(language) for d in organisation.duties),
            reports_to=tuple(named_agency(scope, a, language) for a in organisation.reports_to)),
        dashboard=dashboard_view(scope, language, today, statuses, tasks, refs),
        matrix=matrix_view(scope, language, refs),
        timeline=timeline_view(scope, language, today),
        ask=Ask(scope.site.contact(language), issuing_body(scope, language), unknown(CONTACT)),
        milestones=tuple(milestones(scope)),
        progress=tuple(Progress(task_id, status, reported[task_id][-1].file if reported[task_id] else None,
                                reported[task_id][-1].report.date.isoformat() if reported[task_id] else "")
                       for task_id, status in statuses.items()))


def one_deadline(plan: Plan) -> bool:
    """Whether every objective is due by the plan's objectives_deadline."""
    return all(o.deadline is None for o in plan.objectives)


def objective_views(scope: PlanScope, language: Language) -> tuple[ObjectiveView, ...]:
    """Each objective with its numeric targets and, unless all are due by the plan's one deadline, its own
    deadline or else the plan's (in the plan's words where the date is the site's reading of them)."""
    plan, shared = scope.plan, one_deadline(scope.plan)

    def due(objective) -> str:
        deadline = plan.objective_deadline(objective)
        return plan_due(scope, deadline, language) if deadline is not None and not shared else ""
    return tuple(ObjectiveView(o(language), due(o), tuple(TargetView(format_decimal(t.value, locale=language),
                                                                     t.unit(language), t.year) for t in o.targets))
                 for o in plan.objectives)


def timing_text(scope: PlanScope, task: Task, language: Language) -> str:
    if task.deadline is None:
        return text(language, "tracker.not_stated")
    end = plan_due(scope, task.deadline, language)
    if task.start:
        return text(language, "tracker.from_to").format(start=date_text(task.start, language), end=end)
    return text(language, "tracker.until").format(end=end)


def task_view(scope: PlanScope, task: Task, language: Language, status, reported: list[Reported], today: dt.date,
              refs: dict[str, AgencyRef], names: dict[str, str]) -> TaskView:
    history = tuple(HistoryEntry(
        iso=item.report.date.isoformat(), date=date_text(item.report.date, language),
        period=f"{date_text(item.report.period.start, language)} – {date_text(item.report.period.end, language)}",
        agency=refs[item.report.agency], status=item.entry.status, note=item.entry.note(language),
        indicators=tuple(dict(name=i.name(language), value=format_decimal(i.value, locale=language), unit=i.unit(language),
                              date=date_text(i.date, language), source=i.source(language)) for i in item.entry.indicators))
        for item in reported)
    return TaskView(
        plan_id=scope.plan.id, tasks_page=PlanPaths(scope.plan).tasks, id=task.id, title=task.title(language),
        description=task.description(language), lead=refs[task.lead] if task.lead else None,
        lead_name=names[task.lead] if task.lead else "", partners=tuple(refs[a] for a in task.partners),
        timing=timing_text(scope, task, language),
        deadline=plan_due(scope, task.deadline, language) if task.deadline is not None else text(language, "tracker.not_stated"),
        expected=task.expected_result(language), status=status,
        as_of=date_text(reported[-1].report.date, language) if reported else "", history=history)


def task_section(group: Group | None, tasks: tuple[TaskView, ...], language: Language, paths: PlanPaths) -> TaskSection:
    return TaskSection(group_heading(group, language), group_anchor(group), group.title(language) if group else "",
                       paths.group(group) if group else "", tasks)


def news_items(articles: Iterable[Article], language: Language) -> list[NewsItem]:
    return [NewsItem(a.meta.title, a.src_uri, date_text(a.meta.date, language)) for a in articles]


def of_plan(words: str, plan_label: str, language: Language) -> str:
    """A page's or a group's name, with its plan's beside it where the site holds several plans."""
    return text(language, "plan_shapes.of_plan").format(page=words, plan=plan_label) if plan_label else words


def group_view(scope: PlanScope, group: Group, language: Language, today: dt.date, tasks: dict[str, TaskView],
               published: list[Article], plan_label: str) -> GroupView:
    """What the group means, its tasks and their state, its latest news, its campaigns and materials."""
    own = tuple(tasks[t.id] for t in group.tasks)
    counts = count([t.status for t in own])
    articles = [a for a in published if group.id in a.meta.categories]
    campaigns = [c for c in scope.data.campaigns if group.id in c.groups]
    return GroupView(
        plan_id=scope.plan.id, id=group.id, label=group_label(group, language),
        heading=group_heading(group, language), site_label=of_plan(group_label(group, language), plan_label, language),
        site_heading=of_plan(group_heading(group, language), plan_label, language), title=group.title(language), summary=group.summary(language),
        in_daily_life=group.in_daily_life(language), path=PlanPaths(scope.plan).group(group), anchor=group_anchor(group),
        framework_part=scope.framework_part(group.framework_part).title(language) if group.framework_part else "",
        tasks=own, bar=status_bar(counts, language, text(language, "tracker.group_progress")),
        no_report=counts["no-report"] == len(own),
        news=tuple(news_items(articles[:NEWS_ON_GROUP], language)), more_news=len(articles) > NEWS_ON_GROUP,
        has_news=bool(articles), category=f"{CATEGORY_DIR}/{group.id}.md",
        campaigns=tuple(campaign_summary(c, language, today) for c in campaigns),
        materials=tuple(dict(title=m.title(language), description=m.description(language))
                        for c in scope.data.campaigns for m in c.materials if group.id in m.groups))


def dashboard_view(scope: PlanScope, language: Language, today: dt.date, statuses: dict, tasks: dict[str, TaskView],
                   refs: dict[str, AgencyRef]) -> DashboardView:
    group_rows = tuple(GroupRow(group_anchor(g), group_heading(g, language),
                                **counts_row(c, language, group_heading(g, language)).__dict__)
                       for g, c in group_counts(scope, statuses))
    agency_rows = tuple(AgencyRow(refs[a], **counts_row(c, language, scope.agency(a).name(language)).__dict__)
                        for a, c in agency_counts(scope, statuses))
    received = tuple(ReceivedReport(date_text(r.date, language), refs[r.agency], date_text(r.period.start, language),
                                    date_text(r.period.end, language), len(r.tasks)) for r in scope.reports.values())
    latest = date_text(list(scope.reports.values())[-1].date, language) if scope.reports else ""
    words, overall = section(language, "statuses"), count(list(statuses.values()))
    squares = task_squares([(t.title, t.status, words[t.status]) for t in tasks.values()],
                           text(language, "pictures.tasks").format(counts=counts_text(overall, language)))
    return DashboardView(latest, counts_row(overall, language, text(language, "tracker.overall")), group_rows,
                         agency_rows, received, squares)


def matrix_view(scope: PlanScope, language: Language, refs: dict[str, AgencyRef]) -> MatrixView:
    """A row for the whole plan (its lead, partners and coordinating bodies), then a row per group whose tasks
    name bodies of their own."""
    agencies, whole = involved_agencies(scope), plan_roles(scope)
    rows = [MatrixRow("ca-ke-hoach", text(language, "tracker.whole_plan"),
                      tuple((plan_role_text(scope, a, whole[a], language),) if a in whole else () for a in agencies))]
    for group, tasks in [(None, scope.plan.common_tasks), *((g, g.tasks) for g in scope.plan.groups)]:
        if not any(t.lead or t.partners for t in tasks):
            continue
        cells = []
        for agency_id in agencies:
            parts = [text(language, "tracker.role_lead")] if any(t.lead == agency_id for t in tasks) else []
            parts += [text(language, "tracker.role_partner")] if any(agency_id in t.partners for t in tasks) else []
            cells.append(tuple(parts))
        rows.append(MatrixRow(group_anchor(group), group_heading(group, language), tuple(cells)))
    return MatrixView(tuple(refs[a] for a in agencies), tuple(rows))


def plan_role_text(scope: PlanScope, agency_id: str, role: str, language: Language) -> str:
    if role != "coordination":
        return text(language, f"tracker.role_{role}")
    matters = [c.on(language) for c in scope.plan.organisation.coordination if agency_id in c.agencies]
    return text(language, "tracker.role_coordination_on").format(on=", ".join(matters))


def timeline_view(scope: PlanScope, language: Language, today: dt.date) -> TimelineView:
    past, upcoming = split_timeline(milestones(scope), today)

    def views(items) -> tuple[MilestoneView, ...]:
        """Each milestone with its source; a date that is the site's reading of the plan's words says so, and
        names those words beside its source."""
        return tuple(MilestoneView(due_iso(m.date), due_text(m.date, language), m.title(language), m.source(language),
                                   m.url, stated(language) if (stated := reading(scope, m.date)) else "")
                     for m in items)

    return TimelineView(date_text(today, language), views(past), views(upcoming), timeline(scope, language, today))


# ---- campaigns and articles

def period_text(campaign: Campaign, language: Language, today: dt.date) -> str:
    """"Từ ngày 22/7/2021 đến ngày 31/12/2025 (đã kết thúc)": the dates, and where they stand on the day of the build."""
    return text(language, f"campaigns.period_{campaign_state(campaign, today)}").format(
        start=date_text(campaign.period.start, language), end=date_text(campaign.period.end, language))


def campaign_summary(campaign: Campaign, language: Language, today: dt.date) -> CampaignSummary:
    return CampaignSummary(campaign.title(language), campaign_path(campaign), period_text(campaign, language, today),
                           tuple(m(language) for m in campaign.key_messages))


def when_text(event: CampaignEvent, language: Language) -> str:
    when = date_text(event.start, language)
    if isinstance(event.start, dt.datetime):
        when += event.start.strftime(" %H:%M")
    if event.end is not None:
        when += " – " + date_text(event.end, language)
    return when


def campaign_view(campaign: Campaign, plan: Plan, language: Language, today: dt.date,
                  groups: dict[str, GroupView]) -> CampaignView:
    path = campaign_path(campaign)
    materials = tuple(material_view(m, language, groups, campaign.title(language), path, plan.id) for m in campaign.materials)
    events = tuple(CampaignEventView(e.title(language), when_text(e, language), e.location(language),
                                     e.description(language)) for e in campaign.events)
    return CampaignView(campaign, campaign.id, campaign.title(language), campaign.summary(language), path,
                        plan.title(language), PlanPaths(plan).overview, period_text(campaign, language, today), campaign_state(campaign, today),
                        tuple(m(language) for m in campaign.key_messages),
                        tuple(groups[g] for g in campaign.groups), materials, events)


def material_view(material: CampaignMaterial, language: Language, groups: dict[str, GroupView], campaign: str,
                  campaign_path: str, plan_id: str) -> MaterialView:
    """A material as the library lists it; one made from the site's data (no campaign) links the site's licence
    statement on the open data page."""
    # A material presents the plan of the first group it serves; a campaign's without groups, the campaign's plan.
    plan = groups[material.groups[0]].plan_id if material.groups else plan_id
    return MaterialView(material, material.type, material.title(language), material.description(language),
                        material.licence(language), material.groups, [groups[g].site_label for g in material.groups],
                        campaign, campaign_path, "" if campaign else OPEN_DATA, plan)


def both(key: str, **values: str | Text) -> Text:
    """A catalogue text in both languages, its Text values taken in each."""
    return Text(**{lang: fill(lang, key, **{k: v(lang) if isinstance(v, Text) else v for k, v in values.items()})
                   for lang in LANGUAGES})


def plan_leaflet(scope: PlanScope) -> CampaignMaterial:
    """The plan's printable leaflet as a material, at tai-lieu/to-roi-<the plan's folder>.html: the first plan's
    folder, ke-hoach, keeps the address the leaflet always had."""
    plan, licence = scope.plan, scope.site.open_data_licence
    return CampaignMaterial(
        id="to-roi-" + plan.folders.plan.replace("/", "-"), type="leaflet", generated="leaflet",
        title=both("materials.leaflet_title", plan=plan.short_title), description=both("materials.leaflet_description"),
        groups=[g.id for g in plan.groups],
        licence=Text(vi=licence.name, en=licence.name) if licence.name else both("materials.licence_none"))


def all_materials(data: SiteData) -> list[tuple[CampaignMaterial, Campaign | None]]:
    """Every plan's leaflet, then each campaign's materials, with the campaign they belong to. A campaign's
    material with a plan leaflet's id is that leaflet (one file), listed with its campaign."""
    campaigns = [(m, c) for c in data.campaigns for m in c.materials]
    taken = {m.id for m, _ in campaigns}
    return [*((leaflet, None) for leaflet in map(plan_leaflet, data.scopes()) if leaflet.id not in taken), *campaigns]


def material_views(data: SiteData, language: Language, groups: dict[str, GroupView]) -> tuple[MaterialView, ...]:
    return tuple(material_view(m, language, groups, c.title(language), campaign_path(c), data.campaign_scope(c).plan.id)
                 if c else material_view(m, language, groups, "", "", data.main.plan.id)
                 for m, c in all_materials(data))


def article_views(articles: list[Article], now: dt.datetime, language: Language,
                  groups: dict[str, GroupView]) -> dict[str, ArticleView]:
    """Each article with the newest published articles sharing a category with it (found per category, once)."""
    newest = sorted((a for a in articles if a.published(now)), key=lambda a: a.meta.date, reverse=True)
    rank = {a.name: i for i, a in enumerate(newest)}
    by_category: dict[str, list[Article]] = {}
    for article in newest:
        for category in article.meta.categories:
            by_category.setdefault(category, []).append(article)
    views = {}
    for article in articles:
        shared = {a.name: a for c in article.meta.categories for a in by_category.get(c, [])[:RELATED + 1]}
        shared.pop(article.name, None)
        related = sorted(shared.values(), key=lambda a: rank[a.name])[:RELATED]
        views[article.src_uri] = ArticleView(article.meta.cover, article.meta.translated,
                                             tuple(NewsItem(a.meta.title, a.src_uri, "") for a in related),
                                             tuple(groups[c].title for c in article.meta.categories))
    return views
