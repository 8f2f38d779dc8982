"""Errors of the exports; kept apart so that callers can catch them without importing openpyxl."""

from __future__ import annotations


class ExportError(Exception):
    """An export that could not be written; str() is the Chinese message for the user."""
