"""Fragments of the step-by-step guide: `<!-- guide:... -->` markers."""

from __future__ import annotations

import re
from html import escape

from velkommen.outputs import qr
from velkommen.outputs.address import public_address
from velkommen.render import paths
from velkommen.render.context import RenderContext, generated_page, markdown_text, plain, render
from velkommen.render.markers import marker, one_id
from velkommen.render.structured import government_service, json_ld
from velkommen.render.words import ui
from velkommen.select.guide import bases_and_addons, followers, ordered, prerequisites, situation_page, situation_pages, steps_for


def base_situations(ctx: RenderContext) -> list[str]:
    return [s.id for s in bases_and_addons(ctx.site.entries("situations"))[0]]


def addon_situations(ctx: RenderContext) -> list[str]:
    return [s.id for s in bases_and_addons(ctx.site.entries("situations"))[1]]


def _data(ctx: RenderContext) -> dict:
    situations = ctx.site.entries("situations")
    bases, addons = bases_and_addons(situations)
    return {
        "situations": {s.id: s for s in situations},
        "bases": bases,
        "addons": addons,
        "terms": {t.id: t for t in ctx.site.entries("terms")},
        "guide_page": paths.GUIDE,
        "situation_page": situation_page,
    }


def _cross_refs(steps: list) -> dict:
    """'After:' and 'What comes next:' among the steps on the page only (see guide.prerequisites)."""
    return {"before_steps": prerequisites(steps), "next_steps": followers(steps)}


def _print_address(ctx: RenderContext, page: str) -> dict:
    """The page's public address and its QR code, for the printed checklist (none without a public address)."""
    site = public_address(ctx.site_url)
    url = site + ctx.prefix + page.removesuffix("index.md").removesuffix(".md").rstrip("/") + "/" if site else None
    return {"print_url": url, "print_qr": qr.svg(url, ui("welcome.qr_title", ctx.lang)) if url else None}


@marker("guide:chooser", about="'What is your situation?': links to each situation's page, and a filter when JavaScript runs.")
def chooser(ctx: RenderContext, args: list[str]) -> str:
    return render("guide/chooser.html", ctx, **_data(ctx), pages=situation_pages(ctx.site.entries("situations")))


@marker("guide:steps", about="Every step of the guide, numbered, each naming the situations it is for.")
def all_steps(ctx: RenderContext, args: list[str]) -> str:
    steps = ordered(ctx.site.entries("steps"))
    return render("guide/steps.html", ctx, **_data(ctx), **_cross_refs(steps), **_print_address(ctx, paths.GUIDE),
                  steps=steps, base=None, show_for=True)


@marker("guide:situation", args="<situation id>", check_args=one_id("base situation id", "data/guide/situations.yaml", base_situations),
        about="A situation's own page: its steps and the add-ons (children, studying, partner) to switch on.")
def for_situation(ctx: RenderContext, args: list[str]) -> str:
    data = _data(ctx)
    base = data["situations"][args[0]]
    addon_ids = [a.id for a in data["addons"]]
    steps = steps_for(ctx.site.entries("steps"), base.id, addon_ids)
    used_terms = [data["terms"][t] for t in dict.fromkeys(t for s in steps for t in s.terms) if t in data["terms"]]
    described = json_ld([government_service(s, ctx.lang) for s in steps])
    return render("guide/situation.html", ctx, **data, **_cross_refs(steps), **_print_address(ctx, situation_page(base.id)),
                  steps=steps, base=base, show_for=False, used_terms=used_terms) + described


@marker("guide:terms", about="The Danish official words of the guide with their explanations.")
def terms(ctx: RenderContext, args: list[str]) -> str:
    return render("guide/terms.html", ctx, terms_list=list(_data(ctx)["terms"].values()))


def situation_page_markdown(situation, lang: str) -> str:
    """The Markdown of a base situation's permanent page (generated, never written to docs/)."""
    title = ui("guide.page_title", lang, situation=plain(situation.name, lang))
    return generated_page(title, title, f"{markdown_text(ui('guide.page_intro', lang))}\n\n<!-- guide:situation {situation.id} -->",
                          searchable=False)


def _first_sentence(value: str) -> str:
    return re.split(r"(?<=[.!?])\s+", value.strip(), maxsplit=1)[0]


def step_search_entry(step, terms: dict, lang: str) -> tuple[str, str]:
    """A step's own search entry in `lang`: its title, and a one-line description (timing, what it is)
    followed by what else a reader may type: the step's details and its Danish words with their
    translations in every language, so "tax card", "Steuerkarte" and "skattekort" find it on each
    language's site. Text without a translation in `lang` stays out (it is shown in Danish only)."""
    def own(value):
        if value is None:
            return None
        text, actual = value.get(lang)
        return text if actual == lang else None

    title = step.title.get(lang)[0]
    summary = own(step.summary)
    stage = ui(f"stage.{step.stage}", lang)
    line = f"{stage}: {_first_sentence(summary)}" if summary else stage
    details = [summary and summary[len(_first_sentence(summary)):].strip(), own(step.when), own(step.authority.name),
               *(own(b) for b in step.bring), *(own(sub.text) for sub in step.substeps)]
    words: list[str] = []
    for tid in step.terms:
        term = terms.get(tid)
        if term is None:
            continue
        words.append(term.term)
        if term.translation is not None:
            words.extend(text for text in (term.translation.get(other)[0] for other in ("da", "de", "en")) if text)
    paragraphs = [line, " ".join(d for d in details if d), " · ".join(dict.fromkeys(words))]
    return title, "".join(f"<p>{escape(p, quote=False)}</p>" for p in paragraphs if p)


def guide_search_entries(site, lang: str) -> dict[str, tuple[str, str]]:
    """For each step: its anchor on the guide page ('step-<id>') and its search entry (title, text)."""
    terms = {t.id: t for t in site.entries("terms")}
    return {f"step-{s.id}": step_search_entry(s, terms, lang) for s in site.entries("steps")}
