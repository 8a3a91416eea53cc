"""Shared fixtures: paths, small data folders, and one strict build of the real site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
BUILD_DATE = "2026-11-23"


def build_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VELKOMMEN_BUILD_DATE": BUILD_DATE}
    env.pop("SITE_URL", None)
    env.update(extra)
    return env


def run_mkdocs(config: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "--site-dir", str(site_dir)],
        cwd=config.parent, env=build_env(**env), capture_output=True, text=True)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session with a fixed build date."""
    site_dir = tmp_path_factory.mktemp("site")
    result = run_mkdocs(ROOT / "mkdocs.yml", site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


PUBLISHED_URL = "https://owner.github.io/velkommen/"  # a GitHub Pages project site, as the deploy workflow builds it


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> Path:
    """The real site built as the deploy workflow builds it: with SITE_URL, a public address below a path."""
    site_dir = tmp_path_factory.mktemp("published")
    result = run_mkdocs(ROOT / "mkdocs.yml", site_dir, SITE_URL=PUBLISHED_URL)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


def data_folder(tmp_path: Path, *files: tuple[str, Path]) -> Path:
    """A data/ folder with the base municipality and target groups plus the given files."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURES / "base", data)
    for relative, source in files:
        target = data / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)
    return data


@contextmanager
def serving(routes: dict[str, bytes | Callable[[], bytes]], content_type: str = "text/plain") -> Iterator[str]:
    """A local HTTP server on 127.0.0.1 answering GET for `routes` (read at each request, so a test may change them).

    A route may be a function (e.g. one that sleeps first, for a slow server); other paths are 404. Yields the origin.
    """

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            body = routes.get(self.path)
            if callable(body):
                body = body()
            if body is None:
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a time limit under test)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
