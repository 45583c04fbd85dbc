#!/usr/bin/env bash
# Linux release: a tarball of the one-folder build with an install script, the .desktop file
# and the icon. Run after `make package`:  bash packaging/linux/make_tarball.sh
# Writes build/fftimeline-VERSION-linux-x86_64.tar.gz and prints its size.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' fftimeline/__init__.py)
name="fftimeline-${version}-linux-$(uname -m)"
stage="build/${name}"
rm -rf "$stage"
mkdir -p "$stage"
cp -a build/dist/fftimeline "$stage/fftimeline"
cp packaging/linux/fftimeline.desktop resources/icons/fftimeline.png resources/icons/fftimeline.svg "$stage/"
cp packaging/linux/install.sh "$stage/install.sh"
chmod +x "$stage/install.sh"
tar -C build -czf "build/${name}.tar.gz" "$name"
du -h "build/${name}.tar.gz"
