#!/bin/sh
# Install the packaged LBS Desk for the current user (no root): run from the unpacked build folder.
#   ./install.sh            copies this folder to ~/.local/opt/lbsdesk, links ~/.local/bin/lbsdesk
#                           (and lbsdesk-cli), and adds the menu entry and icons
#   ./install.sh --remove   removes the program again; the data folder (~/.local/share/LBS Desk) stays
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${XDG_DATA_HOME:-$HOME/.local/share}
target=$HOME/.local/opt/lbsdesk
bin=$HOME/.local/bin
if [ "${1:-}" = "--remove" ]; then
  rm -rf "$target" "$bin/lbsdesk" "$bin/lbsdesk-cli" "$prefix/applications/lbsdesk.desktop"
  find "$prefix/icons/hicolor" -name 'lbsdesk.*' -delete 2>/dev/null || true
  echo "LBS Desk removed. Your data is still in \"$prefix/LBS Desk\"."
  exit 0
fi
mkdir -p "$target" "$bin" "$prefix/applications"
if [ "$here" != "$target" ]; then
  rm -rf "$target"
  cp -a "$here" "$target"
fi
ln -sf "$target/lbsdesk" "$bin/lbsdesk"
ln -sf "$target/lbsdesk-cli" "$bin/lbsdesk-cli"
# The menu entry runs the program by its full path, so it works even when ~/.local/bin is not on PATH.
sed -e "s|^Exec=lbsdesk|Exec=\"$target/lbsdesk\"|" -e "s|^TryExec=lbsdesk|TryExec=$target/lbsdesk|" \
  "$target/share/applications/lbsdesk.desktop" > "$prefix/applications/lbsdesk.desktop"
cp -a "$target/share/icons/." "$prefix/icons/"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$prefix/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$prefix/icons/hicolor" || true
echo "LBS Desk installed in $target; start it from the menu or with 'lbsdesk'."
