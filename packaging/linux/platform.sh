# pip's options that pick wheels for the package's target, not for the host: x86-64 Linux with glibc 2.28
# (manylinux_2_28 and older tags), CPython 3.11, binary wheels only. Sourced by lock-wheels.sh and the build.
PIP_TARGET=(--only-binary=:all: --implementation cp --python-version 3.11
  --platform manylinux_2_28_x86_64 --platform manylinux_2_27_x86_64 --platform manylinux_2_26_x86_64
  --platform manylinux_2_24_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64
  --platform manylinux_2_12_x86_64 --platform manylinux2010_x86_64 --platform manylinux_2_5_x86_64
  --platform manylinux1_x86_64)
