"""The `velkommen` MkDocs plugin: wires MkDocs events to the generator, nothing more.

Each event hands over to one module of this layer (a file per concern);
the order within an event is the order the concerns depend on each other.
A site lists the plugin last, after `search` and `i18n` (the base
configuration does), because it reads what mkdocs-static-i18n has set up.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from velkommen.mkdocs import (
    add_files,
    load_data,
    page_html,
    policy_meta,
    search_index,
    site_address,
    theme_context,
)
from velkommen.mkdocs.languages import material_partials
from velkommen.render.words import fallback_language

THEME = Path(__file__).resolve().parent.parent / "theme"
PACKAGE = THEME.parent


class VelkommenPlugin(BasePlugin):
    def on_config(self, config):
        _use_theme(config)
        config = load_data.on_config(config)
        return site_address.on_config(config)

    def _files_address(self, files, config):
        return site_address.on_files(files, config)

    @event_priority(-150)  # after mkdocs-static-i18n has sorted this language's files (-100)
    def _files_generated(self, files, config):
        return add_files.on_files(files, config)

    on_files = CombinedEvent(_files_address, _files_generated)

    def on_env(self, env, config, files):
        return theme_context.on_env(env, config, files)

    def on_pre_build(self, config):
        theme_context.on_pre_build(config)
        search_index.on_pre_build(config)

    def on_build_error(self, error):
        search_index.on_build_error(error)

    def on_page_markdown(self, markdown, page, config, files):
        return page_html.on_page_markdown(markdown, page, config, files)

    def on_page_content(self, html, page, config, files):
        html = page_html.on_page_content(html, page, config, files)
        return theme_context.on_page_content(html, page, config, files)

    def on_page_context(self, context, page, config, nav):
        return theme_context.on_page_context(context, page, config, nav)

    def _post_page_search(self, output, page, config):
        return search_index.on_post_page(output, page, config)

    @event_priority(-1000)  # last: the policy hashes each page's final inline scripts
    def _post_page_policy(self, output, page, config):
        return policy_meta.on_post_page(output, page, config)

    on_post_page = CombinedEvent(_post_page_search, _post_page_policy)

    @event_priority(-1000)
    def on_post_template(self, output_content, template_name, config):
        return policy_meta.on_post_template(output_content, template_name, config)

    @event_priority(-200)  # after mkdocs-static-i18n has merged the search index (-100)
    def on_post_build(self, config):
        search_index.on_post_build(config)


def _use_theme(config) -> None:
    """The generator's templates and assets, between the site's own overrides (custom_dir) and Material."""
    dirs = config.theme.dirs
    if str(THEME) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
    # Material's own words for a site language it has none in (borrowed, marked), just before Material's.
    i18n = config.plugins.get("i18n")
    codes = [str(lang.locale) for lang in i18n.config.languages] if i18n is not None else []
    borrowed = material_partials(codes, fallback_language(codes))
    if borrowed is not None and str(borrowed) not in dirs:
        dirs.insert(dirs.index(str(THEME)) + 1, str(borrowed))
    # `make serve` rebuilds when the site's data or the generator change.
    root = Path(config.config_file_path).parent
    for path in (root / "data", PACKAGE):
        if path.is_dir() and str(path) not in config.watch:
            config.watch.append(str(path))
