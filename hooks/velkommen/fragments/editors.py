"""The editors' status page: `<!-- editors:status -->`."""

from __future__ import annotations

from ..markers import marker
from ..render import RenderContext, render
from ..status import LANGUAGE_NAMES, status
from ..translation import TARGETS


@marker("editors:status", about="Missing and outdated translations and facts due a check (for the editors' page).")
def editors_status(ctx: RenderContext, args: list[str]) -> str:
    st = status(ctx.site, ctx.site.data_dir.parent, ctx.build_date)
    return render("editors/status.html", ctx, st=st, targets=TARGETS, names=LANGUAGE_NAMES)
