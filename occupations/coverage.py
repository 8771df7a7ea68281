"""Print which of the 100 largest US occupations have a role page, by jobs.

Reads `bls-oews-2025-top100.csv` beside this file and the role files of `docs/roles/`.
Exits 1 when a row names a page that does not exist.
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
TABLE = HERE / "bls-oews-2025-top100.csv"
ROLES = HERE.parent / "docs" / "roles"


@dataclass(frozen=True)
class Occupation:
    rank: int
    soc_code: str
    title: str
    employment: int
    page: str
    """The covering role's slug, or "" when no page covers it."""


def occupations(table: Path = TABLE) -> list[Occupation]:
    with table.open(encoding="utf-8", newline="") as file:
        return [
            Occupation(
                int(row["rank"]),
                row["soc_code"],
                row["occupation"],
                int(row["employment"]),
                row["page"],
            )
            for row in csv.DictReader(file)
        ]


def missing_pages(rows: list[Occupation], roles: Path = ROLES) -> list[Occupation]:
    """Rows whose `page` names no file in `roles`."""
    return [row for row in rows if row.page and not (roles / f"{row.page}.md").is_file()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--missing", action="store_true", help="list only uncovered ones")
    args = parser.parse_args(argv)
    rows = occupations()
    broken = missing_pages(rows)
    for row in rows:
        if args.missing and row.page:
            continue
        where = row.page or "-- no page --"
        print(f"{row.rank:>3}  {row.employment:>9,}  {row.title[:70]:<70}  {where}")
    covered = [row for row in rows if row.page and row not in broken]
    jobs = sum(row.employment for row in rows)
    jobs_covered = sum(row.employment for row in covered)
    print(
        f"\n{len(covered)} of {len(rows)} occupations covered; "
        f"{jobs_covered / 1e6:.1f} of {jobs / 1e6:.1f} million jobs "
        f"({100 * jobs_covered / jobs:.0f}%)."
    )
    for row in broken:
        print(
            f"error: row {row.rank} names page {row.page!r}, "
            f"but {ROLES}/{row.page}.md does not exist",
            file=sys.stderr,
            flush=True,
        )
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
