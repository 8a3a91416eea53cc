"""MkDocs layer: the site's public address, from data/municipality.yaml or $SITE_URL, never a local one.

MkDocs writes `site_url` into canonical links and the sitemap, and the
fragments print it on the welcome letter (velkommen/outputs/address.py). Without a
public address the site has neither canonical links nor a sitemap (it needs
absolute addresses), and the letter says the address is not yet known.
`mkdocs serve` keeps serving at its own local address: it has chosen where
to serve before this runs.
"""

from __future__ import annotations

import logging
import os

from velkommen import build as vk
from velkommen.outputs.address import public_address

log = logging.getLogger("mkdocs.plugins.velkommen")
_told: set[str | None] = set()


def on_config(config):
    municipality = vk.current().site.one("municipality")  # velkommen/mkdocs/load_data.py has loaded and checked the data
    # $SITE_URL (the deploy workflow's) first, then mkdocs.yml's (under `mkdocs serve` the local one, skipped).
    public = public_address(os.environ.get("SITE_URL"), config.site_url, municipality.site_url if municipality else None)
    config.site_url = public
    if public is None:
        config.theme.static_templates.discard("sitemap.xml")  # not rendered (on_files: nor copied as it is)
    if public not in _told:  # once, not once per language
        _told.add(public)
        log.info(f"The site's public address: {public}" if public else
                 "The site has no public address yet (site_url in data/municipality.yaml, or $SITE_URL): "
                 "the welcome letter says so, and pages have no canonical link and the site no sitemap.")
    return config


def on_files(files, config):
    if config.site_url is None:
        sitemap = files.get_file_from_path("sitemap.xml")
        if sitemap is not None:
            files.remove(sitemap)
    return files
