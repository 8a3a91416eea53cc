"""The editors' status page: `<!-- editors:status -->`."""

from __future__ import annotations

from velkommen.editors.status import status
from velkommen.render.context import RenderContext, render
from velkommen.render.markers import marker
from velkommen.render.words import language_name


@marker("editors:status", about="Missing and outdated translations and facts due a check (for the editors' page).")
def editors_status(ctx: RenderContext, args: list[str]) -> str:
    st = status(ctx.site, ctx.site.data_dir.parent, ctx.build_date)
    return render("editors/status.html", ctx, st=st, targets=st.translations.targets,
                  names={lang: language_name(lang, 'en') for lang in st.translations.targets})
