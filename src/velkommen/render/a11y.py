"""Small accessibility repairs of the HTML that Markdown extensions write.

Plain functions on strings; `velkommen/mkdocs/page_html.py` applies them to every page.
"""

from __future__ import annotations

import re

# pymdownx.tasklist (custom_checkbox) draws each "- [ ]" item's box as a
# disabled checkbox inside an empty <label>: a form field without a name
# (WCAG 1.3.1, 4.1.2). The box is a printed checklist's box, not a control,
# so it is hidden from assistive technology; the item's text stays.
_TASK_BOX = re.compile(r'<label class="task-list-control">(?=<input type="checkbox" disabled)')


def quiet_task_boxes(html: str) -> str:
    return _TASK_BOX.sub('<label class="task-list-control" aria-hidden="true">', html)


# Markdown's toc extension puts a "¶" permalink inside every heading: a screen
# reader reads it as part of the heading's name ("Contact pilcrow") and Tab
# stops on each one. The link stays for a mouse (it shows on hover: copy a
# section's address); assistive technology and the keyboard skip it.
_PERMALINK = re.compile(r'<a class="headerlink" (?![^>]*aria-hidden)')


def quiet_permalinks(html: str) -> str:
    return _PERMALINK.sub('<a class="headerlink" aria-hidden="true" tabindex="-1" ', html)
