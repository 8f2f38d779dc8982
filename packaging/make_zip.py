"""Zip the package folder: python packaging/make_zip.py FOLDER ARCHIVE.zip

Used by build.sh and build.ps1 instead of `zip` or Compress-Archive because
- file names are stored in UTF-8 with the zip's UTF-8 flag set (docs/使用说明.md): Info-ZIP's `zip` 3.0
  stores the bytes without the flag, and archive tools on Chinese Windows then read them as GBK;
- symbolic links (PyInstaller links the Qt libraries into _internal on Linux) are stored as links, which
  `unzip` and the desktop archive managers restore, instead of a second copy of each library;
- the executable bits are kept.
The archive is written beside the target and renamed when complete.
"""

from __future__ import annotations

import os
import stat
import sys
import time
import zipfile
from pathlib import Path


def _link_info(arcname: str, path: Path) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(arcname, time.localtime(os.lstat(path).st_mtime)[:6])
    info.create_system = 3  # Unix: external_attr carries the mode
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    info.compress_type = zipfile.ZIP_STORED
    return info


def make_zip(folder: Path, archive: Path) -> int:
    """Write `archive` with `folder` as its single top-level folder; return the number of entries."""
    folder = folder.resolve()
    base = folder.parent
    part = archive.with_name(archive.name + ".part")
    count = 0
    with zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.write(folder, folder.name)
        count += 1
        for root, dirs, files in os.walk(folder):
            dirs.sort()
            here = Path(root)
            for name in sorted(dirs + files):
                path = here / name
                arcname = path.relative_to(base).as_posix()
                if path.is_symlink():
                    z.writestr(_link_info(arcname, path), os.readlink(path))
                else:
                    z.write(path, arcname)
                count += 1
    os.replace(part, archive)
    return count


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    folder, archive = Path(argv[0]), Path(argv[1])
    if not folder.is_dir():
        print(f"不是文件夹：{folder}", file=sys.stderr)
        return 2
    make_zip(folder, archive)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
