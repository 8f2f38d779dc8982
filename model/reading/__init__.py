"""The model's read side for outside documents: published reports (text, web pages, Word, PDF) and,
through the one locator of the official tables (grid.py), any grid of cells that holds them.

documents.read_document is the one registry; signatures.py tells what a file is without importing any
reader, so no reader imports the registry. The importer is loaded on first use.
"""

from typing import Any

__all__ = ["ImportResult", "import_published", "import_text"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from model.reading import importer

        return getattr(importer, name)
    raise AttributeError(name)
