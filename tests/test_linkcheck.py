"""External links are checked on a schedule; tested here against a local HTTP server."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from velkommen.editors.linkcheck import check, check_all, external_links, report


class _Handler(BaseHTTPRequestHandler):
    def do_HEAD(self):
        if self.path == "/no-head":
            self.send_response(405)
            self.end_headers()
            return
        self._answer(body=False)

    def do_GET(self):
        self._answer(body=True)

    def _answer(self, body: bool):
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
            return
        code = 404 if self.path == "/gone" else 200
        self.send_response(code)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        if body:
            self.wfile.write(b"hello")

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_a_working_link_passes(server):
    assert check(f"{server}/ok").ok


def test_a_missing_page_is_reported_broken(server):
    result = check(f"{server}/gone")
    assert not result.ok and result.status == 404 and result.problem == "HTTP 404"


def test_a_redirect_to_a_working_page_passes(server):
    assert check(f"{server}/moved").ok


def test_a_server_that_refuses_head_is_asked_with_get(server):
    assert check(f"{server}/no-head").ok


def test_an_unreachable_host_is_reported():
    result = check("http://127.0.0.1:9/", timeout=2)
    assert not result.ok and result.status is None and "not reachable" in result.problem


def test_links_are_collected_from_the_pages_but_not_from_the_editors_tools(tmp_path: Path, server):
    (tmp_path / "admin").mkdir()
    (tmp_path / "admin" / "index.html").write_text(f'<a href="{server}/gone">x</a>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        f'<a href="{server}/ok#part">a</a> <a href="{server}/gone">b</a> <a href="mailto:x@example.dk">c</a>'
        '<a href="../plan/">d</a>', encoding="utf-8")
    pages = external_links(tmp_path)
    assert pages == {f"{server}/ok": ["index.html"], f"{server}/gone": ["index.html"]}
    text = report(check_all(sorted(pages)), pages)
    assert text.startswith("2 external links checked, 1 broken.")
    assert f"- {server}/gone – HTTP 404 – on index.html" in text
