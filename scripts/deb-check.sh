#!/usr/bin/env bash
# Builds the Debian package of a release build tree and checks it the way a user would use it:
#   1. `cpack -G DEB` in build/release (configured and built by `cmake --workflow --preset
#      release`); the .deb lands in build/release/packages/
#   2. its file list is exactly the library, the public headers (no grammar header), the CMake
#      package, imapkit.pc and the CLI; its Depends has the Boost headers and the CLI's libraries
#   3. `dpkg -i` installs it under /usr
#   4. tests/consumer is built against /usr twice, with find_package (no CMAKE_PREFIX_PATH) and
#      with pkg-config, and both programs run; the installed CLI parses a capture
#   5. `dpkg -r` removes it: on success and on failure (trap), the machine is left as found.
# Runs as root (CI is root), reads no stdin. Refuses to start if imapkit is already installed in
# /usr or /usr/local (the consumers would find that copy, and removing the package would not
# leave the machine as found). Usage: scripts/deb-check.sh [BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(realpath "${1:-build/release}")
pkg=libimapkit-dev
start=$SECONDS

die() { echo "deb-check: $*" >&2; exit 1; }
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "ok installed"; }

[[ $(id -u) -eq 0 ]] || die "run as root (dpkg -i / dpkg -r)"
[[ -f $build/CPackConfig.cmake ]] || die "$build is not a configured build tree (cmake --workflow --preset release)"
for tool in cpack dpkg-deb dpkg-shlibdeps file pkg-config c++; do
  command -v "$tool" >/dev/null || die "$tool is missing: run scripts/install-deps.sh"
done
installed "$pkg" && die "$pkg is already installed: remove it first (dpkg -r $pkg)"
for p in /usr /usr/local; do
  for f in "$p/include/imapkit" "$p/bin/imapkit" "$p"/lib/cmake/imapkit "$p"/lib/*/cmake/imapkit \
           "$p"/lib/pkgconfig/imapkit.pc "$p"/lib/*/pkgconfig/imapkit.pc "$p"/share/pkgconfig/imapkit.pc; do
    if [[ -e $f ]]; then die "$f exists: an imapkit installed outside this package would be found"; fi
  done
done

work=$build/deb-check
we_installed=0
cleanup() {
  local rc=$?
  if ((we_installed)); then
    echo "== dpkg -r $pkg"
    dpkg -r "$pkg" || rc=1
    if installed "$pkg" || [[ -e /usr/include/imapkit ]]; then
      echo "deb-check: $pkg is still installed" >&2; rc=1
    fi
  fi
  ((rc == 0)) && echo "deb-check: ok in $((SECONDS - start)) s" || echo "deb-check: FAILED" >&2
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
rm -rf "$work" && mkdir -p "$work"

echo "== cpack -G DEB in $build"
rm -rf "$build/packages"
(cd "$build" && cpack -G DEB -B "$build/packages") > "$work/cpack.log" 2>&1 \
  || { cat "$work/cpack.log"; die "cpack failed"; }
debs=("$build"/packages/*.deb)
if ((${#debs[@]} != 1)) || [[ ! -f ${debs[0]} ]]; then
  die "expected one .deb in $build/packages, got: ${debs[*]}"
fi
deb=${debs[0]}
echo "$(basename "$deb"): $(stat -c %s "$deb") bytes"
dpkg-deb -f "$deb" Package Version Architecture Section Depends Suggests

echo "== contents"
version=$(dpkg-deb -f "$deb" Version)
[[ $(dpkg-deb -f "$deb" Package) == "$pkg" ]] || die "package name is not $pkg"
depends=$(dpkg-deb -f "$deb" Depends)
for dep in libboost1.81-dev libboost-json1.81.0 libc6 libstdc++6; do
  [[ ",$depends," =~ [,\ ]"$dep"[\ ,] ]] || die "Depends lacks $dep (dpkg-shlibdeps): $depends"
done
# Every regular file of the package, against the expected list: nothing missing, nothing extra.
dpkg-deb -c "$deb" | awk '$1 ~ /^-/ {print $6}' | sed 's|^\./|/|' | sort > "$work/files.txt"
{
  echo /usr/bin/imapkit
  echo /usr/lib/libimapkit.a
  printf '/usr/lib/cmake/imapkit/%s\n' imapkitConfig.cmake imapkitConfigVersion.cmake \
    imapkitTargets.cmake imapkitTargets-release.cmake
  echo /usr/lib/pkgconfig/imapkit.pc
  (cd include && find imapkit -type f) | sed 's|^|/usr/include/|'
} | sort > "$work/expected.txt"
if ! diff -u "$work/expected.txt" "$work/files.txt"; then
  die "the package's files differ from the expected list (- expected, + in the package)"
fi
grep -q '/grammar/' "$work/files.txt" && die "a grammar header is in the package"
echo "$(wc -l < "$work/files.txt") files: the CLI, libimapkit.a, 4 CMake files, imapkit.pc," \
  "$(grep -c '^/usr/include/' "$work/files.txt") public headers, no grammar header"

echo "== dpkg -i"
export DEBIAN_FRONTEND=noninteractive
we_installed=1
if ! dpkg -i "$deb"; then
  apt-get install -f -y --no-install-recommends < /dev/null
fi
installed "$pkg" || die "$pkg did not install"

echo "== the installed CLI"
/usr/bin/imapkit parse --responses --summary corpus/captures/imaplib-broad.s2c

# The consumers see only what a user's shell would: no prefix or pkg-config path of ours.
unset CMAKE_PREFIX_PATH PKG_CONFIG_PATH PKG_CONFIG_LIBDIR

echo "== consumer with CMake: find_package(imapkit) from /usr"
cmake -S tests/consumer -B "$work/cmake" -DCMAKE_BUILD_TYPE=Release > "$work/cmake.log" \
  || { cat "$work/cmake.log"; die "configuring the consumer failed"; }
found=$(sed -n 's/^imapkit_DIR:PATH=//p' "$work/cmake/CMakeCache.txt")
[[ $found == /usr/lib/cmake/imapkit ]] || die "find_package found imapkit in '$found', not in /usr"
echo "imapkit_DIR=$found"
cmake --build "$work/cmake" > "$work/build.log" || { cat "$work/build.log"; die "build failed"; }
"$work/cmake/consumer"

echo "== consumer with pkg-config"
cat /usr/lib/pkgconfig/imapkit.pc
[[ $(pkg-config --variable=pcfiledir imapkit) == /usr/lib/pkgconfig ]] \
  || die "pkg-config found imapkit.pc in $(pkg-config --variable=pcfiledir imapkit)"
[[ $(pkg-config --modversion imapkit) == "${version%%-*}" ]] \
  || die "pkg-config says version $(pkg-config --modversion imapkit), the package $version"
echo "pkg-config --cflags --libs imapkit: $(pkg-config --cflags --libs imapkit)"
# shellcheck disable=SC2046  # the flags are meant to split
c++ -std=c++20 -O2 tests/consumer/main.cpp $(pkg-config --cflags --libs imapkit) \
  -o "$work/consumer-pkgconfig"
"$work/consumer-pkgconfig"
