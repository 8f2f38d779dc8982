"""Chinese line breaking (禁则处理) for the PDF export: pure functions, no reportlab.

Rules (GB/T 15834 usage, as Word/WPS apply them to 公文):

- no line starts with a closing punctuation mark (`CLOSE`: ，。、；：！？）》”’」』】〕…—% and the ASCII
  counterparts ,.;:!?)%), and no line ends with an opening one (`OPEN`: （《“‘「『【〔 and ASCII ( [ {);
- a run of letters/digits with its inner separators (`23140`, `0537-8876366`, `2022-01-20`, `12.5`,
  `www.jinxiang.gov.cn`, an ASCII word) is never split, unless the run alone is wider than a whole line;
  then it is split between characters (still obeying the punctuation rules where possible).

Strategy: the text is cut into atoms (one CJK character; one letter/digit run; one space; one punctuation
mark), atoms are glued into unbreakable tokens (a closing mark joins the token before it, an opening mark
the token after it), and the tokens are filled greedily into lines.

**Overflow policy: push, never hang.** When a token with its glued closing punctuation does not fit, the
whole token moves to the next line; no character ever hangs into the margin. Justification then spreads
the small slack over the previous line. This keeps every line inside the type area (and inside table
cells, where a hanging comma would cross the cell border). The only lines wider than the given width are
those where no legal break exists at all (e.g. a single token of fifty closing brackets).

Spaces are break opportunities and are dropped at line ends and line starts (including the start and
the end of the text).

The width function must be additive (width(a + b) == width(a) + width(b)), as it is for fonts without
kerning; widths of single characters are cached per call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

#: Marks that may not start a line (they are glued to what precedes them).
CLOSE = frozenset("，。、；：！？）》”’」』】〕…—%〉］｝〗％．" + ",.;:!?)%]}")
#: Marks that may not end a line (they are glued to what follows them).
OPEN = frozenset("（《“‘「『【〔〈［｛〖" + "([{")
#: Break opportunities, dropped at the edges of a line.
SPACES = frozenset(" \u3000\t")
#: Characters that may sit inside a letter/digit run when a letter or digit follows them.
RUN_INNER = frozenset("-./:_@+&=?#~,'\\")

Measure = Callable[[str], float]


def is_word_char(ch: str) -> bool:
    """A letter or digit that belongs to a run: ASCII, Latin/Greek/Cyrillic letters, full-width alnum."""
    o = ord(ch)
    if o < 0x80:
        return ch.isalnum()
    if 0xFF10 <= o <= 0xFF19 or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
        return True
    return o < 0x2E80 and ch.isalnum()


def atoms(text: str) -> list[tuple[int, int, str]]:
    """Cut text into (start, end, kind) atoms; kind is one of word, space, open, close, char."""
    out: list[tuple[int, int, str]] = []
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if is_word_char(ch):
            j = i + 1
            while j < n:
                c = text[j]
                if is_word_char(c):
                    j += 1
                    continue
                if c in RUN_INNER:
                    k = j
                    while k < n and text[k] in RUN_INNER:
                        k += 1
                    if k < n and is_word_char(text[k]):
                        j = k + 1
                        continue
                break
            out.append((i, j, "word"))
            i = j
        elif ch in SPACES:
            j = i + 1
            while j < n and text[j] in SPACES:
                j += 1
            out.append((i, j, "space"))
            i = j
        else:
            kind = "close" if ch in CLOSE else "open" if ch in OPEN else "char"
            out.append((i, i + 1, kind))
            i += 1
    return out


def tokens(text: str) -> list[tuple[int, int, bool]]:
    """Unbreakable tokens as (start, end, is_space); their concatenation is the text.

    A closing mark joins the preceding non-space token (with any spaces between them); opening marks
    (and spaces after them) join the following token. Spaces are tokens of their own otherwise.
    """
    toks: list[list] = []  # [start, end, is_space]
    pending: int | None = None  # start of pending opening marks
    for start, end, kind in atoms(text):
        if pending is not None:
            if kind in ("open", "space", "close"):
                continue  # stays pending; the pending token runs from `pending` to the next atom's end
            toks.append([pending, end, False])
            pending = None
            continue
        if kind == "open":
            pending = start
        elif kind == "close":
            # glue to the last non-space token, swallowing the spaces between
            k = len(toks) - 1
            while k >= 0 and toks[k][2]:
                k -= 1
            if k >= 0:
                del toks[k + 1:]
                toks[k][1] = end
            else:  # nothing before it (the text starts with it, maybe after spaces)
                toks.append([start, end, False])
        elif kind == "space":
            toks.append([start, end, True])
        else:
            toks.append([start, end, False])
    if pending is not None:
        # opening marks at the very end of the text: nothing follows, so keep them with what precedes
        k = len(toks) - 1
        while k >= 0 and toks[k][2]:
            k -= 1
        tail = len(text.rstrip("".join(SPACES)))
        if k >= 0:
            del toks[k + 1:]
            toks[k][1] = tail
        else:
            toks.append([pending, tail, False])
        if tail < len(text):
            toks.append([tail, len(text), True])
    return [(s, e, sp) for s, e, sp in toks]


def legal_break(text: str, i: int) -> bool:
    """May a line end before text[i] (ignoring the keep-runs-whole rule)?

    The next non-space character must not be a closing mark, the previous non-space character must not
    be an opening mark, and both must exist.
    """
    j = i
    while j < len(text) and text[j] in SPACES:
        j += 1
    k = i - 1
    while k >= 0 and text[k] in SPACES:
        k -= 1
    return j < len(text) and k >= 0 and text[j] not in CLOSE and text[k] not in OPEN


def _inside_word(text: str, i: int, word_spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < i < e for s, e in word_spans)


def break_ranges(text: str, measure: Measure, width: float, first_width: float | None = None,
                 ) -> list[tuple[int, int]]:
    """Break `text` into lines; return (start, end) index pairs, without the spaces at the line edges.

    `first_width` is the width of the first line (e.g. narrower by a first-line indent); every other
    line has `width`. An empty or all-space text gives no lines.
    """
    if not text:
        return []
    cache: dict[str, float] = {}

    def cw(ch: str) -> float:
        w = cache.get(ch)
        if w is None:
            w = cache[ch] = measure(ch)
        return w

    def span_width(s: int, e: int) -> float:
        return sum(cw(c) for c in text[s:e])

    lines: list[tuple[int, int]] = []
    limit = width if first_width is None else first_width
    line_start: int | None = None  # start of the current line's first non-space token
    line_end = 0  # end of its last non-space token
    used = 0.0  # width of text[line_start:line_end]
    space_w = 0.0  # width of the spaces waiting between line_end and the next token

    def finish() -> None:
        nonlocal line_start, used, space_w, limit
        if line_start is not None:
            lines.append((line_start, line_end))
            limit = width
        line_start = None
        used = space_w = 0.0

    for s, e, is_space in tokens(text):
        if is_space:
            if line_start is not None:
                space_w += span_width(s, e)
            continue
        w = span_width(s, e)
        if line_start is not None:
            if used + space_w + w <= limit + 1e-9:
                line_end, used, space_w = e, used + space_w + w, 0.0
                continue
            if w <= width + 1e-9:  # push the token down whole
                finish()
                line_start, line_end, used = s, e, w
                continue
        elif w <= limit + 1e-9:
            line_start, line_end, used = s, e, w
            continue
        # the token is wider than a whole line: split it between characters, filling this line first
        words = [(a + s, b + s) for a, b, kind in atoms(text[s:e]) if kind == "word"]
        pos = s
        while pos < e:
            avail = limit - (used + space_w if line_start is not None else 0.0)
            cut = _best_cut(text, pos, e, avail, cw, words)
            if cut is None:
                if line_start is not None:
                    finish()
                    continue
                cut = _first_cut(text, pos, e)
            if line_start is None:
                line_start = pos
            else:
                used += space_w
            used += span_width(pos, cut)
            line_end, space_w = cut, 0.0
            pos = cut
            while pos < e and text[pos] in SPACES:
                pos += 1
            if pos < e:
                finish()
    finish()
    return lines


def _best_cut(text: str, start: int, end: int, avail: float, cw: Callable[[str], float],
              words: Sequence[tuple[int, int]]) -> int | None:
    """The farthest legal break in text[start:end] whose prefix fits `avail`; runs are cut last.

    Returns `end` itself when the whole rest fits.
    """
    acc = 0.0
    best = None
    best_in_word = None
    for i in range(start, end):
        acc += cw(text[i])
        if acc > avail + 1e-9:
            break
        j = i + 1
        if j == end:
            return end
        if text[j - 1] in SPACES:
            continue
        if legal_break(text, j):
            if _inside_word(text, j, words):
                best_in_word = j
            else:
                best = j
    return best if best is not None else best_in_word


def _first_cut(text: str, start: int, end: int) -> int:
    """The nearest legal break after `start` (the piece will overflow), or `end` if there is none."""
    for j in range(start + 1, end):
        if text[j - 1] not in SPACES and legal_break(text, j):
            return j
    return end


def break_lines(text: str, measure: Measure, width: float, first_width: float | None = None) -> list[str]:
    """Break one paragraph into lines (strings) that fit `width` (the first line `first_width`)."""
    return [text[s:e] for s, e in break_ranges(text, measure, width, first_width)]
