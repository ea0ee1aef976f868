"""Metadata extractors over paragraphs: snippets of the dump, then the dump."""

import datetime as dt

import pytest

from pipeline.metadata import (
    find_attachments, find_disclosure, find_doc_numbers, find_own_number,
    find_recipients, find_signature, genre_of, recover_title, serial_of,
    split_recipients,
)
from pipeline.run import Extraction
from schemas import Document

# 1. Signature ----------------------------------------------------------------

# Raw lines 1462-1476: the last clause, a wrapped name, the date.
ORDER_END = [
    "四、省卫生健康委负责统一协调调度省属高等医学院校附属医院等全省优质医疗资源。",
    "辽宁省新型冠状病毒感染的肺炎",
    "疫情防控指挥部",
    "2020年2月2日",
]


def test_signature_of_a_wrapped_name() -> None:
    found = find_signature(ORDER_END)
    assert found is not None
    assert found.issuers == ["辽宁省新型冠状病毒感染的肺炎疫情防控指挥部"]
    assert found.date == dt.date(2020, 2, 2)
    assert (found.first, found.index) == (1, 3)


def test_signature_in_one_row_paragraph_with_a_disclosure() -> None:
    found = find_signature(
        ["辽宁省卫生健康委 2020年2月5日 (信息公开形式:主动公开)"])
    assert found is not None
    assert found.issuers == ["辽宁省卫生健康委"]
    assert found.date == dt.date(2020, 2, 5)


def test_spaced_date_bullet_and_seal_note() -> None:
    found = find_signature(["- 55.派遣函公证", "- 辽宁省司法厅",
                            "2020 年 2 月 2 日"])
    assert found is not None and found.issuers == ["辽宁省司法厅"]
    sealed = find_signature(["国务院应对新型冠状病毒肺炎", "疫情联防联控机制",
                             "（代章）", "2020年2月28日"])
    assert sealed is not None
    assert sealed.issuers == ["国务院应对新型冠状病毒肺炎疫情联防联控机制"]


def test_the_first_block_wins_in_a_forwarding_notice() -> None:
    found = find_signature([
        "现将《关于设立应对疫情心理援助热线的通知》转发给你们，请遵照执行。",
        "辽宁省新型冠状病毒感染的肺炎", "疫情防控指挥部", "2020年2月3日",
        "关于设立应对疫情心理援助热线的通知",
        "国务院应对新型冠状病毒感染的", "肺炎疫情联防联控机制", "2020年2月2日",
    ])
    assert found is not None and found.date == dt.date(2020, 2, 3)
    assert found.issuers == ["辽宁省新型冠状病毒感染的肺炎疫情防控指挥部"]


@pytest.mark.parametrize("text", [
    "全省住房公积金服务大厅从2020年2月10日开始办理业务。",
    "自 2020 年 2 月 22 日 9 时起，调整为省级三级应急响应。",
    "地方中小银行机构营业网点新型冠状病毒感染的肺炎疫情防控工作指引 2020年1月",
])
def test_a_date_in_a_sentence_is_no_signature(text: str) -> None:
    assert find_signature([text]) is None


def test_an_impossible_date_is_null() -> None:
    found = find_signature(["辽宁省司法厅", "2020年2月30日"])
    assert found is not None and found.date is None
    assert found.issuers == ["辽宁省司法厅"]


# 2. Recipients, disclosure, attachments -------------------------------------

@pytest.mark.parametrize("line, names", [
    ("各区、县（市）党委和人民政府，各开发区党工委和管委会，市指挥部各成员单位，"
     "市直各单位：",
     ["各区、县（市）党委和人民政府", "各开发区党工委和管委会",
      "市指挥部各成员单位", "市直各单位"]),
    ("各市金融局，省农信联社、各城商行、民营银行：",
     ["各市金融局", "省农信联社", "各城商行", "民营银行"]),
    ("各市卫生健康委、公安局,省直各医疗机构:",
     ["各市卫生健康委", "公安局", "省直各医疗机构"]),
    ("各省、自治区、直辖市及新疆生产建设兵团应对新型冠状病毒肺炎疫情联防联控"
     "机制（领导小组、指挥部）：",
     ["各省、自治区、直辖市及新疆生产建设兵团应对新型冠状病毒肺炎疫情联防联控"
      "机制（领导小组、指挥部）"]),
])
def test_recipients_keep_names_that_hold_a_dun_comma(
        line: str, names: list[str]) -> None:
    found = find_recipients([line, "为进一步做好疫情防控工作，现通知如下："])
    assert found is not None and found.index == 0
    assert found.names == names


