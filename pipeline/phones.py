"""Phone cells split into numbers, validated and formatted (E.164).

Known shortcoming: a number printed without its area code (抚顺's
57722190, 盛京医院's service number 96615-10328) is flagged phone_invalid
although the row's city tells the area code; prefixing the city's code
(from `places`) before validating would recover most of them.

Known shortcoming: parsing and validating with `phonenumbers`, pure
Python, costs about 30 µs a number, a third of the tables stage on the
dump (458 numbers). A compiled port would be ten times faster, but the
one on PyPI (rphonenumbers 0.1.0) judges 38 of 100,000 random mainland
numbers otherwise than the pinned version (0413 area codes among them);
one whose metadata matches the pinned version could replace it.
"""

import logging
from dataclasses import dataclass

import phonenumbers

from pipeline import patterns

log = logging.getLogger(__name__)

# Every directory of the dumps lists numbers in mainland China.
REGION = "CN"


@dataclass(frozen=True)
class Phone:
    """One number of a phone cell, as printed and as E.164."""

    printed: str
    e164: str | None
    extension: str | None
    warning: str | None = None  # phone_malformed or phone_invalid


def is_phone_cell(text: str) -> bool:
    """True when a cell holds phone numbers and nothing else."""
    # Most cells open with a letter (a name, an address), which no number
    # or separator is: a cheap test before the patterns.
    if text[:1].isalpha():
        return False
    rest, found = patterns.PHONE.subn("", text)
    return found > 0 and bool(patterns.PHONE_GLUE.match(rest))


def split_phones(text: str) -> list[Phone]:
    """Every number of a phone cell, in printed order."""
    phones = []
    for match in patterns.PHONE.finditer(text):
        area = match["area"] or ""
        local = match["local"]
        printed = match.group(0)
        if match["tails"]:
            printed = printed[:printed.index("/")].rstrip()
        phones.append(_checked(printed, area + local, match["ext"]))
        prefix = printed[:len(printed) - len(local)]
        for tail in match["tails"].split("/")[1:] if match["tails"] else []:
            tail = tail.strip()
            # The tail replaces the last digits of the number before it.
            sibling = local[:len(local) - len(tail)] + tail
            phones.append(_checked(prefix + sibling, area + sibling, None))
    return phones


def _checked(printed: str, digits: str, extension: str | None) -> Phone:
    if patterns.PHONE_DOUBLED_SEPARATOR.search(printed):
        return Phone(printed, None, extension, "phone_malformed")
    try:
        number = phonenumbers.parse(digits, REGION)
    except phonenumbers.NumberParseException:
        return Phone(printed, None, extension, "phone_invalid")
    if not phonenumbers.is_valid_number(number):
        log.debug("phone does not validate: %s", printed)
        return Phone(printed, None, extension, "phone_invalid")
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return Phone(printed, e164, extension)
