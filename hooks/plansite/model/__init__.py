"""Typed models of the data files: what each file may hold, checked field by field.

Each model also gives the JSON Schema that editors and the CMS read (plansite.schemas); what each field means
is said in the catalogue (locales/<language>.yml, `fields.<Model>.<field>`), and a model's own rule names its
message there (`refused`)."""
from .campaigns import (AssetPath, Author, Authors, Campaign, CampaignEvent, CampaignMaterial, Campaigns,
                        MATERIAL_TYPES, MaterialType)
from .common import (LANGUAGES, NO_REPORT, STATUSES, Due, FactName, Language, NonEmpty, OptionalText, RepoPath,
                     ReportedStatus, Slug, Source, Status, Strict, Text, Website, inside_repository, refused)
from .pages import ArticleMeta, Cover, FrontMatter, SearchSettings
from .plan import (Agencies, Agency, AgencyKind, Coordination, Figure, Framework, FrameworkPart, Group, Indicator, Issued,
                   DateReading, LegalBasis, Milestone, Objective, Organisation, Period, Plan, PlanNotes, PlanPages, Report,
                   SourceArticle, Successor, Target, Task, TaskReport)
from .site import Licence, NavEntry, NavPage, NavSection, ProvinceReorganisation, Repository, Site

# Which model checks which file in data/, and which model each file of a folder.
DATA_FILES: dict[str, type[Strict]] = {
    "site.yml": Site,
    "agencies.yml": Agencies,
    "authors.yml": Authors,
    "campaigns.yml": Campaigns,
}
PLANS_FOLDER, FRAMEWORKS_FOLDER, REPORTS_FOLDER = "plans", "frameworks", "reports"
DATA_FOLDERS: dict[str, type[Strict]] = {
    PLANS_FOLDER: Plan,
    FRAMEWORKS_FOLDER: Framework,
    REPORTS_FOLDER: Report,
}
