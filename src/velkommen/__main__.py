"""Command line: `python -m velkommen <command>` (run from the site's folder).

check   validate data/ and the pages' references to it; exit 1 on errors
schema  write one JSON Schema per kind of data file into schemas/
status  missing and outdated translations, facts due a check; --strict: exit 1 if any,
        --markdown: a summary for CI (e.g. $GITHUB_STEP_SUMMARY)
links   check the external links of a built site (--site site/); exit 1 if any is broken
address check that a built site (--site site/) names no local address (127.0.0.1, localhost);
        exit 1 if it does, so the deploy workflow does not publish it
feeds   fetch the organisers' own calendars (never fails)
sources which guide steps' official sources changed since they were checked
new     a new municipality's site: new <folder> --name "…" --website https://… [--languages da,de,en]
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from velkommen.build import page_problems, resolve_build_date
from velkommen.check.errors import errors_only, format_report
from velkommen.check.notices import editor_notices
from velkommen.editors.schema import stale_schemas, write_schemas, write_vscode_mapping
from velkommen.load.languages import declared_languages
from velkommen.load.loader import load_site_data
from velkommen.model.common import languages_in_force, use_languages
from velkommen.render import words


def check(root: Path, on: date | None = None) -> int:
    build_date, problems = resolve_build_date(on)
    site = load_site_data(root / "data")
    use_languages(site.languages)  # the site's words are checked in its languages
    problems = [*problems, *words.load(root / "data" / words.SITE_WORDS), *site.problems, *page_problems(site, root / "docs"),
                *editor_notices(site, build_date)]
    if site.ok:  # markers ask the data for ids: check them once the data itself is sound
        problems += marker_problems(site, root / "docs", build_date)
    print(format_report(problems))
    return 1 if errors_only(problems) else 0


def marker_problems(site, docs: Path, on: date) -> list:
    """Unknown markers and wrong ids in every page of every language, as a build would find them."""
    from velkommen.render.context import RenderContext
    from velkommen.render.markers import check_markers

    problems = []
    for lang in site.languages:
        for page in sorted((docs / lang).rglob("*.md")):
            relative = page.relative_to(docs / lang).as_posix()
            ctx = RenderContext(lang, relative, on, site)
            problems += check_markers(page.read_text(encoding="utf-8"), ctx, f"docs/{lang}/{relative}")
    return problems


def show_status(root: Path, strict: bool, markdown: bool) -> int:
    from velkommen.editors.status import as_markdown, as_text, status

    build_date, _ = resolve_build_date(None)
    site = load_site_data(root / "data")
    if not site.ok:
        print(format_report(site.problems))
        return 1
    st = status(site, root, build_date)
    print(as_markdown(st) if markdown else as_text(st), end="")
    return 1 if strict and not st.empty else 0


def fetch_feeds(root: Path) -> int:
    """Fetch the organisers' calendars for the next build. Never fails: a feed that fails keeps its last good copy."""
    from velkommen.load.feeds import feeds_dir, fetch_all

    site = load_site_data(root / "data")
    if not site.ok:
        print(format_report(errors_only(site.problems)))
        return 0  # the build will say the same; fetching must not block it
    for r in fetch_all(site.entries("entries"), feeds_dir(root), date.today()):
        outcome = f"skipped, last good copy kept: {r.problem}" if r.problem else f"{r.events} upcoming event(s)"
        print(f"{r.entry}: {r.url} – {outcome} ({r.seconds:.1f} s)")
    return 0


def watch_sources(root: Path, update: bool) -> int:
    """Which guide steps' official sources changed since they were fingerprinted. Never fails (a report)."""
    from velkommen.editors.sourcewatch import as_text, read_lock, watch, write_lock

    site = load_site_data(root / "data")
    report, lock = watch(site.entries("steps"), read_lock(root), date.today())
    print(as_text(report), end="")
    if update:
        write_lock(root, lock)
    return 0


