"""Relations between documents: copies, editions, citations (issue 6).

The one stage that sees the whole collection, after every raw file's
documents are built: it links documents to the ones they copy or
update (pipeline.editions) and resolves the citations found in each
document against the collection (pipeline.citations).
"""

import logging
from typing import Any

from pipeline.citations import resolve_citations
from pipeline.editions import Links, Listing, link_documents
from pipeline.records import sharing_field_names
from schemas import Document

log = logging.getLogger(__name__)

Rows = dict[str, list[Any]]
# Beside the datasets' rows: what relations reads of each document.
LISTINGS = "listings"


def relate(rows: Rows) -> Rows:
    """The rows with documents linked and citations resolved.

    1. documents, from their listings (rows[LISTINGS], one each):
       content hash, duplicate_of, body_same_as, editions and is_latest
       (returned as updated copies of the records);
    2. citations: resolved_doc_id and resolved_part_id, against every
       document's and part's own number and title.
    """
    documents = link(rows.get("documents", []), rows.get(LISTINGS, []))
    citations = resolve_citations(rows.get("citations", []), documents,
                                  rows.get("parts", []))
    log.info("relations: %d documents, %d latest, %d of %d citations "
             "resolved", len(documents),
             sum(d.is_latest for d in documents),
             sum(c.resolved_doc_id is not None for c in citations),
             len(citations))
    return {**rows, "documents": documents, "citations": citations}


def link(documents: list[Document],
         listings: list[Listing]) -> list[Document]:
    """The documents with their relation columns filled, from their
    listings (`listing`)."""
    links = link_documents(listings)
    return sharing_field_names(
        d.model_copy(update=_columns(d, links[d.doc_id])) for d in documents)


def listing(document: Document) -> Listing:
    """What relations reads of one document, made with the document."""
    return Listing.of(document.doc_id, document.source,
                      document.line_start, document.publish_date,
                      document.title, document.body)


def _columns(document: Document, links: Links) -> dict[str, object]:
    """The relation columns, and the warning that flags a copied body."""
    columns = links.columns
    if links.body_same_as is not None:
        columns["warnings"] = sorted({*document.warnings, "body_copied"})
    return columns


def relations_tsv(rows: Rows) -> str:
    """Golden snapshot: counts (all documents and latest editions), every
    document's relation and every resolved citation, one per line."""
    documents = rows["documents"]
    where = {d.doc_id: f"{d.source}:{d.line_start}" for d in documents}
    citations = rows.get("citations", [])
    lines = ["kind\tsubject\twhat\tvalue"]
    lines += _counts(documents, rows.get("parts", []), citations)
    for d in documents:
        for column in ("duplicate_of", "body_same_as", "edition_of"):
            target = getattr(d, column)
            if target is not None:
                lines.append(f"document\t{where[d.doc_id]}\t{column}\t"
                             f"{where.get(target, target)}")
        if d.edition is not None:
            lines.append(f"document\t{where[d.doc_id]}\tedition\t"
                         f"{d.edition}{' latest' if d.is_latest else ''}")
    for c in citations:
        if c.resolved_doc_id is None:
            continue
        cited = c.cited_number or c.cited_title
        part = (c.resolved_part_id or "").rsplit("-", 1)[-1]
        lines.append(f"citation\t{c.source}:{c.line_start}:{c.char_start}\t"
                     f"{cited}\t{where.get(c.resolved_doc_id)} {part} "
                     f"by {c.resolved_by}")
    return "\n".join(lines) + "\n"


def _counts(documents: list[Document], parts: list[Any],
            citations: list[Any]) -> list[str]:
    latest = [d for d in documents if d.is_latest]
    counts = {
        ("documents", "all"): len(documents),
        ("documents", "latest editions"): len(latest),
        ("documents", "in an edition series"): sum(
            d.edition is not None for d in documents),
        ("documents", "duplicates"): sum(
            d.duplicate_of is not None for d in documents),
        ("documents", "copied bodies"): sum(
            d.body_same_as is not None for d in documents),
        ("parts", "all"): len(parts),
        ("citations", "all"): len(citations),
        ("citations", "in titles"): sum(c.found_in == "title"
                                        for c in citations),
        ("citations", "resolved by number"): sum(
            c.resolved_by == "number" for c in citations),
        ("citations", "resolved by title"): sum(
            c.resolved_by == "title" for c in citations),
    }
    for kind in sorted({p.part_kind for p in parts}):
        counts[("parts", kind)] = sum(p.part_kind == kind for p in parts)
    for kind in sorted({str(getattr(d, "kind", None)) for d in documents}):
        counts[("documents per kind, latest editions", kind)] = sum(
            str(getattr(d, "kind", None)) == kind for d in latest)
    return [f"count\t{subject}\t{what}\t{n}"
            for (subject, what), n in counts.items()]
