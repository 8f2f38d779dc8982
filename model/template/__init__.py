"""The report formats the program knows, by the id a report file names in its `template` key.

A report keeps the template it was made in; a newer format is added here beside the old one, so last
year's report stays readable.
"""

from __future__ import annotations

from model.template import t2021
from model.template.template import Template

#: The format new reports are made in.
CURRENT: Template = t2021.TEMPLATE

_KNOWN: dict[str, Template] = {t2021.TEMPLATE.id: t2021.TEMPLATE}


class UnknownTemplate(LookupError):
    """A report file names a format this program does not know."""

    def __init__(self, template_id: str) -> None:
        super().__init__(template_id)
        self.template_id = template_id


def by_id(template_id: str) -> Template:
    """The template a report file names; UnknownTemplate when the program does not know it."""
    try:
        return _KNOWN[template_id]
    except (KeyError, TypeError):
        raise UnknownTemplate(str(template_id)) from None


def known_ids() -> tuple[str, ...]:
    return tuple(_KNOWN)


def register(template: Template) -> None:
    """Make a template readable from files (a newer national format; the contract test's copy)."""
    _KNOWN[template.id] = template


def unregister(template_id: str) -> None:
    _KNOWN.pop(template_id, None)
