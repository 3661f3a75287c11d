#!/usr/bin/env bash
# Every subcommand and every long flag that `tongxin ... --help` lists must appear in the man
# pages (man/*.scd) as *--flag* or as the command's words, so the docs cannot fall behind the CLI.
set -u
tongxin=$1
man_dir=$2
pages=$(cat "$man_dir"/*.scd)
report=$(mktemp)
trap 'rm -f "$report"' EXIT

subcommands_of() {  # the subcommands CLI11 lists under "Subcommands:"
  "$tongxin" --lang en "$@" --help | sed -n '/^Subcommands:/,$p' | awk 'NR>1 && /^  [a-z]/ {print $1}'
}
check_flags() {
  local flag
  for flag in $("$tongxin" --lang en "$@" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
    [ "$flag" = "--help" ] && continue
    grep -qF -- "*$flag*" <<<"$pages" || echo "undocumented flag: tongxin $* $flag" >>"$report"
  done
}
walk() {
  check_flags "$@"
  local sub
  for sub in $(subcommands_of "$@"); do
    local words="$* $sub"
    words=${words# }
    grep -qF -- "tongxin $words" <<<"$pages" || echo "undocumented subcommand: tongxin $words" >>"$report"
    walk "$@" "$sub"
  done
}
walk
if [ -s "$report" ]; then
  cat "$report"
  echo "$(wc -l <"$report") undocumented item(s)"
  exit 1
fi
echo "man pages cover every subcommand and flag"
