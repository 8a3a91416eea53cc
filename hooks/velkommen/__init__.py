"""Velkommen: the newcomer site generator's plain-Python core.

Nothing in this package imports MkDocs. It loads and validates the YAML in
`data/`, selects what a page needs (the plan in force, the steps for a
situation, upcoming events) and renders escaped HTML fragments. The MkDocs
layer in `hooks/*.py` only wires MkDocs events to these functions, so another
generator could call them too.
"""
