"""model.files.atomic and model.files.oserror_text: saving through links, refusing devices, no temporary files
left behind by a killed save, and system errors explained in Chinese."""

from __future__ import annotations

import errno
import os
import re
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from support import ROOT, full_report

from model.files.atomic import atomic_path
from model.report import storage
from model.report.report import Report
from model.report.storage import ReportFileError, load, read_bytes, save

CJK = re.compile(r"[\u4e00-\u9fff]")
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX links, FIFOs and signals")


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _dead_pid() -> int:
    """The id of a process that has just exited (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait(30)
    return child.pid


# ---------------------------------------------------------------------------------------------------
# System errors in Chinese


@pytest.mark.parametrize(("code", "expected"), [
    ("EROFS", "只读文件系统"),
    ("ENOSPC", "磁盘空间不足"),
    ("EACCES", "没有权限"),
    ("EPERM", "没有权限"),
    ("ENOENT", "不存在"),
    ("EISDIR", "文件夹"),
    ("ENOTDIR", "不是文件夹"),
    ("ENAMETOOLONG", "文件名过长"),
    ("EDQUOT", "配额"),
    ("EMFILE", "打开的文件过多"),
    ("EBUSY", "文件被占用"),
    ("ETXTBSY", "文件被占用"),
    ("EXDEV", "磁盘"),
    ("EIO", "读写"),
])
def test_os_error_reason_is_chinese(code, expected):
    from model.files.oserror_text import os_error_reason

    number = getattr(errno, code, None)
    if number is None:
        pytest.skip(f"errno.{code} does not exist on this system")
    text = os_error_reason(OSError(number, os.strerror(number)))
    assert expected in text
    assert not re.search(r"[A-Za-z]{3,}", text), text  # no English left over


def test_os_error_reason_unknown_code_says_the_number():
    from model.files.oserror_text import os_error_reason

    text = os_error_reason(OSError(4242, "Something odd"))
    assert "4242" in text and CJK.search(text) and "Something" not in text
    assert CJK.search(os_error_reason(OSError("no errno at all")))


def test_save_failure_is_explained_in_chinese(cn_dir, monkeypatch):
    target = cn_dir / "年报.json"

    def read_only(fd):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(storage.os, "fsync", read_only)
    with pytest.raises(ReportFileError) as info:
        save(full_report(), target)
    monkeypatch.undo()
    message = str(info.value)
    assert "只读文件系统" in message and "年报.json" in message
    assert "Read-only" not in message
    assert _listing(cn_dir) == []


def test_read_failure_is_explained_in_chinese(cn_dir, monkeypatch):
    path = cn_dir / "年报.json"
    save(full_report(), path)

    def broken_disk(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(os, "fdopen", broken_disk)  # read_bytes reads through the descriptor it checked
    with pytest.raises(ReportFileError) as info:
        read_bytes(path, 1 << 20, "年度报告文件")
    monkeypatch.undo()
    message = str(info.value)
    assert "年报.json" in message and "读写" in message and "Input/output" not in message


# ---------------------------------------------------------------------------------------------------
# Symbolic links and special files


@posix_only
def test_save_writes_through_a_symlink(cn_dir, tmp_path):
    real_dir = tmp_path / "真实 文件夹"
    real_dir.mkdir()
    real = real_dir / "年报 原件.json"
    save(Report(), real, backup=False)
    link = cn_dir / "年报 链接.json"
    link.symlink_to(os.path.relpath(real, cn_dir))
    report = full_report()
    save(report, link)
    assert link.is_symlink() and Path(os.readlink(link)) == Path(os.path.relpath(real, cn_dir))
    assert load(real).values == report.values
    assert _listing(real_dir) == ["年报 原件.json"]  # no temporary file left in the target's folder
    assert sorted(n for n in _listing(cn_dir) if not n.endswith(".bak")) == ["年报 链接.json"]


@posix_only
def test_save_through_a_chain_of_links_and_a_dangling_link(cn_dir):
    real = cn_dir / "原件.json"
    save(Report(), real, backup=False)
    (cn_dir / "中间.json").symlink_to("原件.json")
    (cn_dir / "入口.json").symlink_to("中间.json")
    save(full_report(), cn_dir / "入口.json", backup=False)
    assert (cn_dir / "入口.json").is_symlink() and (cn_dir / "中间.json").is_symlink()
    assert load(real).values == full_report().values
    dangling = cn_dir / "悬空.json"
    dangling.symlink_to("尚未创建.json")
    save(full_report(), dangling, backup=False)
    assert dangling.is_symlink() and (cn_dir / "尚未创建.json").is_file()


@posix_only
def test_symlink_loop_is_refused_in_chinese(cn_dir):
    (cn_dir / "甲.json").symlink_to("乙.json")
    (cn_dir / "乙.json").symlink_to("甲.json")
    with pytest.raises(ReportFileError) as info:
        save(full_report(), cn_dir / "甲.json", backup=False)
    assert CJK.search(str(info.value)) and "甲.json" in str(info.value)
    assert (cn_dir / "甲.json").is_symlink() and (cn_dir / "乙.json").is_symlink()
    assert _listing(cn_dir) == ["乙.json", "甲.json"]


@posix_only
def test_a_fifo_is_never_replaced(cn_dir):
    fifo = cn_dir / "管道.json"
    os.mkfifo(fifo)
    link = cn_dir / "指向管道.json"
    link.symlink_to("管道.json")
    for target in (fifo, link):
        with pytest.raises(ReportFileError) as info:
            save(full_report(), target)
        assert "不是普通文件" in str(info.value)
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and link.is_symlink()
    assert _listing(cn_dir) == ["指向管道.json", "管道.json"]


@posix_only
def test_a_character_device_is_never_replaced(cn_dir):
    device = cn_dir / "空设备"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # the same device as /dev/null
    except (PermissionError, AttributeError):
        pytest.skip("cannot create a device node here")
    link = cn_dir / "报告.json"
    link.symlink_to(device.name)
    with pytest.raises(ReportFileError, match="不是普通文件"):
        save(full_report(), link)
    assert stat.S_ISCHR(device.lstat().st_mode) and link.is_symlink()
    assert _listing(cn_dir) == ["报告.json", "空设备"]


@posix_only
def test_dev_null_is_refused(monkeypatch):
    def must_not_touch(*args, **kwargs):
        raise AssertionError("a file was created or replaced in /dev")

    # Guards: should the check ever break, the test fails instead of replacing the real /dev/null.
    monkeypatch.setattr(storage.os, "replace", must_not_touch)
    monkeypatch.setattr("tempfile.mkstemp", must_not_touch)
    with pytest.raises(ReportFileError, match="不是普通文件"), atomic_path("/dev/null", "", ReportFileError):
        pass  # pragma: no cover - must not be reached
    monkeypatch.undo()
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


# ---------------------------------------------------------------------------------------------------
# Temporary files left by a killed save


def test_temporary_file_name_carries_the_process_id(cn_dir):
    target = cn_dir / "年报.json"
    with atomic_path(target, "", ReportFileError) as tmp:
        assert tmp.parent == cn_dir
        assert tmp.name.startswith(f".年报.json.{os.getpid()}.")
        assert tmp.name.endswith(".gov-report.tmp")
        tmp.write_bytes(b"{}")
    assert _listing(cn_dir) == ["年报.json"]


@posix_only
def test_temp_file_of_a_killed_save_is_removed_by_the_next_save(cn_dir):
    target = cn_dir / "年报 2022.json"
    code = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from model.files.atomic import atomic_path
        from model.report.storage import ReportFileError
        with atomic_path({str(target)!r}, "", ReportFileError) as tmp:
            tmp.write_bytes(b"half of a report")
            print("writing", flush=True)
            time.sleep(60)
    """)
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "writing"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    left = [n for n in _listing(cn_dir) if n != target.name]
    assert len(left) == 1 and str(child.pid) in left[0]  # what kill -9 leaves behind
    save(full_report(), target, backup=False)
    assert _listing(cn_dir) == ["年报 2022.json"]


