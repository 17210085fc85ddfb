"""The plans (data/plans/*.yml), what they implement (data/frameworks/*.yml), the bodies they name
(data/agencies.yml) and the progress reports on them (data/reports/*.yml)."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Union

from pydantic import Field, StringConstraints, model_validator

from .common import Due, FactName, NonEmpty, OptionalText, ReportedStatus, Slug, Source, Strict, Text, Website

# ---- data/agencies.yml

AgencyKind = Literal["government", "ministry", "committee", "provincial-department", "mass-organisation", "locality"]


class Successor(Strict):
    """Who took over a body that was renamed, merged or dissolved, from when, and on what authority."""

    agency: Slug | None = Field(None, description="Cơ quan tiếp nhận; để trống khi chưa rõ / the body that took over; empty while not known")
    date: Due = Field(description="Từ ngày (hoặc năm) / from this date (or year)")
    source: Source | None = Field(None, description="Văn bản hoặc địa chỉ nêu sự thay đổi / the document or address that says so")


class Agency(Strict):
    id: Slug
    name: Text
    short_name: Text
    kind: AgencyKind
    website: Website = ""
    contact: OptionalText = OptionalText()
    # Old reports and plans keep this body's id; pages name the successor beside it.
    successor: Successor | None = Field(None, description="Khi cơ quan được đổi tên, sáp nhập hoặc giải thể / when the body was renamed, merged or dissolved")


class Agencies(Strict):
    agencies: list[Agency] = Field(min_length=1)


# ---- data/frameworks/<id>.yml: what a plan carries out (a blueprint, a national strategy…)

class FrameworkPart(Strict):
    id: Slug
    title: Text


class Figure(Strict):
    """A published figure about the framework; hand-written pages use it as {{ <framework>.<figure> }}."""

    id: FactName
    value: Union[int, float]
    label: Text
    source: Source


class Framework(Strict):
    id: FactName = Field(description="Mã, như tên tệp / the id, as the file's name")
    title: Text
    part_name: Text = Field(description="Tên gọi một phần của khung, ví dụ 'đặc điểm' / what one part is called, e.g. 'characteristic'")
    parts: list[FrameworkPart] = Field(min_length=1)
    source: Source | None = Field(None, description="Nơi công bố khung, hiện cạnh phần của nhóm / where the framework is published, shown beside a group's part")
    figures: list[Figure] = []


# ---- data/plans/<id>.yml

class Issued(Strict):
    by: Slug = Field(description="Cơ quan ban hành / the issuing body")
    date: dt.date = Field(description="Ngày ban hành / the date of issue")


class LegalBasis(Strict):
    kind: Text = Field(description="Loại văn bản: Quyết định, Nghị quyết, Chỉ thị… / the kind of document: Decision, Resolution, Directive…")
    number: NonEmpty = Field(description="Số hiệu, ví dụ 161/QĐ-TTg / the document's number")
    date: dt.date = Field(description="Ngày ban hành / the date of issue")
    by: Slug = Field(description="Cơ quan ban hành / the issuing body")
    title: Text = Field(description="Trích yếu / the document's title")


class Period(Strict):
    start: dt.date = Field(description="Từ ngày / from")
    end: dt.date = Field(description="Đến ngày / to")

    @model_validator(mode="after")
    def in_order(self) -> Period:
        if self.end < self.start:
            raise ValueError("ngày kết thúc trước ngày bắt đầu / the period ends before it starts")
        return self


class Task(Strict):
    id: Slug = Field(description="Mã nhiệm vụ; chữ thường không dấu, nối bằng gạch ngang / the task's id")
    title: Text = Field(description="Tên nhiệm vụ / the task's title")
    description: OptionalText = Field(OptionalText(), description="Mô tả / a description")
    # Empty when the plan names no lead of its own for the task: the plan's standing agency leads the whole plan.
    lead: Slug | None = Field(None, description="Cơ quan chủ trì riêng của nhiệm vụ, chỉ khi văn bản nêu / the task's own lead, only where the source names one")
    partners: list[Slug] = Field([], description="Cơ quan phối hợp riêng của nhiệm vụ / the task's own partner bodies")
    start: dt.date | None = Field(None, description="Ngày bắt đầu / the start date")
    deadline: Due | None = Field(None, description="Thời hạn; ghi năm (2025) hoặc ngày (2025-12-31) / the deadline: a year or a date")
    expected_result: OptionalText = Field(OptionalText(), description="Kết quả dự kiến / the expected result")


class Group(Strict):
    id: Slug = Field(description="Mã nhóm / the group's id")
    # No number: a group that leads the others, listed first without a number (communication and education).
    number: int | None = Field(None, ge=1, le=99, description="Số thứ tự; để trống với nhóm dẫn đầu không đánh số / the group's number; empty for an unnumbered lead group")
    title: Text = Field(description="Tên nhóm / the group's title")
    summary: Text = Field(description="Một câu cho thẻ nhóm: nhóm này nghĩa là gì, không nhắc lại tên nhóm / one line for the group's card: what it means, not its title again")
    in_daily_life: OptionalText = Field(OptionalText(), description="Trên trang của nhóm: nhóm này nghĩa là gì trong đời sống, bằng lời dễ hiểu / on the group's page: what the group means in daily life, in plain words")
    framework_part: Slug | None = Field(None, description="Phần của khung mà nhóm này thực hiện / the part of the plan's framework this group carries out")
    tasks: list[Task] = Field([], description="Nhiệm vụ / the group's tasks")


class Milestone(Strict):
    date: Due = Field(description="Ngày (hoặc năm) / the date (or year)")
    title: Text = Field(description="Mốc / the milestone")
    source: Text = Field(description="Văn bản nêu mốc này / the document that sets it")
    url: Website = Field("", description="Địa chỉ công khai của văn bản hoặc bài nêu mốc này / a public address that says so")


class DateReading(Strict):
    """A date the plan does not write as a date: the site's reading of the plan's own words ("đến năm 2025" read
    as 31/12/2025). Pages then give the plan's words, and the date only marked as the site's reading."""

    date: dt.date = Field(description="Ngày trang hiểu / the date as the site reads it")
    stated: Text = Field(description="Lời của Kế hoạch, ví dụ 'năm 2025' / the plan's own words, e.g. '2025'")


class Coordination(Strict):
    """Bodies the plan asks to work with it on one matter (the source's words, not the site's)."""

    agencies: list[Slug] = Field(min_length=1, description="Các cơ quan được đề nghị phối hợp / the bodies asked to coordinate")
    on: Text = Field(description="Việc được đề nghị phối hợp / what they are asked to coordinate on")


class Organisation(Strict):
    standing_agency: Slug = Field(description="Cơ quan thường trực, chủ trì toàn bộ Kế hoạch / the standing agency, which leads the whole plan")
    partners: list[Slug] = Field([], description="Các cơ quan phối hợp thực hiện toàn bộ Kế hoạch / the bodies it works with on the whole plan")
    coordination: list[Coordination] = Field([], description="Các cơ quan được đề nghị phối hợp về một việc / bodies asked to coordinate on one matter")
    duties: list[Text] = Field(min_length=1, description="Nhiệm vụ tổ chức thực hiện / the duties")
    reports_to: list[Slug] = Field([], description="Báo cáo lên / reports to")


class SourceArticle(Strict):
    picture_credit: Text
    author_initials: NonEmpty


FolderPath = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*$")]


class PlanPages(Strict):
    """Where the plan's pages are, below each language's root."""

    plan: FolderPath = Field(description="Thư mục các trang Kế hoạch, ví dụ ke-hoach / folder of the plan's pages")
    tracker: FolderPath = Field(description="Thư mục các trang theo dõi, ví dụ theo-doi / folder of the tracker's pages")


class PlanNotes(Strict):
    """What the source does not say, in the site's words; each shows where it belongs, empty ones nowhere."""

    groups: OptionalText = Field(OptionalText(), description="Dưới danh sách nhóm / under the list of groups")
    tasks: OptionalText = Field(OptionalText(), description="Trên trang nhiệm vụ và ma trận trách nhiệm / on the tasks page and the matrix")
    group_tasks: OptionalText = Field(OptionalText(), description="Dưới nhiệm vụ của mỗi nhóm / under each group's tasks")
    results: OptionalText = Field(OptionalText(), description="Khi chưa có báo cáo / while there is no report")


