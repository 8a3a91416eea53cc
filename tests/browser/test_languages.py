"""Switching language, searching in one language, and pages not yet translated."""

from __future__ import annotations

import pytest

from .browsing import DESKTOP, LANGS, PHONE, describe_violations, in_language, run_axe, url_path

pytestmark = pytest.mark.browser

PAGES = ["", "guide/", "guide/for/nordic/", "community/", "community/towns/padborg/", "plan/", "welcome/first-months/"]


def switch_language(page, lang: str) -> None:
    """Choose a language as a reader does: the languages are words in the header."""
    with page.expect_navigation():
        page.click(f'.md-header .vk-lang[hreflang="{lang}"]')


@pytest.mark.parametrize("source", LANGS)
def test_the_language_selector_leads_to_the_same_page_in_the_other_language(open_context, site_server, source):
    context, watch = open_context(PHONE)
    page = context.new_page()
    others = [lang for lang in LANGS if lang != source]
    for n, rest in enumerate(PAGES):
        path = LANGS[source] + rest
        target = others[n % 2]
        page.goto(site_server.url(path))
        switch_language(page, target)
        assert url_path(page.url, site_server.origin) == in_language(path, target), path
        assert page.evaluate("document.documentElement.lang") == target
    assert watch.errors == [] and watch.csp == [] and watch.foreign_requests() == []


def search(page, words: str) -> list[str]:
    """Type into Material's search box and read the links of the results."""
    button = page.locator('label.md-header__button[for="__search"]')  # the phone's search button; a wide screen shows the field
    if page.evaluate("document.getElementById('__search').checked"):
        pass  # already open
    elif button.is_visible():
        button.click()
    else:
        page.click(".md-search__input")
    page.fill(".md-search__input", "")
    page.keyboard.type(words)
    page.wait_for_selector(".md-search-result__item", state="visible")
    page.wait_for_timeout(200)
    return page.eval_on_selector_all(".md-search-result__item > .md-search-result__link", "links => links.map(a => a.href)")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_search_on_the_german_site_returns_german_pages_only(open_context, site_server, viewport):
    context, watch = open_context(viewport)
    page = context.new_page()
    page.goto(site_server.url("/de/guide/"))
    # "Kommune" is in every language's pages; "Aufenthaltserlaubnis" is German.
    for words in ("Kommune", "Aufenthaltserlaubnis"):
        links = search(page, words)
        assert links, words
        paths = [url_path(link, site_server.origin) for link in links]
        assert all(p.startswith("/de/") for p in paths), (words, paths)
    assert page.evaluate("document.documentElement.lang") == "de"
    assert watch.errors == [] and watch.csp == [] and watch.foreign_requests() == []
    searched = [url for url in watch.requests if url.endswith("search_index.json")]
    assert searched and all(url_path(url, site_server.origin) == "/de/search/search_index.json" for url in searched)


def test_a_search_on_the_danish_site_returns_danish_pages_only(open_context, site_server):
    context, watch = open_context(DESKTOP)
    page = context.new_page()
    page.goto(site_server.url("/plan/"))
    links = search(page, "kommune")
    paths = [url_path(link, site_server.origin) for link in links]
    assert paths and not any(p.startswith(("/de/", "/en/")) for p in paths), paths
    assert watch.errors == [] and watch.csp == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_page_not_yet_translated_shows_a_notice_and_its_danish_text(open_context, mini_server, lang):
    context, watch = open_context(PHONE, server=mini_server)
    page = context.new_page()
    page.goto(mini_server.url(f"/{lang}/only-danish/"))
    assert page.evaluate("document.documentElement.lang") == lang
    notice = page.locator(".vk-fallback")
    assert notice.is_visible()
    assert {"de": "Diese Seite ist noch nicht übersetzt", "en": "This page is not translated yet"}[lang] in notice.inner_text()
    danish = page.locator(".vk-fallback__content")
    assert danish.is_visible() and danish.get_attribute("lang") == "da"
    assert "Sundhedskortet hedder også det gule kort." in danish.inner_text()
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)
    # Its language selector still leads to the same page, now in Danish.
    switch_language(page, "da")
    assert url_path(page.url, mini_server.origin) == "/only-danish/"
    assert page.locator(".vk-fallback").count() == 0
    assert watch.errors == [] and watch.csp == [] and watch.foreign_requests() == []
