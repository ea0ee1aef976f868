"""City and district resolution against Liaoning's GB/T 2260 divisions."""

import pytest

from pipeline.places import DATA, city_named, is_place_cell, resolve


def test_the_divisions_file_holds_liaoning_whole() -> None:
    rows = [line.split("\t") for line in
            (DATA / "liaoning-divisions.tsv").read_text("utf-8").splitlines()
            if line and not line.startswith("#")][1:]
    codes = [row[0] for row in rows]
    cities = {c for c in codes if c.endswith("00")}
    assert len(codes) == len(set(codes)) == 114
    assert len(cities) == 14
    assert all(c.startswith("21") for c in codes)
    assert all(c[:4] + "00" in cities for c in codes)


@pytest.mark.parametrize(("text", "code"), [
    ("沈阳市", "210100"), ("沈 阳", "210100"), ("葫 芦 岛", "211400"),
    ("和平区", None), ("沈抚新区", None),
])
def test_cities_are_named_by_whole_cells(text: str, code: str | None) -> None:
    city = city_named(text)
    assert (city.code if city else None) == code


@pytest.mark.parametrize(
    ("group", "cell", "texts", "city", "district", "code", "warnings"), [
        # A bare 和平区 is Shenyang's: only Liaoning is looked at.
        (None, "和平区", [], "210100", "和平区", "210102", []),
        # 铁西区 is Shenyang's and Anshan's: the city decides.
        ("鞍山市", "铁西区", [], "210300", "铁西区", "210303", []),
        ("沈阳市", "铁西区", [], "210100", "铁西区", "210106", []),
        (None, None, ["辽宁省鞍山市铁西区小西街64甲"], "210300", "铁西区",
         "210303", []),
        # Short forms the notices print.
        ("阜新市", "阜蒙县", [], "210900", "阜新蒙古族自治县", "210921", []),
        ("朝阳市", "喀左县", [], "211300", "喀喇沁左翼蒙古族自治县", "211324",
         []),
        # 市本级 names no district: the address does.
        ("大连市", "市本级(含沙河口区)", ["沙河口区太原街6号"], "210200",
         "沙河口区", "210204", []),
        # A county-level city gives its prefecture.
        (None, None, ["新民市工人街75号", "新民市救助管理站"], "210100",
         "新民市", "210181", []),
        # Special zones are kept as named, without a code.
        ("大连市", "长兴岛", [], "210200", "长兴岛", None, ["special_zone"]),
        (None, None, ["大连市金普新区金州新区黄海西路146号"], "210200",
         "金普新区", None, ["special_zone"]),
        ("沈抚新区", "沈抚新区", [], None, "沈抚新区", None,
         ["special_zone"]),
        # Several districts in one cell are not forced into one code.
        ("盘锦市", "兴隆台区、双台子区", [], "211100", "兴隆台区、双台子区",
         None, ["place_unresolved"]),
        # A district of another city than the row's is flagged.
        ("大连市", "银州区", [], "210200", "银州区", None,
         ["place_unresolved"]),
    ])
def test_rows_resolve_with_their_city_as_context(
    group: str | None, cell: str | None, texts: list[str], city: str | None,
    district: str, code: str | None, warnings: list[str],
) -> None:
    place = resolve(group, cell, texts)
    assert (place.city.code if place.city else None) == city
    assert (place.district, place.district_code) == (district, code)
    assert place.warnings == warnings


def test_a_name_shared_by_two_cities_without_context_is_left_open() -> None:
    place = resolve(None, None, ["铁西区建设中路20号"])
    assert place.city is None and place.district is None


def test_the_first_county_named_in_a_text_is_its_district() -> None:
    place = resolve(None, None, ["新民市人民医院，康平县分院"])
    assert (place.district, place.district_code) == ("新民市", "210181")
    # 铁西区 tells no city alone; once 和平区 tells Shenyang, it is
    # Shenyang's, and it comes first.
    place = resolve(None, None, ["铁西区至和平区"])
    assert place.city is not None and place.city.code == "210100"
    assert (place.district, place.district_code) == ("铁西区", "210106")


@pytest.mark.parametrize(("text", "expected"), [
    ("市本级", True), ("市本级（含双塔区、龙城区）", True), ("金普新区", True),
    ("兴隆台区、双台子区", True), ("新宾满族自治县", True),
    ("汉庭酒店大连青泥洼桥店", False), ("润德宾馆", False),
])
def test_district_cells_are_told_from_names(text: str,
                                           expected: bool) -> None:
    assert is_place_cell(text) is expected