@pytest.mark.parametrize("first", [
    "为了落实省委省政府工作要求，现就有关事项公告如下：",
    "附件：辽宁省开门营业宾馆等住宿场所应对新型冠状病毒疫情工作要求",
    "政策文件原文:关于做好疫情防控期间医疗保障经办服务工作的通知",
    "联系人：张泽龙",
])
def test_other_colon_lines_are_no_recipients(first: str) -> None:
    assert find_recipients([first]) is None


def test_split_recipients_never_splits_inside_brackets() -> None:
    assert split_recipients("县（市、区）卫生健康局、教育局") == [
        "县（市、区）卫生健康局", "教育局",
    ]


@pytest.mark.parametrize("text, note", [
    ("(此件公开发布)", "此件公开发布"),
    ("（此件主动公开）", "此件主动公开"),
    ("(信息公开形式:主动公开)", "信息公开形式：主动公开"),
    ("〔此件公开发布，发至县（市、区），县（市、区）负责将此件发至乡镇（街道）〕",
     "此件公开发布，发至县（市、区），县（市、区）负责将此件发至乡镇（街道）"),
])
def test_disclosure_notes(text: str, note: str) -> None:
    assert find_disclosure(["省交通运输厅", text]) == note


def test_no_disclosure() -> None:
    assert find_disclosure(["（一）加强组织领导。"]) is None


@pytest.mark.parametrize("texts, titles", [
    (["附件：《地方中小银行机构营业网点新型冠状病毒感染的肺炎疫情防控工作指引》",
      "省金融监管局"],
     ["地方中小银行机构营业网点新型冠状病毒感染的肺炎疫情防控工作指引"]),
    (["附件：1.全省各市应急物资运输电话",
      "2.交通运输部《关于切实保障疫情防控应急物资运输车辆顺畅通行的紧急通知》"
      "（交运明电〔2020〕37号）", "辽宁省交通运输厅", "附件：1"],
     ["全省各市应急物资运输电话",
      "交通运输部《关于切实保障疫情防控应急物资运输车辆顺畅通行的紧急通知》"
      "（交运明电〔2020〕37号）"]),
    (["附件：", "辽宁省办理公证事项“最多跑一次”清单", "对于下列公证事项，"],
     ["辽宁省办理公证事项“最多跑一次”清单"]),
    (["附件：预计 14~16 日我省将出现暴风雪、强寒潮天气"],
     ["预计14~16日我省将出现暴风雪、强寒潮天气"]),
    (["内容详见附件。", "【附件下载】", "诊疗方案（试行第六版）.pdf"],
     ["诊疗方案（试行第六版）.pdf"]),
    (["对于 55 项公证事项（详见附件），引导群众网上办理。"], []),
])
def test_attachments(texts: list[str], titles: list[str]) -> None:
    assert find_attachments(texts) == titles


# 3. Numbers and title --------------------------------------------------------

def test_doc_numbers_in_order_once_each() -> None:
    assert find_doc_numbers([
        "现将《关于设立应对疫情心理援助热线的通知》（肺炎机制发〔2020〕18号）转发",
        "肺炎机制发〔2020〕18号",
        "按照《辽宁省新型冠状病毒感染的肺炎疫情防控指挥部令第 5 号》有关要求",
    ]) == ["肺炎机制发〔2020〕18号", "令第5号"]


def test_own_number_stands_alone_under_a_title() -> None:
    texts = ["关于设立应对疫情心理援助热线的通知", "肺炎机制发〔2020〕18号", "各省："]
    assert find_own_number(texts) == "肺炎机制发〔2020〕18号"
    assert find_own_number(["各市：", "按辽政办明电〔2020〕5号执行。"]) is None


