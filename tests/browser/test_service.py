"""A municipal service, not a manual (issue 17), in a real browser at phone width.

The guide is reachable from the first screen of the home page in each
language; the languages are words in the header, the current one marked, and
switching keeps the reader's ?query and #fragment; no empty gap under a
page's heading. Every page's usefulness question, touch targets and text
sizes are read by the sweep (test_every_page.py).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .browsing import LANGS, PHONE, url_path

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", LANGS)
def test_the_guide_is_on_the_first_phone_screen_of_the_home_page(open_context, site_server, lang):
    context, watch = open_context(PHONE)
    page = context.new_page()
    page.goto(site_server.url(LANGS[lang]))
    first = page.locator(".vk-tasks a").first
    box = first.bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
    assert page.locator(".vk-tasks a").count() >= 4
    # The municipality is named in the header, on the first screen too.
    mark = page.locator(".md-header .vk-wordmark")
    assert mark.is_visible() and mark.bounding_box()["y"] < 60
    with page.expect_navigation():
        first.click()
    assert url_path(page.url, site_server.origin) == LANGS[lang] + "guide/"
    assert watch.errors == [] and watch.csp == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_languages_are_words_in_the_header_and_the_current_one_is_marked(open_context, site_server, lang):
    context, _ = open_context(PHONE)
    page = context.new_page()
    page.goto(site_server.url(LANGS[lang] + "contact/"))
    links = page.locator(".md-header .vk-lang")
    assert links.count() == 3
    assert all(links.nth(i).is_visible() for i in range(3)), "visible without opening a menu"
    assert [links.nth(i).inner_text().strip() for i in range(3)] == ["Dansk", "Deutsch", "English"]
    current = page.locator('.md-header .vk-lang[aria-current="true"]')
    assert current.count() == 1 and current.get_attribute("hreflang") == lang
    weights = page.eval_on_selector_all(".md-header .vk-lang", "as => as.map(a => getComputedStyle(a).fontWeight)")
    marked = [w for w, i in zip(weights, range(3)) if links.nth(i).get_attribute("hreflang") == lang]
    assert int(marked[0]) >= 700 and all(int(w) < 700 for w, i in zip(weights, range(3))
                                         if links.nth(i).get_attribute("hreflang") != lang)


def test_switching_language_keeps_the_query_and_the_fragment(open_context, site_server):
    context, watch = open_context(PHONE)
    page = context.new_page()
    page.goto(site_server.url("/en/guide/?for=nordic&with=with-children#step-check-nordic-rights"))
    with page.expect_navigation():
        page.click('.md-header .vk-lang[hreflang="de"]')
    parts = urlsplit(page.url)
    assert (parts.path, parts.query, parts.fragment) == ("/de/guide/", "for=nordic&with=with-children", "step-check-nordic-rights")
    assert page.evaluate("document.documentElement.lang") == "de"
    # A fragment reached inside the page is kept as well.
    page.evaluate("location.hash = 'step-residence-work-permit'")
    page.wait_for_function("document.querySelector('.vk-lang[hreflang=da]').href.endsWith('#step-residence-work-permit')")
    with page.expect_navigation():
        page.click('.md-header .vk-lang[hreflang="da"]')
    parts = urlsplit(page.url)
    assert (parts.path, parts.query, parts.fragment) == ("/guide/", "for=nordic&with=with-children", "step-residence-work-permit")
    assert watch.errors == [] and watch.csp == [] and watch.foreign_requests() == []


@pytest.mark.parametrize("path", ["/en/contact/", "/de/target-groups/commuters/", "/plan/"])
def test_no_empty_gap_under_the_pages_heading(open_context, site_server, path):
    context, _ = open_context(PHONE)
    page = context.new_page()
    page.goto(site_server.url(path))
    gap = page.evaluate("""() => {
      const h = document.querySelector('.md-content h1');
      const next = h.nextElementSibling;
      return next.getBoundingClientRect().top - h.getBoundingClientRect().bottom;
    }""")
    assert 0 <= gap <= 24, gap


@pytest.mark.parametrize("locale,lang", [("de-DE", "de"), ("en-GB", "en")])
def test_a_danish_page_offers_the_readers_own_language_without_a_redirect_or_a_request(open_context, site_server,
                                                                                      locale, lang):
    from .browsing import describe_violations, run_axe

    context, watch = open_context(PHONE, locale=locale)
    page = context.new_page()
    page.goto(site_server.url("/guide/?for=nordic#step-check-nordic-rights"))
    assert url_path(page.url, site_server.origin) == "/guide/", "no redirect"
    offer = page.locator(f'.vk-offer[lang="{lang}"]')
    assert offer.is_visible()
    assert page.locator(".vk-offer:visible").count() == 1
    box = offer.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], "on the first screen"
    href = offer.locator("a").get_attribute("href")
    assert href.startswith(f"../{lang}/guide/") and href.endswith("#step-check-nordic-rights"), href
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)
    before = len(watch.requests)
    with page.expect_navigation():
        offer.locator("a").click()
    assert url_path(page.url, site_server.origin) == f"/{lang}/guide/"
    assert page.locator(".vk-offer:visible").count() == 0, "no offer on the reader's own language"
    assert len(watch.requests) > before and watch.foreign_requests() == [] and watch.errors == [] and watch.csp == []


def test_a_reader_who_prefers_danish_sees_no_offer(open_context, site_server):
    context, _ = open_context(PHONE, locale="da-DK")
    page = context.new_page()
    page.goto(site_server.url("/guide/"))
    assert page.locator(".vk-offer").count() == 2 and page.locator(".vk-offer:visible").count() == 0
