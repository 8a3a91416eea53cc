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
