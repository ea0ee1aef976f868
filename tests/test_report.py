"""out/report.html: well-formed, self-contained, with its chart and tables."""

from html.parser import HTMLParser
from pathlib import Path

VOID = {"meta", "br", "img", "hr", "input", "link"}


class _Checker(HTMLParser):
    """Records the open-tag stack problems, ids and outside references."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.ids: set[str] = set()
        self.tags: list[str] = []
        self.references: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if "id" in values:
            self.ids.add(values["id"] or "")
        for name in ("src", "href"):
            if values.get(name):
                self.references.append(values[name] or "")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        self.stack.pop()


def _check(path: Path) -> _Checker:
    checker = _Checker()
    checker.feed(path.read_text(encoding="utf-8"))
    checker.close()
    return checker


def test_report_is_well_formed(real_out: Path) -> None:
    checker = _check(real_out / "report.html")
    assert checker.problems == []
    assert checker.stack == []


def test_report_is_self_contained(real_out: Path) -> None:
    checker = _check(real_out / "report.html")
    assert checker.references == []
    assert "script" not in checker.tags


def test_report_holds_the_chart_and_tables(real_out: Path) -> None:
    checker = _check(real_out / "report.html")
    assert {"chart", "datasets", "warnings", "tables"} <= checker.ids
    assert checker.tags.count("rect") >= 20  # a bar per listing day
    html = (real_out / "report.html").read_text(encoding="utf-8")
    assert "title_displaced" in html
