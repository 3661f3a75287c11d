# bench/common.sh — the set-up every benchmark shares; sourced by bench_*.sh, not run:
#   bench_tools [COMMAND...]   GNU time (installed when missing), the sqlite3 shell and each
#                              COMMAND named, or exit 1 naming what is missing;
#   bench_binaries [TARGET...] sets $tongxin and $gen: the binaries TONGXIN and GEN_MEMBERS name
#                              when TONGXIN is set, else a Release build of tongxin and TARGETs
#                              (gen_members) into $BENCH_BUILD_DIR (default build/bench-release:
#                              not build/bench, the bench/ folder of the developer tree build/,
#                              which that tree overwrites), its log in bench_build.log there;
#   bench_workdir NAME         sets $work to a new temp dir and cds into it; removed on exit unless
#                              KEEP=1 (then its path is printed);
#   bench_twenty_communities   a workspace `ws` with 20 communities c1..c20 (社区1..社区20);
#   bench_members N FILE       N gen_members members spread over c1..c20, written to FILE.
# Needs $ROOT, the repository's top folder.

bench_tools() {
  if [[ ! -x /usr/bin/time ]]; then
    echo "GNU time missing; installing it" >&2
    apt-get install -y time >/dev/null
  fi
  local tool
  for tool in sqlite3 "$@"; do
    command -v "$tool" >/dev/null || { echo "$tool not found" >&2; exit 1; }
  done
}

bench_binaries() {
  if [[ -n "${TONGXIN:-}" ]]; then
    tongxin=$(realpath "$TONGXIN")
    gen=""
    if (($# > 0)); then
      gen=$(realpath "${GEN_MEMBERS:?GEN_MEMBERS must name gen_members when TONGXIN is set}")
    fi
    return
  fi
  local build="${BENCH_BUILD_DIR:-$ROOT/build/bench-release}"
  mkdir -p "$build"
  if ! { cmake -S "$ROOT" -B "$build" -DCMAKE_BUILD_TYPE=Release &&
         cmake --build "$build" -j2 --target tongxin "$@"; } >"$build/bench_build.log" 2>&1; then
    tail -30 "$build/bench_build.log" >&2
    exit 1
  fi
  tongxin="$build/tongxin"
  gen="$build/bench/gen_members"
}

bench_workdir() {
  work="$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")"
  if [[ -z "${KEEP:-}" ]]; then
    trap 'rm -rf "$work"' EXIT
  else
    echo "keeping $work" >&2
  fi
  cd "$work"
}

bench_twenty_communities() {
  "$tongxin" init ws >/dev/null
  mkdir -p ws/communities
  local i
  for i in $(seq 1 20); do printf 'id: c%d\nname: 社区%d\n' "$i" "$i" > "ws/communities/c$i.yaml"; done
}

bench_members() {
  local ids="" i
  for i in $(seq 1 20); do ids+="${ids:+,}c$i"; done
  "$gen" --count "$1" --communities "$ids" > "$2"
}
