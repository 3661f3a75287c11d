#!/usr/bin/env python3
"""Compute the Chinese calendar 1900..2100 from astronomy (independent source).

This is the second, independent source used to verify the published table
decoded by make_lunar_table.py.  It uses PyEphem (Debian package
python3-ephem) for the instants of the new moons and of the Sun's apparent
geocentric ecliptic longitude (equinox and true ecliptic of date), and applies
the rules of GB/T 33661-2017 "农历的编算和颁行":

  * the day begins at midnight, Beijing time (UTC+8), with one historical
    exception, see "Time scale by era" below;
  * a month begins on the (Beijing) day that contains the new moon (朔);
  * the month that contains the winter solstice (冬至, longitude 270°) is
    month 11;
  * if there are 13 months from one month 11 (inclusive) to the next
    month 11 (exclusive), the first of them that contains no principal term
    (中气, a multiple of 30° of longitude) is a leap month and takes the
    number of the month before it;
  * the lunar year begins with (ordinary) month 1.

Time scale by era (what the calendars actually issued at the time used):
  * 1929..2100: UTC+8 (meridian 120°E), as GB/T 33661-2017 prescribes;
  * 1914..1928: Beijing local mean solar time, UT+7h45m40s.  The calendars
    issued by the Beiyang government used it; with UTC+8 the first day of
    1914 month 10, 1916 month 1 and 1920 month 10 would each come one day
    late.  Evidence: Yuk Tung Liu's comparison of a DE431 computation with the
    Purple Mountain Observatory's "New Edition of Perpetual Calendar" (1986)
    and Liu Baolin's "Pocket Edition of 100-Year Chinese Calendar" (1993):
    repository ytliu0/ChineseCalendar, path computation.html, section
    "Modern Period (1912 - 2200)" (conjunction days Nov 17 1914, Feb 3 1916,
    Nov 10 1920 in the issued calendars, while the conjunctions fell at
    00:02, 00:05, 00:05 UT+8);
  * 1900..1913: the Qing Shixian calendar (and its 1912-1913 continuation)
    was computed with the 1742 "Lixiang Kaocheng Houbian" theory for
    Beijing apparent solar time, which no modern rule reproduces exactly.
    UTC+8 is used because, per the same author's comparison
    (ytliu0/ChineseCalendar, discrepanciesQing.html), a modern UT+8
    computation has no conjunction-day discrepancy with the issued calendars
    after 1896 (a Beijing-local-time computation would put 1906 month 4 on
    April 23 instead of the issued April 24).

Outputs (relative to the repository root):
  schemas/calendar/lunar_years_astro.tsv
      lunar_year  new_year_date  leap_month  month_lengths   (1900..2100),
      the same format as lunar_years.tsv;
  schemas/calendar/qingming.tsv
      year  date   (1901..2100): the Beijing date on which the Sun's apparent
      longitude reaches 15° (清明).  (The era rule above changes no Qingming
      date: in 1914..1928 UTC+8 and UT+7:45:40 give the same dates.)

It also prints, on stderr, every new moon and every solar term of the range
that falls within SENSITIVE_MINUTES of Beijing midnight AND decides something
in the output (a month start, a leap month, or a Qingming date), since such
dates depend on the accuracy of the ephemeris and of the ΔT extrapolation.

Accuracy check of the ephemeris used here (done when this script was written):
  * Meeus, Astronomical Algorithms, ex. 25.b: apparent solar longitude at
    1992-10-13 0h TD is 199.9060606°; this script's sun_longitude gives
    199.9060100° (0.18", about 4 s of time);
  * Meeus ex. 49.a: new moon 1977-02-18 03:37:40 TD; PyEphem gives
    03:36:52 UT + ΔT 47.7 s = 03:37:40 TD.

Usage: python3 scripts/calendar/compute_lunar_astro.py
(if the python3 on PATH lacks the ephem module, the script re-runs itself
with the system interpreter /usr/bin/python3, where python3-ephem installs).
"""

from __future__ import annotations

import datetime
import math
import os
import pathlib
import sys

try:
    import ephem
except ImportError:  # pragma: no cover - environment dependent
    SYSTEM_PYTHON = "/usr/bin/python3"
    if os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON) and os.path.exists(SYSTEM_PYTHON):
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON, os.path.abspath(__file__), *sys.argv[1:]])
    sys.exit("compute_lunar_astro.py needs PyEphem: apt-get install -y python3-ephem")

