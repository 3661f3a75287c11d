#!/usr/bin/env python3
"""Decode the published 1900-2100 Chinese lunar calendar table into TSV.

Published source
----------------
The hex "lunarInfo" table (201 entries, lunar years 1900..2100) used by many
calendar libraries, derived from Hong Kong Observatory conversion tables.
Taken from:

    repository: jjonline/calendar.js
    path:       calendar.js  (object ``calendar``, property ``lunarInfo``)
    commit:     8dfc6d041429fb521a0de13f7de6f0a00b90f523

That version already carries the author's 2016-08-13 fix of the 2033 entry
("Fixed 2033hex"): 0x04afb, i.e. leap 11th month in 2033, as required by
GB/T 33661-2017 (older copies of the table have 0x04bd7, leap 7th month).

Encoding of one entry ``v`` (lunar year ``1900 + index``):
  * bits 0-3   (v & 0xf):          the leap month, 0 if none;
  * bit 16     (v & 0x10000):      length of the leap month (1 = 30, 0 = 29);
  * bits 15..4 (v & (0x10000 >> m)) for m = 1..12: the length of ordinary
    month m (1 = 30 days, 0 = 29 days).
Epoch: lunar 1900-01-01 (正月初一) = Gregorian 1900-01-31; the years follow
each other without gaps.

Outputs (in schemas/calendar/ of the repository root, or in the directory
given as the only argument):

lunar_years.tsv: one line per lunar year with the columns
  lunar_year  new_year_date  leap_month  month_lengths
where month_lengths lists 12 or 13 lengths in calendar order, the leap month
placed right after its ordinary month.

qingming_published.tsv: "year<TAB>date", the Qingming date 1901..2100 from
the same file's published solar-term table (see S_TERM_INFO), kept only to
cross-check the astronomical qingming.tsv.

The decoded table was cross-checked against an independent astronomical
computation (scripts/calendar/compute_lunar_astro.py, PyEphem) for every
lunar year 1901..2100: all agree except 2057, where the two differ on the
first day of month 9 (published Sept 29, PyEphem Sept 28: the new moon falls
within a minute of Beijing midnight, closer than the uncertainty of the
predicted Earth rotation, delta-T).  The published value is kept; the
evidence is in schemas/calendar/README.md.  So no correction to the published
data is applied (CORRECTIONS below is empty); if one is ever needed, record
it there with its evidence.

Usage: python3 scripts/calendar/make_lunar_table.py [output_dir]
Standard library only.
"""

from __future__ import annotations

import datetime
import pathlib
import sys

FIRST_YEAR = 1900
LAST_YEAR = 2100
EPOCH = datetime.date(1900, 1, 31)  # lunar 1900-01-01

