"""The model's read side for outside documents: published reports (text, web pages, Word, PDF) and,
through the one locator of the official tables (grid.py), any grid of cells that holds them.

The importer is loaded on first use: model.reading.documents (the registry) imports the notice records from
this package, and the importer imports the registry's file signatures.
"""

from typing import Any

__all__ = ["ImportResult", "import_published", "import_text"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from model.reading import importer

        return getattr(importer, name)
    raise AttributeError(name)
