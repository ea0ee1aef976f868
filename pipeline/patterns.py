"""Regular expressions of the pipeline, compiled once, by section."""

import regex

# 1. Line shapes of the dumps ------------------------------------------

# A listing date alone on its line: 2020-02-01.
DATE_LINE = regex.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")

# A markdown rule row holds only these characters and a run of two
# dashes (`---<TAB>---`, `|--|--|---|`); `- | | | |` is handled apart.
# Checked with sets, not a pattern, so that a long line cannot make a
# regular expression backtrack.
SEPARATOR_CHARS = frozenset(" \t|:-")


# The dump's own header row: 标题<TAB>时间<TAB>文本.
HEADER_FIELDS = ("标题", "时间", "文本")

# 2. Title runs ---------------------------------------------------------

# A line that closes a sentence, a recipients line or a signature date
# cannot belong to a title run; it ends the run going backwards.
NOT_TITLE_LINE = regex.compile(
    r"[。；;：:！!？?]\s*$"
    r"|^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$"
)

# How a title cut off by the crawl ends.
TRUNCATION_MARKS = ("...", "…")

# 3. Tables (only what segmentation needs) ------------------------------

# The first header cell of a flattened table: 序号, also spaced out.
SEQ_HEADER = regex.compile(r"^\s*序\s*号\s*$")

# A bare row number, the first cell of a table row.
ROW_NUMBER = regex.compile(r"^\s*(\d{1,4})\s*$")

# 4. Layout spaces ------------------------------------------------------

# Whitespace with a CJK character or full-width punctuation on either
# side is left over from line wrapping, not part of the text. Runs are
# matched whole and judged by their neighbours, in one linear pass.
WHITESPACE_RUN = regex.compile(r"\s+")
CJK_CHAR = regex.compile(
    r"[\p{Han}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d]"
)

# 5. Classification and metadata (documents' kind, issuers, dates) -----

# A written date: 2020年2月1日, also spaced out as 2020 年 2 月 1 日.
WRITTEN_DATE = regex.compile(
    r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日"
)

# A paragraph that holds a signature date: names (or nothing) before the
# date, and after it nothing, a disclosure note or what a row ran on with.
SIGNATURE_DATE = regex.compile(
    r"^(?P<names>[^。，；;！!？?：:]{0,60}?)\s*"
    r"(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(?P<rest>.*)$"
)

# A paragraph that opens with a numbering or list marker: 一、 (一) 1. 1、
# 第一条 ① 一是, or the dump's markdown bullet "- ".
ITEM_MARKER = regex.compile(
    r"^\s*(?:-\s+)?(?:[一二三四五六七八九十百]+\s*[、．.]"
    r"|[（(]\s*[一二三四五六七八九十百\d]{1,4}\s*[）)]"
    r"|\d{1,3}\s*[、．.](?!\d)"
    r"|第[一二三四五六七八九十百零\d]+条"
    r"|[①-⑳]"
    r"|[一二三四五六七八九十]+是)"
    r"|^\s*-\s+"
)
# The CJK ideographs (U+4E00-U+9FFF) that an ITEM_MARKER can open with: a
# paragraph opening with any other one is no item, without the pattern.
ITEM_MARKER_IDEOGRAPHS = frozenset("一二三四五六七八九十百第")

# The markdown bullet the dump puts before some list lines and names.
BULLET = regex.compile(r"^\s*-\s+")

# A seal note between a signature's names and its date: （代章）.
SEAL_NOTE = regex.compile(r"^\s*[（(]\s*代章\s*[）)]\s*$")

# Sentence punctuation: a line holding it is prose, not a name or a cell.
SENTENCE_PUNCT = regex.compile(r"[。，；;！!？?：:]")