# Published data, verbatim from jjonline/calendar.js calendar.js (see above).
LUNAR_INFO = [
    0x04bd8, 0x04ae0, 0x0a570, 0x054d5, 0x0d260, 0x0d950, 0x16554, 0x056a0, 0x09ad0, 0x055d2,  # 1900-1909
    0x04ae0, 0x0a5b6, 0x0a4d0, 0x0d250, 0x1d255, 0x0b540, 0x0d6a0, 0x0ada2, 0x095b0, 0x14977,  # 1910-1919
    0x04970, 0x0a4b0, 0x0b4b5, 0x06a50, 0x06d40, 0x1ab54, 0x02b60, 0x09570, 0x052f2, 0x04970,  # 1920-1929
    0x06566, 0x0d4a0, 0x0ea50, 0x16a95, 0x05ad0, 0x02b60, 0x186e3, 0x092e0, 0x1c8d7, 0x0c950,  # 1930-1939
    0x0d4a0, 0x1d8a6, 0x0b550, 0x056a0, 0x1a5b4, 0x025d0, 0x092d0, 0x0d2b2, 0x0a950, 0x0b557,  # 1940-1949
    0x06ca0, 0x0b550, 0x15355, 0x04da0, 0x0a5b0, 0x14573, 0x052b0, 0x0a9a8, 0x0e950, 0x06aa0,  # 1950-1959
    0x0aea6, 0x0ab50, 0x04b60, 0x0aae4, 0x0a570, 0x05260, 0x0f263, 0x0d950, 0x05b57, 0x056a0,  # 1960-1969
    0x096d0, 0x04dd5, 0x04ad0, 0x0a4d0, 0x0d4d4, 0x0d250, 0x0d558, 0x0b540, 0x0b6a0, 0x195a6,  # 1970-1979
    0x095b0, 0x049b0, 0x0a974, 0x0a4b0, 0x0b27a, 0x06a50, 0x06d40, 0x0af46, 0x0ab60, 0x09570,  # 1980-1989
    0x04af5, 0x04970, 0x064b0, 0x074a3, 0x0ea50, 0x06b58, 0x05ac0, 0x0ab60, 0x096d5, 0x092e0,  # 1990-1999
    0x0c960, 0x0d954, 0x0d4a0, 0x0da50, 0x07552, 0x056a0, 0x0abb7, 0x025d0, 0x092d0, 0x0cab5,  # 2000-2009
    0x0a950, 0x0b4a0, 0x0baa4, 0x0ad50, 0x055d9, 0x04ba0, 0x0a5b0, 0x15176, 0x052b0, 0x0a930,  # 2010-2019
    0x07954, 0x06aa0, 0x0ad50, 0x05b52, 0x04b60, 0x0a6e6, 0x0a4e0, 0x0d260, 0x0ea65, 0x0d530,  # 2020-2029
    0x05aa0, 0x076a3, 0x096d0, 0x04afb, 0x04ad0, 0x0a4d0, 0x1d0b6, 0x0d250, 0x0d520, 0x0dd45,  # 2030-2039
    0x0b5a0, 0x056d0, 0x055b2, 0x049b0, 0x0a577, 0x0a4b0, 0x0aa50, 0x1b255, 0x06d20, 0x0ada0,  # 2040-2049
    0x14b63, 0x09370, 0x049f8, 0x04970, 0x064b0, 0x168a6, 0x0ea50, 0x06b20, 0x1a6c4, 0x0aae0,  # 2050-2059
    0x092e0, 0x0d2e3, 0x0c960, 0x0d557, 0x0d4a0, 0x0da50, 0x05d55, 0x056a0, 0x0a6d0, 0x055d4,  # 2060-2069
    0x052d0, 0x0a9b8, 0x0a950, 0x0b4a0, 0x0b6a6, 0x0ad50, 0x055a0, 0x0aba4, 0x0a5b0, 0x052b0,  # 2070-2079
    0x0b273, 0x06930, 0x07337, 0x06aa0, 0x0ad50, 0x14b55, 0x04b60, 0x0a570, 0x054e4, 0x0d160,  # 2080-2089
    0x0e968, 0x0d520, 0x0daa0, 0x16aa6, 0x056d0, 0x04ae0, 0x0a9d4, 0x0a2d0, 0x0d150, 0x0f252,  # 2090-2099
    0x0d520,                                                                                    # 2100
]

