"""The home page's timeline, drawn at build time as SVG: one row of statements by issue date,
one row per event at the dates statements give for it. Each point links to its page."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 720
LEFT = 150
RIGHT = 20
ROW = 34


@dataclass(frozen=True)
class Point:
    iso: str
    label: str
    href: str


def _year(iso: str) -> float:
    """A partial date as a fractional year, at the middle of what it names."""
    year = int(iso[:4])
    if len(iso) >= 7:
        month = int(iso[5:7])
        day = int(iso[8:10]) if len(iso) >= 10 else 15
        return year + (month - 1) / 12 + (day - 1) / 365
    return year + 0.5


def _short(label: str) -> str:
    """A row's label cut to fit the left margin; the whole label is its tooltip."""
    return label if len(label) <= 22 else label[:21] + "…"


def timeline(rows: list[tuple[str, list[Point]]]) -> Markup:
    """An SVG with one labelled row per (title, points); empty rows are left out."""
    rows = [(title, points) for title, points in rows if points]
    if not rows:
        return Markup("")
    years = [_year(p.iso) for _, points in rows for p in points]
    first, last = int(min(years)), int(max(years)) + 1
    span = max(last - first, 1)

    def x(iso: str) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * (_year(iso) - first) / span

    height = ROW * len(rows) + 30
    parts = [
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="timeline-title" xmlns="http://www.w3.org/2000/svg">',
        '<title id="timeline-title">Statements and the events they date, by year</title>',
    ]
    step = max(1, span // 8)
    for year in range(first, last + 1, step):
        pos = LEFT + (WIDTH - LEFT - RIGHT) * (year - first) / span
        parts.append(
            f'<line x1="{pos:.1f}" y1="10" x2="{pos:.1f}" y2="{height - 18}" class="grid"/>'
            f'<text x="{pos:.1f}" y="{height - 4}" class="year">{year}</text>'
        )
    for index, (title, points) in enumerate(rows):
        y = 22 + ROW * index
        short = _short(title)
        tip = f"<title>{escape(title)}</title>" if short != title else ""
        parts.append(f'<text x="4" y="{y + 4}" class="row">{escape(short)}{tip}</text>')
        for point in sorted(points, key=lambda p: (p.iso, p.href)):
            parts.append(
                f'<a href="{escape(point.href)}"><circle cx="{x(point.iso):.1f}" cy="{y}" r="6">'
                f"<title>{escape(point.iso)}: {escape(point.label)}</title></circle></a>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))
