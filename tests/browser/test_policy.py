"""The Content Security Policy at work in the browser: Material's hashed inline
scripts run, anything else inline or from another origin is refused."""

from __future__ import annotations

import pytest

from .browsing import DESKTOP, wait_until

pytestmark = pytest.mark.browser


def test_the_hashed_inline_scripts_run_and_an_injected_one_is_refused(open_context, site_server):
    context, watch = open_context(DESKTOP)
    page = context.new_page()
    page.goto(site_server.url("/en/guide/"))
    assert page.evaluate("typeof __md_get") == "function"  # Material's inline helper, allowed by its hash
    assert watch.csp == []
    page.evaluate("""() => {
      const s = document.createElement("script");
      s.textContent = "window.__vkInjected = true";
      document.head.appendChild(s);
    }""")
    assert wait_until(lambda: any(v.startswith("script-src") for v in watch.csp), page=page), watch.csp
    assert page.evaluate("window.__vkInjected") is None


def test_an_image_or_style_from_another_origin_is_refused(open_context, site_server):
    context, watch = open_context(DESKTOP)
    page = context.new_page()
    page.goto(site_server.url("/"))
    # Another origin on this machine's loopback: refused before any request is made.
    page.evaluate("""() => {
      const img = document.createElement("img");
      img.src = "http://127.0.0.2:9/pixel.png";
      document.body.appendChild(img);
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = "http://127.0.0.2:9/style.css";
      document.head.appendChild(link);
      document.body.setAttribute("style", "outline: 1px solid red");
    }""")
    refused = {"img-src", "style-src-elem", "style-src-attr"}
    assert wait_until(lambda: {v.split()[0] for v in watch.csp} >= refused, page=page), watch.csp
    # Chromium reports the attempts, and that the policy blocked them before they left the browser.
    assert wait_until(lambda: all(url in watch.failed for url in watch.foreign_requests()), page=page)
    assert {watch.failed[url] for url in watch.foreign_requests()} == {"csp"}


HOSTILE_PAGES = ["/raw-html/", "/front-matter/", "/heading/", "/de/guide/for/eu/", "/en/community/towns/evil-town/", "/plan/"]


@pytest.mark.parametrize("path", HOSTILE_PAGES)
def test_a_script_that_slipped_into_the_content_does_not_run_and_is_reported(open_context, hostile_server, path):
    context, watch = open_context(DESKTOP, server=hostile_server)
    dialogs = []
    context.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page = context.new_page()
    page.goto(hostile_server.url(path))
    html = page.content()
    assert '<script>window.__vkInjected = "ran"</script>' in html  # the test hook's script is in the page...
    assert wait_until(lambda: any(v.startswith("script-src") for v in watch.csp), page=page), watch.csp
    assert page.evaluate("typeof window.__vkInjected") == "undefined"  # ...and the policy refused it
    assert page.evaluate("typeof window.__vkRaw") == "undefined"
    assert page.evaluate("typeof __md_get") == "function"  # the theme's own inline helpers still run
    page.mouse.move(200, 300)
    page.keyboard.press("Tab")
    assert dialogs == []
    assert watch.foreign_requests() == []