# Published 24-solar-term day table, verbatim from the same file (property
# ``sTermInfo``, one string per Gregorian year 1900..2100).  Each string is six
# 5-hex-digit groups; a group, written in decimal, is 6 digits "d dd d dd" giving
# the days of four consecutive terms, starting with 小寒 (the 7th term, 清明, is
# the third number of the second group).  Used only to cross-check
# qingming.tsv, which comes from the astronomical computation.
S_TERM_INFO = [
    '9778397bd097c36b0b6fc9274c91aa', '97b6b97bd19801ec9210c965cc920e', '97bcf97c3598082c95f8c965cc920f',  # 1900-1902
    '97bd0b06bdb0722c965ce1cfcc920f', 'b027097bd097c36b0b6fc9274c91aa', '97b6b97bd19801ec9210c965cc920e',  # 1903-1905
    '97bcf97c359801ec95f8c965cc920f', '97bd0b06bdb0722c965ce1cfcc920f', 'b027097bd097c36b0b6fc9274c91aa',  # 1906-1908
    '97b6b97bd19801ec9210c965cc920e', '97bcf97c359801ec95f8c965cc920f', '97bd0b06bdb0722c965ce1cfcc920f',  # 1909-1911
    'b027097bd097c36b0b6fc9274c91aa', '9778397bd19801ec9210c965cc920e', '97b6b97bd19801ec95f8c965cc920f',  # 1912-1914
    '97bd09801d98082c95f8e1cfcc920f', '97bd097bd097c36b0b6fc9210c8dc2', '9778397bd197c36c9210c9274c91aa',  # 1915-1917
    '97b6b97bd19801ec95f8c965cc920e', '97bd09801d98082c95f8e1cfcc920f', '97bd097bd097c36b0b6fc9210c8dc2',  # 1918-1920
    '9778397bd097c36c9210c9274c91aa', '97b6b97bd19801ec95f8c965cc920e', '97bcf97c3598082c95f8e1cfcc920f',  # 1921-1923
    '97bd097bd097c36b0b6fc9210c8dc2', '9778397bd097c36c9210c9274c91aa', '97b6b97bd19801ec9210c965cc920e',  # 1924-1926
    '97bcf97c3598082c95f8c965cc920f', '97bd097bd097c35b0b6fc920fb0722', '9778397bd097c36b0b6fc9274c91aa',  # 1927-1929
    '97b6b97bd19801ec9210c965cc920e', '97bcf97c3598082c95f8c965cc920f', '97bd097bd097c35b0b6fc920fb0722',  # 1930-1932
    '9778397bd097c36b0b6fc9274c91aa', '97b6b97bd19801ec9210c965cc920e', '97bcf97c359801ec95f8c965cc920f',  # 1933-1935
    '97bd097bd097c35b0b6fc920fb0722', '9778397bd097c36b0b6fc9274c91aa', '97b6b97bd19801ec9210c965cc920e',  # 1936-1938
    '97bcf97c359801ec95f8c965cc920f', '97bd097bd097c35b0b6fc920fb0722', '9778397bd097c36b0b6fc9274c91aa',  # 1939-1941
    '97b6b97bd19801ec9210c965cc920e', '97bcf97c359801ec95f8c965cc920f', '97bd097bd07f595b0b6fc920fb0722',  # 1942-1944
    '9778397bd097c36b0b6fc9210c8dc2', '9778397bd19801ec9210c9274c920e', '97b6b97bd19801ec95f8c965cc920f',  # 1945-1947
    '97bd07f5307f595b0b0bc920fb0722', '7f0e397bd097c36b0b6fc9210c8dc2', '9778397bd097c36c9210c9274c920e',  # 1948-1950
    '97b6b97bd19801ec95f8c965cc920f', '97bd07f5307f595b0b0bc920fb0722', '7f0e397bd097c36b0b6fc9210c8dc2',  # 1951-1953
    '9778397bd097c36c9210c9274c91aa', '97b6b97bd19801ec9210c965cc920e', '97bd07f1487f595b0b0bc920fb0722',  # 1954-1956
    '7f0e397bd097c36b0b6fc9210c8dc2', '9778397bd097c36b0b6fc9274c91aa', '97b6b97bd19801ec9210c965cc920e',  # 1957-1959
    '97bcf7f1487f595b0b0bb0b6fb0722', '7f0e397bd097c35b0b6fc920fb0722', '9778397bd097c36b0b6fc9274c91aa',  # 1960-1962
    '97b6b97bd19801ec9210c965cc920e', '97bcf7f1487f595b0b0bb0b6fb0722', '7f0e397bd097c35b0b6fc920fb0722',  # 1963-1965
    '9778397bd097c36b0b6fc9274c91aa', '97b6b97bd19801ec9210c965cc920e', '97bcf7f1487f531b0b0bb0b6fb0722',  # 1966-1968
    '7f0e397bd097c35b0b6fc920fb0722', '9778397bd097c36b0b6fc9274c91aa', '97b6b97bd19801ec9210c965cc920e',  # 1969-1971
    '97bcf7f1487f531b0b0bb0b6fb0722', '7f0e397bd07f595b0b6fc920fb0722', '9778397bd097c36b0b6fc9274c91aa',  # 1972-1974
    '97b6b97bd19801ec9210c9274c920e', '97bcf7f0e47f531b0b0bb0b6fb0722', '7f0e397bd07f595b0b0bc920fb0722',  # 1975-1977
    '9778397bd097c36b0b6fc9210c91aa', '97b6b97bd197c36c9210c9274c920e', '97bcf7f0e47f531b0b0bb0b6fb0722',  # 1978-1980
    '7f0e397bd07f595b0b0bc920fb0722', '9778397bd097c36b0b6fc9210c8dc2', '9778397bd097c36c9210c9274c920e',  # 1981-1983
    '97b6b7f0e47f531b0723b0b6fb0722', '7f0e37f5307f595b0b0bc920fb0722', '7f0e397bd097c36b0b6fc9210c8dc2',  # 1984-1986
    '9778397bd097c36b0b70c9274c91aa', '97b6b7f0e47f531b0723b0b6fb0721', '7f0e37f1487f595b0b0bb0b6fb0722',  # 1987-1989
    '7f0e397bd097c35b0b6fc9210c8dc2', '9778397bd097c36b0b6fc9274c91aa', '97b6b7f0e47f531b0723b0b6fb0721',  # 1990-1992
    '7f0e27f1487f595b0b0bb0b6fb0722', '7f0e397bd097c35b0b6fc920fb0722', '9778397bd097c36b0b6fc9274c91aa',  # 1993-1995
    '97b6b7f0e47f531b0723b0b6fb0721', '7f0e27f1487f531b0b0bb0b6fb0722', '7f0e397bd097c35b0b6fc920fb0722',  # 1996-1998
    '9778397bd097c36b0b6fc9274c91aa', '97b6b7f0e47f531b0723b0b6fb0721', '7f0e27f1487f531b0b0bb0b6fb0722',  # 1999-2001
    '7f0e397bd097c35b0b6fc920fb0722', '9778397bd097c36b0b6fc9274c91aa', '97b6b7f0e47f531b0723b0b6fb0721',  # 2002-2004
    '7f0e27f1487f531b0b0bb0b6fb0722', '7f0e397bd07f595b0b0bc920fb0722', '9778397bd097c36b0b6fc9274c91aa',  # 2005-2007
    '97b6b7f0e47f531b0723b0787b0721', '7f0e27f0e47f531b0b0bb0b6fb0722', '7f0e397bd07f595b0b0bc920fb0722',  # 2008-2010
    '9778397bd097c36b0b6fc9210c91aa', '97b6b7f0e47f149b0723b0787b0721', '7f0e27f0e47f531b0723b0b6fb0722',  # 2011-2013
    '7f0e397bd07f595b0b0bc920fb0722', '9778397bd097c36b0b6fc9210c8dc2', '977837f0e37f149b0723b0787b0721',  # 2014-2016
    '7f07e7f0e47f531b0723b0b6fb0722', '7f0e37f5307f595b0b0bc920fb0722', '7f0e397bd097c35b0b6fc9210c8dc2',  # 2017-2019
    '977837f0e37f14998082b0787b0721', '7f07e7f0e47f531b0723b0b6fb0721', '7f0e37f1487f595b0b0bb0b6fb0722',  # 2020-2022
    '7f0e397bd097c35b0b6fc9210c8dc2', '977837f0e37f14998082b0787b06bd', '7f07e7f0e47f531b0723b0b6fb0721',  # 2023-2025
    '7f0e27f1487f531b0b0bb0b6fb0722', '7f0e397bd097c35b0b6fc920fb0722', '977837f0e37f14998082b0787b06bd',  # 2026-2028
    '7f07e7f0e47f531b0723b0b6fb0721', '7f0e27f1487f531b0b0bb0b6fb0722', '7f0e397bd097c35b0b6fc920fb0722',  # 2029-2031
    '977837f0e37f14998082b0787b06bd', '7f07e7f0e47f531b0723b0b6fb0721', '7f0e27f1487f531b0b0bb0b6fb0722',  # 2032-2034
    '7f0e397bd07f595b0b0bc920fb0722', '977837f0e37f14998082b0787b06bd', '7f07e7f0e47f531b0723b0b6fb0721',  # 2035-2037
    '7f0e27f1487f531b0b0bb0b6fb0722', '7f0e397bd07f595b0b0bc920fb0722', '977837f0e37f14998082b0787b06bd',  # 2038-2040
    '7f07e7f0e47f149b0723b0787b0721', '7f0e27f0e47f531b0b0bb0b6fb0722', '7f0e397bd07f595b0b0bc920fb0722',  # 2041-2043
    '977837f0e37f14998082b0723b06bd', '7f07e7f0e37f149b0723b0787b0721', '7f0e27f0e47f531b0723b0b6fb0722',  # 2044-2046
    '7f0e397bd07f595b0b0bc920fb0722', '977837f0e37f14898082b0723b02d5', '7ec967f0e37f14998082b0787b0721',  # 2047-2049
    '7f07e7f0e47f531b0723b0b6fb0722', '7f0e37f1487f595b0b0bb0b6fb0722', '7f0e37f0e37f14898082b0723b02d5',  # 2050-2052
    '7ec967f0e37f14998082b0787b0721', '7f07e7f0e47f531b0723b0b6fb0722', '7f0e37f1487f531b0b0bb0b6fb0722',  # 2053-2055
    '7f0e37f0e37f14898082b0723b02d5', '7ec967f0e37f14998082b0787b06bd', '7f07e7f0e47f531b0723b0b6fb0721',  # 2056-2058
    '7f0e37f1487f531b0b0bb0b6fb0722', '7f0e37f0e37f14898082b072297c35', '7ec967f0e37f14998082b0787b06bd',  # 2059-2061
    '7f07e7f0e47f531b0723b0b6fb0721', '7f0e27f1487f531b0b0bb0b6fb0722', '7f0e37f0e37f14898082b072297c35',  # 2062-2064
    '7ec967f0e37f14998082b0787b06bd', '7f07e7f0e47f531b0723b0b6fb0721', '7f0e27f1487f531b0b0bb0b6fb0722',  # 2065-2067
    '7f0e37f0e366aa89801eb072297c35', '7ec967f0e37f14998082b0787b06bd', '7f07e7f0e47f149b0723b0787b0721',  # 2068-2070
    '7f0e27f1487f531b0b0bb0b6fb0722', '7f0e37f0e366aa89801eb072297c35', '7ec967f0e37f14998082b0723b06bd',  # 2071-2073
    '7f07e7f0e47f149b0723b0787b0721', '7f0e27f0e47f531b0723b0b6fb0722', '7f0e37f0e366aa89801eb072297c35',  # 2074-2076
    '7ec967f0e37f14998082b0723b06bd', '7f07e7f0e37f14998083b0787b0721', '7f0e27f0e47f531b0723b0b6fb0722',  # 2077-2079
    '7f0e37f0e366aa89801eb072297c35', '7ec967f0e37f14898082b0723b02d5', '7f07e7f0e37f14998082b0787b0721',  # 2080-2082
    '7f07e7f0e47f531b0723b0b6fb0722', '7f0e36665b66aa89801e9808297c35', '665f67f0e37f14898082b0723b02d5',  # 2083-2085
    '7ec967f0e37f14998082b0787b0721', '7f07e7f0e47f531b0723b0b6fb0722', '7f0e36665b66a449801e9808297c35',  # 2086-2088
    '665f67f0e37f14898082b0723b02d5', '7ec967f0e37f14998082b0787b06bd', '7f07e7f0e47f531b0723b0b6fb0721',  # 2089-2091
    '7f0e36665b66a449801e9808297c35', '665f67f0e37f14898082b072297c35', '7ec967f0e37f14998082b0787b06bd',  # 2092-2094
    '7f07e7f0e47f531b0723b0b6fb0721', '7f0e26665b66a449801e9808297c35', '665f67f0e37f1489801eb072297c35',  # 2095-2097
    '7ec967f0e37f14998082b0787b06bd', '7f07e7f0e47f531b0723b0b6fb0721', '7f0e27f1487f531b0b0bb0b6fb0722',  # 2098-2100
]


