"""Pages generated from data/campaigns.yml: the campaigns, each campaign, and the materials library."""
from __future__ import annotations

import datetime as dt
from html import escape

from .catalogue import section
from .languages import NAMES, date_text, relative_url, site_prefix
from .leaflet import leaflet_html
from .model import LANGUAGES, MATERIAL_TYPES, Campaign, CampaignEvent, CampaignMaterial, Language
from .markdown import group_label, group_path, link
from .sitedata import SiteData

CAMPAIGN_SOURCE = "data/campaigns.yml"
CAMPAIGNS = "chien-dich/index.md"
LIBRARY = "tai-lieu/index.md"
CALENDAR = "chien-dich/su-kien.ics"


def campaign_path(campaign: Campaign) -> str:
    return f"chien-dich/{campaign.id}.md"


def material_path(material: CampaignMaterial, language: Language) -> str | None:
    """Where the material's file is in a language's site, or None when it has no version in that language."""
    if material.generated:
        return f"tai-lieu/{material.id}.html"
    return material.files.get(language)


def campaign_navigation(data: SiteData) -> list[str]:
    return [CAMPAIGNS, *(campaign_path(c) for c in data.campaigns), LIBRARY]


def generated_materials(data: SiteData, language: Language) -> dict[str, str]:
    """The materials the build makes, in one language: site path -> file content."""
    return {material_path(m, language): leaflet_html(data, language, m.licence(language))
            for c in data.campaigns for m in c.materials if m.generated == "leaflet"}


def material_sizes(data: SiteData, files_size) -> dict[tuple[str, Language], int]:
    """Bytes of each material in each language; files_size(path) gives the size of a file under docs/."""
    sizes = {}
    for language in LANGUAGES:
        generated = generated_materials(data, language)
        for campaign in data.campaigns:
            for material in campaign.materials:
                path = material_path(material, language)
                if path:
                    sizes[(material.id, language)] = (len(generated[path].encode("utf-8")) if material.generated
                                                      else files_size(path))
    return sizes


def size_text(size: int) -> str:
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} B"


def front_matter(description: str, share: bool = False) -> str:
    clean = description.replace('"', "'")
    return f'---\nsource: {CAMPAIGN_SOURCE}\ndescription: "{clean}"\n' + ("share: true\n" if share else "") + "---\n\n"


def campaigns_page(data: SiteData, language: Language) -> str:
    words = section(language, "campaigns")
    items = "\n".join(f"- **[{c.title(language)}]({link(campaign_path(c), CAMPAIGNS)})**: {c.summary(language)}"
                      for c in data.campaigns) or words["no_campaigns"]
    return (front_matter(words["campaigns_intro"]) + f"# {words['campaigns']}\n\n{words['campaigns_intro']}\n\n"
            + items + f"\n\n[{words['library']}]({link(LIBRARY, CAMPAIGNS)})\n\n"
            + calendar_link(language, CAMPAIGNS) + "\n")


def calendar_link(language: Language, page: str) -> str:
    href = relative_url(CALENDAR, page_url(page))
    return f'<p><a href="{href}" type="text/calendar" download>{section(language, "campaigns")["calendar"]}</a></p>'


def page_url(src_uri: str) -> str:
    """The address of a generated page below its language's root ('chien-dich/index.md' -> 'chien-dich/')."""
    stem = src_uri.removesuffix(".md")
    return stem.removesuffix("index") if stem.endswith("index") else stem + "/"


def campaign_page(data: SiteData, campaign: Campaign, language: Language, sizes: dict) -> str:
    words, page = section(language, "campaigns"), campaign_path(campaign)
    groups = [data.group(g) for g in campaign.groups]
    materials = "\n".join(material_row(m, campaign, language, page, sizes) for m in campaign.materials)
    table = (f"| {words['materials']} | {words['type']} | {words['download']} | {words['licence']} |\n"
             f"| --- | --- | --- | --- |\n{materials}\n") if materials else words["no_materials"] + "\n"
    events = "\n".join(event_item(e, language) for e in campaign.events) or words["no_events"]
    return (
        front_matter(campaign.summary(language), share=True)
        + f"# {campaign.title(language)}\n\n{campaign.summary(language)}\n\n"
        + f"**{words['period']}:** {campaign.period(language)}\n\n"
        + list_section(words["messages"], [m(language) for m in campaign.key_messages])
        + list_section(words["audiences"], [a(language) for a in campaign.audiences])
        + list_section(words["channels"], [c(language) for c in campaign.channels])
        + list_section(words["groups"], [f"[{group_label(g, language)}: {g.title(language)}]({link(group_path(g), page)})"
                                    for g in groups])
        + f"## {words['materials']}\n\n{table}\n[{words['library']}]({link(LIBRARY, page)})\n\n"
        + f"## {words['events']}\n\n{events}\n\n" + calendar_link(language, page) + "\n"
    )


