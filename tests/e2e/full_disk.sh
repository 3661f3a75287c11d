#!/usr/bin/env bash
# An export onto a full file system: `roster list --out` into a 16 KB tmpfs must exit non-zero,
# leave the target as it was and no temporary file, and log no export. Needs root to mount the
# tmpfs; exits 77 (skipped under ctest) when not root or when the mount is refused, and fails
# when the export does fit (it must be larger than the file system for the test to mean anything).
set -u
binary=$(realpath "$1")
if [ "$(id -u)" != 0 ]; then
  echo "skipped: mounting a tmpfs needs root"
  exit 77
fi
work=$(mktemp -d)
full="$work/full"
cleanup() {
  mountpoint -q "$full" && umount "$full"
  rm -rf "$work"
}
trap cleanup EXIT
mkdir "$full"
if ! mount -t tmpfs -o size=16k,mode=0700 tmpfs "$full" 2>/dev/null; then
  echo "skipped: cannot mount a tmpfs here"
  exit 77
fi

tongxin() {
  env -i PATH=/usr/bin:/bin HOME="$work" TZ=UTC LC_ALL=C.UTF-8 USER=tester \
    TONGXIN_TODAY=2026-11-21 TONGXIN_NOW=2026-11-21T09:00:00+0800 "$binary" --lang en "$@"
}
status=0
fail() {
  echo "FAIL: $*" >&2
  status=1
}
access_log_rows() {
  tongxin -C "$work/w" store info --format csv | sed -n 's/^rows\.access_log,//p'
}

cd "$work"
tongxin init w --example yongdeng-2011 >/dev/null 2>&1 || fail "init"
tongxin -C w roster import data/roster.csv || fail "import"
tongxin -C w roster list --format csv --out "$work/room.csv" || fail "export with room"
[ "$(stat -c %s "$work/room.csv")" -gt 16384 ] || fail "the export fits in 16 KB; the test means nothing"
printf 'old\n' >"$full/x.csv"
before=$(access_log_rows)

for format in csv xlsx; do
  tongxin -C w roster list --format "$format" --out "$full/x.$format" 2>"$work/stderr"
  code=$?
  [ "$code" = 2 ] || fail "$format: exit $code, expected 2"
  expected="tongxin: error: cannot write $full/x.$format"$'\n'"  no space left on the disk"
  [ "$(cat "$work/stderr")" = "$expected" ] || fail "$format: stderr was: $(cat "$work/stderr")"
done
[ "$(ls -A "$full")" = "x.csv" ] || fail "files left on the full disk: $(ls -A "$full")"
[ "$(cat "$full/x.csv")" = old ] || fail "the old x.csv was changed"
[ "$(access_log_rows)" = "$before" ] || fail "a failed export was logged"
exit $status
