"""The guide on a phone and with a screen reader (issue 18): collapsed steps, headings,
focus and announcements, named done boxes, real checklists, a short printed checklist,
and search that finds a step in every language."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from .browsing import DESKTOP, GUIDE_KEY_PREFIX, PHONE, run_axe
from .test_languages import search

pytestmark = pytest.mark.browser

GUIDE = ".vk-guide[data-guide=all]"
SHOWN_STEPS = "[...document.querySelectorAll('.vk-step')].filter(li => li.checkVisibility())"
OPEN_BODIES = f"() => {SHOWN_STEPS}.filter(li => li.querySelector('.vk-step__body').checkVisibility()).length"
SHOWN_COUNT = f"() => {SHOWN_STEPS}.length"


def _clean(watch, context):
    assert watch.errors == [] and watch.csp == [], watch.errors + watch.csp
    assert watch.foreign_requests() == []
    assert context.cookies() == []


@pytest.mark.parametrize("path", ["/en/guide/", "/en/guide/for/non-eu/", "/de/guide/for/nordic/", "/guide/"])
def test_steps_start_collapsed_and_show_all_opens_them(open_context, site_server, path):
    context, watch = open_context(PHONE)
    page = context.new_page()
    page.goto(site_server.url(path))
    assert page.evaluate(SHOWN_COUNT) > 3
    assert page.evaluate(OPEN_BODIES) == 0, "every step starts collapsed"
    # Each collapsed step shows its number, title and timing, and its toggle says it is collapsed.
    first = page.locator(".vk-step:visible").first
    assert first.locator(".vk-step__number").is_visible() and first.locator(".vk-step__when").is_visible()
    assert first.locator(".vk-step__toggle").get_attribute("aria-expanded") == "false"
    first.locator(".vk-step__toggle").click()
    assert first.locator(".vk-step__toggle").get_attribute("aria-expanded") == "true"
    assert first.locator(".vk-step__body").is_visible()
    page.locator(".vk-guide__toggle").click()
    assert page.evaluate(OPEN_BODIES) == page.evaluate(SHOWN_COUNT), "'Show all steps' opens them all"
    _clean(watch, context)


def test_without_javascript_every_step_is_readable(browser, site_server):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site_server.url("/en/guide/"))
    assert page.evaluate(SHOWN_COUNT) > 10
    assert page.evaluate(OPEN_BODIES) == page.evaluate(SHOWN_COUNT)
    context.close()


def test_a_link_to_a_step_opens_it(open_context, site_server):
    context, watch = open_context(PHONE)
    page = context.new_page()
    page.goto(site_server.url("/en/guide/#step-tax-card"))
    assert page.locator("#step-tax-card").is_visible()
    assert page.locator(".vk-step[data-step=tax-card] .vk-step__body").is_visible()
    _clean(watch, context)


HEADINGS = """() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].filter(h => h.checkVisibility() || h.closest('.vk-step'))
  .map(h => [h.tagName, h.textContent.replace(/\\s+/g, ' ').trim(), h.id])"""


@pytest.mark.parametrize("lang,word", [("en", "Step"), ("de", "Schritt"), ("da", "Trin")])
def test_steps_are_headings_with_a_hidden_step_number(open_context, site_server, lang, word):
    context, watch = open_context(DESKTOP)
    page = context.new_page()
    page.goto(site_server.url({"da": "/", "de": "/de/", "en": "/en/"}[lang] + "guide/for/non-eu/"))
    headings = page.evaluate(HEADINGS)
    steps = page.evaluate("() => [...document.querySelectorAll('.vk-step h1, .vk-step h2, .vk-step h3, .vk-step h4')].map(h => h.tagName)")
    assert len(steps) == page.locator(".vk-step").count() and len(steps) > 5
    level = set(steps)
    assert len(level) == 1
    shown = page.evaluate(f"() => {SHOWN_STEPS}.map(li => li.querySelector('.vk-step__heading').textContent.replace(/\\s+/g, ' ').trim())")
    for n, text in enumerate(shown, start=1):
        assert text.startswith(f"{word} {n} "), text
    # The word is there for screen readers only; the number is drawn.
    hidden = page.locator(".vk-step:visible .vk-step__number .vk-sr-only").first
    assert hidden.bounding_box()["width"] <= 1
    # "or" and "and" between alternatives are not headings.
    words = {"or", "and", "oder", "und", "eller", "og"}
    assert not [h for h in headings if h[1].lower() in words]
    _clean(watch, context)


def test_choosing_a_situation_moves_focus_to_the_steps_and_announces_them(open_context, site_server):
    context, watch = open_context(PHONE)
    page = context.new_page()
    page.goto(site_server.url("/en/guide/"))
    page.check("input[name=for][value='non-eu']")
    assert page.evaluate("document.activeElement.classList.contains('vk-steps-heading')")
    n = page.evaluate(SHOWN_COUNT)
    announced = page.locator(f"{GUIDE} .vk-guide__announce")
    assert announced.get_attribute("aria-live") == "polite"
    said = announced.evaluate("e => e.textContent")
    assert said.startswith(f"{n} steps for ") and "another country" in said, said
    # An add-on too.
    page.check("input[name=with][value='with-children']")
    assert page.evaluate("document.activeElement.classList.contains('vk-steps-heading')")
    assert announced.evaluate("e => e.textContent").startswith(f"{page.evaluate(SHOWN_COUNT)} steps for ")
    # On a situation page, switching an add-on on does the same.
    page.goto(site_server.url("/en/guide/for/nordic/"))
    before = page.evaluate(SHOWN_COUNT)
    page.check(".vk-guide__addons input[value='student']")
    assert page.evaluate("document.activeElement.classList.contains('vk-steps-heading')")
    after = page.evaluate(SHOWN_COUNT)
    assert after > before and page.locator(".vk-guide__announce").evaluate("e => e.textContent").startswith(f"{after} steps for ")
    _clean(watch, context)


@pytest.mark.parametrize("lang,name", [
    ("en", "Mark '{}' as done"), ("de", "„{}“ als erledigt markieren"), ("da", "Markér '{}' som klaret")])
def test_each_done_box_sits_beside_its_title_and_is_named_after_its_step(open_context, site_server, lang, name):
    context, watch = open_context(PHONE)
    page = context.new_page()
    page.goto(site_server.url({"da": "/", "de": "/de/", "en": "/en/"}[lang] + "guide/for/non-eu/"))
    steps = page.locator(".vk-step:visible")
    for i in range(3):
        step = steps.nth(i)
        title = step.locator(".vk-step__title").inner_text().strip()
        box = step.get_by_role("checkbox")
        assert box.count() == 1
        assert page.evaluate("b => b.getAttribute('aria-label')", box.element_handle()) == name.format(title)
        head = step.locator(".vk-step__heading").bounding_box()
        where = box.bounding_box() or step.locator(".vk-step__done").bounding_box()
        assert where["y"] < head["y"] + head["height"] + 60, "the box sits beside the title, not below the step"
    progress = page.locator(".vk-guide__progress")
    assert progress.get_attribute("aria-live") == "polite"
    steps.nth(0).get_by_role("checkbox").check()
    total = page.evaluate(SHOWN_COUNT)
    assert progress.is_visible() and progress.inner_text().startswith("1 ") and str(total) in progress.inner_text()
    _clean(watch, context)


CHECKLIST = ".md-typeset .task-list input[type=checkbox]"


@pytest.mark.parametrize("lang", ["da", "de", "en"])
def test_the_first_months_checklist_can_be_ticked_and_is_kept(open_context, site_server, lang):
    context, watch = open_context(PHONE)
    page = context.new_page()
    root = {"da": "/", "de": "/de/", "en": "/en/"}[lang]
    page.goto(site_server.url(root + "welcome/first-months/"))
    boxes = page.locator(CHECKLIST)
    assert boxes.count() >= 10
    assert page.evaluate(f"() => [...document.querySelectorAll('{CHECKLIST}')].every(b => !b.disabled && !b.checked)")
    # Unticked looks unticked: the box itself is drawn (not Material's tick mark, drawn in every box).
    drawn = "b => [getComputedStyle(b).opacity, getComputedStyle(b.nextElementSibling).display]"
    assert boxes.nth(0).evaluate(drawn) == ["1", "none"]
    # Each box is named after its item and can be reached by keyboard.
    name = boxes.nth(0).get_attribute("aria-label")
    assert name and len(name) > 10
    assert boxes.nth(0).evaluate("b => b.closest('label').getAttribute('aria-hidden')") is None
    boxes.nth(0).check()
    # An item that is a guide step shares the guide's tick.
    cpr = page.locator(".task-list-item:has(a[href*='#step-register-cpr']) input[type=checkbox]")
    cpr.check()
    page.reload()
    assert page.locator(CHECKLIST).nth(0).is_checked() and cpr.is_checked()
    page.goto(site_server.url(root + "guide/"))
    assert page.is_checked(".vk-step__check[data-step='register-cpr']")
    keys = page.evaluate("Object.keys(localStorage)")
    assert keys and all(k.startswith(GUIDE_KEY_PREFIX) for k in keys), keys
    _clean(watch, context)


def _pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


NO_PRINT_DIALOG = "window.print = () => { window.__vkPrinted = (window.__vkPrinted || 0) + 1; };"


@pytest.mark.parametrize("path", ["/en/guide/for/non-eu/", "/de/guide/for/eu-eea-swiss/", "/guide/for/commuter-de-dk/", "/en/guide/"])
def test_the_printed_checklist_fits_on_one_or_two_a4_pages(open_context, site_server, path):
    context, watch = open_context(DESKTOP)
    context.add_init_script(NO_PRINT_DIALOG)
    page = context.new_page()
    page.goto(site_server.url(path))
    full = _pdf_pages(page.pdf(format="A4"))
    assert not page.locator(".vk-step__print-where").first.is_visible()  # on screen the details say it in full
    page.locator(".vk-guide__print").click()
    assert page.evaluate("window.__vkPrinted") == 1
    # The checklist has the title and the timing of each step, not its details.
    page.emulate_media(media="print")
    first = page.locator(".vk-step:visible").first
    assert first.locator(".vk-step__title").is_visible() and first.locator(".vk-step__when").is_visible()
    assert not first.locator(".vk-step__summary-text").is_visible() and not first.locator(".vk-facts").is_visible()
    # ...and one short address per step: where to go.
    where = page.locator(".vk-step:visible .vk-step__print-where")
    assert where.count() == page.locator(".vk-step:visible").count() and where.first.is_visible()
    assert re.match(r"· (Where|Wo|Hvor): \S", where.first.inner_text().strip())
    pages = _pdf_pages(page.pdf(format="A4"))
    assert 1 <= pages <= 2, pages
    assert full > 2, "the full guide is printed as it is"
    _clean(watch, context)


@pytest.mark.parametrize("root", ["/", "/de/", "/en/"])
@pytest.mark.parametrize("words", ["tax card", "Steuerkarte", "skattekort"])
def test_search_finds_the_tax_card_step_in_every_language(open_context, site_server, root, words):
    context, watch = open_context(DESKTOP)
    page = context.new_page()
    page.goto(site_server.url(root))
    search(page, words)
    link = page.locator(".md-search-result__link[href*='#step-tax-card']").first
    href = link.get_attribute("href")
    path = urlsplit(href).path
    assert path == root + "guide/", href
    # The result lands on the step, opened.
    page.goto(href)
    assert page.locator(".vk-step[data-step=tax-card] .vk-step__body").is_visible()
    _clean(watch, context)


@pytest.mark.parametrize("root, said, other", [("/de/", "Für „xyzzyq“ wurde nichts gefunden.", "en"),
                                                ("/", "Der blev ikke fundet noget for «xyzzyq».", "de"),
                                                ("/en/", "Nothing was found for “xyzzyq”.", "da")])
def test_a_search_that_finds_nothing_says_what_was_searched_and_offers_a_start_and_other_languages(
        open_context, site_server, root, said, other):
    context, watch = open_context(DESKTOP)
    page = context.new_page()
    page.goto(site_server.url(root))
    page.click(".md-search__input")
    page.keyboard.type("xyzzyq")
    box = page.locator(".vk-search-none")
    box.wait_for(state="visible")
    assert box.locator(".vk-search-none__said").inner_text() == said
    starts = [urlsplit(a.get_attribute("href")).path for a in box.locator("ul a").all()]
    assert len(starts) == 3 and any(p.endswith("guide/") for p in starts)
    link = box.locator(f".vk-search-none__lang[hreflang={other}]")
    assert link.get_attribute("href").endswith("?q=xyzzyq")
    assert not run_axe(page), "the open search with its notice"
    # The same search on the other language's site: Material opens it from ?q=.
    link.click()
    page.wait_for_load_state()
    assert page.input_value(".md-search__input") == "xyzzyq"
    # Words that do find something: no notice.
    page.goto(site_server.url(root))
    page.click(".md-search__input")
    page.keyboard.type("MitID")
    page.wait_for_selector(".md-search-result__item", state="visible")
    assert not page.locator(".vk-search-none").is_visible()
    _clean(watch, context)
