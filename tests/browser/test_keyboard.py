"""Everything by keyboard: the skip link, a visible focus on every stop, the menu,
the language selector, the search, the guide and the directory filters."""

from __future__ import annotations

from urllib.parse import unquote

import pytest

from .browsing import DESKTOP, PHONE, WIDTHS, active, describe_violations, run_axe, url_path, wait_until

pytestmark = pytest.mark.browser


def tab_to(page, matches, limit: int = 80, key: str = "Tab") -> dict:
    """Press Tab until the focused element matches; fail after `limit` presses."""
    seen = []
    for _ in range(limit):
        page.keyboard.press(key)
        now = active(page)
        if matches(now):
            return now
        seen.append(f"{now['tag']}.{now.get('cls', '')} {now.get('href') or now.get('for') or now.get('name') or ''}")
    raise AssertionError("not reached by Tab; focus went to:\n  " + "\n  ".join(seen[-25:]))


def shows_focus(page) -> dict:
    """The focused element once any fade or slide has finished (a second at most)."""
    wait_until(lambda: (lambda a: a["tag"] == "BODY" or (a["opacity"] >= 0.7 and a["onTop"] and a["inViewport"]))(active(page)),
               timeout=1.0)
    return active(page)


def assert_visible_focus(now: dict, where: str) -> None:
    label = f"{where}: {now['tag']}.{now.get('cls', '')} {now.get('href') or now.get('for') or ''} “{now.get('text', '')}”"
    assert now["inViewport"], f"{label} is focused off screen at {now['rect']}"
    assert now["onTop"], f"{label} is focused under something else"
    # Material dims a focused footer link to 0.7 (still AA on the dark footer); a fading one is not shown.
    assert now["visibility"] == "visible" and now["opacity"] >= 0.7, f"{label} is focused but not shown"
    assert now["outline"] or now["shadow"], f"{label} has no visible focus indicator"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_skip_link_appears_on_focus_and_leads_to_the_content(open_context, site_server, width):
    context, watch = open_context(WIDTHS[width])
    page = context.new_page()
    page.goto(site_server.url("/en/guide/"))
    page.keyboard.press("Tab")
    now = shows_focus(page)
    assert "md-skip" in now["cls"], now
    assert wait_until(lambda: active(page)["opacity"] == 1, timeout=1.0), "the skip link does not appear"
    assert_visible_focus(now, "skip link")
    target = unquote(now["href"][1:])
    page.keyboard.press("Enter")
    assert wait_until(lambda: unquote(page.evaluate("location.hash")) == "#" + target)
    top = page.evaluate("(id) => document.getElementById(id).getBoundingClientRect().top", target)
    assert 0 <= top < WIDTHS[width]["height"] / 2
    page.keyboard.press("Tab")
    assert page.evaluate("""(id) => {
      const t = document.getElementById(id), f = document.activeElement;
      return t.contains(f) || !!(t.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""", target), "Tab after the skip link does not continue in the content"
    assert watch.errors == [] and watch.csp == []


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["/", "/en/guide/", "/de/community/", "/en/plan/"])
def test_every_tab_stop_shows_its_focus(open_context, site_server, path, width):
    context, watch = open_context(WIDTHS[width])
    page = context.new_page()
    page.goto(site_server.url(path))
    stops = 0
    for _ in range(60):
        page.keyboard.press("Tab")
        now = shows_focus(page)
        if now["tag"] == "BODY":
            break
        stops += 1
        assert_visible_focus(now, f"{path} at {width}, stop {stops}")
    assert stops >= 10
    assert watch.errors == [] and watch.csp == []


