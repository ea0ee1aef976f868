"""Issuing bodies: split signature lines or a title into body names."""

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

BODIES_FILE = Path(__file__).parent / "data" / "bodies.tsv"

# How the name of a body ends. A signature fragment that does not end so
# (辽宁省新型冠状病毒感染的肺炎) is half of a name wrapped over two lines.
BODY_ENDINGS = (
    "厅", "局", "委", "部", "院", "办", "室", "署", "组", "会", "行", "府",
    "海关", "中心", "机制", "联社", "集团", "公司", "处", "站", "党组",
)

# The province whose bodies sign as 省X as well as 辽宁省X.
PROVINCE = "辽宁"


@dataclass(frozen=True)
class KnownBodies:
    """Names of known bodies, and the lengths they come in by first
    character, longest first."""

    version: str
    names: frozenset[str]
    # Up to 55 names share a first character (辽, 省) but only 13 lengths:
    # one set lookup per length is cheaper than trying every name.
    lengths_by_first: dict[str, tuple[int, ...]]

    def longest_at(self, text: str, start: int) -> str | None:
        """The longest known name that text holds at start, if any."""
        for size in self.lengths_by_first.get(text[start:start + 1], ()):
            candidate = text[start:start + size]
            if candidate in self.names:
                return candidate
        return None

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self.names


@functools.cache
def known_bodies(path: Path = BODIES_FILE) -> KnownBodies:
    """The known bodies of the data file, with their 省X short forms."""
    version = ""
    names: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# version\t"):
            version = line.split("\t", 1)[1].strip()
        if not line.strip() or line.startswith("#") or line.startswith("name\t"):
            continue
        name = line.split("\t", 1)[0].strip()
        names.add(name)
        if name.startswith(PROVINCE + "省"):
            names.add(name[len(PROVINCE):])
    lengths: dict[str, set[int]] = {}
    for name in names:
        lengths.setdefault(name[0], set()).add(len(name))
    return KnownBodies(version, frozenset(names), {
        first: tuple(sorted(sizes, reverse=True))
        for first, sizes in lengths.items()})


def is_body(name: str) -> bool:
    """A known body, or a name that ends as a body's name does."""
    return name in known_bodies().names or name.endswith(BODY_ENDINGS)


def split_bodies(lines: Sequence[str]) -> list[str]:
    """The body names in signature lines, one per body.

    Spaces and line ends separate joint issuers, but one name can wrap
    over two lines; known names decide first, then a fragment that does
    not end as a name joins the next. What is no body is dropped.

    Names are kept as printed: 省金融监管局 and 辽宁省地方金融监督管理局
    count as two issuers. A canonical name per row of the data file (and
    a column of them) would let researchers group the short forms.
    """
    text, bounds = _fragments(lines)
    names = []
    start = 0
    while start < len(text):
        end = _known_end(text, start, bounds) or _next_name_end(
            text, start, bounds)
        names.append(text[start:end])
        start = end
    return [name for name in names if is_body(name)]


def title_issuers(title: str) -> list[str]:
    """The bodies a title names before 关于, or the known ones it opens with.

    A title that forwards or publishes (转发X关于...) names the author of
    the forwarded text, not the issuer: it gives none.
    """
    head, found, _ = title.partition("关于")
    if found and head and not head.startswith(("转发", "印发")):
        names = split_bodies([head])
        if names and "".join(names) == head:
            return names
    return _leading_known(title)


def _fragments(lines: Sequence[str]) -> tuple[str, set[int]]:
    """The lines' words joined, and the offsets where a space or line end
    stood between two of them."""
    text = ""
    bounds: set[int] = set()
    for line in lines:
        for word in line.split():
            if text:
                bounds.add(len(text))
            text += word
    return text, bounds


def _known_end(text: str, start: int, bounds: set[int]) -> int | None:
    """End of the known name at start; a longer unknown name that only
    begins with it (辽宁省卫生健康委X处) runs on to the next boundary."""
    name = known_bodies().longest_at(text, start)
    if name is None:
        return None
    end = start + len(name)
    if end in bounds or end == len(text):
        return end
    if known_bodies().longest_at(text, end) or text.startswith(
            ("省", "市", PROVINCE), end):
        return end
    return _next_bound(text, end, bounds)


def _next_name_end(text: str, start: int, bounds: set[int]) -> int:
    """The first boundary after start where a name ends or a known one
    begins; else the end."""
    for bound in sorted(b for b in bounds if b > start):
        if (text[start:bound].endswith(BODY_ENDINGS)
                or known_bodies().longest_at(text, bound)):
            return bound
    return len(text)


def _next_bound(text: str, start: int, bounds: set[int]) -> int:
    later = [b for b in bounds if b > start]
    return min(later) if later else len(text)


def _leading_known(text: str) -> list[str]:
    names = []
    start = 0
    while name := known_bodies().longest_at(text, start):
        names.append(name)
        start += len(name)
    return names
