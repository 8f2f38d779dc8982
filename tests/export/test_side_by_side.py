"""Writing the PDF in a child process beside the workbook (export/side_by_side.py, issue 18 point 7)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading

import pytest
from support import MAIN, ROOT, SAMPLE

from export import side_by_side


def _in_a_fresh_process(code: str) -> str:
    """Run `code` where no other thread runs (the test process has Qt's and the workers' threads, and
    `start` rightly refuses to fork there); return what it printed."""
    script = f"import sys; sys.path.insert(0, {str(ROOT)!r})\n" + textwrap.dedent(code)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, encoding="utf-8",
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="this platform cannot fork")


@needs_fork
def test_the_child_returns_what_the_job_returned():
    assert _in_a_fresh_process("""
        from export import side_by_side
        pending = side_by_side.start(lambda: {"missing": "", "pages": 3})
        print(pending is not None, pending.result())
    """) == "True {'missing': '', 'pages': 3}"


@needs_fork
def test_the_childs_export_error_comes_back_with_its_message():
    assert _in_a_fresh_process("""
        from export import side_by_side
        from export.errors import ExportError

        def job():
            raise ExportError("无法写入“报告.pdf”：文件正被其他程序打开。")

        try:
            side_by_side.start(job).result()
        except ExportError as exc:
            print(exc)
    """) == "无法写入“报告.pdf”：文件正被其他程序打开。"


@needs_fork
def test_any_other_failure_in_the_child_is_named_never_a_hang():
    out = _in_a_fresh_process("""
        from export import side_by_side
        try:
            side_by_side.start(lambda: 1 / 0).result()
        except RuntimeError as exc:
            print(exc)
    """)
    assert "ZeroDivisionError" in out


@needs_fork
def test_the_child_waits_for_what_the_parent_decides_meanwhile():
    assert _in_a_fresh_process("""
        from export import side_by_side
        pending = side_by_side.start(lambda receive: receive() * 2, inbox=True)
        pending.send(21)
        print(pending.result())
    """) == "42"


@needs_fork
def test_a_child_never_sent_its_value_ends_with_an_error_not_a_hang():
    out = _in_a_fresh_process("""
        from export import side_by_side
        pending = side_by_side.start(lambda receive: receive(), inbox=True)
        try:
            pending.result()
        except RuntimeError as exc:
            print(exc)
    """)
    assert "sent nothing" in out


def test_no_fork_while_another_thread_runs():
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        assert side_by_side.start(lambda: 1) is None  # the caller writes the output itself
    finally:
        stop.set()
        worker.join()


def _export(cwd, *args):
    return subprocess.run([sys.executable, str(MAIN), "export", str(SAMPLE), *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8")


def test_both_files_are_written_and_announced_in_order(cn_dir):
    xlsx, pdf = cn_dir / "统计表.xlsx", cn_dir / "报告.pdf"
    out = _export(cn_dir, "--xlsx", xlsx, "--pdf", pdf)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [f"已写出 Excel 工作簿：{xlsx}", f"已写出 PDF：{pdf}"]
    assert xlsx.read_bytes()[:2] == b"PK" and pdf.read_bytes()[:5] == b"%PDF-"


def test_a_pdf_that_cannot_be_written_fails_the_command_with_its_reason(cn_dir):
    xlsx = cn_dir / "统计表.xlsx"
    out = _export(cn_dir, "--xlsx", xlsx, "--pdf", cn_dir / "没有这个目录" / "报告.pdf")
    assert out.returncode == 2
    assert "无法导出" in out.stderr and "没有这个目录" in out.stderr
    assert xlsx.exists() and "已写出 PDF" not in out.stdout


def test_a_workbook_that_cannot_be_written_is_reported_first(cn_dir):
    pdf = cn_dir / "报告.pdf"
    out = _export(cn_dir, "--xlsx", cn_dir / "没有这个目录" / "统计表.xlsx", "--pdf", pdf)
    assert out.returncode == 2
    assert "无法导出" in out.stderr and "没有这个目录" in out.stderr
    assert "已写出 Excel" not in out.stdout