def test_the_menu_opens_and_closes_with_the_keyboard(open_context, site_server):
    context, watch = open_context(PHONE)
    page = context.new_page()
    page.goto(site_server.url("/de/target-groups/commuters/"))
    menu = tab_to(page, lambda a: a.get("for") == "__drawer", limit=5)
    assert (menu["tag"], menu["text"]) == ("BUTTON", "Navigation")
    assert page.get_attribute('.md-header button[for="__drawer"]', "aria-expanded") == "false"

    # Enter opens the drawer at the reader's own section; focus moves into it.
    page.keyboard.press("Enter")
    assert wait_until(lambda: page.evaluate("document.getElementById('__drawer').checked"))
    assert page.get_attribute('.md-header button[for="__drawer"]', "aria-expanded") == "true"
    back = shows_focus(page)
    assert (back["tag"], back["text"]) == ("BUTTON", "Wer sind Sie?")
    assert_visible_focus(back, "drawer")
    violations = run_axe(page)  # the open menu too: WCAG 2.1 A/AA
    assert violations == [], describe_violations(violations)

    # The panel's title goes back a level; Space opens the section again.
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    opener = shows_focus(page)
    assert opener["for"] == back["for"] and opener["tag"] == "BUTTON"
    assert page.get_attribute(f'.md-nav__container > button[for="{back["for"]}"]', "aria-expanded") == "false"
    assert_visible_focus(opener, "section button")
    page.keyboard.press(" ")
    page.wait_for_timeout(300)
    assert shows_focus(page)["text"] == "Wer sind Sie?"

    # Every stop in the open drawer is visible; a link there is followed with Enter.
    link = tab_to(page, lambda a: a.get("href") == "../students/", limit=6)
    page.wait_for_timeout(300)
    assert_visible_focus(active(page), "drawer link")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert url_path(page.url, site_server.origin) == "/de/target-groups/students/", link

    # Escape closes the drawer and returns to the menu button.
    tab_to(page, lambda a: a.get("for") == "__drawer", limit=5)
    page.keyboard.press("Enter")
    assert wait_until(lambda: page.evaluate("document.getElementById('__drawer').checked"))
    page.keyboard.press("Escape")
    assert wait_until(lambda: not page.evaluate("document.getElementById('__drawer').checked"))
    assert active(page)["for"] == "__drawer"
    assert watch.errors == [] and watch.csp == []


def test_a_closed_menu_holds_no_tab_stop_on_a_phone(open_context, site_server):
    context, _ = open_context(PHONE)
    page = context.new_page()
    page.goto(site_server.url("/en/target-groups/commuters/"))
    for _ in range(12):
        page.keyboard.press("Tab")
        assert not page.evaluate("document.querySelector('.md-sidebar--primary').contains(document.activeElement)")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_language_selector_works_with_the_keyboard(open_context, site_server, width):
    context, watch = open_context(WIDTHS[width])
    page = context.new_page()
    page.goto(site_server.url("/en/plan/"))
    # The languages are words in the header, after the search: no menu to open first.
    first = tab_to(page, lambda a: a.get("hreflang") is not None, limit=12)
    assert_visible_focus(shows_focus(page), "language list")
    assert first["hreflang"] == "da"
    german = tab_to(page, lambda a: a.get("hreflang") == "de", limit=3)
    assert_visible_focus(shows_focus(page), "language list")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert url_path(page.url, site_server.origin) == "/de/plan/", german
    assert page.evaluate("document.documentElement.lang") == "de"
    assert watch.errors == [] and watch.csp == []


@pytest.mark.parametrize("width", WIDTHS)
def test_the_search_works_with_the_keyboard(open_context, site_server, width):
    context, watch = open_context(WIDTHS[width])
    page = context.new_page()
    page.goto(site_server.url("/de/"))
    tab_to(page, lambda a: a["tag"] == "INPUT" and "md-search__input" in a["cls"], limit=8)
    assert_visible_focus(shows_focus(page), "search field")
    page.keyboard.type("Kommune")
    page.wait_for_selector(".md-search-result__item", state="visible")
    page.keyboard.press("ArrowDown")
    result = shows_focus(page)
    assert result["tag"] == "A" and result["href"], result
    assert_visible_focus(result, "search result")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert url_path(page.url, site_server.origin).startswith("/de/")
    assert watch.errors == [] and watch.csp == []


