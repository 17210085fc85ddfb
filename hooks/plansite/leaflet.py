"""A printable one-page leaflet of the plan's ten groups, made from data/plan.yml in one language.

A standalone HTML file with its own print styles (A4, one page) and no outside requests (an empty icon, so a
browser asks for no /favicon.ico), so it can be downloaded, opened offline, printed or saved as PDF from any
browser. Its inline style is allowed by its hash in deploy/nginx/http.conf (`make csp-hashes`)."""
from __future__ import annotations

from html import escape

from .model import Language
from .markdown import group_label
from .plan_pages import WORDS as PLAN_WORDS, issued_text
from .sitedata import SiteData

WORDS: dict[Language, dict[str, str]] = {
    "vi": {"kicker": "Tờ rơi", "standing": "Cơ quan thường trực", "print": "In tờ rơi này: Ctrl+P (hoặc ⌘P), khổ A4."},
    "en": {"kicker": "Leaflet", "standing": "Standing agency", "print": "To print this leaflet: Ctrl+P (or ⌘P), A4 paper."},
}

STYLE = """
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 186mm; font: 10pt/1.35 "DejaVu Sans", Arial, sans-serif; color: #1a1a1a; }
header { border-bottom: 3px solid #3f51b5; margin-bottom: 4mm; }
.kicker { text-transform: uppercase; letter-spacing: .08em; color: #3f51b5; font-size: 8pt; margin: 0; }
h1 { font-size: 15pt; margin: 1mm 0 2mm; }
h2 { font-size: 11pt; margin: 4mm 0 1.5mm; color: #3f51b5; }
p { margin: 0 0 2mm; }
ol { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: 1fr 1fr; gap: 2mm; }
li { border: 1px solid #c5cae9; border-radius: 2mm; padding: 2mm 2.5mm; break-inside: avoid; }
li b { display: block; color: #283593; }
ul { margin: 0; padding-left: 5mm; }
footer { margin-top: 4mm; border-top: 1px solid #c5cae9; padding-top: 2mm; font-size: 8pt; color: #555; }
.screen-only { background: #e8eaf6; padding: 2mm 3mm; border-radius: 2mm; }
@media print { .screen-only { display: none; } }
"""


def leaflet_html(data: SiteData, language: Language, licence: str) -> str:
    plan, words, plan_words = data.plan, WORDS[language], PLAN_WORDS[language]
    standing = data.agency(plan.organisation.standing_agency).name(language)
    groups = "\n".join(
        f"<li><b>{escape(group_label(g, language))}: {escape(g.title(language))}</b>{escape(g.summary(language))}</li>"
        for g in plan.groups
    )
    funding = "\n".join(f"<li>{escape(source(language))}</li>" for source in plan.funding)
    return f"""<!doctype html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{escape(words["kicker"])}: {escape(plan_words["groups"])}</title>
<link rel="icon" href="data:,">
<style>{STYLE}</style>
</head>
<body>
<header>
<p class="kicker">{escape(words["kicker"])} · {escape(data.site.name(language))}</p>
<h1>{escape(plan_words["groups"])}</h1>
<p>{escape(plan.title(language))}. {escape(issued_text(data, language))}.</p>
</header>
<p class="screen-only">{escape(words["print"])}</p>
<h2>{escape(plan_words["aim"])}</h2>
<p>{escape(plan.aim(language))}</p>
<h2>{escape(plan_words["groups"])}</h2>
<ol>
{groups}
</ol>
<h2>{escape(plan_words["funding"])}</h2>
<ul>
{funding}
</ul>
<h2>{escape(words["standing"])}</h2>
<p>{escape(standing)}</p>
<footer>{escape(licence)}</footer>
</body>
</html>
"""
