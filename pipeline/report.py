"""out/report.html: one self-contained page on what a run extracted.

No script, no network, no timestamp: the page is the same bytes for the
same input. The chart is inline SVG.
"""

import datetime as dt
import json
from collections import Counter, defaultdict
from html import escape
from pathlib import Path
from typing import Any

from pipeline.figures import summary_figures

# Colours of the kinds in the chart, and of documents not classified.
KIND_COLOURS = {
    "notice": "#4e79a7", "order": "#e15759", "directory": "#59a14f",
    "policy_list": "#f28e2b", "all": "#76b7b2",
}
BAR_WIDTH, CHART_HEIGHT, UNIT = 18, 180, 12


def render(documents: list[Any], warnings: list[Any],
           counts: dict[str, int], roles: Counter[str],
           tables: list[Any], golden: Path | None) -> str:
    """The whole page."""
    latest = [d for d in documents if getattr(d, "is_latest", True)]
    sections = [
        _summary(documents, latest, counts),
        _chart(latest),
        _warnings(warnings, documents),
        _tables(tables, documents),
        _golden(summary_figures(documents, warnings, counts, roles), golden),
    ]
    return _page("Extraction report", "\n".join(sections))


def write_report(folder: Path, html: str) -> None:
    (folder / "report.html").write_text(html, encoding="utf-8")


def _page(title: str, body: str) -> str:
    style = (
        "body{font-family:sans-serif;margin:2em;max-width:70em}"
        "table{border-collapse:collapse;margin:1em 0}"
        "td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;"
        "vertical-align:top}th{background:#f4f4f4}"
        ".differs{background:#fde2e2}.legend span{margin-right:1em}"
    )
    return (
        "<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n"
        "<meta charset=\"utf-8\"/>\n"
        f"<title>{escape(title)}</title>\n<style>{style}</style>\n"
        f"</head>\n<body>\n<h1>{escape(title)}</h1>\n{body}\n</body>\n"
        "</html>\n"
    )


def _summary(documents: list[Any], latest: list[Any],
             counts: dict[str, int]) -> str:
    rows = "".join(
        f"<tr><td>{escape(name)}</td><td>{n}</td></tr>"
        for name, n in sorted(counts.items())
    )
    return (
        "<h2>Datasets (rows of all documents)</h2>\n"
        f"<p>{len(documents)} documents, of which {len(latest)} are the "
        "latest edition of their series; figures below count the latest "
        "editions unless they say otherwise.</p>\n"
        f"<table id=\"datasets\"><tr><th>dataset</th><th>rows</th></tr>"
        f"{rows}</table>"
    )


def _chart(documents: list[Any]) -> str:
    """Documents per listing day, stacked by kind, as an SVG bar chart."""
    per_day: dict[dt.date, Counter[str]] = defaultdict(Counter)
    for d in documents:
        if d.publish_date is not None:
            per_day[d.publish_date][getattr(d, "kind", "all")] += 1
    if not per_day:
        return ("<h2>Documents per day (latest editions)</h2>\n"
                "<p>No dated document.</p>")
    first, last = min(per_day), max(per_day)
    days = [first + dt.timedelta(n) for n in range((last - first).days + 1)]
    bars = [_bar(i, day, per_day[day]) for i, day in enumerate(days)]
    width = len(days) * (BAR_WIDTH + 4) + 40
    legend = "".join(
        f"<span style=\"color:{colour}\">&#9632; {escape(kind)}</span>"
        for kind, colour in KIND_COLOURS.items()
        if any(kind in c for c in per_day.values())
    )
    return (
        "<h2>Documents per day, by kind (latest editions)</h2>\n"
        f"<svg id=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" "
        f"width=\"{width}\" height=\"{CHART_HEIGHT + 40}\" role=\"img\">"
        f"{''.join(bars)}</svg>\n<p class=\"legend\">{legend}</p>"
    )


def _bar(index: int, day: dt.date, kinds: Counter[str]) -> str:
    x = 30 + index * (BAR_WIDTH + 4)
    top = CHART_HEIGHT
    parts = []
    for kind in KIND_COLOURS:
        if not kinds[kind]:
            continue
        height = kinds[kind] * UNIT
        top -= height
        parts.append(
            f"<rect x=\"{x}\" y=\"{top}\" width=\"{BAR_WIDTH}\" "
            f"height=\"{height}\" fill=\"{KIND_COLOURS[kind]}\">"
            f"<title>{day} {escape(kind)}: {kinds[kind]}</title></rect>"
        )
    label = f"{day.day:02d}"
    parts.append(
        f"<text x=\"{x + 2}\" y=\"{CHART_HEIGHT + 14}\" "
        f"font-size=\"10\">{label}</text>"
    )
    return "".join(parts)


def _warnings(warnings: list[Any], documents: list[Any]) -> str:
    titles = {d.doc_id: d.title for d in documents}
    by_code: dict[str, list[Any]] = defaultdict(list)
    for record in warnings:
        by_code[record.code].append(record)
    rows = "".join(
        f"<tr><td>{escape(code)}</td><td>{len(found)}</td><td>"
        + "<br/>".join(_concerned(found, titles)) + "</td></tr>"
        for code, found in sorted(by_code.items())
    )
    return (
        "<h2>Warnings by code (all documents)</h2>\n"
        "<table id=\"warnings\"><tr><th>code</th><th>warnings</th>"
        f"<th>documents concerned</th></tr>{rows}</table>"
    )


def _concerned(found: list[Any], titles: dict[str, str]) -> list[str]:
    """Each document a code concerns, once, with its first raw line."""
    first: dict[str, int] = {}
    for record in found:
        key = record.doc_id or f"({record.source})"
        first.setdefault(key, record.line)
    return [
        f"{escape(key)} line {line} {escape(titles.get(key, ''))}"
        for key, line in first.items()
    ]


def _tables(tables: list[Any], documents: list[Any]) -> str:
    titles = {d.doc_id: d.title for d in documents}
    rows = "".join(
        f"<tr><td>{escape(t.table_id)}</td>"
        f"<td>{escape(titles.get(t.doc_id, ''))}</td>"
        f"<td>{t.n_rows}</td><td>{'yes' if t.complete else 'no'}</td></tr>"
        for t in tables
    )
    complete = sum(1 for t in tables if t.complete)
    return (
        f"<h2>Tables of all documents ({complete} of {len(tables)} "
        "complete)</h2>\n"
        "<table id=\"tables\"><tr><th>table</th><th>document</th>"
        f"<th>rows</th><th>complete</th></tr>{rows}</table>"
    )


def _golden(now: dict[str, Any], golden: Path | None) -> str:
    head = "<h2>Against the golden figures</h2>\n"
    if golden is None or not golden.exists():
        return head + "<p>No golden figures to compare with.</p>"
    before = json.loads(golden.read_text(encoding="utf-8"))
    rows = []
    for key in sorted(set(before) | set(now)):
        old, new = before.get(key, {}), now.get(key, {})
        for name in sorted(set(old) | set(new)):
            if old.get(name) != new.get(name):
                rows.append(
                    f"<tr class=\"differs\"><td>{escape(key)}</td>"
                    f"<td>{escape(str(name))}</td><td>{old.get(name, '')}"
                    f"</td><td>{new.get(name, '')}</td></tr>"
                )
    if not rows:
        return head + "<p id=\"golden\">Every figure equals the golden one.</p>"
    return (
        head + "<table id=\"golden\"><tr><th>figure</th><th>of</th>"
        f"<th>golden</th><th>this run</th></tr>{''.join(rows)}</table>"
    )
