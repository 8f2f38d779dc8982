"""The report file (JSON, version 1; spec/report-file.md): strict reading and atomic writing.

Reading refuses every bad file with a Chinese message that says what is wrong and where, and never
touches the file. Writing goes to a temporary file in the same folder, is flushed to disk and then
renamed over the target, so a crash or a full disk leaves either the old file or the new one; the
previous version is kept beside it as `<name>.bak`.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import stat
from decimal import Decimal
from pathlib import Path
from typing import Any

from model.files.atomic import atomic_path
from model.files.oserror_text import os_error_reason
from model.report.report import Report
from model.report.values import READ_LIMIT, ValueError_, read_number
from model.template import CURRENT, UnknownTemplate, by_id, known_ids
from model.template.template import Template

FORMAT_ID = "gov-info-disclosure-annual-report"
VERSION = 1
#: The one bound on a report's size: the reader refuses a larger file, so the writer never writes one
#: (`encode`), the wizard refuses a paste that would make one, and the workbook reader's bounds are
#: derived from it. No real report is anywhere near it (a long one is a few hundred KB).
MAX_FILE_BYTES = 20 * 1024 * 1024
_KNOWN_KEYS = ("format", "version", "template", "meta", "sections", "values", "explanations")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ReportFileError(Exception):
    """A file that cannot be read as a report; str() is the Chinese message for the user."""


# ---------------------------------------------------------------------------------------------------
# Reading


def load(path: str | os.PathLike[str]) -> Report:
    """Read a report file; raise ReportFileError with a Chinese message for any bad file."""
    path = Path(path)
    return loads(read_bytes(path, MAX_FILE_BYTES, "年度报告文件"), path.name)


def read_bytes(path: Path, max_bytes: int, what: str) -> bytes:
    """A file's bytes, refusing a missing, unreadable or absurdly large file with a Chinese message.

    Only a regular file is read: a FIFO, a device such as /dev/zero (or a link to one) would block or
    never end. It is opened without blocking and checked on the open descriptor, so a file swapped
    between the check and the read cannot slip through; at most max_bytes + 1 bytes are read.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise ReportFileError(f"找不到文件“{path}”。") from None
    except IsADirectoryError:
        raise ReportFileError(f"“{path}”是文件夹，不是{what}。") from None
    except PermissionError:
        raise ReportFileError(f"没有读取文件“{path}”的权限（文件可能正在其他程序中打开）。") from None
    except OSError as exc:
        raise ReportFileError(f"无法读取文件“{path}”：{os_error_reason(exc)}。") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise ReportFileError(f"“{path}”是文件夹，不是{what}。")
        if not stat.S_ISREG(info.st_mode):
            raise ReportFileError(f"“{path.name}”不是普通文件（是管道、设备或特殊文件），不是{what}。"
                                  "本程序只读取保存在磁盘上的普通文件。")
        if info.st_size > max_bytes:
            raise ReportFileError(f"文件“{path.name}”过大（{info.st_size // 1024 // 1024} MB），不是{what}。")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(info.st_size + 1)  # sized by the file, not the bound: no 50 MB buffer for 50 KB
            if len(data) > info.st_size:  # it grew since fstat: read on, up to the bound
                data += fh.read(max_bytes + 1 - len(data))
    except PermissionError:
        raise ReportFileError(f"没有读取文件“{path}”的权限（文件可能正在其他程序中打开）。") from None
    except OSError as exc:
        raise ReportFileError(f"无法读取文件“{path}”：{os_error_reason(exc)}。") from None
    finally:
        os.close(fd)
    if len(data) > max_bytes:  # grew while being read
        raise ReportFileError(f"文件“{path.name}”过大，不是{what}。")
    return data


