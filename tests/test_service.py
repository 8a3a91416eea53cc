"""A municipal service, not a manual (issue 17): the built pages' HTML.

Who publishes the site (the municipality's name in the header), no book-order
pager but breadcrumbs, permalinks out of heading names and the tab order,
the usefulness question at the end of every page (and the footer's report
link the same mechanism), the languages as words, and a home page that
starts with tasks, the guide first.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from conftest import FIXTURES, run_mkdocs

LANGS = {"da": "", "de": "de/", "en": "en/"}
NAMES = {"da": "Aabenraa Kommune", "de": "Kommune Aabenraa", "en": "Aabenraa Municipality"}
USEFUL = {"da": "Var siden nyttig?", "de": "War diese Seite hilfreich?", "en": "Was this page useful?"}


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith("admin/"))


def lang_of(site: Path, page: Path) -> str:
    first = page.relative_to(site).parts[0]
    return first if first in ("de", "en") else "da"


def header(html: str) -> str:
    return html.split('<header class="md-header', 1)[1].split("</header>", 1)[0]


@pytest.fixture(scope="module")
def mini(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("mini-service")
    result = run_mkdocs(FIXTURES / "minisite" / "mkdocs.yml", site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_the_header_names_the_municipality_in_the_readers_language(built_site):
    for page in pages(built_site):
        if page.name == "404.html":
            continue
        lang = lang_of(built_site, page)
        mark = re.search(r'<a [^>]*class="vk-wordmark"[^>]*>(.*?)</a>', header(page.read_text(encoding="utf-8")), re.S)
        assert mark, page
        assert re.sub(r"<[^>]+>|\s+", " ", mark.group(1)).strip() == NAMES[lang], page


def test_no_book_order_pager_but_breadcrumbs_on_pages_in_a_section(built_site):
    for page in pages(built_site):
        assert "md-footer__link" not in page.read_text(encoding="utf-8"), page
    html = (built_site / "de" / "target-groups" / "commuters" / "index.html").read_text(encoding="utf-8")
    crumbs = html.split('<nav class="md-path"', 1)[1].split("</nav>", 1)[0]
    assert "Startseite" in crumbs and "Wer sind Sie?" in crumbs


def test_permalinks_are_out_of_heading_names_and_the_tab_order(built_site):
    seen = 0
    for page in pages(built_site):
        for link in re.findall(r'<a [^>]*class="headerlink"[^>]*>', page.read_text(encoding="utf-8")):
            seen += 1
            assert 'aria-hidden="true"' in link and 'tabindex="-1"' in link, (page, link)
    assert seen > 50


def test_every_page_asks_whether_it_was_useful(built_site):
    for page in pages(built_site):
        if page.name == "404.html":
            continue
        html = page.read_text(encoding="utf-8")
        lang = lang_of(built_site, page)
        block = html.split('id="vk-feedback"', 1)
        assert len(block) == 2, page
        block = block[1].split("</section>", 1)[0]
        assert USEFUL[lang] in block, page
        # The shipped data has no feedback address yet: a clear note, and a way to reach the municipality.
        assert "mailto:" not in block and 'class="vk-feedback__note"' in block, page
        on_contact = page.parent.name == "contact"
        assert re.search(r'<a href="\./"' if on_contact else r'<a href="[^"]*contact/"', block), page


def test_the_footer_report_link_is_the_usefulness_question(built_site):
    html = (built_site / "en" / "plan" / "index.html").read_text(encoding="utf-8")
    footer = html.split('class="vk-footer__links"', 1)[1].split("</ul>", 1)[0]
    assert '<a href="#vk-feedback">' in footer


def test_with_an_address_the_question_writes_an_email_about_this_page_in_its_language(mini):
    html = (mini / "de" / "only-danish" / "index.html").read_text(encoding="utf-8")
    block = html.split('id="vk-feedback"', 1)[1].split("</section>", 1)[0]
    href = re.search(r'<a class="vk-feedback__mail" href="(mailto:[^"]+)"', block).group(1).replace("&amp;", "&")
    parts = urlsplit(href)
    assert parts.path == "webmaster@example.dk"
    query = parse_qs(parts.query)
    assert query["subject"] == ["War diese Seite hilfreich? /de/only-danish/"]
    body = query["body"][0]
    assert "/de/only-danish/" in body and "Deutsch" in body
    assert "noch nicht bestätigt" in block
    footer = html.split('class="vk-footer__links"', 1)[1].split("</ul>", 1)[0]
    assert f'<a href="{href.replace("&", "&amp;")}">' in footer, "the footer's link is the same e-mail"
    assert unquote(href).count("?") >= 1


def test_the_languages_are_words_in_the_header_with_the_current_one_marked(built_site):
    for lang, prefix in LANGS.items():
        html = (built_site / prefix / "guide" / "index.html").read_text(encoding="utf-8")
        nav = header(html).split('vk-langs" aria-label=', 1)[1].split("</nav>", 1)[0]
        links = re.findall(r'<a ([^>]*class="vk-lang[^"]*"[^>]*)>\s*([^<]+?)\s*</a>', nav)
        assert [text for _, text in links] == ["Dansk", "Deutsch", "English"]
        current = [text for attrs, text in links if 'aria-current="true"' in attrs]
        assert current == [{"da": "Dansk", "de": "Deutsch", "en": "English"}[lang]]


HOME_GUIDE = {"da": "guide/", "de": "guide/", "en": "guide/"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_page_starts_with_tasks_the_guide_first(built_site, lang):
    html = (built_site / LANGS[lang] / "index.html").read_text(encoding="utf-8")
    content = html.split('<article class="md-content__inner', 1)[1]
    tasks = content.split('class="vk-tasks', 1)
    assert len(tasks) == 2, lang
    before = re.sub(r"<[^>]+>", "", tasks[0].split("</h1>", 1)[1])
    assert len(before.split()) <= 30, "only a sentence or two between the heading and the tasks"
    links = re.findall(r'<a href="([^"]+)"', tasks[1].split("</ul>", 1)[0])
    assert 4 <= len(links) <= 6
    assert links[0] == HOME_GUIDE[lang]
    assert any(link.startswith("contact") for link in links)


BOOKING = "https://www.aabenraa.dk/borger/pas-koerekort-og-sundhedskort/pas/"
PENDLERINFO = "https://www.pendlerinfo.org/"


@pytest.mark.parametrize("lang", LANGS)
def test_the_contact_page_gives_a_reachable_sourced_contact_and_one_for_commuters(built_site, lang):
    html = (built_site / LANGS[lang] / "contact" / "index.html").read_text(encoding="utf-8")
    content = html.split('<article class="md-content__inner', 1)[1].split('id="vk-feedback"', 1)[0]
    assert f'href="{BOOKING}"' in content, "Borgerservice: the official booking page"
    assert f'href="{PENDLERINFO}' in content, "commuters: the Regionskontor & Infocenter's own site"
    assert "Padborg" in content
    # Each fact says where it is from and when it was checked.
    assert content.count("2026") >= 2
    assert 'href="#vk-feedback"' in content, "problems with the site: the question at the end of the page"


@pytest.mark.parametrize("lang", LANGS)
def test_the_welcome_letter_links_the_booking_page(built_site, lang):
    html = (built_site / LANGS[lang] / "welcome" / "letter" / "index.html").read_text(encoding="utf-8")
    letter = html.split('class="vk-letter"', 1)[1]
    assert f'href="{BOOKING}"' in letter


ENDED = {"da": "sluttede", "de": "endete", "en": "ended"}


@pytest.mark.parametrize("lang", LANGS)
def test_with_no_plan_in_force_a_group_page_does_not_present_the_last_plans_actions_as_current(built_site, lang):
    html = (built_site / LANGS[lang] / "target-groups" / "commuters" / "index.html").read_text(encoding="utf-8")
    section = html.split('class="vk-plan-for-group', 1)[1].split('id="vk-feedback"', 1)[0]
    assert 'class="vk-action"' not in section, "no action cards as if they were today's services"
    assert ENDED[lang] in section
    assert 'href="../../plan/"' in section


def test_the_navigation_goes_by_task_the_guide_first_and_the_target_groups_one_way_in(built_site):
    html = (built_site / "en" / "privacy" / "index.html").read_text(encoding="utf-8")
    nav = html.split('md-nav--primary', 1)[1]
    pages = [t for href, t in re.findall(
        r'<a href="([^"#][^"]*)" class="md-nav__link[^"]*"[^>]*>\s*<span class="md-ellipsis">\s*([^<]+?)\s*</span>', nav)]
    assert pages[:2] == ["Home", "Step by step: dealing with the authorities"], pages
    assert "Target groups" not in html.split('class="md-nav', 1)[1] and "Who are you?" in pages
    assert pages.index("Contact") < pages.index("Who are you?")


INTERNATIONAL_TITLE = {"da": "Fra et andet land for at arbejde", "de": "Aus dem Ausland zum Arbeiten hierher",
                       "en": "Coming from abroad to work"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_for_people_from_abroad_begins_with_the_choice_that_decides_their_path(built_site, lang):
    html = (built_site / LANGS[lang] / "target-groups" / "international" / "index.html").read_text(encoding="utf-8")
    content = html.split('<article class="md-content__inner', 1)[1]
    assert re.search(r"<h1[^>]*>" + re.escape(INTERNATIONAL_TITLE[lang]), content), "a plain title, not 'workforce'"
    first_h2 = content.split("<h2", 2)[1]
    links = re.findall(r'<a href="([^"]+)"', first_h2.split("</ul>", 1)[0])
    assert 'class="vk-tasks' in first_h2
    assert links == ["../../guide/for/eu-eea-swiss/", "../../guide/for/nordic/", "../../guide/for/non-eu/"]


def test_the_plan_timeline_marks_today_in_the_quarter_when_a_plan_is_in_force():
    from datetime import date

    from velkommen.load.loader import load_site_data
    from velkommen.render.context import RenderContext
    from velkommen.render.markers import replace_markers

    site = load_site_data(FIXTURES / "sites" / "kolding")
    html = replace_markers("<!-- plan:timeline -->", RenderContext("en", "plan.md", date(2024, 3, 1), site))
    head = html.split("<thead>", 1)[1].split("</thead>", 1)[0]
    today = re.findall(r'<th scope="col" class="vk-timeline__today"[^>]*>(.*?)</th>', head, re.S)
    assert len(today) == 1 and "Today" in today[0] and "Q1" in today[0]
    assert "vk-timeline__today-note" not in html


TODAY_AFTER = {"da": "efter planens periode", "de": "nach dem Zeitraum des Plans", "en": "after the plan's period"}


@pytest.mark.parametrize("lang", LANGS)
def test_the_plan_timeline_says_today_is_after_an_ended_plan(built_site, lang):
    html = (built_site / LANGS[lang] / "plan" / "index.html").read_text(encoding="utf-8").replace("&#39;", "'")
    note = html.split('class="vk-timeline__today-note"', 1)[1].split("</p>", 1)[0]
    assert TODAY_AFTER[lang] in note and "2026" in note
