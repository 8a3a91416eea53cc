"""The newcomer's own dates (issue 19): enter them, see each step's own deadline on a timeline, kept in this browser only."""

from __future__ import annotations

import pytest

from .browsing import DESKTOP, PHONE, describe_violations, run_axe

pytestmark = pytest.mark.browser

DATES_KEY = "velkommen.guide.dates"
TIMELINE = "() => [...document.querySelectorAll('.vk-dates__list > li')].map(li => li.innerText.replace(/\\s+/g, ' ').trim())"
STEP_DATE = "id => (document.querySelector(`.vk-step[data-step='${id}'] .vk-step__date`) || {}).innerText || ''"


def _enter(page, dates: dict[str, str]) -> None:
    for event, day in dates.items():
        page.fill(f"#vk-date-{event}", day)
        page.dispatch_event(f"#vk-date-{event}", "change")


def assert_clean(watch, context) -> None:
    assert watch.errors == [] and watch.csp == [], watch.errors + watch.csp
    assert watch.foreign_requests() == []
    assert context.cookies() == []


@pytest.mark.parametrize(("path", "by_cpr"), [
    ("/en/guide/for/non-eu/", ["By Friday", "12 March 2027"]),
    ("/de/guide/for/non-eu/", ["Bis Freitag", "12. März 2027"]),
    ("/guide/for/non-eu/", ["Senest fredag", "12. marts 2027"]),
])
def test_the_reader_s_dates_give_each_step_its_own_date_on_a_timeline(open_context, site_server, path, by_cpr):
    context, watch = open_context(PHONE)
    page = context.new_page()
    page.goto(site_server.url(path))
    assert page.is_visible(".vk-dates") and not page.is_visible(".vk-dates__timeline")
    assert page.evaluate("Object.keys(localStorage)") == [], "nothing is stored before the reader enters a date"
    _enter(page, {"move-in": "2027-03-07", "work-start": "2027-04-01"})
    timeline = page.evaluate(TIMELINE)
    cpr = next(line for line in timeline if "CPR" in line)
    assert all(part in cpr for part in by_cpr), cpr
    # Sorted by date: the tax card may be applied for from 3 March (21 working days before 1 April), before the CPR deadline.
    assert [i for i, line in enumerate(timeline) if "CPR" in line][0] > [i for i, line in enumerate(timeline) if "skattekort" in line][0]
    assert by_cpr[1] in page.evaluate(STEP_DATE, "register-cpr")
    assert page.is_visible(".vk-dates__status") and page.inner_text(".vk-dates__status").strip()
    assert page.evaluate("Object.keys(localStorage)") == [DATES_KEY]
    assert_clean(watch, context)


def test_an_overdue_step_says_so_until_it_is_ticked_and_the_dates_survive_a_reload(open_context, site_server):
    context, watch = open_context(DESKTOP)
    page = context.new_page()
    page.goto(site_server.url("/en/guide/for/non-eu/"))
    _enter(page, {"move-in": "2020-01-06"})
    assert "Overdue" in page.evaluate(STEP_DATE, "register-cpr")
    assert any("Overdue" in line and "CPR" in line for line in page.evaluate(TIMELINE))
    assert page.eval_on_selector(".vk-step[data-step='register-cpr']", "li => li.classList.contains('is-overdue')")
    page.check(".vk-step[data-step='register-cpr'] .vk-step__check")
    assert "Overdue" not in page.evaluate(STEP_DATE, "register-cpr")
    line = next(line for line in page.evaluate(TIMELINE) if "CPR" in line)
    assert "Done" in line and "Overdue" not in line
    page.reload()
    assert page.input_value("#vk-date-move-in") == "2020-01-06"
    assert any("CPR" in line for line in page.evaluate(TIMELINE))
    page.click(".vk-dates__clear")
    assert page.evaluate(f"localStorage.getItem('{DATES_KEY}')") is None
    assert page.evaluate(TIMELINE) == [] and not page.is_visible(".vk-dates__timeline")
    assert page.evaluate(STEP_DATE, "register-cpr") == ""
    assert_clean(watch, context)


def test_the_timeline_follows_the_situation_chosen_on_the_guide_page(open_context, site_server):
    context, watch = open_context(DESKTOP)
    page = context.new_page()
    page.goto(site_server.url("/en/guide/"))
    _enter(page, {"move-in": "2027-03-07", "work-start": "2027-04-01", "arrival": "2027-03-01"})
    assert any("EU residence document" in line for line in page.evaluate(TIMELINE))
    page.check("input[name=for][value='commuter-de-dk']")
    timeline = page.evaluate(TIMELINE)
    assert timeline and all("tax card" in line for line in timeline), timeline
    assert_clean(watch, context)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_dates_and_timeline_are_accessible(open_context, site_server, viewport):
    context, _ = open_context(viewport)
    page = context.new_page()
    page.goto(site_server.url("/de/guide/for/eu-eea-swiss/"))
    _enter(page, {"move-in": "2020-01-06", "arrival": "2027-03-01"})
    violations = run_axe(page)
    assert violations == [], describe_violations(violations)
    small = page.evaluate("""() => [...document.querySelectorAll('.vk-dates input, .vk-dates button')]
      .map(e => e.getBoundingClientRect()).filter(r => r.width < 44 || r.height < 44).length""")
    assert small == 0
    assert page.get_attribute(".vk-dates__status", "aria-live") == "polite"
