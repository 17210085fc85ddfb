"""HTML pieces inside the generated Markdown: accessible tables and status bars with a text alternative."""
from __future__ import annotations

from html import escape

from .catalogue import section
from .model import STATUSES, Language, Status
from .progress import Counts


def html_table(caption: str, head: list[str], rows: list[tuple[str, list[str]]], css_class: str = "") -> str:
    """A table with a caption, column headers and a header cell per row; cells are HTML already.

    The class goes on the wrapper: Material styles only tables without a class of their own."""
    lines = [f'<div class="{f"table-scroll {css_class}".strip()}" tabindex="0" role="region" aria-label="{escape(caption)}">',
             "<table>", f"<caption>{escape(caption)}</caption>", "<thead>", "<tr>",
             *(f'<th scope="col">{cell}</th>' for cell in head), "</tr>", "</thead>", "<tbody>"]
    for header, cells in rows:
        lines.append("<tr>" + f'<th scope="row">{header}</th>' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return "\n".join([*lines, "</tbody>", "</table>", "</div>"]) + "\n"


def counts_text(counts: Counts, language: Language) -> str:
    """The bar's text alternative: "2 nhiệm vụ: Hoàn thành 1, Chậm tiến độ 1"."""
    parts = [f"{section(language, 'statuses')[status]} {n}" for status, n in counts.items() if n]
    total = section(language, "groups")["task_count"].format(n=sum(counts.values()))
    return f"{total}: {', '.join(parts)}" if parts else total


def status_bar(counts: Counts, language: Language, label: str) -> str:
    """A stacked bar, one part per status, read out as its label and counts.

    Inline SVG, so the widths are attributes: the Content-Security-Policy allows no inline style."""
    total = sum(counts.values())
    alt = escape(f"{label}: {counts_text(counts, language)}")
    parts, start = [], 0.0
    for status, n in counts.items():
        if n:
            width = 100 * n / total
            parts.append(f'<rect class="status-bar__part status--{status}" x="{start:.2f}" width="{width:.2f}" height="1"/>')
            start += width
    return (f'<svg class="status-bar" role="img" aria-label="{alt}" viewBox="0 0 100 1" preserveAspectRatio="none">'
            f'{"".join(parts)}</svg>')


def status_badge(status: Status, language: Language) -> str:
    return f'<span class="status-badge status--{status}">{escape(section(language, "statuses")[status])}</span>'


def status_legend(language: Language) -> str:
    """Colours to names; the bars also carry the same words as text."""
    items = "".join(f'<li><span class="status-swatch status--{s}" aria-hidden="true"></span>'
                    f"{escape(section(language, 'statuses')[s])}</li>" for s in STATUSES)
    return f'<ul class="status-legend">{items}</ul>\n'


def counts_cells(counts: Counts, language: Language, label: str) -> list[str]:
    """One table row's cells: a count per status, the total, and the bar."""
    return [*(str(n) for n in counts.values()), str(sum(counts.values())), status_bar(counts, language, label)]