# A disclosure note: (此件公开发布), 〔此件主动公开〕, (信息公开形式：主动公开).
# A 〔〕 note may hold （） itself: 〔此件公开发布，发至县（市、区）〕.
DISCLOSURE = regex.compile(
    r"(?|〔\s*((?:此件|信息公开形式)[^〔〕]{0,80}?)\s*〕"
    r"|[（(]\s*((?:此件|信息公开形式)[^（()）]{0,80}?)\s*[）)]"
    r"|【\s*((?:此件|信息公开形式)[^【】]{0,80}?)\s*】)"
)

# The line that opens the attachment list: 附件：, 附件：1.名称, 【附件下载】.
ATTACHMENT_LEAD = regex.compile(
    r"^\s*(?:附件\s*[：:]|【\s*附件下载\s*】)\s*(?P<rest>.*)$"
)

# A numbered attachment entry: 1.名称, 2、名称, （3）名称.
ATTACHMENT_NUMBER = regex.compile(
    r"^\s*(?:\d{1,2}\s*[.、．]|[（(]\s*\d{1,2}\s*[）)])\s*(?P<title>.+)$"
)

# The 公文 type word that ends a title, longest first where one ends
# another; 令 comes last so that 命令 wins over it.
GENRE = regex.compile(
    r"(?P<genre>通知|通告|公告|通报|决定|意见|方案|措施|办法|规定|细则|指引"
    r"|指南|清单|名单|目录|解读|批复|公示|倡议书|问答|命令|令|函)$"
)

# What may follow the type word at a title's end: 第3号, （第二版）.
TITLE_TAIL = regex.compile(
    r"(?:\s*第\s*\d+\s*号|\s*[（(][^（()）]{1,12}[）)])+$"
)

# An order's number at the end of its title: 令第4号, 令 第 4 号.
ORDER_TITLE = regex.compile(r"令\s*[（(]?\s*第\s*(?P<serial>\d{1,4})\s*号\s*[）)]?$")

# A serial number at the end of a title: 通告第3号, 令第4号.
TITLE_SERIAL = regex.compile(r"第\s*(?P<serial>\d{1,4})\s*号\s*$")

# The formula that opens a command: 下达命令如下.
COMMAND_FORMULA = regex.compile(r"下达\s*命令\s*如下")

# The part of a title that names a published list of measures or rules:
# 措施, 方案, 指引, 指南, 办法, 若干意见, 清单, or N 条.
LIST_TITLE = regex.compile(
    r"(?:措施|方案|指引|指南|办法|若干意见|清单|\d+\s*条)"
    r"(?:\s*[（(][^（()）]{1,12}[）)])*\s*$"
)

# Quoted or plain title of what a notice publishes: 印发《X》的通知.
PUBLISHED_TITLE = regex.compile(
    r"(?:印发|发布)\s*《?(?P<inner>.+?)》?\s*的(?:紧急)?通知$"
)

# The letter's own words for the text it publishes or forwards:
# 现将《X》印发给你们, 现将...印发的《X》（...）转发给你们.
PUBLISHES = regex.compile(
    r"现将[^《。]{0,60}《(?P<inner>[^《》]{4,120})》[^。]{0,40}?(?:印发|转发)"
)

# A recipients line (主送机关) ends at the first colon; what stands before
# must not be a sentence, a lead-in or a labelled field. The names are
# taken greedily (spaces before the colon stay in them; readers drop all
# spaces): the lazy form matched the same lines three times slower.
RECIPIENTS = regex.compile(r"^\s*(?P<names>[^。；;！!？?：:]{2,300})\s*[：:]")
NOT_RECIPIENTS = regex.compile(
    r"^(?:为|根据|按照|依据|依照|当前|现将|现就|近期|经|今年|目前|附件|附|联系"
    r"|电话|地址|邮|传真|说明|备注|注)|如下"
)

