"""The site's public address is a fact of the municipality; a build never prints a local one."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from test_build import _copy_minisite

from conftest import ROOT, data_folder, run_mkdocs
from velkommen.check.errors import errors_only
from velkommen.load.loader import load_site_data
from velkommen.outputs.address import is_local, local_links, public_address
from velkommen.render.context import RenderContext
from velkommen.render.markers import replace_markers

LANGS = {"da": "", "de": "de/", "en": "en/"}
UNKNOWN = {"da": "endnu ikke kendt", "de": "noch nicht bekannt", "en": "not yet known"}


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/", "http://localhost:8000/", "http://[::1]:8000/",
                                 "http://0.0.0.0:8000/", "http://192.168.1.20/", "http://10.0.0.5:8000/",
                                 "http://velkommen.localhost/", "http://devbox:8000/", "https://printer.local/"])
def test_addresses_on_this_computer_or_a_local_network_are_local(url):
    assert is_local(url)
    assert public_address(url) is None


def test_the_first_public_address_wins_and_ends_with_a_slash():
    assert not is_local("https://velkommen.aabenraa.dk/")
    assert public_address("http://127.0.0.1:8000/", "https://owner.github.io/velkommen") == "https://owner.github.io/velkommen/"
    assert public_address(None, "https://velkommen.example.dk/") == "https://velkommen.example.dk/"
    assert public_address("https://ci.example.org/site/", "https://velkommen.example.dk/") == "https://ci.example.org/site/"


def _municipality(tmp_path: Path, extra: str) -> Path:
    data = data_folder(tmp_path)
    path = data / "municipality.yaml"
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return data


def test_the_public_address_is_a_validated_field_of_the_municipality(tmp_path):
    site = load_site_data(_municipality(tmp_path, "site_url: https://velkommen.example.dk\n"))
    assert site.problems == []
    assert site.one("municipality").site_url == "https://velkommen.example.dk/"


@pytest.mark.parametrize("url, problem", [("http://velkommen.example.dk/", "must start with https://"),
                                          ("https://localhost:8000/", "on this computer or a local network")])
def test_a_public_address_that_is_not_one_stops_the_build(tmp_path, url, problem):
    [error] = errors_only(load_site_data(_municipality(tmp_path, f"site_url: {url}\n")).problems)
    assert error.field == "site_url" and problem in error.problem, error.format()


def test_the_shipped_data_claims_no_public_address_nobody_has_confirmed():
    # No official source states the site's address yet (see the field's description).
    assert load_site_data(ROOT / "data").one("municipality").site_url is None


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_public_address_the_letter_says_so_and_prints_no_qr_code(lang):
    site = load_site_data(ROOT / "data")
    for url in ("", "http://127.0.0.1:8000/"):
        ctx = RenderContext(lang, "welcome/letter.md", date(2026, 11, 23), site, LANGS[lang], url)
        html = replace_markers("<!-- welcome:qr -->", ctx)
        assert UNKNOWN[lang] in html
        assert "<svg" not in html and "127.0.0.1" not in html and "href" not in html


@pytest.mark.parametrize("lang", LANGS)
def test_with_a_public_address_the_letter_prints_it_and_its_qr_code(lang):
    site = load_site_data(ROOT / "data")
    ctx = RenderContext(lang, "welcome/letter.md", date(2026, 11, 23), site, LANGS[lang], "https://velkommen.example.dk/")
    html = replace_markers("<!-- welcome:qr -->", ctx)
    url = "https://velkommen.example.dk/" + LANGS[lang]
    assert f'<a href="{url}" class="vk-qr__url">{url}</a>' in html and "<svg" in html
    assert UNKNOWN[lang] not in html


def test_a_build_without_a_public_address_names_no_local_one(built_site):
    assert local_links(built_site) == {}
    assert not (built_site / "sitemap.xml").exists(), "a sitemap needs absolute addresses"
    for lang, prefix in LANGS.items():
        html = (built_site / prefix / "welcome" / "letter" / "index.html").read_text(encoding="utf-8")
        assert UNKNOWN[lang] in html and 'rel="canonical"' not in html


def test_a_build_takes_the_public_address_from_the_data_and_ci_may_override_it(tmp_path):
    mini = _copy_minisite(tmp_path / "copy")
    municipality = mini / "data" / "municipality.yaml"
    municipality.write_text(municipality.read_text(encoding="utf-8") + "site_url: https://velkommen.example.dk/\n",
                            encoding="utf-8")
    out = tmp_path / "out"
    result = run_mkdocs(mini / "mkdocs.yml", out)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (out / "de" / "only-danish" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://velkommen.example.dk/de/only-danish/">' in html
    assert "<loc>https://velkommen.example.dk/</loc>" in (out / "sitemap.xml").read_text(encoding="utf-8")
    assert local_links(out) == {}

    result = run_mkdocs(mini / "mkdocs.yml", out, SITE_URL="https://owner.github.io/velkommen/")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (out / "de" / "only-danish" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://owner.github.io/velkommen/de/only-danish/">' in html


def _check(site: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "velkommen", "address", "--site", str(site)],
                          cwd=ROOT, capture_output=True, text=True)


def test_the_deploy_check_refuses_a_site_that_names_a_local_address(tmp_path):
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "index.html").write_text('<link rel="canonical" href="http://127.0.0.1:8000/de/">', encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text("<loc>http://localhost:8000/</loc>", encoding="utf-8")
    (tmp_path / "index.html").write_text("<p>Velkommen</p>", encoding="utf-8")
    (tmp_path / "ok.html").write_text('<a href="https://www.aabenraa.dk/">x</a>', encoding="utf-8")
    result = _check(tmp_path)
    assert result.returncode == 1
    assert re.search(r"de/index\.html\n\s+what is wrong: names a local address: http://127\.0\.0\.1:8000\n", result.stdout), result.stdout
    assert re.search(r"sitemap\.xml\n\s+what is wrong: names a local address: http://localhost:8000\n", result.stdout), result.stdout
    assert re.findall(r"^ERROR \S+?/(\S+)$", result.stdout, re.M) == ["de/index.html", "sitemap.xml"], result.stdout


def test_the_deploy_check_passes_the_built_site(built_site):
    result = _check(built_site)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_deploy_workflow_runs_the_check_before_publishing():
    workflow = (ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    deploy = workflow.split("\n  deploy:", 1)[1]
    check = deploy.index("velkommen address")
    assert deploy.index("make build") < check < deploy.index("upload-pages-artifact")
