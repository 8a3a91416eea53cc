"""Whole builds of a tiny site with the real hooks: fallback pages and builds that must stop."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest

from conftest import FIXTURES, run_mkdocs

MINI = FIXTURES / "minisite"


@pytest.fixture(scope="module")
def mini(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("mini-site")
    result = run_mkdocs(MINI / "mkdocs.yml", site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _copy_minisite(tmp_path: Path) -> Path:
    """A writable copy whose relative path to the package's base configuration still works."""
    target = tmp_path / "tests" / "fixtures" / "minisite"
    shutil.copytree(MINI, target)
    root = Path(__file__).resolve().parent.parent
    for folder in ("src",):
        (tmp_path / folder).symlink_to(root / folder)
    return target


def test_a_page_missing_in_german_shows_the_danish_text_under_a_german_notice(mini):
    html = (mini / "de" / "only-danish" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in html
    assert "Diese Seite ist noch nicht übersetzt" in html
    assert '<div lang="da" class="vk-fallback__content">' in html
    body = html.split('<div lang="da" class="vk-fallback__content">', 1)[1]
    assert "Sundhedskortet hedder også det gule kort." in body


def test_data_on_an_untranslated_page_is_danish_like_the_page(mini):
    html = (mini / "en" / "only-danish" / "index.html").read_text(encoding="utf-8")
    body = html.split('<div lang="da" class="vk-fallback__content">', 1)[1]
    # The mini site's plan ended before the build date: the page links to the latest plan (issue 17).
    assert "Se hele den seneste plan" in body and "See the whole latest plan" not in body
    assert "This page is not translated yet" in html


@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_untranslated_page_is_kept_out_of_that_languages_search(mini, lang):
    index = json.loads((mini / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [lang]
    assert not [d for d in index["docs"] if d["location"].startswith("only-danish/")]
    assert [d for d in index["docs"] if d["location"] == ""], "the translated home page is indexed"


def test_danish_search_has_the_danish_page_and_no_other_language(mini):
    index = json.loads((mini / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [d["location"] for d in index["docs"]]
    assert index["config"]["lang"] == ["da"]
    assert any(loc.startswith("only-danish/") for loc in locations)
    assert not any(loc.startswith(("de/", "en/")) for loc in locations)


def test_bad_data_stops_the_build_with_file_line_and_fix_and_no_traceback(tmp_path):
    site = _copy_minisite(tmp_path)
    plan = site / "data" / "plans" / "base-plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("status: ongoing", "status: underway"), encoding="utf-8")
    result = run_mkdocs(site / "mkdocs.yml", tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "data/plans/base-plan.yaml:15" in output
    assert "'underway' is not one of the allowed values" in output
    assert "how to fix it: use one of: 'planned', 'ongoing', 'done' or 'dropped'" in output
    assert "Traceback" not in output


def test_an_unknown_marker_stops_the_build_naming_the_page_and_line(tmp_path):
    site = _copy_minisite(tmp_path)
    page = site / "docs" / "da" / "plan.md"
    page.write_text("# Plan\n\nTekst.\n\n<!-- plan:timelime -->\n", encoding="utf-8")
    result = run_mkdocs(site / "mkdocs.yml", tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/da/plan.md:5" in output
    assert "unknown marker '<!-- plan:timelime -->'" in output
    assert "plan:timeline" in output
    assert "Traceback" not in output


def test_a_build_date_that_is_not_a_date_stops_the_build(tmp_path):
    result = run_mkdocs(MINI / "mkdocs.yml", tmp_path / "out", VELKOMMEN_BUILD_DATE="2026-13-01")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "'2026-13-01' is not a date" in output


def test_no_plan_in_force_is_told_to_editors_without_failing(tmp_path):
    result = run_mkdocs(MINI / "mkdocs.yml", tmp_path / "out", VELKOMMEN_BUILD_DATE="2030-01-01")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "no action plan is in force on 2030-01-01" in output


def test_the_footer_offers_an_email_about_this_very_page(mini):
    html = (mini / "de" / "only-danish" / "index.html").read_text(encoding="utf-8")
    footer = html.split('class="vk-footer__links"', 1)[1].split("</ul>", 1)[0]
    link = re.search(r'<a href="(mailto:[^"]+)">Fehler auf der Seite\? Schreiben Sie uns</a>', footer).group(1)
    assert link.startswith("mailto:webmaster@example.dk?subject=")
    # The mini site has no public address: the page's path names the page (the same e-mail as
    # "Was this page useful?", tests/test_service.py).
    assert unquote(link.split("subject=", 1)[1].split("&amp;", 1)[0]) == "War diese Seite hilfreich? /de/only-danish/"
    assert "noch nicht bestätigt" in footer, "an unconfirmed address says so"


def test_an_edit_to_the_generators_code_is_told_not_silently_ignored(tmp_path):
    from velkommen.build import changed_code, code_snapshot

    package = tmp_path / "velkommen"
    (package / "fragments").mkdir(parents=True)
    (package / "render.py").write_text("A = 1\n", encoding="utf-8")
    (package / "fragments" / "plan.py").write_text("B = 1\n", encoding="utf-8")
    before = code_snapshot(package)
    assert changed_code(before, package) == []
    stat = (package / "fragments" / "plan.py").stat()
    os.utime(package / "fragments" / "plan.py", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    (package / "new.py").write_text("C = 1\n", encoding="utf-8")
    assert changed_code(before, package) == ["velkommen/fragments/plan.py", "velkommen/new.py"]


def test_a_running_preview_says_to_restart_when_the_generator_changed(monkeypatch):
    from velkommen import build as vk
    from velkommen.mkdocs import load_data

    monkeypatch.setattr(vk, "CODE_AT_START", {**vk.CODE_AT_START, str(vk.GENERATOR / "render" / "context.py"): 0})
    with pytest.raises(Exception) as raised:
        load_data.on_config(None)
    assert "velkommen/render/context.py" in str(raised.value) and "start it again" in str(raised.value)


def test_templates_are_read_again_under_make_serve_only(monkeypatch):
    from velkommen.render import context as render

    render.environment.cache_clear()
    monkeypatch.delenv("VELKOMMEN_SERVE", raising=False)
    assert render.environment().auto_reload is False
    render.environment.cache_clear()
    monkeypatch.setenv("VELKOMMEN_SERVE", "1")
    assert render.environment().auto_reload is True
    render.environment.cache_clear()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _page_until(url: str, wanted: str, seconds: float = 40) -> str:
    import time
    import urllib.request

    deadline, text = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            text = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
        except OSError:
            text = ""
        if wanted in text:
            return text
        time.sleep(0.5)
    return text


def test_make_serve_shows_an_edited_word_and_template_and_asks_for_a_restart_after_a_python_edit(tmp_path):
    """The development loop tells the truth: what was edited shows after the rebuild, or the server says to restart."""
    import os
    import subprocess
    import sys
    import time

    from conftest import build_env

    mini = _copy_minisite(tmp_path)
    package = Path(__file__).resolve().parent.parent / "src" / "velkommen"
    template = package / "theme" / "partials" / "vk-feedback.html"
    python_file = package / "render" / "fmt.py"
    original, stat = template.read_text(encoding="utf-8"), python_file.stat()
    port = _free_port()
    log = tmp_path / "serve.log"
    with open(log, "w", encoding="utf-8") as out:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "-f",
                                   str(mini / "mkdocs.yml")], cwd=mini, env=build_env(VELKOMMEN_SERVE="1", VELKOMMEN_PREVIEW="da"),
                                  stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        assert "Var siden nyttig?" in _page_until(url, "Var siden nyttig?"), log.read_text(encoding="utf-8")
        # The generator's words, changed by the site (data/words.yaml): shown after the rebuild.
        (mini / "data" / "words.yaml").write_text('feedback.question:\n  da: "Hjalp siden dig?"\n', encoding="utf-8")
        assert "Hjalp siden dig?" in _page_until(url, "Hjalp siden dig?"), log.read_text(encoding="utf-8")
        # A generator template: shown after the rebuild.
        template.write_text(original + "<!-- vk-serve-test -->\n", encoding="utf-8")
        assert "vk-serve-test" in _page_until(url, "vk-serve-test"), log.read_text(encoding="utf-8")
        # The generator's Python: the running server cannot load it, and says so.
        os.utime(python_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
        deadline = time.monotonic() + 40
        while "start it again" not in log.read_text(encoding="utf-8") and time.monotonic() < deadline:
            time.sleep(0.5)
        assert "Stop `make serve` (Ctrl+C) and start it again" in log.read_text(encoding="utf-8")
    finally:
        server.terminate()
        server.wait(timeout=20)
        template.write_text(original, encoding="utf-8")
        os.utime(python_file, ns=(stat.st_atime_ns, stat.st_mtime_ns))


def test_a_sites_words_with_markup_reach_every_page_inert(tmp_path):
    """data/words.yaml is editors' data: markup, links and Markdown in it are shown as text, also by the theme."""
    mini = _copy_minisite(tmp_path)
    hostile = '<script>alert(1)</script><a href="javascript:alert(2)">x</a> **fed** [l](javascript:alert(3))'
    (mini / "data" / "words.yaml").write_text(
        "feedback.question:\n  da: " + json.dumps(hostile) + "\nfooter.privacy:\n  da: " + json.dumps("<b>Privat</b>") + "\n"
        "search.none.guide:\n  da: " + json.dumps("<img src=x onerror=alert(4)>") + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_mkdocs(mini / "mkdocs.yml", out)
    assert result.returncode == 0, result.stdout + result.stderr
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and 'href="javascript:' not in html and "<b>Privat</b>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;Privat&lt;/b&gt;" in html
    assert "&lt;img src=x onerror=alert(4)&gt;" in html