# Phone numbers and street addresses, the contents of a directory. The
# phone alternatives all start with a digit: the (?=\d) lookahead tests
# that once per position instead of once per alternative (a quarter
# faster on the directories). An address has a street word's first
# character second: the lookahead before both branches spares most
# positions of Han text the address branch (a fifth faster again).
CONTACT = regex.compile(
    r"(?=\d|.[路街大胡巷])"
    r"(?:(?=\d)(?:\d{3,4}\s*-\s*\d{7,8}|(?<!\d)1[3-9]\d{9}(?!\d)"
    r"|(?<!\d)\d{7,8}(?!\d))"
    r"|\p{Han}(?:路|街|大街|大道|胡同|巷)\s*\d+\s*号)"
)

# 6. Clauses and paragraphs (numbering markers, page breaks) ------------

# A Chinese numeral as clause numbers print it: 一 … 十 … 三十八.
_CN_NUMERAL = r"[一二三四五六七八九十百零〇]{1,4}"

# Units after a bare number: "。2 月" or "。3 家" is a quantity, not item 2.
_UNITS = r"年月日号时分秒个家人名条项元万亿次天周岁倍米层栋辆台件份批类种级届期"

# The numbering styles, each with its number in group n, tried in this
# order at a paragraph's start (第一条 before 一、, （一） before (1)).
MARKER_STYLES: dict[str, regex.Pattern[str]] = {
    "article": regex.compile(
        rf"第\s*(?P<n>{_CN_NUMERAL}|\d{{1,3}})\s*条(?=[\s、：:]|$)"),
    "cn_comma": regex.compile(rf"(?P<n>{_CN_NUMERAL})\s*[、．.](?!\d)"),
    "cn_paren": regex.compile(rf"[（(]\s*(?P<n>{_CN_NUMERAL})\s*[）)]"),
    "arabic_paren": regex.compile(r"[（(]\s*(?P<n>\d{1,3})\s*[）)]"),
    "arabic_dot": regex.compile(r"(?P<n>\d{1,3})\s*(?:[.．](?!\d)|、)"),
    "circled": regex.compile(r"(?P<n>[①-⑳])"),
    "cn_shi": regex.compile(rf"(?P<n>{_CN_NUMERAL})[是要](?=[\p{{Han}}“])"),
    "arabic_bare": regex.compile(
        rf"(?P<n>\d{{1,2}})\s?(?=[\p{{Han}}“《])(?!\s?[{_UNITS}])"),
}


def _first_of(styles: tuple[str, ...]) -> str:
    """One alternation of the styles' patterns, in order, each a group
    named after its style (all share the numeral group n). A match is the
    first style that matches, as when the patterns are tried in turn, in
    one call instead of one per style."""
    return "|".join(f"(?P<{style}>{MARKER_STYLES[style].pattern})"
                    for style in styles)


# The styles a paragraph may open with: not a bare number, which opens
# many a sentence (2020年…).
LEADING_STYLES = tuple(s for s in MARKER_STYLES if s != "arabic_bare")
LEADING_MARKER = regex.compile(_first_of(LEADING_STYLES))

# Styles that only count where they continue a sequence: 一是 may open
# a sentence, and a bare 1 is an item only inline (……。1 全力保障……).
WEAK_STYLES = frozenset({"cn_shi", "arabic_bare"})

# Styles that a list may also use inside a paragraph, after the end of a
# sentence or a colon: ……：（一）……；（二）…… or ……。1 全力保障……
INLINE_STYLES = ("cn_paren", "arabic_paren", "arabic_dot", "circled",
                 "cn_shi", "arabic_bare")
# A stop, the spaces after it, then an inline marker. Searching for the
# stop itself is several times faster than a look-behind tried at every
# character.
INLINE_MARKER = regex.compile(
    rf"[。；;：:！!？?]\s*+(?:{_first_of(INLINE_STYLES)})")

# The dump's markdown list bullet before a numbered line: "- 1.出生公证".
LIST_BULLET = regex.compile(r"^\s*-\s+")

# A paragraph that ends its sentence (or a bracket or quote that closes
# one); a paragraph without it may have been cut by a page break.
SENTENCE_END = regex.compile(r"[。；;！!？?：:…）)”』」》\]】]\s*$")

