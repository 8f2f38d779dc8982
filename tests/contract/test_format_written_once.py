"""No format fact is written twice outside the template (issue 18 point 1).

Every Python module of the program (model/, ui/, export/, main.py, command_line.py) is read as tokens; a string literal
that spells a cell code, a row or column code of the format, or one of its labels and headings of six
characters or more (with or without its number) is the format written a second time, and drifts when the template changes (a new 不予公开 reason once
made G6 flag a correct sentence while every G6 test passed).
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

from model.template import CURRENT as T
from model.template.template import unnumbered

ROOT = Path(__file__).resolve().parents[2]
#: Codes that are also ordinary words of the program (the `new` command, an open file, a total).
_COMMON_WORDS = {"new", "open", "total", "other", "amount", "review", "legal", "partial", "license", "fees"}
_CELL_CODE = re.compile(r"^t[234]\.")


def _program_files() -> list[Path]:
    files = [ROOT / "main.py", ROOT / "command_line.py"]
    for folder in ("model", "ui", "export"):
        files += sorted((ROOT / folder).rglob("*.py"))
    return [f for f in files if "template" not in f.relative_to(ROOT).parts and f.name != "schema.py"]


def _codes() -> set[str]:
    parts: set[str] = set()
    for code in T.cells:
        _, row, col = code.split(".")
        parts.update((row, col))
    return parts - _COMMON_WORDS


#: Words a label shares with ordinary sentences are not counted below this length (自然人, 规章, 总计).
_LABEL_MIN = 6
#: G6's lexicon: the words report texts are written in (行政规范性文件 and 规范性文件, 法人或其他组织 and
#: 法人和其他组织 …), matched in sentences. They name what the text says, not a label of the format; the
#: format's own names of table 四's groups are added to it per format (text_figures/readings.py).
_TEXT_LEXICON = {"model/checks/text_figures/vocabulary.py", "model/checks/text_figures/numbers.py"}
#: A document of the program's own that happens to use a heading of the format's words.
_OWN_HEADINGS = {("export/audit_pdf.py", "一、总体情况"): "the first heading of 年报质量检查's 通报, not of a report"}


def _labels() -> set[str]:
    """Every label and heading of the format, also without its number (一、 （一） 1.) and each part of a
    two-level label (（三）不予公开·1.属于国家秘密), as a sentence would name it."""
    labels = {s.heading for s in T.sections} | {f.label for f in T.meta_fields} | set(T.s6_items)
    for table in T.tables:
        labels.update(g.text for g in table.grid if g.text)
    for cell in T.cells.values():
        labels.update((cell.row_label, cell.col_label))
    labels.update(right for _, right in T.label_aliases)
    parts = {unnumbered(part) for label in labels for part in (label, *label.split("·"))}
    return {label for label in labels | parts if len(label) >= _LABEL_MIN}


def _docstring_lines(source: str) -> set[int]:
    """Docstrings explain the format in its words; they are no second copy that code reads."""
    lines: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                lines.add(first.lineno)
    return lines


def _strings(path: Path) -> list[tuple[int, str]]:
    out = []
    source = path.read_text(encoding="utf-8")
    docstrings = _docstring_lines(source)
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    for tok in tokens:
        if tok.start[0] in docstrings:
            continue
        if tok.type == tokenize.STRING or tok.type == getattr(tokenize, "FSTRING_START", None) or tok.type == getattr(tokenize, "FSTRING_MIDDLE", None):
            out.append((tok.start[0], tok.string))
    return out


def _offences() -> list[str]:
    codes, labels = _codes(), _labels()
    found = []
    for path in _program_files():
        rel = path.relative_to(ROOT)
        lexicon = rel.as_posix() in _TEXT_LEXICON
        for line, literal in _strings(path):
            body = re.sub(r"^[rbuf]*('''|\"\"\"|'|\")|('''|\"\"\"|'|\")$", "", literal, flags=re.I)
            if _CELL_CODE.match(body):
                found.append(f"{rel}:{line}: cell code {literal}")
            elif body in codes:
                found.append(f"{rel}:{line}: row or column code {literal}")
            elif not lexicon:
                hit = next((label for label in labels
                            if label in body and (rel.as_posix(), label) not in _OWN_HEADINGS), None)
                if hit:
                    found.append(f"{rel}:{line}: label “{hit}”")
    return found


def test_no_module_spells_a_code_or_a_label_of_the_format():
    offences = _offences()
    assert not offences, "\n".join(offences)


#: Modules that may name the current format: they make a report from nothing, so no report can tell them.
_MAY_NAME_CURRENT = {
    "model/report/report.py": "a new report is made in the current format",
    "model/report/storage.py": "a file without a `template` key is of the first format",
    "model/reading/documents.py": "read_document makes a new report from a published document or a hand-made "
                                  "workbook (a report file and our workbook carry their own format)",
    "model/reading/importer.py": "import_published and import_text (the paste box) make a new report",
    "command_line.py": "`--help` names the format new reports are made in (no report is open)",
    "ui/help.py": "关于 names the format new reports are made in",
}


def test_every_module_takes_the_format_from_the_report_it_works_on():
    offences = []
    for path in _program_files():
        rel = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = {a.name for a in node.names}
                if node.module == "model.schema" or node.module == "model" and "schema" in names:
                    offences.append(f"{rel}:{node.lineno}: imports model.schema")
                elif node.module == "model.template" and "CURRENT" in names and rel not in _MAY_NAME_CURRENT:
                    offences.append(f"{rel}:{node.lineno}: names the current format")
    assert not offences, "\n".join(offences)
