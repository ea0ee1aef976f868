"""Cities and districts of Liaoning named in a row, with GB/T 2260 codes.

The codes come from `pipeline/data/liaoning-divisions.tsv` (source and
revision in its header) and the special zones from
`pipeline/data/liaoning-zones.tsv`. Every directory of the dumps lists
places in Liaoning, so a bare district name is looked up among
Liaoning's divisions only (和平区 is Shenyang's, not Tianjin's), and
where two of them share a name (铁西区 in Shenyang and in Anshan) the
row's city decides.

Known shortcoming: a misprinted city is not noticed when the rest of the
row resolves. The rescue-station list prints 盘州市 (a city of Guizhou)
for 盘锦市 in two addresses (lines 2713, 2721); their district 兴隆台区 or
大洼区 gives 盘锦市, and no warning says the address names another city.
Flagging any "X市" of an address that is no Liaoning division would
catch it.
"""

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pipeline import patterns
from pipeline.memo import per_file

DATA = Path(__file__).parent / "data"

# Cells of the district column that say "the city itself", not a district.
CITY_LEVEL = ("市本级",)

# Lookups worked out once per raw file (memo.per_file): a directory
# repeats its cities and districts on many rows, and its editions
# repeat its lists. Each cached function is pure; the bound keeps
# memory flat.
_CACHED_TEXTS = 4096


@dataclass(frozen=True)
class Division:
    """A GB/T 2260 division: a prefecture-level city or a county."""

    code: str
    name: str

    @property
    def city_code(self) -> str:
        return self.code[:4] + "00"

    @property
    def is_city(self) -> bool:
        return self.code.endswith("00")


@dataclass(frozen=True)
class Zone:
    """A special zone: named where a district is expected, without a code."""

    name: str
    city_code: str | None


@dataclass
class Place:
    """A row's city and district, and what could not be resolved."""

    city: Division | None = None
    district: str | None = None
    district_code: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Tables:
    by_code: dict[str, Division]
    by_name: dict[str, Division]  # cities by full name and alias
    counties: dict[str, list[Division]]  # by full name and alias
    zones: dict[str, Zone]  # by name and alias
    full_city_names: tuple[str, ...]  # cities' names that end in 市
    # County names and aliases by their first character, longest first.
    counties_by_first: dict[str, tuple[str, ...]]


def resolve(group: str | None, district_cell: str | None,
            texts: list[str]) -> Place:
    """City and district of a row.

    group: its group label or 市别 cell; district_cell: its 地区 cell;
    texts: its name and address, searched when the cells do not say.
    """
    found = _resolved(group, district_cell, tuple(texts))
    # A copy: the caller may add warnings to its own place.
    return Place(found.city, found.district, found.district_code,
                 list(found.warnings))


@per_file(maxsize=_CACHED_TEXTS)
def _resolved(group: str | None, district_cell: str | None,
              texts: tuple[str, ...]) -> Place:
    """The place `resolve` returns, shared by every row with these cells."""
    compacts = [_compact(text) for text in texts]
    place = Place(city=city_named(group) if group else None)
    if place.city is None:
        place.city = _city_in(compacts)
    if district_cell and not district_cell.startswith(CITY_LEVEL):
        _district_from_cell(place, district_cell)
    if place.district is None:
        _district_in(place, compacts)
    return place


@per_file(maxsize=_CACHED_TEXTS)
def city_named(text: str) -> Division | None:
    """The city a whole cell names (沈阳市, 沈 阳), if any."""
    found = _tables().by_name.get(_compact(text))
    return found if found and found.is_city else None


def zone_named(text: str) -> Zone | None:
    """The special zone a whole cell names (沈抚新区, 长兴岛), if any."""
    return _tables().zones.get(_compact(text))


@per_file(maxsize=_CACHED_TEXTS)
def is_place_cell(text: str) -> bool:
    """True when a cell reads as a district column's value."""
    compact = _compact(text)
    if compact.startswith(CITY_LEVEL) or zone_named(compact):
        return True
    names = patterns.SEVERAL_PLACES.split(compact)
    return all(_bare(n) in _tables().counties for n in names if n)


