#!/usr/bin/env bash
# Runs the README's two set-up commands (its first code block), as root, in a Debian 12 that has nothing installed yet
# (debootstrap --variant=minbase bookworm): a developer's machine, and CI on one like it, hide
# an install step that some other package happened to pull in. Needs root and Debian's mirror;
# takes a few minutes for the demo and about half an hour with the tests.
# Usage: scripts/fresh_check.sh [DIR]   (a new folder each run by default; it is left in place)
set -euo pipefail
cd "$(dirname "$0")/.."
root=${1:-$(mktemp -d /tmp/minsheng-fresh.XXXXXX)}
if [[ -e $root/bin/bash ]]; then
  echo "fresh_check: $root already has a system in it; give a new folder" >&2
  exit 2
fi
command -v debootstrap >/dev/null ||
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >"$root.debootstrap.log" 2>&1 ||
  { tail -20 "$root.debootstrap.log" >&2; exit 1; }
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount --make-rslave "$root/dev"
# Unmounted on every exit; the folder itself is never deleted here, so a failed unmount can
# never take the host's /dev with it.
trap 'umount -R "$root/dev" "$root/proc" 2>/dev/null || true' EXIT
git clone -q . "$root/root/minsheng"

# The commands as the README gives them: the first code block, comments dropped.
mapfile -t commands < <(awk '/^```sh$/ { f = 1; next } f && /^```$/ { exit } f' README.md |
  sed 's/[[:space:]]*#.*$//')
for c in "${commands[@]}"; do
  echo "fresh_check: $c" >&2
  chroot "$root" /bin/bash -c "cd /root/minsheng && $c" >>"$root.log" 2>&1 ||
    { tail -30 "$root.log" >&2; echo "fresh_check: FAILED: $c (log: $root.log)" >&2; exit 1; }
done
echo "fresh_check: both commands passed in $root" >&2
