#!/usr/bin/env python3
"""Feeds every malformed file under tests/bad-inputs/ to the command that reads its kind and
checks what cases.txt expects: the exit status and the first lines of stderr (the error line,
then its first detail). After each case the store's dump and the workspace's files must be what
they were before: bad input loses nothing and writes nothing.

Usage: run.py TONGXIN [CASE-FILTER]. UPDATE=1 rewrites the expectations in cases.txt from what
the binary does; read the diff before committing.

The folder a file sits in names its kind:
  roster/, activity/    imported with `roster import` / `activity import` (path bad/KIND/FILE)
  workspace/            copied over tongxin.yaml, then `audit`
  community/            added as communities/zz-bad.yaml, then `audit`
  standard/, plan/      copied over the example's standard / plan, then `audit` / `schedule agenda`
  waivers/, manual/     copied to waivers.yaml / audits/2020/manual.yaml of the Shanxi example,
                        then `audit --period 2020`
"""
import concurrent.futures
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "cases.txt"
EXPECTED_LINES = 2  # the error line and its first detail

# kind -> (example workspace, file the case replaces or adds (None: imported), command)
KINDS = {
    "roster": ("yongdeng-2011", None, ["roster", "import"]),
    "activity": ("yongdeng-2011", None, ["activity", "import"]),
    "workspace": ("yongdeng-2011", "tongxin.yaml", ["audit"]),
    "community": ("yongdeng-2011", "communities/zz-bad.yaml", ["audit"]),
    "standard": ("yongdeng-2011", "standards/yongdeng-2011.yaml", ["audit"]),
    "plan": ("yongdeng-2011", "plans/2011-2012.yaml", ["schedule", "agenda"]),
    "waivers": ("shanxi-2020", "waivers.yaml", ["audit", "--period", "2020"]),
    "manual": ("shanxi-2020", "audits/2020/manual.yaml", ["audit", "--period", "2020"]),
}


class Case:
    def __init__(self, comments, file, code, args, lines):
        self.comments, self.file, self.code = comments, file, code
        self.args, self.lines = args, lines

    def text(self):
        head = " ".join([self.file, "exit", str(self.code)] + self.args)
        return "".join(self.comments) + head + "\n" + "".join("> " + l + "\n" for l in self.lines)


def parse_manifest():
    """cases.txt: comment lines (#), then `KIND/FILE exit N [ARGS...]`, then `> ` lines."""
    cases, comments, preamble = [], [], None
    for line in MANIFEST.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("> "):
            cases[-1].lines.append(line[2:].rstrip("\n"))
        elif line.startswith("#") or not line.strip():
            comments.append(line)
        else:
            if preamble is None:
                preamble, comments = "".join(comments), []
            words = line.split()
            if len(words) < 3 or words[1] != "exit":
                sys.exit(f"cases.txt: cannot read '{line.rstrip()}'")
            cases.append(Case(comments, words[0], int(words[2]), words[3:], []))
            comments = []
    return preamble or "", cases, "".join(comments)


def tongxin(binary, workspace, args):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(workspace.parent), "TZ": "UTC",
           "LC_ALL": "C.UTF-8", "USER": "tester", "TONGXIN_TODAY": "2026-11-21",
           "TONGXIN_NOW": "2026-11-21T09:00:00+0800"}
    return subprocess.run([binary, "--lang", "en"] + args, cwd=workspace, env=env,
                          capture_output=True, timeout=60)


def prepare(binary, root, example):
    """The example workspace with its roster and activities imported and bad/ linked in."""
    workspace = root / example
    assert tongxin(binary, root, ["init", example, "--example", example]).returncode == 0
    for kind in ("roster", "activity"):
        data = workspace / "data" / ("roster.csv" if kind == "roster" else "activities.csv")
        if data.exists():
            result = tongxin(binary, workspace, [kind, "import", str(data.relative_to(workspace))])
            assert result.returncode == 0, result.stderr.decode()
    (workspace / "bad").symlink_to(HERE)
    return workspace


def state(workspace):
    """The store's dump and the workspace's file listing (SQLite's side files left out)."""
    db = sqlite3.connect(f"file:{workspace / 'tongxin.db'}?mode=ro", uri=True)
    dump = "\n".join(db.iterdump())
    db.close()
    files = sorted(str(p.relative_to(workspace)) for p in workspace.rglob("*")
                   if not p.name.startswith("tongxin.db-")
                   and p.relative_to(workspace).parts[0] != "bad")
    return dump, files


def run_case(binary, workspace, case):
    kind = case.file.split("/")[0]
    _, target, command = KINDS[kind]
    source = HERE / case.file
    saved = None
    if target is None:
        args = command + ["bad/" + case.file] + case.args
    else:
        path = workspace / target
        saved = path.read_bytes() if path.exists() else None
        shutil.copyfile(source, path)
        args = command + case.args
    try:
        result = tongxin(binary, workspace, args)
    finally:
        if target is not None:
            if saved is None:
                (workspace / target).unlink()
            else:
                (workspace / target).write_bytes(saved)
    stderr = result.stderr.decode("utf-8", errors="backslashreplace")
    stderr = stderr.replace(str(workspace.parent), "$WORK")
    return result.returncode, stderr.splitlines()[:EXPECTED_LINES]


def run_kind(binary, workspace, kind, cases, update):
    """Runs the cases of one kind in order in `workspace`; returns the problems found."""
    problems = []
    before = state(workspace)
    for case in cases:
        if case.file.split("/")[0] != kind:
            continue
        code, lines = run_case(binary, workspace, case)
        if update:
            case.code, case.lines = code, lines
        elif (code, lines) != (case.code, case.lines):
            problems.append(f"{case.file}: expected exit {case.code} and\n  "
                            + "\n  ".join(case.lines) + f"\ngot exit {code} and\n  "
                            + "\n  ".join(lines))
        after = state(workspace)
        if after != before:
            what = "the store's dump" if after[0] != before[0] else "the files"
            problems.append(f"{case.file}: {what} changed")
            before = after
    return problems


def main():
    binary = os.path.realpath(sys.argv[1])
    only = sys.argv[2] if len(sys.argv) > 2 else ""
    update = os.environ.get("UPDATE") == "1"
    preamble, cases, trailer = parse_manifest()
    listed = {c.file for c in cases}
    on_disk = {str(p.relative_to(HERE)) for kind in KINDS for p in (HERE / kind).glob("*")}
    problems = [f"{f}: in cases.txt but no such file" for f in sorted(listed - on_disk)]
    problems += [f"{f}: not in cases.txt" for f in sorted(on_disk - listed)]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        examples = {example: prepare(binary, root, example)
                    for example in sorted({k[0] for k in KINDS.values()})}
        # Each kind gets its own copy of its workspace, so the kinds run side by side.
        workspaces = {}
        for kind, (example, _, _) in KINDS.items():
            workspaces[kind] = root / kind / example
            shutil.copytree(examples[example], workspaces[kind], symlinks=True)
        selected = [c for c in cases if only in c.file]
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            for found in pool.map(lambda kind: run_kind(binary, workspaces[kind], kind, selected,
                                                        update), KINDS):
                problems += found
    if update:
        MANIFEST.write_text(preamble + "".join(c.text() for c in cases) + trailer, encoding="utf-8")
    for problem in problems:
        print("FAIL: " + problem, file=sys.stderr)
    print(f"{len(cases)} bad inputs, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