FIRST_LUNAR_YEAR = 1900
LAST_LUNAR_YEAR = 2100
FIRST_QINGMING_YEAR = 1901
LAST_QINGMING_YEAR = 2100
UTC8_OFFSET_DAYS = 8.0 / 24.0
# Beijing local mean solar time, UT+7h45m40s (116°25'E), used by the calendars
# issued by the Beiyang government for 1914..1928 (see the module docstring).
BEIJING_MEAN_TIME_OFFSET_DAYS = (1397.0 / 180.0) / 24.0
MEAN_TIME_ERA_START = float(ephem.Date("1914/01/01")) - BEIJING_MEAN_TIME_OFFSET_DAYS
MEAN_TIME_ERA_END = float(ephem.Date("1929/01/01")) - UTC8_OFFSET_DAYS
SENSITIVE_MINUTES = 10.0
MEAN_SOLAR_RATE = 360.0 / 365.2422  # degrees of longitude per day


def sun_longitude(when: float) -> float:
    """Apparent geocentric ecliptic longitude of the Sun (degrees, equinox of date)."""
    sun = ephem.Sun(when)
    ecl = ephem.Ecliptic(ephem.Equatorial(sun.g_ra, sun.g_dec, epoch=when), epoch=when)
    return math.degrees(ecl.lon) % 360.0


def wrap180(angle: float) -> float:
    """Map an angle in degrees to [-180, 180)."""
    return (angle + 180.0) % 360.0 - 180.0


def solve_solar_term(target: float, guess: float) -> float:
    """Instant (ephem date, UT) near `guess` when the Sun's longitude equals `target`."""
    when = guess
    for _ in range(50):
        step = wrap180(target - sun_longitude(when)) / MEAN_SOLAR_RATE
        when += step
        if abs(step) < 1e-7:  # about 0.01 s
            return when
    raise RuntimeError(f"solar term {target} did not converge near {ephem.Date(guess)}")


def utc_offset_days(when: float) -> float:
    """Offset of the calendar's civil time from UT (days) at an ephem instant."""
    if MEAN_TIME_ERA_START <= when < MEAN_TIME_ERA_END:
        return BEIJING_MEAN_TIME_OFFSET_DAYS
    return UTC8_OFFSET_DAYS


def beijing_date(when: float) -> datetime.date:
    """Civil date in Beijing (UTC+8; UT+7:45:40 in 1914..1928) of an ephem instant."""
    return ephem.Date(when + utc_offset_days(when)).datetime().date()


def minutes_from_beijing_midnight(when: float) -> float:
    """Signed distance in minutes to the nearest Beijing midnight."""
    local = (when + utc_offset_days(when) + 0.5) % 1.0  # ephem dates start at noon
    return (local if local < 0.5 else local - 1.0) * 1440.0


def solar_terms(start: float, end: float) -> list[tuple[float, int]]:
    """All solar terms (instant, longitude multiple of 15) between start and end."""
    terms = []
    lon = sun_longitude(start)
    target = (math.floor(lon / 15.0) + 1) * 15 % 360
    guess = start + wrap180(target - lon) % 360.0 / MEAN_SOLAR_RATE
    while True:
        when = solve_solar_term(float(target), guess)
        if when > end:
            return terms
        terms.append((when, int(target)))
        target = (target + 15) % 360
        guess = when + 15.0 / MEAN_SOLAR_RATE


def new_moons(start: float, end: float) -> list[float]:
    """All new moon instants between start and end."""
    moons = []
    when = ephem.next_new_moon(start)
    while when <= end:
        moons.append(float(when))
        when = ephem.next_new_moon(when + 1.0)
    return moons