# A paragraph that ends with a stop (a heading ends with none; closing
# quotes and brackets do not count: 严格排查“十清楚”).
FULL_STOP_END = regex.compile(r"[。；;！!？?：:…]\s*$")

# A signature: issuer names (no punctuation), the date written out, then
# a disclosure note, or, in a row, the title of what follows.
SIGNATURE = regex.compile(
    r"^(?P<names>[^。，,；;！!？?：:]{0,80}?)\s*"
    r"(?P<date>(?:19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*"
    r"(?P<note>[（(〔【][^）)〕】]{0,40}[）)〕】])?\s*"
    r"(?P<rest>[^。，,；;！!？?：:]{0,60})$"
)

# A disclosure or seal note on a line of its own: (此件公开发布),
# 〔此件公开发布，发至县（市、区）〕, （信息公开形式：主动公开）, （代章）.
PUBLICATION_NOTE = regex.compile(
    r"^\s*[（(〔【\[]\s*(?:此件|信息公开形式|代章).*[）)〕】\]]\s*$"
)

# An attachment's own heading: 附件, 附件：, 附件1, 附件：1.
ATTACHMENT_LABEL = regex.compile(
    r"^\s*附\s*件\s*[：:]?\s*(?P<n>\d{1,2})?\s*[：:]?\s*$"
)

# A line of the letter's attachment list: 附件：1.名称, 附件：《名称》.
ATTACHMENT_LIST = regex.compile(r"^\s*附\s*件\s*\d{0,2}\s*[：:]\s*(?P<rest>\S.*)$")

# What closes a letter after its last clause: formulas, contacts, links.
CLOSING_LEAD = regex.compile(
    r"^\s*(?:特此|以上|上述|有上述|若上述|请各|请认真|请遵照|请按照|请结合|感谢"
    r"|本(?:通知|通告|公告|意见|办法|规定|措施|决定|命令|方案|文件|指南|细则)"
    r"|相关链接|政策文件解读"
    r"|(?:联系人|联系电话|咨询电话|预约电话|电话|传真|邮寄地址|通讯地址|地址"
    r"|邮编|邮箱|电子邮箱)\s*[：:])"
)

# A title is complete when it ends with its genre word (or N 条), maybe
# followed by an edition: 工作方案, 措施 30 条, 指南（第一版）.
TITLE_COMPLETE = regex.compile(
    r"(?:通知|通告|公告|通报|决定|意见|方案|措施|办法|规定|细则|指引|指南"
    r"|清单|名单|要求|函|令|\d+\s*条)(?:\s*[（(][^（()）]{1,12}[）)])?\s*$"
)

# An edition printed under a title: （第二版）, （试行）; and at its end.
EDITION_LINE = regex.compile(r"^\s*[（(][^（()）]{1,12}[）)]\s*$")
TITLE_EDITION = regex.compile(r"[（(][^（()）]{1,12}[）)]\s*$")

# Punctuation that a title never holds: a line with it is prose or a field.
TITLE_BREAKER = regex.compile(r"[。；;：:！!？?]")

# A clause's lead phrase: its first sentence, when that ends in a full
# stop or a colon (（一）切实做好组织实施。城乡社区……).
LEAD_PHRASE = regex.compile(r"^(?P<lead>[^。；;：:！!？?]{2,}?)(?P<stop>[。：:])")

# A title that forwards or publishes the document it carries.
FORWARDS = regex.compile(r"转发")
PUBLISHES_DOC = regex.compile(r"印发|发布")

# 7. Tables (header cells, rows, phone numbers, places) -----------------

# One phone number as the directories print it: an optional area code
# and separator (a dash, an em dash, spaced out or doubled by mistake),
# the local number, an extension after a dash (0411-39888888-8850,
# 96615-10328), then last digits of more numbers sharing its prefix
# (0418-6626960/89).
PHONE = regex.compile(
    r"(?<!\d)(?P<area>0\d{2,3})?(?P<sep>\s*[-—–－]{1,2}\s*)?"
    r"(?P<local>\d{5,11})(?:\s*[-—–－]\s*(?P<ext>\d{1,6}))?"
    r"(?P<tails>(?:\s*/\s*\d{1,4})+)?(?!\d)"
)

