"""Where the generator's own pages live, relative to each language folder: the one home of these paths.

Fragments and the theme link to them, so every site has them in docs/da/
(tests/test_generator_is_generic.py checks every site); the editors' status page is
generated, never a file in docs/.
"""

HOME = "index.md"
GUIDE = "guide/index.md"
DIRECTORY = "community/index.md"
EVENTS = "community/events.md"
PLAN = "plan.md"
CONTACT = "contact.md"
ACCESSIBILITY = "accessibility.md"
PRIVACY = "privacy.md"
OPEN_DATA = "open-data.md"
# Generated from data (velkommen.outputs.generated), not pages an editor writes.
EDITORS_STATUS = "editors/status.md"

LINKED = (GUIDE, DIRECTORY, EVENTS, PLAN, CONTACT, ACCESSIBILITY, PRIVACY, OPEN_DATA)
