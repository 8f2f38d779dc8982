# pip's options that pick wheels for the package's target, not for the host: CPython 3.11, binary wheels only,
# Linux of the package's architecture with the oldest glibc it supports. Sourced by lock-wheels.sh and the builds.
# PACKAGE_ARCH (default x86_64): x86_64: glibc 2.28 (manylinux_2_28 and older tags); aarch64: manylinux_2_31
# and older (PySide6-Essentials 6.8.0.2 is the newest aarch64 wheel tagged manylinux_2_31, 6.8.1 and later are
# 2_39; its Qt needs GLIBC_2.30, the ARM64 package's floor).
case ${PACKAGE_ARCH:-x86_64} in
  x86_64)
    PIP_TARGET=(--only-binary=:all: --implementation cp --python-version 3.11
      --platform manylinux_2_28_x86_64 --platform manylinux_2_27_x86_64 --platform manylinux_2_26_x86_64
      --platform manylinux_2_24_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64
      --platform manylinux_2_12_x86_64 --platform manylinux2010_x86_64 --platform manylinux_2_5_x86_64
      --platform manylinux1_x86_64) ;;
  aarch64)
    PIP_TARGET=(--only-binary=:all: --implementation cp --python-version 3.11
      --platform manylinux_2_31_aarch64 --platform manylinux_2_30_aarch64 --platform manylinux_2_29_aarch64
      --platform manylinux_2_28_aarch64 --platform manylinux_2_27_aarch64 --platform manylinux_2_26_aarch64
      --platform manylinux_2_24_aarch64 --platform manylinux_2_17_aarch64 --platform manylinux2014_aarch64) ;;
  *) echo "错误：不支持的架构 $PACKAGE_ARCH（x86_64 或 aarch64）" >&2; return 1 ;;
esac
