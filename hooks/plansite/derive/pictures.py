"""Pictures drawn from the data as inline SVG: every position is worked out here, from dates and counts, and
the templates in templates/pictures/ only draw it. Each picture has its name in words (aria-label) and a text
alternative beside it, so nothing is said only by the drawing."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from plansite.render.catalogue import fill
from plansite.render.languages import date_text, list_text
from plansite.model import Language, Status
from plansite.load.sitedata import PlanScope
from plansite.derive.views import period_state, plan_day, plan_due
from plansite.render.paths import PlanPaths

# The drawing's own units (its viewBox): the width the timeline is laid out on.
TIMELINE_WIDTH = 320
# Room left and right of the first and last day, so their marks and labels stay inside the drawing.
TIMELINE_MARGIN = 16


@dataclass(frozen=True)
class TimelineMark:
    x: str
    date: str
    iso: str
    anchor: str   # its label's text-anchor: a label near either edge runs inwards, so none is cut off


@dataclass(frozen=True)
class Timeline:
    label: str          # what the picture shows, in words (its accessible name)
    period_x: str
    period_width: str
    start: TimelineMark
    end: TimelineMark
    today: TimelineMark


def timeline_x(day: dt.date, first: dt.date, last: dt.date) -> float:
    """Where a day falls between the first and the last day drawn, in the drawing's units."""
    span = (last - first).days or 1
    return TIMELINE_MARGIN + (TIMELINE_WIDTH - 2 * TIMELINE_MARGIN) * (day - first).days / span


def timeline(scope: PlanScope, language: Language, today: dt.date) -> Timeline:
    """The plan's period as a bar, and today marked, before, in or after it."""
    period = scope.plan.period
    first, last = min(period.start, today), max(period.end, today)

    def mark(day: dt.date, shown: str) -> TimelineMark:
        x = timeline_x(day, first, last)
        anchor = "start" if x < TIMELINE_WIDTH / 4 else "end" if x > TIMELINE_WIDTH * 3 / 4 else "middle"
        return TimelineMark(f"{x:.1f}", shown, day.isoformat(), anchor)

    # The plan's words for a date that is the site's reading of them ("năm 2025"), as on every other page.
    start, end = mark(period.start, plan_due(scope, period.start, language)), mark(period.end, plan_due(scope, period.end, language))
    today_mark = mark(today, date_text(today, language))
    state = period_state(period, today)
    label = fill(language, f"pictures.timeline_{state}", start=plan_day(scope, period.start, language),
                 end=plan_day(scope, period.end, language), today=today_mark.date)
    return Timeline(label, start.x, f"{float(end.x) - float(start.x):.1f}", start, end, today_mark)


@dataclass(frozen=True)
class GroupTile:
    number: str     # "" for an unnumbered group, drawn as a band across the top
    title: str
    x: int
    y: int
    path: str


@dataclass(frozen=True)
class GroupsPicture:
    label: str
    bands: list[GroupTile]
    tiles: list[GroupTile]
    height: int


GROUP_COLUMNS = 3
TILE, GAP, BAND = 96, 8, 40


def groups_picture(scope: PlanScope, language: Language) -> GroupsPicture:
    """Unnumbered groups (communication and education) as bands across the top, the numbered groups as tiles
    below, three to a row, in the plan's order."""
    paths = PlanPaths(scope.plan)
    unnumbered = [g for g in scope.plan.groups if g.number is None]
    numbered = [g for g in scope.plan.groups if g.number is not None]
    bands = [GroupTile("", g.title(language), 0, i * (BAND + GAP), paths.group(g)) for i, g in enumerate(unnumbered)]
    top = len(bands) * (BAND + GAP)
    tiles = [GroupTile(str(g.number), g.title(language), (i % GROUP_COLUMNS) * (TILE + GAP),
                       top + (i // GROUP_COLUMNS) * (TILE // 2 + GAP), paths.group(g)) for i, g in enumerate(numbered)]
    rows = -(-len(tiles) // GROUP_COLUMNS)
    # Said only of what the plan has: unnumbered groups, numbered ones, or both.
    key = "pictures.groups" if bands and tiles else "plan_shapes.groups_unnumbered" if bands else "plan_shapes.groups_numbered"
    label = fill(language, key, unnumbered=list_text([b.title for b in bands], language), n=len(tiles))
    return GroupsPicture(label, bands, tiles, top + rows * (TILE // 2 + GAP))


@dataclass(frozen=True)
class TaskSquare:
    x: int
    y: int
    status: Status
    title: str       # the task and its state, in words (each square's own <title>)


@dataclass(frozen=True)
class TaskSquares:
    label: str
    squares: list[TaskSquare]
    width: int
    height: int


SQUARE, SQUARE_GAP, SQUARES_PER_ROW = 20, 4, 12


def task_squares(titles_and_states: list[tuple[str, Status, str]], label: str) -> TaskSquares:
    """One square per task, in the plan's order, coloured by its state; (title, status, state in words)."""
    squares = [TaskSquare((i % SQUARES_PER_ROW) * (SQUARE + SQUARE_GAP), (i // SQUARES_PER_ROW) * (SQUARE + SQUARE_GAP),
                          status, f"{title}: {words}") for i, (title, status, words) in enumerate(titles_and_states)]
    columns = min(len(squares), SQUARES_PER_ROW) or 1
    rows = -(-len(squares) // SQUARES_PER_ROW) or 1
    return TaskSquares(label, squares, columns * (SQUARE + SQUARE_GAP) - SQUARE_GAP, rows * (SQUARE + SQUARE_GAP) - SQUARE_GAP)
