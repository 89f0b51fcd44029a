#!/usr/bin/env sh
# System packages the tests use: Chromium (browser test of the sandbox page), a CJK font (chart
# images) and an emoji font (screenshots). Installed from Debian's packages when missing and
# this user may (root with apt-get); otherwise it says what is missing and the tests that need
# it are skipped (or fail when CI=true).
need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
fc-list :lang=zh 2>/dev/null | grep -q . || need="$need fonts-noto-cjk fontconfig"
fc-list 2>/dev/null | grep -qi "color emoji" || need="$need fonts-noto-color-emoji"
[ -z "$need" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing system packages:$need"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
else
  echo "missing system packages (install them for the full test suite):$need" >&2
fi
exit 0
