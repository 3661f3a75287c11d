#!/usr/bin/env bash
# cmake --install into a temporary prefix, then use what was installed: the binary, an example
# workspace made by it, and the man pages through man(1).
set -euo pipefail
build=$1
prefix=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$prefix" "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >/dev/null
version=$("$prefix/bin/tongxin" --version)
[[ $version == "tongxin "[0-9]* ]] || fail "--version printed '$version'"
"$prefix/bin/tongxin" init "$work/office" --example yongdeng-2011 >/dev/null 2>&1
[ -f "$work/office/tongxin.yaml" ] || fail "init --example wrote no tongxin.yaml"
(cd "$work/office" && "$prefix/bin/tongxin" roster import data/roster.csv)
count=$("$prefix/bin/tongxin" -C "$work/office" roster list --format csv | wc -l)
[ "$count" -eq 201 ] || fail "roster list after import gave $count lines, expected 201"
page=$(man -M "$prefix/share/man" -w tongxin-roster)
[ "$page" = "$prefix/share/man/man1/tongxin-roster.1.gz" ] || fail "man -w found '$page'"
man -M "$prefix/share/man" -w 5 tongxin-workspace >/dev/null || fail "no tongxin-workspace(5)"
for f in share/bash-completion/completions/tongxin share/zsh/vendor-completions/_tongxin \
  share/doc/tongxin/README.md share/doc/tongxin/copyright; do
  [ -s "$prefix/$f" ] || fail "not installed: $f"
done
echo "installed and usable under a prefix"
