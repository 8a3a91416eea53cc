"""Carry the guide's progress to another device (issue 19): a link whose state is after `#`, as text and QR code."""

from __future__ import annotations

import pytest

from .browsing import PHONE, describe_violations, run_axe

pytestmark = pytest.mark.browser

PAGE = "/en/guide/for/non-eu/"
STORED = "() => Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('velkommen.guide.')).map(k => [k, localStorage.getItem(k)]))"


def _progress(page) -> None:
    page.fill("#vk-date-move-in", "2027-03-07")
    page.dispatch_event("#vk-date-move-in", "change")
    page.check(".vk-step[data-step='register-cpr'] .vk-step__check")


def _share_link(page) -> str:
    page.click(".vk-share__make")
    page.wait_for_selector(".vk-share__qr svg")
    return page.input_value(".vk-share__link")


def test_the_link_carries_ticks_and_dates_after_the_hash_and_a_new_browser_takes_them(open_context, site_server):
    context, watch = open_context(PHONE)
    page = context.new_page()
    page.goto(site_server.url(PAGE))
    _progress(page)
    mine = page.evaluate(STORED)
    link = _share_link(page)
    assert "#vk-state=" in link and link.split("#", 1)[0] == site_server.url(PAGE)
    assert page.get_attribute(".vk-share__qr svg", "role") == "img" and page.get_attribute(".vk-share__qr svg", "aria-label")
    assert watch.foreign_requests() == [] and watch.csp == [] and watch.errors == []
    # Nothing after # reaches the server: the request for the page is for its path only.
    other, other_watch = open_context(PHONE)
    fresh = other.new_page()
    fresh.goto(link)
    fresh.wait_for_function("() => !location.hash")  # taken over, the address no longer holds the state
    assert fresh.evaluate(STORED) == mine
    assert fresh.is_checked(".vk-step[data-step='register-cpr'] .vk-step__check")
    assert fresh.input_value("#vk-date-move-in") == "2027-03-07"
    assert "other device" in fresh.inner_text(".vk-share__status")
    assert all("vk-state" not in url for url in other_watch.requests), "the state never reaches a server"
    assert other.cookies() == []


def test_opening_a_link_asks_before_it_replaces_what_this_browser_holds(open_context, site_server):
    context, _ = open_context(PHONE)
    page = context.new_page()
    page.goto(site_server.url(PAGE))
    _progress(page)
    link = _share_link(page)
    other, _ = open_context(PHONE)
    mine = other.new_page()
    mine.goto(site_server.url(PAGE))
    mine.fill("#vk-date-move-in", "2027-06-01")
    mine.dispatch_event("#vk-date-move-in", "change")
    before = mine.evaluate(STORED)
    mine.goto(link)
    mine.wait_for_selector(".vk-share__ask", state="visible")
    assert mine.evaluate(STORED) == before, "nothing is replaced before the reader says so"
    assert mine.evaluate("document.activeElement.className").count("vk-share__replace") == 1
    violations = run_axe(mine)
    assert violations == [], describe_violations(violations)
    mine.click(".vk-share__keep")
    assert mine.evaluate(STORED) == before and "kept" in mine.inner_text(".vk-share__status")
    mine.goto(link)
    mine.wait_for_selector(".vk-share__ask", state="visible")
    mine.click(".vk-share__replace")
    # Replacing reloads the page: until the new one is parsed there is no status to read yet.
    mine.wait_for_function("() => !location.hash && !!(document.querySelector('.vk-share__status') || {}).textContent")
    assert mine.input_value("#vk-date-move-in") == "2027-03-07"


def test_a_link_with_a_broken_or_hostile_state_changes_nothing(open_context, site_server):
    context, watch = open_context(PHONE)
    page = context.new_page()
    page.goto(site_server.url(PAGE))
    _progress(page)
    before = page.evaluate(STORED)
    for state in ("not-base64!", "eyJfX3Byb3RvX18iOnsieCI6MX19", "W10"):  # junk, {"__proto__":{"x":1}}, []
        page.goto(site_server.url(PAGE) + "#vk-state=" + state)
        page.wait_for_function("() => !location.hash")
        assert page.evaluate(STORED) == before
        assert "Nothing has changed" in page.inner_text(".vk-share__status")
    assert watch.errors == [] and watch.csp == []


def test_what_the_tap_did_is_said_on_the_phones_screen_under_the_button(open_context, site_server):
    context, _ = open_context(PHONE)
    page = context.new_page()
    page.goto(site_server.url(PAGE))
    _progress(page)
    page.locator(".vk-share__make").scroll_into_view_if_needed()
    _share_link(page)
    status = page.locator(".vk-share__status")
    assert status.inner_text() == page.get_attribute(".vk-share", "data-made")
    # Boxes are relative to the viewport: the message is on screen, just under the button the reader tapped.
    box, button = status.bounding_box(), page.locator(".vk-share__make").bounding_box()
    assert button["y"] < box["y"] < button["y"] + 120 and box["y"] + box["height"] <= page.viewport_size["height"], (box, button)
