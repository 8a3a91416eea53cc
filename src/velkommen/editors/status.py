"""What editors should look at: missing and outdated translations, facts due a check, an ended plan.

Printed by `make status` (text, or Markdown for a CI summary) and shown on
the editors' page /editors/status/ (not in the navigation, search or sitemap).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from velkommen.check.errors import Problem
from velkommen.check.notices import editor_notices
from velkommen.editors.translation import TranslationReport, translation_report
from velkommen.load.feeds import feed_report, feeds_dir
from velkommen.render.context import generated_page
from velkommen.render.words import language_name


@dataclass(frozen=True)
class Status:
    translations: TranslationReport
    checks: list[Problem]  # notices: facts due a check, a plan that has ended
    feeds: list[dict] = field(default_factory=list)  # the organisers' calendars the last fetch skipped

    @property
    def empty(self) -> bool:
        return self.translations.empty and not self.checks and not self.feeds


def status(site: Any, root: Path, on: date) -> Status:
    skipped = [line for line in feed_report(feeds_dir(root)) if line.get("problem")]
    return Status(translation_report(site, root), editor_notices(site, on), skipped)


def _where(f) -> str:
    where = f"{f.file}:{f.line}" if f.line else f.file
    parts = [where] + ([f"entry {f.entry}"] if f.entry else []) + ([f"field '{f.field}'"] if f.field else [])
    return " · ".join(parts)


def as_text(st: Status) -> str:
    out = []
    tr = st.translations
    for lang in tr.targets:
        name = language_name(lang, "en")
        for kind, items in (("pages", tr.pages), ("texts in data", tr.texts)):
            for state in ("missing", "outdated"):
                found = [f for f in items if f.lang == lang and f.status == state]
                if found:
                    label = f"{name} {kind} {'missing' if state == 'missing' else 'older than the Danish source'}"
                    out.append(f"{label} ({len(found)}):")
                    out += [f"  - {_where(f)}" for f in found]
    if not tr.history:
        out.append("Note: no git history here (a shallow clone?), so outdated translations cannot be found; only missing ones.")
    if st.checks:
        out.append(f"To check this month ({len(st.checks)}):")
        out += [f"  - {_where(p)} – {p.problem}" for p in st.checks]
    if st.feeds:
        out.append(f"Calendar feeds skipped at the last fetch, their last good copy used ({len(st.feeds)}):")
        out += [f"  - {f['entry']}: {f['url']} – {f['problem']}" for f in st.feeds]
    out.append("Nothing to do." if st.empty else "")
    return "\n".join(line for line in out if line is not None).rstrip() + "\n"


def as_markdown(st: Status) -> str:
    tr = st.translations
    names = [language_name(lang, "en") for lang in tr.targets]
    rows = ["## Translations and checks", "", "| | " + " | ".join(names) + " |", "|---" * (len(names) + 1) + "|"]
    for kind, items in (("Pages missing", tr.pages), ("Pages outdated", tr.pages),
                        ("Texts missing", tr.texts), ("Texts outdated", tr.texts)):
        state = "missing" if "missing" in kind else "outdated"
        counts = [sum(1 for f in items if f.lang == lang and f.status == state) for lang in tr.targets]
        rows.append(f"| {kind} | " + " | ".join(map(str, counts)) + " |")
    rows.append(f"| Facts due a check | {len(st.checks)} |" + " |" * max(len(names) - 1, 0))
    rows += ["", "```", as_text(st).rstrip(), "```", ""]
    return "\n".join(rows)




def editors_page_markdown(lang: str) -> str:
    """The editors' status page: kept out of the navigation, search, sitemap and search engines."""
    return generated_page("Status for redaktører", "Status for redaktører",
                          "Oversættelser, der mangler eller er ældre end den danske tekst, og oplysninger, der skal tjekkes igen. "
                          "Siden er kun til redaktører og vises ikke i menuen eller søgningen. Samme liste: `make status`.\n\n"
                          "<!-- editors:status -->", searchable=False, robots="noindex")