def loads(data: bytes | str, source: str = "文件") -> Report:
    if isinstance(data, bytes):
        if data.startswith(b"PK\x03\x04"):
            raise ReportFileError(f"“{source}”是 Excel 工作簿或其他压缩文件，不是报告文件（.json）。")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            if exc.reason == "unexpected end of data":  # cut inside a multi-byte character
                raise ReportFileError(f"“{source}”不完整（文件被截断），无法读取。") from None
            raise ReportFileError(f"“{source}”不是 UTF-8 编码的文本文件（第 {exc.start + 1} 个字节无法识别），不是报告文件。") from None
    else:
        text = data
    if not text.strip():
        raise ReportFileError(f"“{source}”是空文件。")
    try:
        doc = json.loads(text, parse_float=Decimal, parse_int=_parse_int, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        # A cut inside a string is reported where the string began, so also look at the file's end.
        stripped = text.rstrip()
        truncated = exc.pos >= len(stripped) or (stripped.startswith("{") and not stripped.endswith("}"))
        hint = "文件可能不完整（被截断）" if truncated else "格式有误"
        from model.report.json_place import describe_place

        place = describe_place(text, exc.pos)
        line = f"第 {exc.lineno} 行第 {exc.colno} 列"
        where = f"{place}，{hint}（{line}）" if place else f"{line}{hint}"
        raise ReportFileError(f"“{source}”不是有效的报告文件：{where}。") from None
    except _BadNumber as exc:
        raise ReportFileError(f"“{source}”不是有效的报告文件：{exc}") from None
    except RecursionError:
        raise ReportFileError(f"“{source}”的结构嵌套过深，不是报告文件。") from None
    return from_dict(doc, source)


class _BadNumber(ValueError):
    """A number in the JSON text that no report holds; str() is the Chinese reason."""


#: Digits of the longest integer the reader parses (Python refuses 4300 and more, in English).
_MAX_INT_DIGITS = 30


def _reject_constant(name: str) -> Any:
    raise _BadNumber(f"含有非法数值 {name}（不是数字）。")


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > _MAX_INT_DIGITS:
        raise _BadNumber(f"含有位数过多的整数（{len(text.lstrip('-'))} 位），不是合理的数字。")
    return int(text)


def _where(source: str, key: str, tpl: Template = CURRENT) -> str:
    """Where in the file: its name, what the place is in words (报告年度, 一、总体情况…), and the JSON key
    for whoever fixes the file by hand."""
    label = _field_label(key, tpl)
    return f"“{source}”中的“{label}”（{key}）" if label else f"“{source}”中“{key}”"


def _field_label(key: str, tpl: Template) -> str:
    group, _, name = key.partition(".")
    if group == "meta":
        return next((f.label for f in tpl.meta_fields if f.key == name), "")
    if group == "sections":
        return {"preamble": tpl.preamble_label, **{sec.key: sec.heading for sec in tpl.sections}}.get(name, "")
    if group == "explanations":
        return "需说明事项的说明"
    return ""


def from_dict(doc: Any, source: str = "文件") -> Report:
    """Validate a parsed document and build the report; raise ReportFileError on anything wrong."""
    if not isinstance(doc, dict):
        raise ReportFileError(f"“{source}”不是年度报告文件（最外层应为对象）。")
    fmt = doc.get("format")
    if fmt != FORMAT_ID:
        shown = f"“{fmt}”" if isinstance(fmt, str) else "未注明"
        raise ReportFileError(f"“{source}”不是政府信息公开工作年度报告文件（文件格式{shown}）。")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ReportFileError(f"{_where(source, 'version')}应为正整数。")
    if version > VERSION:
        raise ReportFileError(
            f"“{source}”由更新版本的程序保存（文件版本 {version}，本程序支持到版本 {VERSION}），请升级本程序后再打开。")
    try:
        tpl = by_id(doc.get("template", CURRENT.id))
    except UnknownTemplate as exc:
        known = "、".join(f"“{t}”" for t in known_ids())
        raise ReportFileError(f"“{source}”使用的报告格式“{exc.template_id}”本程序不支持（本程序支持的格式：{known}），"
                              "请升级本程序后再打开。") from None

    _refuse_unwritable(doc, source, "")
    report = Report(template=tpl)
    report.meta = _read_meta(doc.get("meta", {}), source, tpl)
    report.sections = _read_sections(doc.get("sections", {}), source, tpl)
    report.values, report.stated = _read_values(doc.get("values", {}), source, tpl)
    report.explanations = _read_explanations(doc.get("explanations", {}), source)
    report.extra = {k: v for k, v in doc.items() if k not in _KNOWN_KEYS}
    return report


#: Unknown content is kept and written back; these bound it so that it always can be.
_EXTRA_MAX_DEPTH = 32
_EXTRA_MAX_MAGNITUDE = READ_LIMIT * READ_LIMIT


def _refuse_unwritable(value: Any, source: str, path: str, depth: int = 0) -> None:
    """Refuse content the program could read but never write back: a text with a lone surrogate
    (legal JSON, "\\ud800", but no character), an absurd number kept under an unknown key, absurd depth.
    Never let a report into the program that it cannot save."""
    where = _where(source, path) if path else f"“{source}”"
    if depth > _EXTRA_MAX_DEPTH:
        raise ReportFileError(f"{where}嵌套过深，不是报告文件。")
    if isinstance(value, str):
        if _has_surrogate(value):
            raise ReportFileError(f"{where}含有无效字符（残缺的文字编码，不是有效的文字），本程序无法打开这个文件。"
                                  "请用生成它的程序修正后再打开。")
    elif isinstance(value, Decimal):
        if value.copy_abs() > _EXTRA_MAX_MAGNITUDE or (value != 0 and value.adjusted() < -300):
            raise ReportFileError(f"{where}的数值超出可处理的范围，不是合理的数字。")
    elif isinstance(value, dict):
        for k, v in value.items():
            if _has_surrogate(k):
                raise ReportFileError(f"{where}中有名称含无效字符（残缺的文字编码）的项，本程序无法打开这个文件。")
            _refuse_unwritable(v, source, f"{path}.{k}" if path else k, depth + 1)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _refuse_unwritable(v, source, f"{path}[{i}]", depth + 1)


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _object(value: Any, source: str, key: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ReportFileError(f"{_where(source, key)}应为对象（键值对）。")
    return value


def _read_meta(raw: Any, source: str, tpl: Template) -> dict[str, Any]:
    meta = dict(_object(raw, source, "meta"))
    year_min, year_max = tpl.year_min, tpl.year_max
    for f in tpl.meta_fields:
        v = meta.get(f.key)
        if v is None:
            meta.pop(f.key, None)
            continue
        where = _where(source, f"meta.{f.key}", tpl)
        if f.kind == "year":
            if not isinstance(v, int) or isinstance(v, bool) or not year_min <= v <= year_max:
                raise ReportFileError(f"{where}应为 {year_min} 至 {year_max} 之间的整数年份，不能是“{v}”"
                                      f"（本程序按 {year_min} 年起施行的格式编制报告，适用于 {year_min} 年度及以后的报告）。")
            continue
        if not isinstance(v, str):
            raise ReportFileError(f"{where}应为文字，不能是“{v}”。")
        if f.kind == "choice" and v and v not in dict(f.choices):
            allowed = "、".join(dict(f.choices))
            raise ReportFileError(f"{where}的值“{v}”无法识别，应为 {allowed} 之一。")
        if f.kind == "date" and v and not _valid_date(v):
            raise ReportFileError(f"{where}应为“年-月-日”格式的日期，如 2023-01-20，不能是“{v}”。")
    return meta  # keys the schema does not know are kept as they are, like unknown top-level keys


def _valid_date(text: str) -> bool:
    from datetime import date

    if not _DATE.match(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _read_sections(raw: Any, source: str, tpl: Template) -> dict[str, str]:
    keys = tpl.text_section_keys
    sections = {k: "" for k in keys}
    for k, v in _object(raw, source, "sections").items():
        if k not in keys:
            raise ReportFileError(
                f"{_where(source, 'sections.' + k, tpl)}不是报告的文字部分（应为 {'、'.join(keys)} 之一）。")
        if v is None:
            continue
        if not isinstance(v, str):
            raise ReportFileError(f"{_where(source, 'sections.' + k, tpl)}应为文字。")
        sections[k] = v
    return sections


def _read_values(raw: Any, source: str, tpl: Template) -> tuple[dict[str, Any], dict[str, Any]]:
    values: dict[str, Any] = {}
    stated: dict[str, Any] = {}
    for code, v in _object(raw, source, "values").items():
        cell = tpl.cells.get(code)
        if cell is None:
            raise ReportFileError(f"{_where(source, 'values')}含有不存在的单元格代码“{code}”。")
        if v is None:
            continue
        try:
            number = read_number(cell, v)  # kept as written; the rules flag a number outside its cell's limits
        except ValueError_ as exc:
            raise ReportFileError(f"{_where(source, 'values.' + code)}：{exc}") from None
        (stated if cell.derived else values)[code] = number
    return values, stated


def _read_explanations(raw: Any, source: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for k, v in _object(raw, source, "explanations").items():
        if not isinstance(v, str):
            raise ReportFileError(f"{_where(source, 'explanations.' + k)}应为文字。")
        out[k] = v
    return out


# ---------------------------------------------------------------------------------------------------
# Writing


def to_dict(report: Report) -> dict[str, Any]:
    """The document for `report`: every total as computed, except a claim (a stated total that differs
    from its sum), which is written as stated so that the file reads back with its findings."""
    computed = report.computed()
    computed.update(report.claims(computed))
    values: dict[str, Any] = {}
    tpl = report.template
    for code, cell in tpl.cells.items():
        v = computed.get(code) if cell.derived else report.values.get(code)
        if v is not None:
            values[code] = format(v, "f") if isinstance(v, Decimal) else v
    doc: dict[str, Any] = {
        "format": FORMAT_ID,
        "version": VERSION,
        "template": tpl.id,
        "meta": _plain(report.meta),
        "sections": {k: report.sections.get(k, "") for k in tpl.text_section_keys},
        "values": values,
        "explanations": dict(report.explanations),
    }
    for k, v in report.extra.items():
        doc.setdefault(k, _plain(v))
    return doc


def _plain(value: Any) -> Any:
    """Unknown content as it was read: fractions were parsed as Decimal and are written back as numbers.

    The reader bounded every number (`_refuse_unwritable`), so int() and float() here are cheap and finite.
    """
    if isinstance(value, Decimal):
        if value == value.to_integral_value() and "." not in str(value) and "E" not in str(value).upper():
            return int(value)
        return float(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def dumps(report: Report) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2, default=_json_default) + "\n"


def _json_default(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(value, "f")
    raise TypeError(f"cannot store {type(value).__name__}")


def encode(report: Report) -> bytes:
    """The report file's bytes; ReportFileError when it would be larger than the reader accepts."""
    data = dumps(report).encode("utf-8")
    if len(data) > MAX_FILE_BYTES:
        raise ReportFileError(too_large_message(len(data)))
    return data


def too_large_message(size: int) -> str:
    """Why a report of `size` bytes is refused: the same sentence at paste, at save and at autosave."""
    return (f"报告内容过多（约 {size / 1024 / 1024:.1f} MB），超过报告文件的上限 {MAX_FILE_BYTES // 1024 // 1024} MB，"
            "保存后将无法再次打开。请删减正文（例如误粘贴的大段内容）。")


def save(report: Report, path: str | os.PathLike[str], backup: bool = True) -> None:
    """Write `report` atomically; keep the previous file as `<name>.bak`. Raises ReportFileError."""
    atomic_write(Path(path), encode(report), backup=backup)


def _keep_backup(path: Path) -> None:
    """Copy the current file to `<name>.bak` (itself atomically); the original stays in place."""
    bak = path.with_name(path.name + ".bak")
    # A backup that cannot be made must not stop the save itself.
    with contextlib.suppress(ReportFileError, OSError), atomic_path(bak, "备份", ReportFileError) as tmp:
        shutil.copyfile(path, tmp)


def atomic_write(path: Path, data: bytes, backup: bool = False) -> None:
    """Write bytes atomically (model.files.atomic); with `backup`, keep the previous file as `<name>.bak`."""
    with atomic_path(path, "", ReportFileError) as tmp:
        tmp.write_bytes(data)
        if backup and path.is_file():
            _keep_backup(path)
