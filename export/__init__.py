"""Exports of the report: PDF and workbook (no Qt)."""
