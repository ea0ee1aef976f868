"""Phone cells split into numbers, validated and formatted (E.164).

Known shortcoming: a number printed without its area code (抚顺's
57722190, 盛京医院's service number 96615-10328) is flagged phone_invalid
although the row's city tells the area code; prefixing the city's code
(from `places`) before validating would recover most of them.

Numbers are validated against the metadata of `phonenumbers`, whose
parse and is_valid_number cost about 50 µs a number together: the usual
shapes of the dump are read and checked directly, at a tenth of that
(`_national_number`, `_is_valid_national`), other digits go through the
library. A compiled port would be faster still, but the one on PyPI
(rphonenumbers 0.1.0) judges 38 of 100,000 random mainland numbers
otherwise than the pinned version (0413 area codes among them).
"""

import logging
import re
from dataclasses import dataclass

import phonenumbers

from pipeline import patterns
from pipeline.memo import per_file

log = logging.getLogger(__name__)

# Every directory of the dumps lists numbers in mainland China.
REGION = "CN"
COUNTRY_CODE = phonenumbers.country_code_for_region(REGION)

# Openings that phonenumbers.parse may read as more than a national
# number in China: 0 (a trunk prefix, handled apart, or 00, the
# international prefix), 86 (the country code), 11, 12 and 17 (carrier
# codes and carrier-select prefixes, 1[12]xx and 179xx).
_PREFIXED = ("0", "86", "11", "12", "17")

# Cells worked out once per raw file (memo.per_file): a directory
# repeats a hotline on many rows, and its editions repeat its lists.
# What is cached is a pure function of the cell's text (Phone is frozen),
# and the bound keeps a long run's memory flat.
_CACHED_CELLS = 4096


@dataclass(frozen=True)
class _Description:
    """One description of the region's metadata: possible lengths and the
    pattern of its national numbers."""

    lengths: tuple[int, ...]
    pattern: re.Pattern[str] | None

    def matches(self, national: str) -> bool:
        """What phonenumbers' own test of a number against a description
        does: an empty tuple of lengths allows any length."""
        if self.lengths and len(national) not in self.lengths:
            return False
        return self.pattern is not None and bool(self.pattern.fullmatch(national))


def _description(desc: phonenumbers.PhoneNumberDesc | None) -> _Description:
    if desc is None or not desc.national_number_pattern:
        return _Description((), None)
    return _Description(tuple(desc.possible_length),
                        re.compile(desc.national_number_pattern))


def _region_metadata(region: str) -> phonenumbers.PhoneMetadata:
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if metadata is None:
        raise RuntimeError(f"phonenumbers has no metadata for {region}: "
                           "reinstall it from requirements.txt")
    return metadata


_METADATA = _region_metadata(REGION)
_GENERAL = _description(_METADATA.general_desc)
# A number is valid when it matches the general description and that of
# one type; phonenumbers tries eight rare types before the two that
# nearly every number of the dump is, fixed line and mobile.
_TYPES = tuple(_description(getattr(_METADATA, name)) for name in (
    "fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost",
    "personal_number", "voip", "pager", "uan", "voicemail"))


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
    # or separator is: a cheap test before the cache and the patterns.
    return not text[:1].isalpha() and _only_phones(text)


@per_file(maxsize=_CACHED_CELLS)
def _only_phones(text: str) -> bool:
    rest, found = patterns.PHONE.subn("", text)
    return found > 0 and bool(patterns.PHONE_GLUE.match(rest))


def split_phones(text: str) -> list[Phone]:
    """Every number of a phone cell, in printed order."""
    return list(_split_phones(text))


@per_file(maxsize=_CACHED_CELLS)
def _split_phones(text: str) -> tuple[Phone, ...]:
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
    return tuple(phones)


def _checked(printed: str, digits: str, extension: str | None) -> Phone:
    if patterns.PHONE_DOUBLED_SEPARATOR.search(printed):
        return Phone(printed, None, extension, "phone_malformed")
    e164 = valid_e164(digits)
    if e164 is None:
        log.debug("phone does not validate: %s", printed)
        return Phone(printed, None, extension, "phone_invalid")
    return Phone(printed, e164, extension)


def valid_e164(digits: str) -> str | None:
    """The number in E.164 when it is a valid number of China, else None."""
    national = _national_number(digits)
    if national is None:
        return parsed_e164(digits)
    if not _is_valid_national(national):
        return None
    return f"+{COUNTRY_CODE}{national}"


def _is_valid_national(national: str) -> bool:
    """phonenumbers.is_valid_number for a national number of China that
    opens with no zero, with the region's descriptions tried directly."""
    return _GENERAL.matches(national) and any(
        desc.matches(national) for desc in _TYPES)


def parsed_e164(digits: str) -> str | None:
    """`valid_e164` by way of phonenumbers.parse: any digits, but slow."""
    try:
        number = phonenumbers.parse(digits, REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _national_number(digits: str) -> str | None:
    """The national number of digits whose reading by parse is certain:
    ASCII digits after a trunk 0 (0 then 1-9), or opening with none of
    `_PREFIXED`; None for any other digits.

    parse drops a trunk 0 unless what remains has an impossible length,
    and then keeps it as a leading zero: such a number is invalid either
    way, as no national number of China opens with 0.
    """
    if not digits.isascii():
        return None
    if digits[:1] == "0" and digits[1:2] not in ("", "0"):
        return digits[1:]
    if digits.startswith(_PREFIXED):
        return None
    return digits
