#!/usr/bin/env bash
# Compiles the Qt input-method plugin for fcitx 4 (银河麒麟's default) against the package's Qt, inside the
# build root (packaging/build-linux-glibc228.sh runs it there), without CMake: the code generators of the
# Qt 6.8.2 SDK (qt-sdk.lock; moc, qdbusxml2cpp) make the C++ sources, GCC 10 compiles them against the
# SDK's headers and links them to the Qt libraries of the venv's PySide6 (the very files the package ships).
#   build-fcitx-plugins.sh SDK FCITX_QT5_SRC VENV_SITE_PACKAGES
# Output: PySide6/Qt/plugins/platforminputcontexts/libfcitxplatforminputcontextplugin.so in the venv, where
# packaging/gov-report.spec (KEEP_PLUGINS) takes it from.
set -euo pipefail
sdk=$1 src=$2 site=$3
qtlib=$site/PySide6/Qt/lib
dest=$site/PySide6/Qt/plugins/platforminputcontexts
inc=$sdk/usr/include/x86_64-linux-gnu/qt6
qtver=$(ls "$inc/QtCore" | grep -E '^6\.[0-9]+\.[0-9]+$')
wheel_qt=$(cd "$site" && ls -d [Pp]y[Ss]ide6_[Ee]ssentials-*.dist-info | sed 's/.*-\([0-9.]*\)\.dist-info/\1/')
echo "Qt SDK $qtver; PySide6 $wheel_qt"
case "$wheel_qt" in "$qtver"|"$qtver".*) ;; *) echo "PySide6 $wheel_qt is not Qt $qtver: the plugin would not load" >&2; exit 1;; esac

# The SDK's programs need its C library (Debian 13); the venv's Qt libraries serve qdbusxml2cpp.
sdk_run() { "$sdk/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" --library-path "$sdk/usr/lib/x86_64-linux-gnu:$qtlib" "$@"; }
moc() { sdk_run "$sdk/usr/lib/qt6/libexec/moc" "$@"; }
qdbusxml2cpp() { sdk_run "$sdk/usr/lib/qt6/bin/qdbusxml2cpp" "$@"; }

defines=(-DQT_NO_KEYWORDS -DQT_NO_DEBUG -DQT_PLUGIN -DQT_SHARED -DQT_CORE_LIB -DQT_GUI_LIB -DQT_DBUS_LIB)
includes=(-I. -Igen -I"$inc" -I"$inc/QtCore" -I"$inc/QtGui" -I"$inc/QtDBus" -I"$inc/QtCore/$qtver"
  -I"$inc/QtCore/$qtver/QtCore" -I"$inc/QtGui/$qtver" -I"$inc/QtGui/$qtver/QtGui"
  -I"$sdk/usr/lib/x86_64-linux-gnu/qt6/mkspecs/linux-g++")
cxxflags=(-std=c++17 -O2 -fPIC -fvisibility=hidden -fvisibility-inlines-hidden -include /build/glibc228-compat.h)

# Generate (D-Bus proxies, moc), compile, link one plugin from the current folder.
#   build_plugin OUTPUT.so "XML:BASENAME ..." LIBS...
build_plugin() {
  local out=$1 ifaces=$2; shift 2
  rm -rf gen && mkdir gen
  g++ "${cxxflags[@]}" "${defines[@]}" -dM -E -x c++ /dev/null >gen/moc_predefs.h
  local pair f name units=()
  for pair in $ifaces; do  # D-Bus proxies: gen/BASENAME.h/.cpp (the .cpp includes moc_BASENAME.cpp)
    qdbusxml2cpp -m -i fcitxqtdbustypes.h -p "gen/${pair##*:}" "${pair%%:*}"
  done
  for f in ./*.h gen/*.h; do  # moc_NAME.cpp of every header with Qt's meta-object macros
    grep -qE 'Q_OBJECT|Q_GADGET|Q_PLUGIN_METADATA' "$f" || continue
    moc --include gen/moc_predefs.h "${defines[@]}" "${includes[@]}" "$f" -o "gen/moc_$(basename "$f" .h).cpp"
  done
  for f in ./*.cpp; do  # NAME.moc of sources that include it
    name=$(basename "$f" .cpp)
    if grep -q "#include \"$name.moc\"" "$f"; then
      moc --include gen/moc_predefs.h "${defines[@]}" "${includes[@]}" "$f" -o "gen/$name.moc"
    fi
  done
  for f in ./*.cpp gen/*.cpp; do  # compile every source; moc output only where no source includes it
    case $(basename "$f") in
      moc_*) grep -q "#include \"$(basename "$f")\"" ./*.cpp gen/*.cpp && continue ;;
    esac
    units+=("$f")
  done
  local objs=()
  for f in "${units[@]}"; do
    g++ "${cxxflags[@]}" "${defines[@]}" "${includes[@]}" -c "$f" -o "gen/$(basename "$f" .cpp).o"
    objs+=("gen/$(basename "$f" .cpp).o")
  done
  # RUNPATH as the wheel's own plugins have it: the Qt libraries two folders up.
  g++ -shared -Wl,--no-undefined -Wl,--as-needed -Wl,-rpath,'$ORIGIN/../../lib' -o "$out" "${objs[@]}" \
    -L"$qtlib" "$@"
  echo "built $out"
}

# fcitx 4: fcitx-qt5's Qt 6 plugin (key "fcitx"), named like the stem the spec keeps.
cd "$src/qt6/platforminputcontext"
build_plugin "$dest/libfcitxplatforminputcontextplugin.so" \
  "org.fcitx.Fcitx.InputContext.xml:inputcontextproxy org.fcitx.Fcitx.InputContext1.xml:inputcontext1proxy
   org.fcitx.Fcitx.InputMethod.xml:inputmethodproxy org.fcitx.Fcitx.InputMethod1.xml:inputmethod1proxy" \
  -l:libQt6DBus.so.6 -l:libQt6Gui.so.6 -l:libQt6Core.so.6 -lxkbcommon
