#!/usr/bin/env python3
"""The attack of issue 12 on a masked export: rebuild ID numbers from what a masked
`roster list --format csv` shows (the masked ID, the birth column) plus the county code in
tongxin.yaml. With tongxin's mask (last 4 characters, birth year only) no number is recovered.
The same attack on the old mask (first 3 and last 4, full birth date) recovers every number,
which shows the attack is real and this test can fail.

usage: mask_attack.py TONGXIN"""
import csv
import datetime
import io
import os
import subprocess
import sys
import tempfile

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"


def check_char(first17):
    return CHECK[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]


def candidates(county, masked_id, birth):
    """Every valid ID number that agrees with what the row shows."""
    if len(masked_id) != 18:
        return []
    shown = [(i, c) for i, c in enumerate(masked_id) if c != "*"]
    if len(birth) == 10:  # a full date
        days = [birth.replace("-", "")]
    else:  # a year: every day of it
        start = datetime.date(int(birth), 1, 1)
        days = [(start + datetime.timedelta(d)).strftime("%Y%m%d")
                for d in range(366) if (start + datetime.timedelta(d)).year == int(birth)]
    tail = masked_id[14:]
    out = []
    for day in days:
        for seq in ([tail[:3]] if "*" not in tail[:3] else [f"{n:03d}" for n in range(1000)]):
            first17 = county + day + seq
            full = first17 + check_char(first17)
            if all(full[i] == c for i, c in shown):
                out.append(full)
    return out


def run(tongxin, args, cwd):
    return subprocess.run([tongxin] + args, cwd=cwd, check=True, capture_output=True,
                          text=True).stdout


def attack(rows, county):
    recovered = 0
    for row in rows:
        found = candidates(county, row["id_number"], row["birth_date"])
        recovered += 1 if len(found) == 1 else 0
    return recovered


def main():
    tongxin = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, TONGXIN_TODAY="2026-11-21")
        subprocess.run([tongxin, "init", "w", "--example", "yongdeng-2011"], cwd=tmp, check=True,
                       capture_output=True, env=env)
        ws = os.path.join(tmp, "w")
        run(tongxin, ["roster", "import", "data/roster.csv"], ws)
        with open(os.path.join(ws, "tongxin.yaml"), encoding="utf-8") as f:
            county = next(line.split('code: "')[1][:6] for line in f if "code:" in line)
        masked = list(csv.DictReader(io.StringIO(run(tongxin, ["roster", "list", "--format", "csv"], ws))))
        revealed = list(csv.DictReader(io.StringIO(
            run(tongxin, ["roster", "list", "--format", "csv", "--reveal"], ws))))
    ids = {r["id_number"] for r in revealed}
    assert len(masked) == len(revealed) == 200, (len(masked), len(revealed))
    # The old mask, built from the revealed export: first 3 and last 4, the full birth date.
    old = [{"id_number": r["id_number"][:3] + "*" * 11 + r["id_number"][-4:],
            "birth_date": r["birth_date"]} for r in revealed]
    old_recovered = attack(old, county)
    assert old_recovered == len(old), f"the attack should break the old mask, got {old_recovered}"
    for row in masked:
        assert row["id_number"] not in ids, "a masked export carries a whole ID number"
        assert len(row["birth_date"]) == 4, f"birth date not masked to its year: {row['birth_date']}"
    recovered = attack(masked, county)
    assert recovered == 0, f"{recovered} ID numbers rebuilt from the masked export"
    fewest = min(len(candidates(county, r["id_number"], r["birth_date"])) for r in masked)
    print(f"masked export: 0 of {len(masked)} ID numbers rebuilt (at least {fewest} candidates "
          f"each); old mask: {old_recovered} of {len(old)}")


if __name__ == "__main__":
    main()
