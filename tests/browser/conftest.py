"""Fixtures of the browser tests: the built sites served on 127.0.0.1, one Chromium, fresh contexts.

The real site is the session's one strict build (`built_site` in tests/conftest.py,
build date fixed); the mini site adds a page that exists only in Danish. Without
Chromium, Playwright or axe-core these tests are skipped on a developer's
machine and fail in CI (`CI` set), where .ci/run installs all three.
"""

from __future__ import annotations

import os

import pytest

from conftest import FIXTURES, run_mkdocs  # tests/conftest.py; this folder's conftest is browser.conftest

from .browsing import PHONE, Server, Watch, launch, missing_tools


@pytest.fixture(scope="session", autouse=True)
def _browser_tools():
    missing = missing_tools()
    if missing:
        message = "browser tests need " + "; ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def site_server(built_site):
    server = Server(built_site)
    yield server
    server.close()


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("mini-site-browser")
    result = run_mkdocs(FIXTURES / "minisite" / "mkdocs.yml", site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def mini_server(mini_site):
    server = Server(mini_site)
    yield server
    server.close()


@pytest.fixture(scope="session")
def hostile_server(tmp_path_factory):
    """The hostile fixture site, with a script slipped into every page's content after the sanitiser."""
    site = tmp_path_factory.mktemp("hostile-site-browser")
    result = run_mkdocs(FIXTURES / "hostile_site" / "mkdocs.yml", site, VELKOMMEN_TEST_INJECT="1")
    assert result.returncode == 0, result.stdout + result.stderr
    server = Server(site)
    yield server
    server.close()


@pytest.fixture(scope="session")
def playwright_driver():
    from playwright.sync_api import sync_playwright

    driver = sync_playwright().start()
    yield driver
    driver.stop()


@pytest.fixture(scope="session")
def browser(playwright_driver):
    chromium = launch(playwright_driver)
    yield chromium
    chromium.close()


@pytest.fixture
def open_context(browser, site_server):
    """open_context(viewport=PHONE, server=site_server) -> (context, watch): a fresh profile, watched."""
    contexts = []

    def open_(viewport=PHONE, server=site_server, **options):
        context = browser.new_context(viewport=viewport, **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context, Watch(server.origin).attach(context)

    yield open_
    for context in contexts:
        context.close()