@pytest.mark.parametrize("title, genre", [
    ("关于全省金融机构和地方金融从业机构春节后复工时间的通知", "通知"),
    ("辽宁省新型冠状病毒感染的肺炎疫情防控指挥部令第4号", "令"),
    ("沈阳市关于停止举办各类人员集聚型活动的通告第4号", "通告"),
    ("辽宁省人社厅应对新冠肺炎疫情政策措施清单(按服务对象分类)", "清单"),
    ("辽宁省司法厅关于疫情防控期间提供公益法律服务减免有关费用的指导意见", "意见"),
    ("《关于做好医疗保障经办服务工作的通知》政策解读", "解读"),
    ("全省救助管理机构办公地址、救助电话", None),
    ("省金融监管局等七部门关于印发《关于应对新型冠状病毒肺炎疫情影响...", None),
])
def test_genre(title: str, genre: str | None) -> None:
    assert genre_of(title) == genre


def test_serial_number() -> None:
    assert serial_of("沈阳市关于进一步加强外地返沈人员疫情防控工作的通告第3号") == 3
    assert serial_of("辽宁省新型冠状病毒感染的肺炎疫情防控指挥部令第 7 号") == 7
    assert serial_of("关于印发企业及员工疫情防控措施20条的通知") is None


def test_a_cut_title_is_completed_by_the_body() -> None:
    printed = ("转发民政部国家卫生健康委关于深入学习贯彻习近平总书记重要指示精神"
               "进一步做好城乡社区疫情防控工作的...")
    found = recover_title(printed, [
        "各市民政局、卫生健康委：",
        "现将《民政部 国家卫生健康委关于深入学习贯彻习近平总书记重要指示精神"
        "进一步做好城乡社区疫情防控工作的通知》（民发〔2020〕13号）转发给你们。",
    ])
    assert found is not None and found.index == 1
    assert found.title == printed[:-3] + "通知"


def test_a_title_the_body_does_not_complete_stays_cut() -> None:
    # The body holds the published list's title, not the letter's 》的通知.
    printed = ("省金融监管局等七部门关于印发《关于应对新型冠状病毒肺炎疫情影响加强"
               "金融服务支持实体经济平稳发展的若干...")
    assert recover_title(printed, [
        "关于应对新型冠状病毒肺炎疫情影响加强金融服务支持实体经济平稳发展的若干措施",
    ]) is None
    assert recover_title("关于做好春节后人员流动错峰调节的通知", ["任何文字"]) is None


# 4. The real dump --------------------------------------------------------------

def _by_start(real_run: Extraction) -> dict[int, Document]:
    return {d.line_start: d for d in real_run.documents}


def test_metadata_of_hand_checked_documents(real_run: Extraction) -> None:
    docs = _by_start(real_run)
    forwarding = docs[4698]  # 转发关于印发...首诊隔离点观察工作方案的通知
    assert forwarding.recipients == ["各市疫情防控指挥部"]
    assert forwarding.doc_numbers == ["肺炎机制发〔2020〕19号"]
    assert forwarding.disclosure.startswith("此件公开发布，发至县（市、区）")
    assert forwarding.signature_line == 4711
    transport = docs[1983]
    assert transport.attachments[0] == "全省各市应急物资运输电话"
    assert transport.genre is None  # title cut off: ...的紧...
    assert transport.title_source == "printed"
    assert docs[1453].own_doc_number == "令第4号"
    assert docs[1453].serial_no == 4
    assert docs[7880].doc_numbers == ["辽政办明电〔2020〕5号"]


def test_the_cut_title_the_body_states_is_recovered(
        real_run: Extraction) -> None:
    docs = _by_start(real_run)
    recovered = [d for d in real_run.documents if d.title_source == "recovered"]
    assert [d.line_start for d in recovered] == [7193]
    assert docs[7193].title_source_line == 7199
    assert docs[7193].title.endswith("城乡社区疫情防控工作的通知")
    printed = docs[7193].title_raw.replace(" ", "").removesuffix("...")
    assert docs[7193].title.replace(" ", "").startswith(printed)
    assert "title_truncated" in docs[7193].warnings
