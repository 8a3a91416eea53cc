"""The guide and the directory in use: choosing a situation, ticking steps, filtering."""

from __future__ import annotations

import pytest

from .browsing import DESKTOP, GUIDE_KEY_PREFIX, PHONE, run_axe

pytestmark = pytest.mark.browser

STEPS = ".vk-guide[data-guide=all] .vk-step"
SHOWN = f"() => [...document.querySelectorAll('{STEPS}')].filter(li => !li.hidden).map(li => li.dataset.step)"
ALL = f"() => [...document.querySelectorAll('{STEPS}')].map(li => [li.dataset.step, li.dataset.situations.split(' ')])"
ENTRIES = "() => [...document.querySelectorAll('.vk-entry')].filter(li => !li.hidden).map(li => li.dataset.town)"


def assert_clean(watch, context) -> None:
    assert watch.errors == [] and watch.csp == [], watch.errors + watch.csp
    assert watch.foreign_requests() == []
    assert context.cookies() == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_choosing_a_situation_shows_only_its_steps(open_context, site_server, viewport):
    context, watch = open_context(viewport)
    page = context.new_page()
    page.goto(site_server.url("/en/guide/"))
    steps = page.evaluate(ALL)
    assert page.evaluate(SHOWN) == [step for step, _ in steps]  # nothing chosen: every step
    situations = page.eval_on_selector_all("input[name=for]", "boxes => boxes.map(b => b.value)")
    assert len(situations) >= 3
    for situation in situations:
        page.check(f"input[name=for][value='{situation}']")
        expected = [step for step, applies in steps if situation in applies]
        assert expected and page.evaluate(SHOWN) == expected, situation
        assert f"for={situation}" in page.url
        assert page.is_visible(".vk-guide__filtered")
        assert page.is_visible(".vk-chooser__permalink")
    assert_clean(watch, context)


def test_a_situation_page_shows_its_steps(open_context, site_server):
    context, watch = open_context(PHONE)
    page = context.new_page()
    page.goto(site_server.url("/en/guide/for/nordic/"))
    shown = page.eval_on_selector_all(".vk-step", "steps => steps.filter(li => !li.hidden).map(li => li.dataset.situations)")
    assert shown and all("nordic" in s.split() for s in shown if s)
    assert_clean(watch, context)


# Every step link the reader sees ("After:", "What comes next:"), with whether the step it points to is shown;
# and the text of every visible link list, to catch a stray separator.
REFS = """() => [...document.querySelectorAll('.vk-ref')].filter(r => r.checkVisibility())
  .map(r => [r.dataset.ref, document.getElementById('step-' + r.dataset.ref).checkVisibility()])"""
REF_TEXTS = "() => [...document.querySelectorAll('.vk-refs')].filter(r => r.checkVisibility()).map(r => r.innerText.trim())"


def _assert_links_lead_to_shown_steps(page, reader):
    page.evaluate("document.querySelectorAll('.vk-step__body').forEach(b => { b.hidden = false; })")  # steps start folded
    refs = page.evaluate(REFS)
    assert refs and all(shown for _, shown in refs), (reader, [ref for ref, shown in refs if not shown])
    for text in page.evaluate(REF_TEXTS):
        assert not text.startswith(",") and ", ," not in text and not text.endswith(":"), (reader, text)


def test_step_links_follow_the_chosen_situation_and_add_ons(open_context, site_server):
    context, watch = open_context(DESKTOP)
    page = context.new_page()
    page.goto(site_server.url("/en/guide/"))
    for situation in page.eval_on_selector_all("input[name=for]", "boxes => boxes.map(b => b.value)"):
        page.check(f"input[name=for][value='{situation}']")
        _assert_links_lead_to_shown_steps(page, situation)
    # The Nordic reader's CPR step waits for nothing of the EU citizens' or others' (issue 14).
    page.check("input[name=for][value='nordic']")
    after = page.eval_on_selector_all("#step-register-cpr .vk-ref", "refs => refs.filter(r => r.checkVisibility()).map(r => r.dataset.ref)")
    assert "eu-residence-document" not in after and "residence-work-permit" not in after
    for situation in ("commuter-de-dk", "nordic"):
        page.goto(site_server.url(f"/en/guide/for/{situation}/"))
        _assert_links_lead_to_shown_steps(page, situation)
        for addon in page.eval_on_selector_all(".vk-guide__addons input", "boxes => boxes.map(b => b.value)"):
            page.check(f".vk-guide__addons input[value='{addon}']")
            _assert_links_lead_to_shown_steps(page, f"{situation} + {addon}")
    assert_clean(watch, context)


def test_a_summary_link_opens_the_situation_page_with_its_add_on_and_the_step_shown(open_context, site_server):
    context, watch = open_context(PHONE)
    page = context.new_page()
    page.goto(site_server.url("/en/target-groups/students/"))
    link = page.locator(".vk-guide-summary a[href*='#step-student-']").first
    step = link.get_attribute("href").split("#step-", 1)[1]
    link.click()
    page.wait_for_url(f"**#step-{step}")
    assert page.is_checked(".vk-guide__addons input[value='student']")
    assert page.is_visible(f"#step-{step}")
    assert_clean(watch, context)


