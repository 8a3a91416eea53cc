"""Command line: `python -m velkommen check|schema` (run from the project root).

check   validate data/ and the pages' references to it; exit 1 on errors
schema  write one JSON Schema per kind of data file into schemas/
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .build import editor_notices, page_problems, resolve_build_date
from .errors import errors_only, format_report
from .loader import load_site_data
from .schema import write_schemas


def check(root: Path, on: date | None = None) -> int:
    build_date, problems = resolve_build_date(None, on)
    site = load_site_data(root / "data")
    problems = [*problems, *site.problems, *page_problems(site, root / "docs"), *editor_notices(site, build_date)]
    print(format_report(problems))
    return 1 if errors_only(problems) else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m velkommen")
    parser.add_argument("command", choices=["check", "schema"])
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project root (default: current folder)")
    args = parser.parse_args(argv)
    if args.command == "check":
        return check(args.root)
    written = write_schemas(args.root / "schemas")
    print("\n".join(str(p) for p in written))
    return 0


if __name__ == "__main__":
    sys.exit(main())