def list_section(title: str, items: list[str]) -> str:
    return f"## {title}\n\n" + "\n".join(f"- {item}" for item in items) + "\n\n"


def downloads(material: CampaignMaterial, language: Language, page: str, sizes: dict) -> list[str]:
    """Links to every language version of a material, this page's language first, each with its size."""
    here = site_prefix(language) + page_url(page)
    links = []
    for other in sorted(LANGUAGES, key=lambda lang: lang != language):
        path = material_path(material, other)
        if path:
            href = relative_url(site_prefix(other) + path, here)
            links.append(f'<a href="{href}" hreflang="{other}" download>{NAMES[other]}</a> '
                         f'({size_text(sizes[(material.id, other)])})')
    return links


def material_row(material: CampaignMaterial, campaign: Campaign, language: Language, page: str, sizes: dict) -> str:
    words = section(language, "campaigns")
    return (f"| **{material.title(language)}**<br>{material.description(language)} | {words[material.type]} | "
            f"{' · '.join(downloads(material, language, page, sizes))} | {material.licence(language)} |")


def event_item(event: CampaignEvent, language: Language) -> str:
    words = section(language, "campaigns")
    when = date_text(event.start, language)
    if isinstance(event.start, dt.datetime):
        when += event.start.strftime(" %H:%M")
    if event.end is not None:
        when += " – " + date_text(event.end, language)
    return (f"- **{event.title(language)}**: {when}. {words['where']}: {event.location(language)}. "
            f"{event.description(language)}")


def library_page(data: SiteData, language: Language, sizes: dict) -> str:
    """Every material, filterable by group and type: a few lines of site.js hide the rest; without
    JavaScript the filter stays hidden and the whole list shows."""
    words = section(language, "campaigns")
    group_options = "".join(f'<option value="{g.id}">{escape(group_label(g, language))}: {escape(g.title(language))}</option>'
                            for g in data.plan.groups)
    type_options = "".join(f'<option value="{t}">{escape(words[t])}</option>' for t in MATERIAL_TYPES)
    items = []
    for campaign in data.campaigns:
        for material in campaign.materials:
            groups = ", ".join(escape(group_label(data.group(g), language)) for g in material.groups)
            campaign_href = relative_url(page_url(campaign_path(campaign)), page_url(LIBRARY))
            items.append(
                f'<li class="material" data-type="{material.type}" data-groups="{" ".join(material.groups)}">\n'
                f"<h2>{escape(material.title(language))}</h2>\n<p>{escape(material.description(language))}</p>\n<dl>"
                f"<dt>{words['type']}</dt><dd>{escape(words[material.type])}</dd>"
                f"<dt>{words['download']}</dt><dd>{' · '.join(downloads(material, language, LIBRARY, sizes))}</dd>"
                f"<dt>{words['licence']}</dt><dd>{escape(material.licence(language))}</dd>"
                f"<dt>{section(language, 'campaigns')['groups']}</dt><dd>{groups}</dd>"
                f'<dt>{words["campaign"]}</dt><dd><a href="{campaign_href}">{escape(campaign.title(language))}</a></dd>'
                "</dl>\n</li>"
            )
    return (
        front_matter(words["library_intro"])
        + f"# {words['library']}\n\n{words['library_intro']}\n\n"
        + '<form class="materials-filter" hidden>\n'
        + f'<label>{words["filter_group"]} <select name="group"><option value="">{words["all"]}</option>{group_options}</select></label>\n'
        + f'<label>{words["filter_type"]} <select name="type"><option value="">{words["all"]}</option>{type_options}</select></label>\n'
        + "</form>\n\n"
        + '<ul class="materials">\n' + "\n".join(items) + "\n</ul>\n\n"
        + f'<p class="materials-empty" hidden>{words["none_match"]}</p>\n'
    )


def campaign_pages(data: SiteData, language: Language, sizes: dict) -> dict[str, str]:
    pages = {CAMPAIGNS: campaigns_page(data, language), LIBRARY: library_page(data, language, sizes)}
    for campaign in data.campaigns:
        pages[campaign_path(campaign)] = campaign_page(data, campaign, language, sizes)
    return pages