def _district_from_cell(place: Place, cell: str) -> None:
    compact = _compact(cell)
    zone = zone_named(compact)
    if zone:
        _set_zone(place, compact, zone)
        return
    counties = _counties_named(_bare(compact), place.city)
    if len(counties) == 1:
        _set_county(place, counties[0])
        return
    # Several districts in one cell, or a name not in Liaoning.
    place.district = compact
    place.warnings.append("place_unresolved")


def _district_in(place: Place, compacts: list[str]) -> None:
    """The first county named in the texts, else the first zone."""
    for compact in compacts:
        county = _first_county_in(compact, place.city)
        if county is not None:
            _set_county(place, county)
            return
    for compact in compacts:
        for name, zone in _tables().zones.items():
            if name in compact:
                _set_zone(place, name, zone)
                return


def _set_county(place: Place, county: Division) -> None:
    """A county found among the row's city's own (or any, city unknown)."""
    if place.city is None:
        place.city = _division(county.city_code)
    place.district, place.district_code = county.name, county.code


def _set_zone(place: Place, name: str, zone: Zone) -> None:
    place.district = name
    place.warnings.append("special_zone")
    if place.city is None and zone.city_code:
        place.city = _division(zone.city_code)


def _city_in(compacts: list[str]) -> Division | None:
    """The first city named in full in the texts, else a county's city."""
    tables = _tables()
    for compact in compacts:
        hits = [(compact.find(name), name) for name in tables.full_city_names
                if name in compact]
        if hits:
            return tables.by_name[min(hits)[1]]
    for compact in compacts:
        county = _first_county_in(compact, None)
        if county is not None:
            return _division(county.city_code)
    return None


def _first_county_in(text: str, city: Division | None) -> Division | None:
    """The county named first in a text (the longest name where several
    start at one character), among `city`'s if it is known; a name shared
    by two cities counts only when the city tells which."""
    # One walk over the text's characters, trying only the names that
    # open with each: far fewer tests than searching for every name.
    by_first = _tables().counties_by_first
    for at, char in enumerate(text):
        for name in by_first.get(char, ()):
            if not text.startswith(name, at):
                continue
            chosen = _counties_named(name, city)
            if len(chosen) == 1:
                return chosen[0]
    return None


def _counties_named(name: str, city: Division | None) -> list[Division]:
    found = _tables().counties.get(name, [])
    if city is not None:
        return [d for d in found if d.city_code == city.code]
    return found


def _bare(name: str) -> str:
    """A district cell without what it adds in brackets: 市本级(含沙河口区)."""
    bare: str = patterns.OPEN_BRACKET.split(name, maxsplit=1)[0]
    return bare


def _compact(text: str) -> str:
    return "".join(text.split())


def _division(code: str) -> Division | None:
    return _tables().by_code.get(code)


@cache
def _tables() -> _Tables:
    """The data files, read once per process."""
    by_code: dict[str, Division] = {}
    by_name: dict[str, Division] = {}
    counties: dict[str, list[Division]] = {}
    for code, name, aliases in _rows("liaoning-divisions.tsv", 3):
        division = Division(code, name)
        by_code[code] = division
        for alias in [name, *filter(None, aliases.split(";"))]:
            if division.is_city:
                by_name[alias] = division
            else:
                counties.setdefault(alias, []).append(division)
    zones: dict[str, Zone] = {}
    for name, aliases, city_code in _rows("liaoning-zones.tsv", 3):
        zone = Zone(name, city_code or None)
        for alias in [name, *filter(None, aliases.split(";"))]:
            zones[alias] = zone
    full_city_names = tuple(name for name, d in by_name.items()
                            if d.is_city and name.endswith("市"))
    return _Tables(by_code, by_name, counties, zones, full_city_names,
                   _by_first_char(counties))


def _by_first_char(names: dict[str, list[Division]]
                   ) -> dict[str, tuple[str, ...]]:
    """The names by their first character, longest first."""
    grouped: dict[str, list[str]] = {}
    for name in sorted(names, key=lambda n: (-len(n), n)):
        grouped.setdefault(name[0], []).append(name)
    return {char: tuple(group) for char, group in grouped.items()}


def _rows(file: str, width: int) -> list[list[str]]:
    text = (DATA / file).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines()
            if line and not line.startswith("#")]
    return [(row + [""] * width)[:width] for row in rows[1:]]