class AstroCalendar:
    """The Chinese calendar months derived from the astronomical events."""

    def __init__(self) -> None:
        start = float(ephem.Date("1898/10/01"))
        end = float(ephem.Date("2102/03/01"))
        self.terms = solar_terms(start, end)
        self.moons = new_moons(start, end)
        self.moon_dates = [beijing_date(m) for m in self.moons]
        self.zhongqi_dates = sorted(beijing_date(t) for t, lon in self.terms if lon % 30 == 0)
        self.solstices = [t for t, lon in self.terms if lon == 270]
        self.sensitive: list[str] = []
        self.months = self._label_months()

    def _month11_index(self, solstice: float) -> int:
        """Index in self.moons of the month containing the given winter solstice."""
        day = beijing_date(solstice)
        index = max(i for i, d in enumerate(self.moon_dates) if d <= day)
        return index

    def _has_zhongqi(self, index: int) -> bool:
        """Whether month `index` (from moon index to index+1) contains a principal term."""
        begin, end = self.moon_dates[index], self.moon_dates[index + 1]
        return any(begin <= d < end for d in self.zhongqi_dates)

    def _label_months(self) -> list[tuple[datetime.date, int, bool]]:
        """(start date, month number, is_leap) of every month from the first month 11 on."""
        months = []
        for first, second in zip(self.solstices, self.solstices[1:]):
            a, b = self._month11_index(first), self._month11_index(second)
            count = b - a
            if count not in (12, 13):
                raise RuntimeError(f"{count} months between solstices {ephem.Date(first)} and {ephem.Date(second)}")
            leap_index = None
            if count == 13:
                leap_index = next(i for i in range(a, b) if not self._has_zhongqi(i))
            number = 10
            for i in range(a, b):
                is_leap = i == leap_index
                if not is_leap:
                    number = number % 12 + 1
                months.append((self.moon_dates[i], number, is_leap))
        months.append((self.moon_dates[b], 11, False))  # sentinel: start of the last month 11
        return months

    def lunar_years(self) -> list[tuple[int, datetime.date, int, list[int]]]:
        """(year, new_year_date, leap_month, month_lengths) for 1900..2100."""
        firsts = [i for i, (_, number, leap) in enumerate(self.months) if number == 1 and not leap]
        rows = []
        for i, j in zip(firsts, firsts[1:]):
            start = self.months[i][0]
            year = start.year
            if not FIRST_LUNAR_YEAR <= year <= LAST_LUNAR_YEAR:
                continue
            leap = 0
            lengths = []
            for k in range(i, j):
                lengths.append((self.months[k + 1][0] - self.months[k][0]).days)
                if self.months[k][2]:
                    leap = self.months[k][1]
            rows.append((year, start, leap, lengths))
        years = [r[0] for r in rows]
        if years != list(range(FIRST_LUNAR_YEAR, LAST_LUNAR_YEAR + 1)):
            raise RuntimeError(f"lunar years computed: {years[:3]}..{years[-3:]}")
        return rows

    def qingming(self) -> list[tuple[int, datetime.date]]:
        """(year, Beijing date of longitude 15°) for 1901..2100."""
        rows = []
        for when, lon in self.terms:
            day = beijing_date(when)
            if lon == 15 and FIRST_QINGMING_YEAR <= day.year <= LAST_QINGMING_YEAR:
                rows.append((day.year, day))
                if abs(minutes_from_beijing_midnight(when)) < SENSITIVE_MINUTES:
                    self.sensitive.append(f"qingming {day.year}: {ephem.Date(when)} UT "
                                          f"({minutes_from_beijing_midnight(when):+.1f} min from Beijing midnight)")
        return rows

    def report_sensitive(self) -> None:
        """Collect the near-midnight new moons and principal terms in the lunar range."""
        lo = datetime.date(FIRST_LUNAR_YEAR, 1, 1)
        hi = datetime.date(LAST_LUNAR_YEAR + 1, 2, 28)
        for when in self.moons:
            offset = minutes_from_beijing_midnight(when)
            if abs(offset) < SENSITIVE_MINUTES and lo <= beijing_date(when) <= hi:
                self.sensitive.append(f"new moon {ephem.Date(when)} UT ({offset:+.1f} min from Beijing midnight,"
                                      f" PyEphem delta-T {ephem.delta_t(when):.0f} s)"
                                      f" -> month starts {beijing_date(when)}")
        for when, lon in self.terms:
            offset = minutes_from_beijing_midnight(when)
            if lon % 30 == 0 and abs(offset) < SENSITIVE_MINUTES and lo <= beijing_date(when) <= hi:
                term_day = beijing_date(when)
                moon_day = any(abs((d - term_day).days) <= 1 for d in self.moon_dates)
                if moon_day:
                    self.sensitive.append(f"principal term {lon} deg {ephem.Date(when)} UT ({offset:+.1f} min from"
                                          f" Beijing midnight), next to a month start")


def main() -> int:
    root = pathlib.Path(__file__).resolve().parents[2]
    out_dir = root / "schemas" / "calendar"
    cal = AstroCalendar()

    lines = ["lunar_year\tnew_year_date\tleap_month\tmonth_lengths"]
    for year, start, leap, lengths in cal.lunar_years():
        lines.append(f"{year}\t{start.isoformat()}\t{leap}\t{','.join(map(str, lengths))}")
    (out_dir / "lunar_years_astro.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    lines = ["year\tdate"]
    for year, day in cal.qingming():
        lines.append(f"{year}\t{day.isoformat()}")
    (out_dir / "qingming.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    cal.report_sensitive()
    for line in cal.sensitive:
        print("sensitive:", line, file=sys.stderr)
    print(f"wrote {out_dir / 'lunar_years_astro.tsv'} and {out_dir / 'qingming.tsv'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
