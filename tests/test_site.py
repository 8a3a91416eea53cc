"""The real site, built once: languages, links between them, search, privacy, the plan."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import PUBLISHED_URL, ROOT

LANGS = {"da": "", "de": "de/", "en": "en/"}
PAGES = sorted(p.relative_to(ROOT / "docs" / "da").as_posix() for p in (ROOT / "docs" / "da").rglob("*.md"))


def out_path(site: Path, lang: str, page: str) -> Path:
    stem = page[:-3]
    stem = stem[: -len("index")] if stem.endswith("index") else stem + "/"
    return site / LANGS[lang] / stem / "index.html"


def read(site: Path, lang: str, page: str) -> str:
    return out_path(site, lang, page).read_text(encoding="utf-8")


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_every_page_exists_in_every_language_with_the_right_lang(built_site, lang, page):
    html = read(built_site, lang, page)
    assert f'<html lang="{lang}"' in html


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["de", "en"])
def test_shipped_pages_are_translated_not_fallbacks(built_site, lang, page):
    assert (ROOT / "docs" / lang / page).is_file(), f"docs/{lang}/{page} is missing"
    assert "vk-fallback" not in read(built_site, lang, page)


@pytest.mark.parametrize("page", PAGES)
def test_language_selector_leads_to_the_same_page_in_each_language(built_site, page):
    for lang in LANGS:
        html = read(built_site, lang, page)
        links = re.findall(r'<a href="([^"]+)" hreflang="(\w+)" lang="(\w+)" class="vk-lang"', html)
        assert [(hreflang, code) for _, hreflang, code in links] == [("da", "da"), ("de", "de"), ("en", "en")]
        here = out_path(built_site, lang, page).parent
        for href, other, _ in links:
            target = (here / href).resolve() / "index.html"
            assert target == out_path(built_site, other, page).resolve(), (lang, page, href)


def test_language_names_are_each_in_their_own_language(built_site):
    html = read(built_site, "de", "index.md")
    names = re.findall(r'lang="(\w+)" class="vk-lang"[^>]*>\s*(\w+)', html)
    assert names == [("da", "Dansk"), ("de", "Deutsch"), ("en", "English")]


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_its_own_search_index(built_site, lang):
    index = json.loads((built_site / LANGS[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [lang]
    locations = [d["location"] for d in index["docs"]]
    assert locations and not any(loc.startswith(("de/", "en/")) for loc in locations)
    titles = " ".join(d["title"] for d in index["docs"])
    expected = {"da": "Tilgængelighed", "de": "Barrierefreiheit", "en": "Accessibility"}[lang]
    assert expected in titles


@pytest.mark.parametrize("lang", LANGS)
def test_pages_fetch_the_search_index_of_their_own_language(built_site, lang):
    html = read(built_site, lang, "target-groups/commuters.md")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))
    # /target-groups/commuters/ -> the site root; /de/target-groups/commuters/ -> /de/
    assert config["base"] == "../.."


def test_sitemap_lists_every_page_with_its_alternates(built_site, published_site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(published_site / "sitemap.xml").getroot()
    urls = root.findall("s:url", ns)
    locs = {u.find("s:loc", ns).text for u in urls}
    for page in PAGES:
        path = out_path(built_site, "da", page).parent.relative_to(built_site).as_posix()
        assert any(loc.removeprefix(PUBLISHED_URL).strip("/") == path.strip(".").strip("/") for loc in locs), page
    assert all(loc.startswith(PUBLISHED_URL) for loc in locs)
    for url in urls:
        langs = sorted(link.get("hreflang") for link in url.findall("x:link", ns))
        assert langs == ["da", "de", "en"]


def test_the_404_page_speaks_all_three_languages(built_site):
    html = (built_site / "404.html").read_text(encoding="utf-8")
    for code, title in [("da", "Siden findes ikke"), ("de", "Seite nicht gefunden"), ("en", "Page not found")]:
        assert f'<section lang="{code}" dir="ltr" class="vk-404">' in html and title in html


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_has_a_footer_with_accessibility_and_privacy(built_site, lang):
    for page in PAGES:
        html = read(built_site, lang, page)
        footer = html.split('class="vk-footer__links"', 1)[1].split("</ul>", 1)[0]
        links = dict((text.strip(), href) for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', footer))
        report = {"da": "Fejl på siden? Skriv til os", "de": "Fehler auf der Seite? Schreiben Sie uns",
                  "en": "Problem with this page? Tell us"}[lang]
        assert report in links, "every page offers a way to report a problem with it"
        label = {"da": "Tilgængelighed", "de": "Barrierefreiheit", "en": "Accessibility"}[lang]
        here = out_path(built_site, lang, page).parent
        assert (here / links[label]).resolve() == out_path(built_site, lang, "accessibility.md").parent.resolve(), page


class _Resources(HTMLParser):
    """Everything a browser would fetch by itself: scripts, styles, images, frames, fonts."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "img", "iframe", "audio", "video", "source", "embed") and a.get("src"):
            self.urls.append(a["src"])
        if tag == "link" and a.get("href") and set((a.get("rel") or "").split()) & {
                "stylesheet", "preconnect", "preload", "prefetch", "dns-prefetch", "icon", "manifest", "modulepreload"}:
            self.urls.append(a["href"])
        if tag == "object" and a.get("data"):
            self.urls.append(a["data"])


def test_no_page_makes_a_request_to_another_host(built_site):
    offenders = []
    for path in built_site.rglob("*.html"):
        parser = _Resources()
        parser.feed(path.read_text(encoding="utf-8"))
        offenders += [(path.name, u) for u in parser.urls if re.match(r"^(https?:)?//", u)]
    for path in built_site.rglob("*.css"):
        text = path.read_text(encoding="utf-8")
        offenders += [(path.name, u) for u in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", text)]
        offenders += [(path.name, u) for u in re.findall(r"@import\s+['\"]?((?:https?:)?//[^'\";]+)", text)]
    assert offenders == []


def test_no_google_fonts_or_analytics_anywhere(built_site):
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text and "googletagmanager" not in text


@pytest.mark.parametrize("lang,notice", [("da", "Planens periode er slut"), ("de", "Der Zeitraum dieses Plans ist abgelaufen"),
                                         ("en", "This plan's period has ended")])
def test_plan_page_shows_the_ended_plan_under_a_notice(built_site, lang, notice):
    html = read(built_site, lang, "plan.md").replace("&#39;", "'")
    assert notice in html
    assert html.count('class="vk-action"') >= 26
    assert 'class="vk-timeline"' in html


@pytest.mark.parametrize("group", ["commuters", "students", "returning", "graduates", "young-families", "international"])
def test_every_target_group_page_shows_its_actions(built_site, group):
    from velkommen.load.loader import load_site_data
    from velkommen.select.plans import actions_by_group

    [plan] = load_site_data(ROOT / "data").values("plans")
    [(_, own)] = actions_by_group(plan, [group])
    for lang in LANGS:
        html = read(built_site, lang, f"target-groups/{group}.md")
        assert "<!--" not in html.split('<div class="md-content"', 1)[1].split("</article>", 1)[0]
        # No plan is in force on the build date: the page links to what the ended plan contained on the
        # plan page, and does not show its actions as what the municipality does today (issue 17).
        section = html.split('class="vk-plan-for-group', 1)[1].split("</div>", 1)[0]
        for action in own:
            assert f'id="action-{action.id}"' not in html
            assert f'plan/#action-{action.id}"' in section
