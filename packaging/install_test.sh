#!/usr/bin/env bash
# The package as a technician meets it: installed with its dependencies on this machine (which has
# no display: the service is enabled, nothing starts), the kiosk's own commands run as its user,
# then purged: nothing of it stays but the system user (Debian policy keeps those).
# Usage: packaging/install_test.sh dist/workforce-kiosk_VERSION_ARCH.deb  (as root, or with sudo)
# Exit 77: cannot install packages here (not root, no sudo).
set -euo pipefail
deb=$(realpath "$1")
say() { printf '[install_test] %s\n' "$*" >&2; }
fail() { say "FAIL: $*"; exit 1; }
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo -n true 2>/dev/null || { say "not root and no sudo: skipped"; exit 77; }
  sudo=(sudo -n)
fi
as_kiosk() { "${sudo[@]}" runuser -u workforce-kiosk -- "$@"; }

say "installing $deb with its dependencies"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" \
  >/tmp/install_test.apt.log 2>&1 || { cat /tmp/install_test.apt.log; fail "apt-get install"; }

[ -x /usr/bin/workforce-kiosk ] || fail "no /usr/bin/workforce-kiosk"
[ -x /usr/libexec/workforce-kiosk/session ] || fail "no session script"
[ -f /usr/share/workforce-kiosk/locales/en.json ] || fail "no locales"
[ -f /usr/share/workforce-kiosk/assets/vocabulary/occupations.json ] || fail "no assets"
dpkg-query -W -f='${Conffiles}\n' workforce-kiosk | grep -q '/etc/workforce-kiosk/kiosk.toml' ||
  fail "kiosk.toml is not a conffile"
[ "$(stat -c '%U:%G %a' /etc/workforce-kiosk/kiosk.toml)" = "root:workforce-kiosk 640" ] ||
  fail "kiosk.toml is $(stat -c '%U:%G %a' /etc/workforce-kiosk/kiosk.toml)"
getent passwd workforce-kiosk >/dev/null || fail "no workforce-kiosk user"
id -nG workforce-kiosk | grep -qw video || fail "the kiosk user is not in the video group"
[ "$(stat -c '%U %a' /var/lib/workforce-kiosk)" = "workforce-kiosk 700" ] ||
  fail "/var/lib/workforce-kiosk is $(stat -c '%U %a' /var/lib/workforce-kiosk)"
unit=/lib/systemd/system/workforce-kiosk.service
[ -f "$unit" ] || fail "no $unit"
[ -L /etc/systemd/system/graphical.target.wants/workforce-kiosk.service ] ||
  fail "the service is not enabled"
if command -v systemd-analyze >/dev/null; then
  systemd-analyze verify "$unit" 2>&1 | tee /tmp/install_test.verify.log
  ! grep -qi 'error\|failed' /tmp/install_test.verify.log || fail "systemd-analyze verify: the unit"
fi
if [ -d /run/systemd/system ]; then
  ! systemctl is-active --quiet workforce-kiosk || fail "a kiosk session started on a machine with no display"
fi

say "the installed kiosk's commands, as its own user"
as_kiosk workforce-kiosk --version
as_kiosk workforce-kiosk check-config >/dev/null || fail "check-config of the shipped conffile"
as_kiosk env -u DISPLAY -u WAYLAND_DISPLAY workforce-kiosk sync --json >/tmp/install_test.sync.json ||
  fail "sync of the bundled sample data"
[ -f /var/lib/workforce-kiosk/listings.sqlite3 ] || fail "sync did not write to /var/lib/workforce-kiosk"
as_kiosk env -u DISPLAY -u WAYLAND_DISPLAY workforce-kiosk self-test || fail "self-test"
echo 4821 | "${sudo[@]}" workforce-kiosk provision --id ci-kiosk-01 --location "CI" \
  --out /etc/workforce-kiosk/kiosk.toml || fail "provision"
[ "$(stat -c '%U:%G %a' /etc/workforce-kiosk/kiosk.toml)" = "root:workforce-kiosk 640" ] ||
  fail "provision changed the conffile's owner or mode"
as_kiosk workforce-kiosk check-config >/dev/null || fail "the provisioned kiosk.toml"

say "purging"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq workforce-kiosk \
  >/tmp/install_test.apt.log 2>&1 || { cat /tmp/install_test.apt.log; fail "apt-get purge"; }
for gone in /usr/bin/workforce-kiosk /usr/share/workforce-kiosk /etc/workforce-kiosk \
  /var/lib/workforce-kiosk /lib/systemd/system/workforce-kiosk.service \
  /etc/systemd/system/graphical.target.wants/workforce-kiosk.service; do
  [ ! -e "$gone" ] || fail "$gone is still there after purge"
done
say "installed, ran as its user, provisioned and purged cleanly"
