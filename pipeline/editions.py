"""Copies and editions among documents, by exact hashes and MinHash.

Cross-file work never compares all pairs: equal bodies meet in a dict
keyed by their hash, and similar bodies meet in the buckets of a
MinHash locality-sensitive hash (LSH) index; only the pairs that share a
bucket are compared.
"""

import datetime as dt
import hashlib
import logging
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rensa import RMinHash, RMinHashLSH

from pipeline import patterns

log = logging.getLogger(__name__)

# Bodies are compared as sets of character 3-grams. On the dump, the
# three edition pairs score 0.56 to 0.63 (exact Jaccard; 0.59 to 0.63 as
# estimated here) and the closest unrelated pair 0.23 (0.28 estimated:
# two lists of labour measures); 2-grams narrow that gap (0.61 against
# 0.30), 5-grams lower the editions to 0.48.
SHINGLE = 3
# 192 permutations estimate a Jaccard of 0.5 within 0.036 (one standard
# deviation); 64 bands of 3 rows make a pair of Jaccard 0.4 share a
# bucket with probability 0.985, one of 0.1 with 0.06.
NUM_PERM = 192
LSH_BANDS = 64
MINHASH_SEED = 20200201
# Two bodies at least this similar hold the same text: a copy (another
# title) or a duplicate (the same title). Exact copies score 1.0; the
# dump has none in between.
COPY_SIMILARITY = 0.9
# Two documents with the same title (edition marks aside) whose bodies
# are at least this similar are editions of one series: the dump's
# editions score 0.59 to 0.63 (estimated), other pairs at most 0.28.
EDITION_SIMILARITY = 0.4
# Shorter normalised bodies (a line pointing to an attachment) say too
# little to be compared: the dump's shortest body has 41 characters.
MIN_COMPARED_CHARS = 20
HASH_DIGITS = 16


@dataclass(frozen=True)
class Listing:
    """What the relation rules read of one document."""

    doc_id: str
    source: str
    line_start: int
    publish_date: dt.date | None
    title_key: str
    content_hash: str | None
    # The normalised body is long enough to be compared.
    compared: bool
    body: str  # as printed

    @classmethod
    def of(cls, doc_id: str, source: str, line_start: int,
           publish_date: dt.date | None, title: str,
           body: str) -> "Listing":
        """One document's listing: a function of that document alone,
        made in the per-document stage, so that what is left for the
        whole collection is comparing. The normalised body is not kept:
        only the few bodies compared by MinHash need it again."""
        normalised = normalise_body(body)
        return cls(doc_id, source, line_start, publish_date,
                   title_key(title), _hash(normalised),
                   len(normalised) >= MIN_COMPARED_CHARS, body)

    @property
    def order(self) -> tuple[dt.date, str, int]:
        """Listing order: date (unknown last), raw file, line."""
        return (self.publish_date or dt.date.max, self.source,
                self.line_start)


@dataclass
class Links:
    """The relation columns of one document."""

    content_hash: str | None = None
    duplicate_of: str | None = None
    body_same_as: str | None = None
    edition_of: str | None = None
    edition: int | None = None
    is_latest: bool = True

    @property
    def columns(self) -> dict[str, object]:
        return dict(vars(self))


# Characters that str.split() takes for whitespace and the pattern \s
# does not: the information separators \x1c to \x1f.
SPLIT_ONLY_SPACES = "\x1c\x1d\x1e\x1f"


def nfkc(text: str) -> str:
    """Unicode NFKC, computed as NFC of NFKD.

    The same text by definition (NFKC is the canonical composition of
    the compatibility decomposition), but NFC returns at once when
    nothing composes, where NFKC composes anew every text that holds
    one full-width character: on the dump's bodies 15 times faster.
    """
    return unicodedata.normalize("NFC", unicodedata.normalize("NFKD", text))


def normalise_body(body: str) -> str:
    """The body as two printings of the same text share it."""
    text = nfkc(body)
    if patterns.DASH_BEFORE_SPACE.search(text):  # most bodies hold no bullet
        text = patterns.BODY_BULLET.sub("", text)
    return _drop_layout(text)


def _drop_layout(text: str) -> str:
    """Text without whitespace and table pipes (patterns.BODY_LAYOUT)."""
    if any(char in text for char in SPLIT_ONLY_SPACES):
        return patterns.BODY_LAYOUT.sub("", text)
    # Otherwise str.split() drops exactly the pattern's whitespace, three
    # times faster than the pattern.
    return "".join(text.split()).replace("|", "")


def content_hash(body: str) -> str | None:
    """Hash of the normalised body; None for an empty one."""
    return _hash(normalise_body(body))


def _hash(normalised: str) -> str | None:
    if not normalised:
        return None
    digest = hashlib.sha256(normalised.encode("utf-8")).hexdigest()
    return digest[:HASH_DIGITS]


def title_key(title: str) -> str:
    """The title without edition marks and layout: what editions share."""
    text = "".join(nfkc(title).split())
    return patterns.EDITION_MARK.sub("", text)


