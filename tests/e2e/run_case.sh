#!/usr/bin/env bash
# Runs one golden end-to-end case: tests/e2e/cases/NAME/cmd is a bash script run in a fresh
# temporary folder with `tongxin` on PATH, a fixed clock, time zone, locale and user. Its stdout,
# stderr and exit status must equal expected_stdout, expected_stderr and expected_exit.
# UPDATE_GOLDEN=1 rewrites the expectations instead of comparing.
set -u
binary=$(realpath "$1")
case_dir=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/home" "$work/run"
ln -s "$binary" "$work/bin/tongxin"
cp -r "$case_dir"/. "$work/case"
repo=$(realpath "$(dirname "$0")/../..")

cd "$work/run"
env -i PATH="$work/bin:/usr/bin:/bin" HOME="$work/home" TZ=UTC LC_ALL=C.UTF-8 USER=tester \
  TONGXIN_TODAY=2026-11-21 TONGXIN_NOW=2026-11-21T09:00:00+0800 CASE="$work/case" REPO="$repo" \
  bash -e "$work/case/cmd" < "${case_dir}/stdin" >"$work/stdout" 2>"$work/stderr" \
  || echo $? >"$work/exit"
[ -f "$work/exit" ] || echo 0 >"$work/exit"

# Temporary paths and the checkout's location differ on every run: show them as $WORK, $TMP and
# $REPO.
for f in stdout stderr; do
  sed -i "s|$work/run|\$WORK|g; s|$work|\$TMP|g; s|$repo|\$REPO|g" "$work/$f"
done

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$work/stdout" "$case_dir/expected_stdout"
  cp "$work/stderr" "$case_dir/expected_stderr"
  cp "$work/exit" "$case_dir/expected_exit"
  echo "updated $case_dir"
  exit 0
fi
status=0
for f in stdout stderr exit; do
  if ! diff -u "$case_dir/expected_$f" "$work/$f"; then
    echo "FAIL: $f differs for $(basename "$case_dir")" >&2
    status=1
  fi
done
exit $status
