"""A worked example: the datasets in pandas and in DuckDB.

Answers two questions a researcher asks first:
1. How many designated hotels did each city list, in the latest edition
   of the hotel directory?
2. What do the numbered clauses of the policy lists say, document by
   document?

Run `make all` first, then: .venv/bin/python examples/explore.py [OUT]
"""

import sys
from pathlib import Path

import duckdb
import pandas as pd


def hotels_per_city_pandas(out: Path) -> pd.DataFrame:
    """Hotels per city on the latest edition of each directory (pandas)."""
    documents = pd.read_parquet(out / "documents.parquet")
    entries = pd.read_parquet(out / "directory_entries.parquet")
    latest = documents[documents["is_latest"]
                       & documents["title"].str.contains("定点宾馆")]
    hotels = entries[entries["doc_id"].isin(latest["doc_id"])].copy()
    # A special zone (沈抚新区) has no prefecture: its group label names it.
    hotels["city"] = hotels["city"].fillna(hotels["group_label"])
    return (hotels.groupby("city", sort=True).size()
            .rename("hotels").reset_index())


def hotels_per_city_duckdb(out: Path) -> pd.DataFrame:
    """The same count in SQL: no quoting needed for any column."""
    return duckdb.sql(f"""
        select coalesce(e.city, e.group_label) as city, count(*) as hotels
        from '{out}/directory_entries.parquet' e
        join '{out}/documents.parquet' d using (doc_id)
        where d.is_latest and d.title like '%定点宾馆%'
        group by 1
        order by 1
    """).df()


def policy_clauses(out: Path) -> pd.DataFrame:
    """Top-level clauses of the latest policy lists, with their document."""
    return duckdb.sql(f"""
        select d.publish_date, d.title, c.path, c.marker,
               coalesce(c.heading, left(c.text, 30)) as says
        from '{out}/clauses.parquet' c
        join '{out}/documents.parquet' d using (doc_id)
        where d.kind = 'policy_list' and d.is_latest and c.level = 1
        order by d.publish_date, d.doc_id, c.line_start, c.char_start
    """).df()


def main(out: Path) -> None:
    pandas_count = hotels_per_city_pandas(out)
    sql_count = hotels_per_city_duckdb(out)
    if pandas_count.to_dict("records") != sql_count.to_dict("records"):
        raise SystemExit("pandas and DuckDB disagree on the hotel counts")
    print("Designated hotels per city, latest edition of the directory:")
    print(pandas_count.to_string(index=False))
    print(f"total: {pandas_count['hotels'].sum()}")
    clauses = policy_clauses(out)
    print(f"\n{len(clauses)} top-level clauses in "
          f"{clauses['title'].nunique()} latest policy lists; the first:")
    print(clauses.head(10).to_string(index=False))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "out"))
