"""Pages generated from data/campaigns.yml, from templates/campaigns/: the campaigns, each campaign, and the
materials library; and the materials the build makes itself.

Every plan has a printable leaflet made from its data (`plan_leaflet`), listed in the library whether or not a
campaign is recorded: a campaign is data only when a public source says it happened, a leaflet of the plan's
own facts is the site's. Its licence is the site's one statement (open_data_licence in data/site.yml)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from plansite.render.catalogue import fill, text
from plansite.render.languages import NAMES, date_text, relative_url, site_prefix
from plansite.render.leaflet import leaflet_html
from plansite.model import LANGUAGES, MATERIAL_TYPES, Campaign, CampaignEvent, CampaignMaterial, Language, Text
from plansite.render.paths import OPEN_DATA, PlanPaths, page_url
from plansite.load.sitedata import PlanScope, SiteData
from plansite.render.templates import render
from plansite.derive.views import campaign_state, group_heading, group_label

CAMPAIGN_SOURCE = "data/campaigns.yml"
CAMPAIGNS = "chien-dich/index.md"
LIBRARY = "tai-lieu/index.md"
CALENDAR = "chien-dich/su-kien.ics"


@dataclass(frozen=True)
class GroupRef:
    id: str
    label: str
    heading: str
    title: str
    path: str


@dataclass(frozen=True)
class Download:
    language: Language
    name: str
    href: str    # from the page it is listed on; the other language's file is outside this build
    size: str


@dataclass(frozen=True)
class MaterialView:
    type: str
    title: str
    description: str
    licence: str
    licence_path: str   # the site's licence statement, for a material made from the site's data
    groups: list[str]
    group_labels: list[str]
    campaign: str       # "" for a plan's own leaflet
    campaign_path: str
    downloads: list[Download]


def campaign_path(campaign: Campaign) -> str:
    return f"chien-dich/{campaign.id}.md"


def material_path(material: CampaignMaterial, language: Language) -> str | None:
    """Where the material's file is in a language's site, or None when it has no version in that language."""
    if material.generated:
        return f"tai-lieu/{material.id}.html"
    return material.files.get(language)


def campaign_navigation(data: SiteData) -> list[str]:
    """The campaigns in the menu once one is recorded; the library always (it holds every plan's leaflet)."""
    return [CAMPAIGNS, *(campaign_path(c) for c in data.campaigns), LIBRARY] if data.campaigns else [LIBRARY]


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


def generated_materials(data: SiteData, language: Language, root_url: str, today: dt.date) -> dict[str, str]:
    """The materials the build makes, in one language: site path -> file content. A leaflet presents the
    plan of the first group it serves; root_url is the whole site's address, which its QR code leads to."""
    return {material_path(m, language): leaflet_html(data.group_scope(m.groups[0]), language, m.licence(language),
                                                     root_url, today)
            for m, _ in all_materials(data) if m.generated == "leaflet"}


def material_sizes(data: SiteData, files_size, root_url: str, today: dt.date) -> dict[tuple[str, Language], int]:
    """Bytes of each material in each language; files_size(path) gives the size of a file under docs/."""
    sizes = {}
    for language in LANGUAGES:
        generated = generated_materials(data, language, root_url, today)
        for material, _ in all_materials(data):
            path = material_path(material, language)
            if path:
                sizes[(material.id, language)] = (len(generated[path].encode("utf-8")) if material.generated
                                                  else files_size(path))
    return sizes


def size_text(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} B"


def group_ref(data: SiteData, group_id: str, language: Language) -> GroupRef:
    group, scope = data.group(group_id), data.group_scope(group_id)
    return GroupRef(group.id, group_label(group, language), group_heading(group, language), group.title(language), PlanPaths(scope.plan).group(group))


def downloads(material: CampaignMaterial, language: Language, page: str, sizes: dict) -> list[Download]:
    """Every language version of a material, this page's language first, each with its size."""
    here = site_prefix(language) + page_url(page)
    found = []
    for other in sorted(LANGUAGES, key=lambda lang: lang != language):
        path = material_path(material, other)
        if path:
            found.append(Download(other, NAMES[other], relative_url(site_prefix(other) + path, here),
                                  size_text(sizes[(material.id, other)])))
    return found


def material_view(data: SiteData, material: CampaignMaterial, campaign: Campaign | None, language: Language, page: str,
                  sizes: dict) -> MaterialView:
    return MaterialView(material.type, material.title(language), material.description(language),
                        material.licence(language), "" if campaign else OPEN_DATA, material.groups,
                        [group_label(data.group(g), language) for g in material.groups],
                        campaign.title(language) if campaign else "", campaign_path(campaign) if campaign else "",
                        downloads(material, language, page, sizes))


def when_text(event: CampaignEvent, language: Language) -> str:
    when = date_text(event.start, language)
    if isinstance(event.start, dt.datetime):
        when += event.start.strftime(" %H:%M")
    if event.end is not None:
        when += " – " + date_text(event.end, language)
    return when


def period_text(campaign: Campaign, language: Language, today: dt.date) -> str:
    """"Từ ngày 22/7/2021 đến ngày 31/12/2025 (đã kết thúc)": the dates, and where they stand on the day of the build."""
    return text(language, f"campaigns.period_{campaign_state(campaign, today)}").format(
        start=date_text(campaign.period.start, language), end=date_text(campaign.period.end, language))


def campaign_summary(campaign: Campaign, language: Language, today: dt.date) -> dict:
    """A campaign where another page shows it (the home page, its groups' pages): title, link, period, messages."""
    return dict(title=campaign.title(language), path=campaign_path(campaign), period=period_text(campaign, language, today),
                messages=[m(language) for m in campaign.key_messages])


def campaign_pages(data: SiteData, language: Language, sizes: dict, today: dt.date) -> dict[str, str]:
    common = dict(source=CAMPAIGN_SOURCE, library=LIBRARY, calendar=CALENDAR)
    listed = [dict(title=c.title(language), summary=c.summary(language), path=campaign_path(c),
                   period=period_text(c, language, today)) for c in data.campaigns]
    all_groups = [group_ref(data, g.id, language) for g in data.groups()]
    materials = [material_view(data, m, c, language, LIBRARY, sizes) for m, c in all_materials(data)]
    pages = {LIBRARY: render("campaigns/library.md", language, LIBRARY, **common, groups=all_groups,
                             types=MATERIAL_TYPES, materials=materials)}
    if data.campaigns:  # no page to say there is none: the menu leads to the library only (campaign_navigation)
        pages[CAMPAIGNS] = render("campaigns/index.md", language, CAMPAIGNS, **common, campaigns=listed)
    for campaign in data.campaigns:
        page = campaign_path(campaign)
        events = [dict(title=e.title(language), when=when_text(e, language), location=e.location(language),
                       description=e.description(language)) for e in campaign.events]
        pages[page] = render("campaigns/campaign.md", language, page, **common, campaign=campaign,
                             period=period_text(campaign, language, today), state=campaign_state(campaign, today),
                             groups=[group_ref(data, g, language) for g in campaign.groups],
                             materials=[material_view(data, m, campaign, language, page, sizes) for m in campaign.materials],
                             events=events)
    return pages