def test_a_ticked_step_survives_a_reload_and_stays_in_this_browser(open_context, site_server):
    context, watch = open_context(PHONE)
    page = context.new_page()
    page.goto(site_server.url("/en/guide/"))
    box = page.locator(".vk-step__check").nth(1)
    step = box.get_attribute("data-step")
    box.check()
    assert page.evaluate("document.querySelector('.vk-guide__progress').textContent").startswith("1 of ")
    page.reload()
    assert page.is_checked(f".vk-step__check[data-step='{step}']")
    assert page.evaluate(f"document.getElementById('step-{step}').closest('.vk-step').classList.contains('is-done')")
    # The same step is ticked on the situation pages and in the other languages (same browser, same origin).
    page.goto(site_server.url("/de/guide/"))
    assert page.is_checked(f".vk-step__check[data-step='{step}']")
    keys = page.evaluate("Object.keys(localStorage)")
    assert keys and all(key.startswith(GUIDE_KEY_PREFIX) for key in keys), keys
    assert page.evaluate("Object.keys(sessionStorage)") == []
    # Unticking is kept too.
    page.uncheck(f".vk-step__check[data-step='{step}']")
    page.reload()
    assert not page.is_checked(f".vk-step__check[data-step='{step}']")
    assert_clean(watch, context)


@pytest.mark.parametrize("path", ["/community/", "/de/community/", "/en/community/"])
def test_the_directory_filters_narrow_the_list(open_context, site_server, path):
    context, watch = open_context(PHONE)
    page = context.new_page()
    page.goto(site_server.url(path))
    assert page.is_visible(".vk-filters")
    everyone = page.evaluate(ENTRIES)
    assert len(everyone) >= 10
    town = max(set(everyone), key=everyone.count)
    page.select_option("select[name=town]", town)
    shown = page.evaluate(ENTRIES)
    assert shown == [t for t in everyone if t == town] and len(shown) < len(everyone)
    assert f"town={town}" in page.url
    hidden_towns = page.eval_on_selector_all(".vk-directory__town", "s => s.filter(x => x.hidden).length")
    assert hidden_towns > 0
    page.select_option("select[name=town]", "")
    name = page.locator(".vk-entry .vk-entry__name").first.inner_text()
    page.fill("input[name=q]", name.split()[0])
    narrowed = page.evaluate(ENTRIES)
    assert 0 < len(narrowed) < len(everyone)
    page.fill("input[name=q]", "zzzz-nothing-like-this")
    assert page.evaluate(ENTRIES) == []
    assert page.inner_text(".vk-filters__count") == page.get_attribute(".vk-filters__count", "data-none")
    page.click(".vk-filters button[type=reset]")
    page.wait_for_function(f"() => ({ENTRIES})().length === {len(everyone)}")
    assert_clean(watch, context)


def test_a_filtered_address_opens_filtered(open_context, site_server):
    context, watch = open_context(DESKTOP)
    page = context.new_page()
    page.goto(site_server.url("/en/community/?town=padborg"))
    shown = page.evaluate(ENTRIES)
    assert shown and set(shown) == {"padborg"}
    assert page.input_value("select[name=town]") == "padborg"
    assert_clean(watch, context)


@pytest.fixture(scope="module")
def large_server(tmp_path_factory):
    """A generated municipality with 200 entries (scripts/large_site.py): its directory starts folded by town."""
    import sys

    from conftest import ROOT, run_mkdocs

    from .browsing import Server

    sys.path.insert(0, str(ROOT / "scripts"))
    from large_site import generate

    project = tmp_path_factory.mktemp("large") / "project"
    generate(project, 0.1)
    site = project / "site"
    result = run_mkdocs(project / "mkdocs.yml", site)
    assert result.returncode == 0, result.stdout + result.stderr
    server = Server(site)
    yield server
    server.close()


FOLDS = "() => [...document.querySelectorAll('.vk-directory__town')].filter(s => !s.hidden).map(s => s.querySelector('details').open)"


def test_a_large_directory_starts_folded_and_the_filters_unfold_what_matches(open_context, large_server):
    context, watch = open_context(PHONE, server=large_server)
    page = context.new_page()
    page.goto(large_server.url("/en/community/"))
    folds = page.evaluate(FOLDS)
    assert len(folds) >= 4 and not any(folds), "every town starts folded"
    first = page.locator(".vk-entry .vk-entry__name").first
    assert not first.is_visible()
    assert run_axe(page) == []
    kind = page.locator("select[name=kind] option").nth(1).get_attribute("value")
    page.select_option("select[name=kind]", kind)
    assert page.evaluate(FOLDS) and all(page.evaluate(FOLDS)), "the towns with a match unfold"
    assert page.locator(f".vk-entry[data-kind='{kind}'] .vk-entry__name").first.is_visible()
    page.click(".vk-filters button[type=reset]")
    page.wait_for_function(f"() => !({FOLDS})().some(Boolean)")
    # A link to an entry unfolds its town.
    entry = page.locator(".vk-entry").nth(5).get_attribute("id")
    page.goto(large_server.url(f"/en/community/#{entry}"))
    assert page.locator(f"#{entry} .vk-entry__name").is_visible()
    assert_clean(watch, context)
