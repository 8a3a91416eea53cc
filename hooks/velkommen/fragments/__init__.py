"""Fragment functions, one module per family of markers. Importing registers them."""

from . import community, editors, guide, plan, site, welcome  # noqa: F401
