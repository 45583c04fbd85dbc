#!/usr/bin/env bash
# Check the Linux tarball as a user would use it: unpack, install for a throw-away user home,
# run the installed command, uninstall, and check a vault in Documents was left alone.
# Run after make_tarball.sh (make package-test does both). Prints "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
tarball=$(ls -t build/fftimeline-*-linux-*.tar.gz | head -1)
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
passed=0 failed=0
check() {  # check DESCRIPTION COMMAND...
  if "${@:2}" >/dev/null 2>&1; then passed=$((passed + 1)); echo "ok   $1"
  else failed=$((failed + 1)); echo "FAIL $1"; fi
}
mkdir -p "$home/Documents" "$home/unpacked"
echo "not really a vault" > "$home/Documents/chronologies.fft"
tar -C "$home/unpacked" -xzf "$tarball"
export HOME="$home" XDG_DATA_HOME="$home/.local/share"
check "install.sh runs" bash "$home"/unpacked/fftimeline-*/install.sh
check "menu entry installed" test -f "$home/.local/share/applications/fftimeline.desktop"
check "icon installed" test -f "$home/.local/share/icons/hicolor/scalable/apps/fftimeline.svg"
check "installed command runs" "$home/.local/bin/fftimeline" --version
check "menu entry starts the installed program" grep -q "^Exec=$home/.local/opt/fftimeline/fftimeline$" \
  "$home/.local/share/applications/fftimeline.desktop"
check "uninstall runs" bash "$home"/unpacked/fftimeline-*/install.sh --uninstall
check "program removed" test ! -e "$home/.local/opt/fftimeline"
check "vault left alone" grep -q "not really a vault" "$home/Documents/chronologies.fft"
echo "tarball $(basename "$tarball"): $(du -h "$tarball" | cut -f1)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