@pytest.mark.parametrize("width", WIDTHS)
def test_the_guide_works_with_the_keyboard(open_context, site_server, width):
    context, watch = open_context(WIDTHS[width])
    page = context.new_page()
    page.goto(site_server.url("/en/guide/"))
    tab_to(page, lambda a: a["tag"] == "INPUT" and a["name"] == "for")
    assert_visible_focus(shows_focus(page), "situation")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    chosen = page.evaluate("document.querySelector('input[name=for]:checked').value")
    assert chosen == page.evaluate("document.querySelectorAll('input[name=for]')[1].value")
    assert_visible_focus(shows_focus(page), "situation")
    visible = page.evaluate("[...document.querySelectorAll('.vk-guide[data-guide=all] .vk-step')].filter(li => !li.hidden)"
                            ".map(li => li.dataset.situations.split(' '))")
    assert visible and all(chosen in situations for situations in visible)

    tab_to(page, lambda a: a["tag"] == "INPUT" and a["name"] == "with", limit=10)
    assert_visible_focus(shows_focus(page), "add-on")
    page.keyboard.press("Space")
    addon = page.evaluate("document.activeElement.value")
    assert page.evaluate("document.activeElement.checked") and f"with={addon}" in page.url

    tab_to(page, lambda a: "vk-step__check" in a["cls"], limit=80)
    assert_visible_focus(shows_focus(page), "step checkbox")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked")
    keys = page.evaluate("Object.keys(localStorage)")
    assert keys and all(k.startswith("velkommen.guide.") for k in keys)
    assert watch.errors == [] and watch.csp == []


@pytest.mark.parametrize("width", WIDTHS)
def test_the_directory_filters_work_with_the_keyboard(open_context, site_server, width):
    context, watch = open_context(WIDTHS[width])
    page = context.new_page()
    page.goto(site_server.url("/en/community/"))
    count = "() => [...document.querySelectorAll('.vk-entry')].filter(li => !li.hidden).length"
    total = page.evaluate(count)
    tab_to(page, lambda a: a["tag"] == "INPUT" and a["name"] == "q")
    assert_visible_focus(shows_focus(page), "search words")
    page.keyboard.type("bibliotek")
    assert 0 < page.evaluate(count) < total
    for _ in range(len("bibliotek")):
        page.keyboard.press("Backspace")
    assert page.evaluate(count) == total
    tab_to(page, lambda a: a["tag"] == "SELECT" and a["name"] == "town", limit=3)
    assert_visible_focus(shows_focus(page), "town")
    page.keyboard.press("ArrowDown")
    town = page.evaluate("document.activeElement.value")
    assert town
    towns = page.evaluate("() => [...document.querySelectorAll('.vk-entry')].filter(li => !li.hidden).map(li => li.dataset.town)")
    assert towns and set(towns) == {town} and len(towns) < total
    reset = tab_to(page, lambda a: a["tag"] == "BUTTON" and a.get("type") == "reset", limit=5)
    assert_visible_focus(shows_focus(page), "reset")
    page.keyboard.press("Enter")
    assert wait_until(lambda: page.evaluate(count) == total), reset
    assert watch.errors == [] and watch.csp == []


def test_desktop_keeps_materials_own_navigation(open_context, site_server):
    """On a wide screen the menu is a sidebar: no drawer buttons shown, no inert parts."""
    context, _ = open_context(DESKTOP)
    page = context.new_page()
    page.goto(site_server.url("/de/target-groups/commuters/"))
    assert page.evaluate("document.querySelectorAll('.vk-menu-button').length") > 3
    assert page.evaluate("[...document.querySelectorAll('.vk-menu-button')].every(b => getComputedStyle(b).display === 'none')")
    assert page.evaluate("document.querySelectorAll('[data-vk-inert]').length") == 0