class Plan(Strict):
    id: Slug = Field(description="Mã Kế hoạch, như tên tệp / the plan's id, as the file's name")
    title: Text = Field(description="Tên Kế hoạch / the plan's title")
    short_title: Text = Field(description="Tên ngắn cho menu / a short title for the menu")
    framework: FactName | None = Field(None, description="Khung được thực hiện (mã trong data/frameworks/) / what the plan carries out (an id in data/frameworks/)")
    issued: Issued = Field(description="Ban hành / issued")
    legal_basis: LegalBasis = Field(description="Căn cứ / the legal basis")
    period: Period = Field(description="Thời gian thực hiện / the period")
    superseded_by: Slug | None = Field(None, description="Kế hoạch thay thế (mã trong data/plans/) / the plan that replaced this one")
    pages: PlanPages | None = Field(None, description="Mặc định ke-hoach/<mã> và theo-doi/<mã> / default ke-hoach/<id> and theo-doi/<id>")
    aim: Text = Field(description="Mục đích / the aim")
    objectives_deadline: dt.date = Field(description="Hạn hoàn thành các mục tiêu / the objectives' deadline")
    objectives: list[Text] = Field(min_length=1, description="Mục tiêu / the objectives")
    groups: list[Group] = Field(min_length=1, description="Nhóm nội dung, giải pháp / the content and solution groups")
    # Tasks of the plan as a whole, outside any one group.
    common_tasks: list[Task] = Field([], description="Nhiệm vụ chung của cả Kế hoạch / tasks of the whole plan")
    # Dates set by later documents; the plan's own dates are shown on the timeline without being written twice.
    milestones: list[Milestone] = Field([], description="Mốc do văn bản sau đặt / dates set by later documents")
    # Which of the plan's own dates (period, objectives' deadline) are the site's reading of the plan's words.
    readings: list[DateReading] = Field([], description="Ngày do trang hiểu từ lời của Kế hoạch / dates the site reads from the plan's words")
    funding: list[Text] = Field(min_length=1, description="Kinh phí / funding")
    organisation: Organisation = Field(description="Tổ chức thực hiện / organisation")
    notes: PlanNotes = Field(PlanNotes(), description="Ghi chú của trang / the site's notes")
    source: SourceArticle | None = Field(None, description="Bài tin gốc / the source article")

    @property
    def folders(self) -> PlanPages:
        return self.pages or PlanPages(plan=f"ke-hoach/{self.id}", tracker=f"theo-doi/{self.id}")


