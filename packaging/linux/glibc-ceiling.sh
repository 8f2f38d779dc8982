#!/usr/bin/env bash
# Fails if any ELF file under DIR needs a glibc symbol version above MAX (default 2.28), and lists them.
#   bash packaging/linux/glibc-ceiling.sh DIR [MAX]
# Every regular file is looked at, whatever its name (the executable, libraries without .so, Python extension
# modules): readelf reads the ELF ones and passes over the rest. The versions are those of each file's
# "version needs" section. Prints "highest: GLIBC_x.y in N ELF files" on success; exit 1 lists the offenders.
# (/dev/null: readelf names each file only when it is given more than one; it fails on the non-ELF ones.)
set -euo pipefail
dir=${1:?usage: glibc-ceiling.sh DIR [MAX]}
max=${2:-2.28}
command -v readelf >/dev/null || { echo "错误：缺少 readelf（apt-get install binutils）" >&2; exit 2; }
[ -d "$dir" ] || { echo "错误：没有文件夹 $dir" >&2; exit 2; }

find "$dir" -type f -print0 | { xargs -0 -r readelf -W -h -V /dev/null 2>/dev/null || true; } | awk -v max="$max" -v dir="$dir/" '
  # a.b.c above x.y? (numeric, part by part)
  function above(v, m,   a, b, i, n) {
    n = split(v, a, "."); split(m, b, ".")
    for (i = 1; i <= (n > 3 ? n : 3); i++) { if (a[i] + 0 > b[i] + 0) return 1; if (a[i] + 0 < b[i] + 0) return 0 }
    return 0
  }
  /^File: / { file = substr($0, 7); sub("^" dir, "", file); need = 0; next }
  /^ELF Header:/ { files++; next }
  /^Version needs section/ { need = 1; next }
  /^Version (definition|symbols) section/ { need = 0; next }
  need && match($0, /Name: GLIBC_[0-9.]+/) {
    v = substr($0, RSTART + 12, RLENGTH - 12)
    if (highest == "" || above(v, highest)) highest = v
    if (above(v, max) && !seen[file, v]++) bad[file] = bad[file] " GLIBC_" v
  }
  END {
    if (!files) { print "错误：" dir " 中没有 ELF 文件" > "/dev/stderr"; exit 2 }
    for (f in bad) nbad++
    if (nbad) {
      print "错误：" nbad " 个 ELF 文件需要高于 GLIBC_" max " 的版本：" > "/dev/stderr"
      for (f in bad) print "  " f ":" bad[f] > "/dev/stderr"
      exit 1
    }
    print "highest: GLIBC_" highest " in " files " ELF files (limit GLIBC_" max ")"
  }'
