"""Fragment functions, one module per family of markers, and the registry of every marker they declare."""

from velkommen.render.fragments import community, editors, guide, plan, site, welcome
from velkommen.render.markers import registry_of

REGISTRY = registry_of(community, editors, guide, plan, site, welcome)
