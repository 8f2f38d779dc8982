"""What the readers need to know of a format beyond its tables: how published copies print them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadingHints:
    """Facts of printed copies that the locator (model/reading/grid.py) relies on."""

    corner_word: str  # the words of table 三's corner text that every copy keeps, however it cuts the rest
    merged_first_rows: tuple[str, ...]  # first rows of table 三 groups that reports print as one merged row
