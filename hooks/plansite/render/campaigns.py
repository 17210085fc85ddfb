"""Pages generated from data/campaigns.yml, from templates/campaigns/: the campaigns, each campaign, and the
materials library; and the materials the build makes itself."""
from __future__ import annotations

import dataclasses

from plansite.derive.site_view import CampaignView, Download, MaterialView, SiteView
from plansite.model import LANGUAGES, MATERIAL_TYPES, CampaignMaterial, Language
from plansite.render.languages import NAMES, relative_url, site_prefix
from plansite.render.leaflet import leaflet_html
from plansite.render.paths import page_url
from plansite.render.templates import render

CAMPAIGN_SOURCE = "data/campaigns.yml"
CAMPAIGNS = "chien-dich/index.md"
LIBRARY = "tai-lieu/index.md"
CALENDAR = "chien-dich/su-kien.ics"


def material_path(material: CampaignMaterial, language: Language) -> str | None:
    """Where the material's file is in a language's site, or None when it has no version in that language."""
    if material.generated:
        return f"tai-lieu/{material.id}.html"
    return material.files.get(language)


def campaign_navigation(site: SiteView) -> list[str]:
    """The campaigns in the menu once one is recorded; the library always (it holds every plan's leaflet)."""
    return [CAMPAIGNS, *(c.path for c in site.campaigns), LIBRARY] if site.campaigns else [LIBRARY]


def generated_materials(site: SiteView, root_url: str) -> dict[str, str]:
    """The materials the build makes, in the view's language: site path -> file content. A leaflet presents its
    plan; root_url is the whole site's address, which its QR code leads to."""
    return {material_path(m.material, site.language): leaflet_html(site, site.plan(m.plan_id), m.licence, root_url)
            for m in site.materials if m.material.generated == "leaflet"}


def material_sizes(views: dict[Language, SiteView], files_size, root_url: str, served_size) -> dict[tuple[str, Language], int]:
    """Bytes of each material in each language; files_size(path) gives the size of a file under docs/,
    served_size(address, content) that of a generated file as the site serves it."""
    sizes = {}
    for language, site in views.items():
        generated = generated_materials(site, root_url)
        for material in site.materials:
            path = material_path(material.material, language)
            if path:
                sizes[(material.material.id, language)] = (served_size(site_prefix(language) + path, generated[path])
                                                           if material.material.generated else files_size(path))
    return sizes


def size_text(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} B"


def downloads(material: CampaignMaterial, language: Language, page: str, sizes: dict) -> tuple[Download, ...]:
    """Every language version of a material, this page's language first, each with its size."""
    here = site_prefix(language) + page_url(page)
    found = []
    for other in sorted(LANGUAGES, key=lambda lang: lang != language):
        path = material_path(material, other)
        if path:
            found.append(Download(other, NAMES[other], relative_url(site_prefix(other) + path, here),
                                  size_text(sizes[(material.id, other)])))
    return tuple(found)


def listed(material: MaterialView, language: Language, page: str, sizes: dict) -> MaterialView:
    """The material with its downloads as linked from this page."""
    return dataclasses.replace(material, downloads=downloads(material.material, language, page, sizes))


def campaign_pages(site: SiteView, sizes: dict) -> dict[str, str]:
    language = site.language
    common = dict(source=CAMPAIGN_SOURCE, library=LIBRARY, calendar=CALENDAR)
    materials = [listed(m, language, LIBRARY, sizes) for m in site.materials]
    pages = {LIBRARY: render("campaigns/library.md", language, LIBRARY, **common, groups=list(site.groups.values()),
                             types=MATERIAL_TYPES, materials=materials)}
    if site.campaigns:  # no page to say there is none: the menu leads to the library only (campaign_navigation)
        pages[CAMPAIGNS] = render("campaigns/index.md", language, CAMPAIGNS, **common, campaigns=site.campaigns)
    for campaign in site.campaigns:
        pages[campaign.path] = campaign_page(site, campaign, sizes, common)
    return pages


def campaign_page(site: SiteView, campaign: CampaignView, sizes: dict, common: dict) -> str:
    return render("campaigns/campaign.md", site.language, campaign.path, **common, campaign=campaign.campaign,
                  plan=dict(title=campaign.plan_title, path=campaign.plan_path), period=campaign.period,
                  state=campaign.state, groups=campaign.groups,
                  materials=[listed(m, site.language, campaign.path, sizes) for m in campaign.materials],
                  events=campaign.events)
