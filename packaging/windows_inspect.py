"""What Windows will show of a built executable: its version strings, icon sizes and the execution level
its manifest asks for. Prints JSON; used by packaging/check-windows.sh (run by the build's Windows Python
under Wine, which has pefile as a PyInstaller dependency; pefile also works on Linux).

    python windows_inspect.py gov-report.exe [gov-report-cli.exe …]
"""

from __future__ import annotations

import json
import re
import struct
import sys

import pefile


def _named_resources(pe: pefile.PE, kind: str) -> list[tuple[str, bytes]]:
    """(name or number, data) of each resource of one type."""
    wanted = pefile.RESOURCE_TYPE[kind]
    out = []
    directory = getattr(pe, "DIRECTORY_ENTRY_RESOURCE", None)
    for entry in directory.entries if directory else []:
        if entry.id != wanted:
            continue
        for name in entry.directory.entries:
            label = str(name.name) if name.name is not None else str(name.id)
            for lang in name.directory.entries:
                rva, size = lang.data.struct.OffsetToData, lang.data.struct.Size
                out.append((label, pe.get_data(rva, size)))
    return out


def _resources(pe: pefile.PE, kind: str) -> list[bytes]:
    return [data for _, data in _named_resources(pe, kind)]


def icon_sizes(pe: pefile.PE) -> list[int]:
    """Pixel sizes of the first icon group (GRPICONDIR: 6 bytes, then 14 per image; width 0 means 256)."""
    groups = _resources(pe, "RT_GROUP_ICON")
    if not groups:
        return []
    data = groups[0]
    (count,) = struct.unpack_from("<H", data, 4)
    return sorted((data[6 + 14 * i] or 256) for i in range(count))


def version_strings(pe: pefile.PE) -> dict[str, str]:
    out: dict[str, str] = {}
    for info in getattr(pe, "FileInfo", []) or []:
        for block in info:
            for table in getattr(block, "StringTable", []):
                out.update({k.decode(): v.decode() for k, v in table.entries.items()})
    return out


def execution_level(pe: pefile.PE) -> str:
    manifests = _resources(pe, "RT_MANIFEST")
    if not manifests:
        return ""
    match = re.search(rb'requestedExecutionLevel[^>]*level="([^"]+)"', manifests[0])
    return match[1].decode() if match else ""


def inspect(path: str) -> dict:
    pe = pefile.PE(path, fast_load=False)
    try:
        return {"strings": version_strings(pe), "icons": icon_sizes(pe), "level": execution_level(pe),
                "icon_groups": [name for name, _ in _named_resources(pe, "RT_GROUP_ICON")],
                "machine": hex(pe.FILE_HEADER.Machine), "gui": pe.OPTIONAL_HEADER.Subsystem == 2}
    finally:
        pe.close()


if __name__ == "__main__":
    print(json.dumps({p: inspect(p) for p in sys.argv[1:]}, ensure_ascii=False, indent=1))