def check_address(site: Path) -> int:
    """Before publishing: a site that links to this computer or a local network would send readers nowhere."""
    from velkommen.check.errors import Problem
    from velkommen.outputs.address import local_links

    if not (site / "index.html").is_file():
        print(Problem(str(site), "there is no built site here", "run `make build` first").format())
        return 1
    fix = ("give the site its public address (site_url in data/municipality.yaml, or SITE_URL in the deploy "
           "workflow) and build again")
    problems = [Problem(f"{site.name}/{path}", f"names a local address: {', '.join(links)}", fix)
                for path, links in local_links(site).items()]
    for problem in problems:
        print(problem.format())
    print(f"{len(problems)} file(s) name a local address: do not publish this site." if problems
          else f"{site}: no local addresses.")
    return 1 if problems else 0


def make_new_site(args) -> int:
    from velkommen.new_site import NewSiteError, new_site
    from velkommen.render.words import fallback_language, language_name

    if not (args.folder and args.name and args.website):
        print('usage: python -m velkommen new <folder> --name "Nørreby Kommune" --website https://www.norreby.dk')
        return 2
    try:
        written = new_site(args.folder, args.name, args.website, args.languages.split(","))
    except NewSiteError as exc:
        print(f"No site was written: {exc}.")
        return 1
    print(f"Wrote {len(written)} files to {args.folder}. Next:\n  cd {args.folder} && make serve\n"
          "and fill in what its README.md lists first (data/municipality.yaml, the plan, the contact page).")
    unwritten = [path.parent.name for path in written if path.name == ".gitkeep"]
    if unwritten:
        print(f"No pages in {', '.join(unwritten)} yet (the skeleton has none): readers see the Danish pages with a "
              f"notice until docs/{unwritten[0]}/ has them. The generator's own words are borrowed from "
              f"{language_name(fallback_language(args.languages.split(',')), 'en')} there; a translator adds them in data/words.yaml.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m velkommen")
    parser.add_argument("command", choices=["check", "schema", "status", "links", "address", "feeds", "sources", "new"])
    parser.add_argument("folder", nargs="?", type=Path, help="new: the folder for the new site")
    parser.add_argument("--name", help="new: the municipality's name, e.g. 'Nørreby Kommune'")
    parser.add_argument("--website", help="new: the municipality's own website, e.g. https://www.norreby.dk")
    parser.add_argument("--languages", default="da,de,en", help="new: the site's languages, Danish first (default: da,de,en)")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project root (default: current folder)")
    parser.add_argument("--strict", action="store_true", help="status: exit 1 when anything needs doing")
    parser.add_argument("--markdown", action="store_true", help="status: print Markdown (for a CI summary)")
    parser.add_argument("--check", action="store_true", help="schema: only check that schemas/ is up to date")
    parser.add_argument("--update", action="store_true", help="sources: write the new fingerprints to the lock file")
    parser.add_argument("--site", type=Path, default=Path("site"), help="links, address: the built site to check")
    args = parser.parse_args(argv)
    if args.command == "new":
        return make_new_site(args)
    if args.command == "check":
        return check(args.root)
    if args.command == "status":
        return show_status(args.root, args.strict, args.markdown)
    if args.command == "address":
        return check_address(args.site)
    if args.command == "feeds":
        return fetch_feeds(args.root)
    if args.command == "sources":
        return watch_sources(args.root, args.update)
    if args.command == "links":
        from velkommen.editors.linkcheck import check_all, external_links, report

        pages = external_links(args.site)
        results = check_all(sorted(pages))
        print(report(results, pages, args.markdown), end="")
        return 1 if any(not r.ok for r in results) else 0
    # The schemas offer the site's own languages (mkdocs.yml), so they are written per site.
    languages, problems = declared_languages(args.root)
    if problems:
        print(format_report(problems))
        return 1
    with languages_in_force(languages):
        if args.check:
            stale = stale_schemas(args.root / "schemas")
            for path in stale:
                print(f"{path} does not match the model: run `make schema` and commit schemas/")
            return 1 if stale else 0
        written = [*write_schemas(args.root / "schemas"), write_vscode_mapping(args.root / ".vscode" / "settings.json")]
    print("\n".join(str(p) for p in written))
    return 0


if __name__ == "__main__":
    sys.exit(main())
