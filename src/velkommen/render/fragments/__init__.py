"""Fragment functions, one module per family of markers. Importing registers them."""

from velkommen.render.fragments import community, editors, guide, plan, site, welcome  # noqa: F401
