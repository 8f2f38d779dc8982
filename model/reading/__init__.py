"""The model's read side for outside documents: published reports (text, web pages, Word) and, through
the one locator of the official tables (grid.py), any grid of cells that holds them."""

from model.reading.importer import ImportResult, import_published, import_text

__all__ = ["ImportResult", "import_published", "import_text"]