# What may stand between the numbers of one phone cell.
PHONE_GLUE = regex.compile(r"^[\s,，、;；/]*$")

# A doubled separator: the library reads 0412--7130260, a person sees a typo.
PHONE_DOUBLED_SEPARATOR = regex.compile(r"[-—–－]\s*[-—–－]")

# Punctuation that ends a sentence or announces what follows: a block
# ending so is prose or an intro line, never a cell or a caption. A set of
# last characters, as blocks are stripped: cheaper than a pattern.
PROSE_END_CHARS = frozenset("。；;！!？?：:，,")

# A caption printed after a signature in the same paragraph:
# 辽宁省卫生健康委 2020年2月9日 辽宁省……专家组人员名单.
CAPTION_AFTER_DATE = regex.compile(
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s+(?P<caption>\S.*)$"
)

# The role labels of a list of people: 组长, 副组长, 成员, also spaced out.
ROLE_LABEL = regex.compile(r"^\s*(?:副\s*)?组\s*长\s*$|^\s*成\s*员\s*$")

# A person's name: two to four Han characters, possibly spaced out.
PERSON_NAME = regex.compile(r"^\s*\p{Han}(?:\s*\p{Han}){1,3}\s*$")

# The word a post ends with; a post line without one is wrapped.
POST_END = regex.compile(
    r"(?:主任|科长|所长|部长|处长|局长|院长|站长|书记|干部|调研员|巡视员"
    r"|负责人|专员|主席|组长|队长)\s*$"
)

# A cell that names several districts: 兴隆台区、双台子区.
SEVERAL_PLACES = regex.compile(r"[、,，]")

# Opening and closing brackets, to find a cell wrapped across a blank
# line (counted and tested with string methods, cheaper than a pattern).
OPEN_BRACKETS = ("(", "（")
CLOSE_BRACKETS = (")", "）")
OPEN_BRACKET = regex.compile(f"[{''.join(OPEN_BRACKETS)}]")

# 8. Relations (editions, copies, citations) ----------------------------

# An edition mark in a title, after NFKC folding: (最新) before the
# directory's title, (第二版) or (试行第六版) inside a list's title.
EDITION_MARK = regex.compile(
    r"\((?:最新|更新|修订|(?:试行)?第[一二三四五六七八九十\d]{1,3}版)\)"
)

# What layout or markup adds to a body and two printings of one text do
# not share: list bullets at a line's start, whitespace, table pipes.
BODY_BULLET = regex.compile(r"^\s*-\s+", regex.M)
BODY_LAYOUT = regex.compile(r"[\s|]+")
# A dash before whitespace: every bullet has one, while most dashes in
# bodies (dates, phone numbers) do not; a cheap search before BODY_BULLET.
DASH_BEFORE_SPACE = regex.compile(r"-\s")

# A title quoted in 《》, one level of nested 《》 allowed (《关于印发
# 《X》的通知》), and an inner 《 left unclosed by a typo (line 2851:
# 《…诊疗方案《试行第二版）》) kept inside the outer title.
QUOTED_TITLE = regex.compile(
    r"《(?P<title>(?:[^《》\n]|《[^《》\n]*》)*(?:《[^《》\n]*)?)》"
)

# What stands right before a quoted title that is no reference to
# another document: 本《通知》 (the document itself), 简称《通知》 (a
# short name for the reference just made).
NOT_A_REFERENCE = regex.compile(r"(?:本|简称)\s*$")

# Marks that two printings of one title may differ in: quotes, brackets.
TITLE_MARKS = regex.compile(r"[\s《》〈〉<>“”\"'‘’()\[\]【】〔〕]")
