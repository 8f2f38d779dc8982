#!/usr/bin/env bash
# Checks the Linux ARM64 package (packaging/build-linux-arm64.sh) as an office PC would use it, in a clean
# Debian 11 arm64 root under qemu-user without any Python: its glibc ceiling (2.30), check, export --xlsx --pdf
# --docx, import, and the wizard on Xvfb with a screenshot. The steps are those of packaging/check-linux.sh.
# Not in CI: emulation is slow.
#   bash packaging/check-linux-arm64.sh [PACKAGE]        (root; PACKAGE: the tarball or the gov-report folder)
# Output: dist/check-linux-arm64/.
PACKAGE_ARCH=aarch64 exec bash "$(dirname "$0")/check-linux.sh" "$@"
