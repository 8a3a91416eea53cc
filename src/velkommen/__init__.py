"""Velkommen: a generator of newcomer websites for Danish municipalities.

The data's way to the page, one sub-package per stage:

    model/    the one declaration of the data's shape (pydantic)
    load/     read YAML with line numbers, validate, resolve references, fetch feeds
    check/    problems an editor can act on; rules across files; notices
    select/   plain-Python views: the plan in force, a situation's steps, upcoming events
    render/   markers, fragments, templates and the generator's words
    outputs/  pages and files made from data, the CSP, the public address
    editors/  status report, translations, link check, source watch, schemas, CMS
    mkdocs/   the thin MkDocs layer (the `velkommen` plugin and its base configuration)

Nothing outside `mkdocs/` imports MkDocs, so another engine could call the stages too.
"""
