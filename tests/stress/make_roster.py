#!/usr/bin/env python3
"""Prints a roster CSV of N members (default 100000) for the Yongdeng example's communities,
with valid, distinct ID numbers (GB 11643 check digit), in about a second. The stress tests
(crash.sh, concurrency.sh) import it. usage: make_roster.py [N] [NAME_PREFIX]"""
import datetime
import sys

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECKS = "10X98765432"
COMMUNITIES = ["chengguan-beijie", "chengguan-dongjie", "chengguan-nanjie", "chengguan-xijie",
               "yuanqu-weixing", "zhongbao-jincheng"]
BASE = datetime.date(1940, 1, 1)
DAYS = 20000  # birth dates 1940..1994: adults on any test day


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    prefix = sys.argv[2] if len(sys.argv) > 2 else "压测"
    if count > DAYS * 1000:
        sys.exit("make_roster.py: at most %d members" % (DAYS * 1000))
    rows = ["姓名,身份证号,政治面貌,统战类别,社区"]
    for i in range(count):
        born = BASE + datetime.timedelta(days=i % DAYS)
        # Area 620102 (Lanzhou Chengguan), which no example roster uses.
        body = "620102" + born.strftime("%Y%m%d") + "%03d" % (i // DAYS)
        check = CHECKS[sum(int(d) * w for d, w in zip(body, WEIGHTS)) % 11]
        rows.append(f"{prefix}{i},{body}{check},群众,党外知识分子,{COMMUNITIES[i % 6]}")
    sys.stdout.write("\n".join(rows) + "\n")


main()