def test_only_stale_temp_files_of_the_same_target_are_removed(cn_dir):
    target = cn_dir / "年报.json"
    dead, me = _dead_pid(), os.getpid()
    hour_ago = time.time() - 3600
    names = {
        f".年报.json.{dead}.abc123_x.gov-report.tmp": "removed",  # its process is gone
        f".年报.json.{me}.oldold12.gov-report.tmp": "removed",  # too old to be a save in progress
        f".年报.json.{me}.fresh123.gov-report.tmp": "kept",  # a save in progress right now
        f".其他.json.{dead}.abc123_x.gov-report.tmp": "kept",  # another file's: cleaned when that is saved
        ".年报.json.abcdefgh.tmp": "kept",  # not our pattern
        f"年报.json.{dead}.abc123_x.gov-report.tmp": "kept",  # no leading dot: not ours
        f".年报.json.{dead}.abc123_x.gov-report.tmp.txt": "kept",
        "年报.json.tmp": "kept",
    }
    for name in names:
        (cn_dir / name).write_bytes(b"x")
    os.utime(cn_dir / f".年报.json.{me}.oldold12.gov-report.tmp", (hour_ago, hour_ago))
    (cn_dir / f".年报.json.{dead}.folder12.gov-report.tmp").mkdir()  # never a folder
    save(full_report(), target, backup=False)
    kept = sorted([n for n, fate in names.items() if fate == "kept"]
                  + ["年报.json", f".年报.json.{dead}.folder12.gov-report.tmp"])
    assert _listing(cn_dir) == kept


def test_remove_stale_temp_files_of_a_whole_folder(cn_dir):
    from model.files.atomic import remove_stale_temp_files

    dead = _dead_pid()
    stale = [f".settings.json.{dead}.k2j3h4g5.gov-report.tmp", f".recovery-1.json.{dead}.a_b_c_d1.gov-report.tmp"]
    keep = ["settings.json", f".settings.json.{os.getpid()}.k2j3h4g5.gov-report.tmp", "notes.tmp"]
    for name in stale + keep:
        (cn_dir / name).write_bytes(b"x")
    removed = remove_stale_temp_files(cn_dir)
    assert sorted(p.name for p in removed) == sorted(stale)
    assert _listing(cn_dir) == sorted(keep)
    assert remove_stale_temp_files(cn_dir / "没有 这个") == []  # a missing folder is not an error