# ---- data/reports/*.yml: one file per plan and reporting period

class Indicator(Strict):
    name: Text = Field(description="Tên chỉ số / the indicator's name")
    value: Union[int, float] = Field(description="Giá trị; con số / the figure")
    unit: Text = Field(description="Đơn vị / the unit")
    date: dt.date = Field(description="Ngày của số liệu / the figure's date")
    source: Text = Field(description="Nguồn số liệu / where the figure comes from")


class TaskReport(Strict):
    task: Slug = Field(description="Nhiệm vụ (mã trong kế hoạch) / the task (its id in the plan)")
    status: ReportedStatus = Field(description="Tình trạng / where the task stands")
    note: OptionalText = Field(OptionalText(), description="Ghi chú; không bắt buộc / a note, optional")
    indicators: list[Indicator] = Field([], description="Chỉ số; không bắt buộc / indicators, optional")


class Report(Strict):
    plan: Slug = Field(description="Kế hoạch được báo cáo (mã trong data/plans/) / the plan reported on")
    date: dt.date = Field(description="Ngày báo cáo / the report's date")
    agency: Slug = Field(description="Cơ quan báo cáo / the reporting body")
    period: Period = Field(description="Kỳ báo cáo / the reporting period")
    # The plan's final report: once recorded, the plan is closed.
    final: bool = Field(False, description="Báo cáo tổng kết Kế hoạch / the plan's final report")
    tasks: list[TaskReport] = Field(min_length=1, description="Tiến độ từng nhiệm vụ / progress of each task")
