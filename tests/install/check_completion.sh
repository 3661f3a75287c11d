#!/usr/bin/env bash
# Sources the bash completion the binary generates and completes as a user would press TAB, in
# an example workspace: subcommands, --format values, and --community ids and names.
set -euo pipefail
tongxin=$(realpath "$1")
bin=$(mktemp -d)
work=$(mktemp -d)
trap 'rm -rf "$bin" "$work"' EXIT
ln -s "$tongxin" "$bin/tongxin"
export PATH="$bin:$PATH"
complete() { true; }  # the script's `complete -F` needs interactive bash; not needed here
compopt() { true; }
# shellcheck disable=SC1090
source <(tongxin completion bash)
tongxin init "$work/office" --example yongdeng-2011 >/dev/null 2>&1
cd "$work/office"

tab() {  # tab EXPECTED WORDS...: complete the last word of WORDS
  local expected=$1
  shift
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  _tongxin
  local got
  got=$(printf '%s ' "${COMPREPLY[@]}")
  if [ "${got% }" != "$expected" ]; then
    echo "FAIL: tongxin ${*:2}<TAB>: expected '$expected', got '${got% }'" >&2
    exit 1
  fi
}
tab "roster" tongxin ro
tab "table csv tsv json xlsx" tongxin roster list --format ""
tab "csv" tongxin roster list --format c
tab "chengguan-beijie 北街社区 chengguan-dongjie 东街社区 chengguan-nanjie 南街社区 chengguan-xijie 西街社区 yuanqu-weixing 卫星社区 zhongbao-jincheng 金城社区" \
  tongxin roster list --community ""
tab "zhongbao-jincheng" tongxin roster list --community zh
tab "--format" tongxin roster list --for
tab "overseas_study overseas_chinese" tongxin roster list --category overseas
tab "list" tongxin -C . activity li
echo "bash completion completes subcommands, flags, values and communities"
