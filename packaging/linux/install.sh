#!/usr/bin/env bash
# Install fftimeline for this user only: the program into ~/.local/opt/fftimeline, a command
# in ~/.local/bin, a menu entry and its icon. Vaults are never touched. Uninstall with
#   ./install.sh --uninstall
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
opt="${HOME}/.local/opt/fftimeline"
bin="${HOME}/.local/bin"
apps="${XDG_DATA_HOME:-${HOME}/.local/share}/applications"
icons="${XDG_DATA_HOME:-${HOME}/.local/share}/icons/hicolor"
if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$opt" "$bin/fftimeline" "$apps/fftimeline.desktop" \
    "$icons/512x512/apps/fftimeline.png" "$icons/scalable/apps/fftimeline.svg"
  echo "fftimeline removed. Your vaults and settings were left where they are."
  exit 0
fi
mkdir -p "$opt" "$bin" "$apps" "$icons/512x512/apps" "$icons/scalable/apps"
rm -rf "$opt"
cp -a "$here/fftimeline" "$opt"
ln -sf "$opt/fftimeline" "$bin/fftimeline"
sed "s|^Exec=.*|Exec=$opt/fftimeline|" "$here/fftimeline.desktop" > "$apps/fftimeline.desktop"
cp "$here/fftimeline.png" "$icons/512x512/apps/fftimeline.png"
cp "$here/fftimeline.svg" "$icons/scalable/apps/fftimeline.svg"
command -v update-desktop-database >/dev/null && update-desktop-database "$apps" || true
echo "fftimeline installed: find it in your applications menu, or run 'fftimeline'."