def link_documents(listings: Sequence[Listing]) -> dict[str, Links]:
    """The relation columns of every document, by doc_id.

    1. exact copies: equal body hashes, the earliest listing the original;
    2. near copies and editions: MinHash LSH candidates, then the rules;
    3. series: editions numbered in listing order, the last one latest.

    Known limits. The earlier of two equal bodies is taken as the
    original; were the earlier listing the one with the wrong body, the
    flag would fall on the right one (a title-to-body match would
    decide). An update listed under a reworded title (not only an
    edition mark added) is not linked as an edition: no such case in the
    dump; a title similarity measure would find it.
    """
    ordered = sorted(listings, key=lambda x: x.order)
    links = {x.doc_id: Links(content_hash=x.content_hash) for x in ordered}
    keys = {x.doc_id: x.title_key for x in ordered}

    # 1. Equal hashes: the first of each group is the original.
    groups: dict[str | None, list[Listing]] = defaultdict(list)
    for listing in ordered:
        if listing.compared:
            groups[listing.content_hash].append(listing)
    for group in groups.values():
        # The first listing of each title in the group, so that a copy
        # finds its duplicate's original without scanning the group.
        first_by_title = {keys[group[0].doc_id]: group[0]}
        for listing in group[1:]:
            key = keys[listing.doc_id]
            _mark_copy(links[listing.doc_id], listing, group[0],
                       first_by_title.get(key))
            first_by_title.setdefault(key, listing)

    # 2. Similar bodies among the documents that copy nothing.
    compared = [x for x in ordered
                if x.compared and not _is_copy(links[x.doc_id])]
    edition_pairs = []
    by_id = {x.doc_id: x for x in ordered}
    for first, second, similarity in _similar_pairs(compared):
        if _is_copy(links[second.doc_id]):
            continue
        if similarity >= COPY_SIMILARITY:
            original = by_id[_original(links, first.doc_id)]
            same_title = keys[original.doc_id] == keys[second.doc_id]
            _mark_copy(links[second.doc_id], second, original,
                       original if same_title else None)
        elif keys[first.doc_id] == keys[second.doc_id]:
            edition_pairs.append((first, second))
            log.debug("editions %s, %s: similarity %.2f", first.doc_id,
                      second.doc_id, similarity)

    # 3. Series: the editions linked, copies left out.
    pairs = [(a, b) for a, b in edition_pairs
             if not _is_copy(links[a.doc_id]) and not _is_copy(links[b.doc_id])]
    for series in _series(pairs, ordered):
        for number, listing in enumerate(series, 1):
            link = links[listing.doc_id]
            link.edition = number
            link.edition_of = series[0].doc_id if number > 1 else None
            link.is_latest = number == len(series)
    for link in links.values():
        if _is_copy(link):
            link.is_latest = False
    return links


def _original(links: dict[str, Links], doc_id: str) -> str:
    """The document a copy repeats, or the document itself."""
    link = links[doc_id]
    return link.duplicate_of or link.body_same_as or doc_id


def _is_copy(link: Links) -> bool:
    return link.duplicate_of is not None or link.body_same_as is not None


def _mark_copy(link: Links, listing: Listing, original: Listing,
               same_title: Listing | None) -> None:
    """A duplicate of the earliest listing with the same title (same_title)
    when there is one, else a copied body of the original."""
    if same_title is not None:
        link.duplicate_of = same_title.doc_id
    else:
        link.body_same_as = original.doc_id
        log.debug("body copied: %s repeats %s", listing.doc_id,
                  original.doc_id)


def _signature(body: str) -> RMinHash:
    minhash = RMinHash(num_perm=NUM_PERM, seed=MINHASH_SEED)
    minhash.update([body[i:i + SHINGLE]
                    for i in range(max(1, len(body) - SHINGLE + 1))])
    return minhash


def _similar_pairs(
    listings: Sequence[Listing],
) -> Iterable[tuple[Listing, Listing, float]]:
    """Pairs whose estimated Jaccard is at least EDITION_SIMILARITY, the
    earlier listing first, in listing order.

    Known limit: the signatures are made here, at the end of the run and
    in one process, for every body that is no exact copy: about 0.2 ms
    a body, little on the benchmark's copies, more on a collection of
    distinct documents. Made with each document instead, they would run
    in the workers, but cost as much again for every exact copy.
    """
    signatures = [_signature(normalise_body(x.body)) for x in listings]
    index = RMinHashLSH(threshold=EDITION_SIMILARITY, num_perm=NUM_PERM,
                        num_bands=LSH_BANDS)
    for key, signature in enumerate(signatures):
        index.insert(key, signature)
    for second, signature in enumerate(signatures):
        for first in sorted(index.query(signature)):
            if first >= second:
                continue  # each pair once, the earlier listing first
            similarity = signatures[first].jaccard(signature)
            if similarity >= EDITION_SIMILARITY:
                yield listings[first], listings[second], similarity


def _series(pairs: Sequence[tuple[Listing, Listing]],
            ordered: Sequence[Listing]) -> list[list[Listing]]:
    """Connected groups of edition pairs, each in listing order."""
    root: dict[str, str] = {}

    def find(doc_id: str) -> str:
        while root.get(doc_id, doc_id) != doc_id:
            doc_id = root[doc_id]
        return doc_id

    for first, second in pairs:
        a, b = find(first.doc_id), find(second.doc_id)
        if a != b:
            root[max(a, b)] = min(a, b)
    members: dict[str, list[Listing]] = defaultdict(list)
    linked = {x.doc_id for pair in pairs for x in pair}
    for listing in ordered:
        if listing.doc_id in linked:
            members[find(listing.doc_id)].append(listing)
    return sorted(members.values(), key=lambda group: group[0].order)