# Corrections to the published data: {lunar_year: (new_entry, reason)}.
# Empty: no published entry is contradicted by evidence (see the docstring).
CORRECTIONS: dict[int, tuple[int, str]] = {}


def decode(entry: int) -> tuple[int, list[int]]:
    """Return (leap_month, month_lengths) for one lunarInfo entry."""
    leap = entry & 0xF
    if leap > 12:
        raise ValueError(f"bad leap month {leap} in entry {entry:#07x}")
    lengths: list[int] = []
    for month in range(1, 13):
        lengths.append(30 if entry & (0x10000 >> month) else 29)
        if month == leap:
            lengths.append(30 if entry & 0x10000 else 29)
    return leap, lengths


def build_rows() -> list[tuple[int, datetime.date, int, list[int]]]:
    """Decode the whole table into (year, new_year_date, leap, lengths) rows."""
    if len(LUNAR_INFO) != LAST_YEAR - FIRST_YEAR + 1:
        raise ValueError(f"expected {LAST_YEAR - FIRST_YEAR + 1} entries, got {len(LUNAR_INFO)}")
    rows = []
    new_year = EPOCH
    for index, entry in enumerate(LUNAR_INFO):
        year = FIRST_YEAR + index
        if year in CORRECTIONS:
            entry = CORRECTIONS[year][0]
        leap, lengths = decode(entry)
        rows.append((year, new_year, leap, lengths))
        new_year += datetime.timedelta(days=sum(lengths))
    return rows


