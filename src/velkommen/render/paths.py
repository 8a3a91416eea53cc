"""Where the generator's own pages live, relative to each language folder.

Fragments link to these pages; a test checks that each exists in docs/da/.
"""

PLAN = "plan.md"
ACCESSIBILITY = "accessibility.md"
PRIVACY = "privacy.md"
CONTACT = "contact.md"
