"""The tracker's pages, from templates/tracker/: per plan a dashboard, the tasks, the responsibility matrix
and the timeline; for the whole site the agency directory and a page per agency."""
from __future__ import annotations

from plansite.derive.site_view import AgencyView, PlanView, SiteView
from plansite.model import STATUSES, Language
from plansite.render.catalogue import section, text
from plansite.render.paths import AGENCIES
from plansite.render.templates import render

AGENCIES_SOURCE = "data/agencies.yml"
REPORTS_SOURCE = "data/reports/README.md"


def counts_head(language: Language):
    """The column headers of a counts table, after its first column's."""
    labels = [section(language, "statuses")[s] for s in STATUSES]
    return lambda first: [first, *labels, text(language, "tracker.total"), text(language, "tracker.chart")]


def tracker_pages(site: SiteView, plan: PlanView) -> dict[str, str]:
    """Every tracker page of one plan: source path -> Markdown."""
    language, paths = site.language, plan.paths
    common = dict(plan=plan, paths=paths, source=plan.source, state=plan.state, note=plan.notes.tasks(language),
                  label=plan.label, footer=plan.footer, head=counts_head(language),
                  responsibilities=plan.responsibilities)
    history_head = [text(language, f"tracker.{key}") for key in ("report_date", "period", "reporter", "status", "note", "indicators")]
    return {
        paths.dashboard: render("tracker/dashboard.md", language, paths.dashboard, **{**common, "source": REPORTS_SOURCE},
                                **plan.dashboard.__dict__),
        paths.tasks: render("tracker/tasks.md", language, paths.tasks, **common, groups=plan.task_sections,
                            history_head=history_head),
        paths.matrix: render("tracker/matrix.md", language, paths.matrix, **common, agencies=plan.matrix.agencies,
                             rows=plan.matrix.rows),
        paths.timeline: render("tracker/timeline.md", language, paths.timeline, **common, **plan.timeline.__dict__),
    }


def agency_pages(site: SiteView) -> dict[str, str]:
    """The directory, and a page for each agency with more to say than its directory entry."""
    language = site.language
    # No body's website or contact recorded: the page of unknowns says why, when it has an entry on contacts.
    pages = {AGENCIES: render("tracker/directory.md", language, AGENCIES, source=AGENCIES_SOURCE,
                              entries=list(site.agencies.values()), contact_unknown=site.contact_unknown)}
    for agency in site.agencies.values():
        if agency.has_page:
            pages[agency.ref.path] = agency_page(site, agency)
    return pages


def agency_page(site: SiteView, agency: AgencyView) -> str:
    return render("tracker/agency.md", site.language, agency.ref.path, source=AGENCIES_SOURCE, agency=agency.agency,
                  holder=agency.holder, predecessors=agency.predecessors, other_roles=agency.other_roles,
                  led=agency.led, joined=agency.joined, inherited=agency.inherited, head=counts_head(site.language), counts=agency.counts,
                  sent=agency.sent)
