"""Splitting signature lines and titles into issuing bodies."""

import pytest

from pipeline.issuers import (
    BODIES_FILE, is_body, known_bodies, split_bodies, title_issuers,
)


@pytest.mark.parametrize("lines, bodies", [
    # One name wrapped over two lines (raw lines 1472-1474).
    (["辽宁省新型冠状病毒感染的肺炎", "疫情防控指挥部"],
     ["辽宁省新型冠状病毒感染的肺炎疫情防控指挥部"]),
    # ... with 办公室 on the second line (7275-7277).
    (["省新型冠状病毒感染的肺炎疫情", "防控指挥部办公室"],
     ["省新型冠状病毒感染的肺炎疫情防控指挥部办公室"]),
    # Wrapped at 的, in a row cell with a space (line 4).
    (["沈阳市新型冠状病毒感染的肺炎 疫情防控指挥部"],
     ["沈阳市新型冠状病毒感染的肺炎疫情防控指挥部"]),
    (["国务院应对新型冠状病毒感染的", "肺炎疫情联防联控机制"],
     ["国务院应对新型冠状病毒感染的肺炎疫情联防联控机制"]),
    # Joint issuers, one per line (6341-6343) and by spaces (1415).
    (["辽宁省人力资源和社会保障厅", "国家税务总局辽宁省税务局"],
     ["辽宁省人力资源和社会保障厅", "国家税务总局辽宁省税务局"]),
    (["辽宁省民政厅 辽宁省卫生健康委"], ["辽宁省民政厅", "辽宁省卫生健康委"]),
    # Four national bodies on two lines (5039-5041).
    (["国家卫生健康委 最高人民法院", "最高人民检察院 公安部"],
     ["国家卫生健康委", "最高人民法院", "最高人民检察院", "公安部"]),
    # Seven bodies on two lines (6699-6701).
    (["省金融监管局 人民银行沈阳分行 辽宁银保监局",
      "辽宁证监局 省发展改革委 省工业和信息化厅 省财政厅"],
     ["省金融监管局", "人民银行沈阳分行", "辽宁银保监局", "辽宁证监局",
      "省发展改革委", "省工业和信息化厅", "省财政厅"]),
    (["中共辽宁省司法厅党组"], ["中共辽宁省司法厅党组"]),
])
def test_signature_lines_split_into_bodies(lines: list[str],
                                           bodies: list[str]) -> None:
    assert split_bodies(lines) == bodies


def test_unknown_bodies_split_where_a_name_ends() -> None:
    assert split_bodies(["铁岭市卫生健康委 铁岭市公安局"]) == [
        "铁岭市卫生健康委", "铁岭市公安局",
    ]


def test_a_known_name_does_not_cut_a_longer_unknown_one() -> None:
    assert split_bodies(["辽宁省卫生健康委医政医管处"]) == [
        "辽宁省卫生健康委医政医管处",
    ]


def test_what_is_no_body_is_dropped() -> None:
    assert split_bodies(["特此通知"]) == []
    assert split_bodies([]) == []


@pytest.mark.parametrize("title, bodies", [
    ("辽宁省人力资源社会保障厅关于做好社会保险经办工作的通知",
     ["辽宁省人力资源社会保障厅"]),
    # Five bodies run together in a title (raw line 6853).
    ("省人力资源社会保障厅省教育厅省财政厅省交通运输厅省卫生健康委关于做好"
     "疫情防控期间有关就业工作...",
     ["省人力资源社会保障厅", "省教育厅", "省财政厅", "省交通运输厅",
      "省卫生健康委"]),
    ("沈阳海关应对新型冠状病毒肺炎疫情促进外贸平稳发展的若干措施", ["沈阳海关"]),
    ("辽宁省人社厅应对新冠肺炎疫情政策措施清单(按服务对象分类)", ["辽宁省人社厅"]),
    # A forwarded text's authors are not the issuer.
    ("转发民政部国家卫生健康委关于深入学习贯彻习近平总书记重要指示精神的通知", []),
    ("关于做好疫情防控期间住房公积金服务工作的通知", []),
    ("(最新)辽宁省接待在辽滞留湖北等地游客定点宾馆", []),
])
def test_title_issuers(title: str, bodies: list[str]) -> None:
    assert title_issuers(title) == bodies


def test_data_file_is_versioned_and_has_no_repeated_name() -> None:
    rows = [line.split("\t") for line in
            BODIES_FILE.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith(("#", "name\t"))]
    names = [row[0] for row in rows]
    assert len(names) == len(set(names))
    assert all(len(row) == 3 and row[1] in ("national", "provincial", "city")
               and row[2] in ("dump", "standard") for row in rows)
    assert known_bodies().version


def test_provincial_names_match_in_their_short_form() -> None:
    assert "省交通运输厅" in known_bodies()
    assert is_body("省交通运输厅")
    assert not is_body("辽宁省")
