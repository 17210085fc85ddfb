"""Where each generated page lives, as a source path below a language's docs folder, and links between them.

A plan's pages sit in the folders its data names (`pages:`); the agency pages and the open data are the
site's, shared by every plan."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass

from plansite.render.languages import relative_url
from plansite.model import Campaign, Group, Plan

AGENCIES = "theo-doi/co-quan/index.md"
OPEN_DATA = "theo-doi/du-lieu-mo.md"
# The page of what the site does not have yet (plansite.derive.unknowns).
UNKNOWNS = "thong-tin-chua-co.md"


@dataclass(frozen=True)
class PlanPaths:
    """A plan's pages: its own (overview, groups, funding, organisation) and its tracker's."""

    plan: Plan

    def _page(self, folder: str, name: str) -> str:
        return f"{getattr(self.plan.folders, folder)}/{name}"

    overview = property(lambda self: self._page("plan", "index.md"))
    funding = property(lambda self: self._page("plan", "kinh-phi.md"))
    organisation = property(lambda self: self._page("plan", "to-chuc-thuc-hien.md"))
    dashboard = property(lambda self: self._page("tracker", "index.md"))
    tasks = property(lambda self: self._page("tracker", "nhiem-vu.md"))
    matrix = property(lambda self: self._page("tracker", "trach-nhiem.md"))
    timeline = property(lambda self: self._page("tracker", "moc-thoi-gian.md"))

    def group(self, group: Group) -> str:
        return self._page("plan", f"{group.id}.md")

    def plan_pages(self) -> list[str]:
        """The plan's pages in reading order."""
        return [self.overview, *(self.group(g) for g in self.plan.groups), self.funding, self.organisation]

    def tracker_pages(self) -> list[str]:
        return [self.dashboard, self.tasks, self.matrix, self.timeline]


def agency_path(agency_id: str) -> str:
    return f"theo-doi/co-quan/{agency_id}.md"


def campaign_path(campaign: Campaign) -> str:
    return f"chien-dich/{campaign.id}.md"


def link(target: str, page: str) -> str:
    """A Markdown link target from page to target, both source paths."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def page_url(src_uri: str) -> str:
    """The address of a page below its language's root (the site uses directory URLs)."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def href(target: str, page: str) -> str:
    """A link for raw HTML, which MkDocs leaves alone: from page to target, both source paths."""
    return relative_url(page_url(target) if target.endswith(".md") else target, page_url(page))