def format_tsv(rows) -> str:
    """Render rows in the shared lunar_years TSV format."""
    lines = ["lunar_year\tnew_year_date\tleap_month\tmonth_lengths"]
    for year, new_year, leap, lengths in rows:
        lines.append(f"{year}\t{new_year.isoformat()}\t{leap}\t{','.join(map(str, lengths))}")
    return "\n".join(lines) + "\n"


def solar_term_days(row: str) -> list[int]:
    """Decode one sTermInfo string into the 24 day-of-month numbers (小寒 first)."""
    if len(row) != 30:
        raise ValueError(f"bad sTermInfo row {row!r}")
    days: list[int] = []
    for i in range(0, 30, 5):
        digits = str(int(row[i:i + 5], 16))
        if len(digits) != 6:
            raise ValueError(f"bad sTermInfo group {row[i:i + 5]!r}")
        days += [int(digits[0]), int(digits[1:3]), int(digits[3]), int(digits[4:6])]
    return days


def format_qingming_tsv() -> str:
    """Published Qingming (清明, April) dates 1901..2100 in the qingming TSV format."""
    if len(S_TERM_INFO) != LAST_YEAR - FIRST_YEAR + 1:
        raise ValueError(f"expected {LAST_YEAR - FIRST_YEAR + 1} sTermInfo rows, got {len(S_TERM_INFO)}")
    lines = ["year\tdate"]
    for index, row in enumerate(S_TERM_INFO):
        year = FIRST_YEAR + index
        if year < 1901:
            continue
        lines.append(f"{year}\t{datetime.date(year, 4, solar_term_days(row)[6]).isoformat()}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    root = pathlib.Path(__file__).resolve().parents[2]
    out_dir = pathlib.Path(argv[1]) if len(argv) > 1 else root / "schemas" / "calendar"
    (out_dir / "lunar_years.tsv").write_text(format_tsv(build_rows()), encoding="utf-8")
    (out_dir / "qingming_published.tsv").write_text(format_qingming_tsv(), encoding="utf-8")
    print(f"wrote {out_dir / 'lunar_years.tsv'} and {out_dir / 'qingming_published.tsv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
