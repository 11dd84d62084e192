// Calendar arithmetic for the dates normaliser: proleptic Gregorian days
// counted from 1970-01-01, ISO weekdays and weeks, and the calendar periods
// (year, half, quarter, month, week, season, fiscal year, decade) with their
// TIMEX3 values and inclusive first/last days.
//
// Plain integer arithmetic, no ICU and no allocation except the TIMEX3
// strings: the dates normaliser runs this per mention.
//
//   int64_t d = cal::days_from_civil(2024, 8, 26);   // a Monday
//   cal::weekday(d) == 1;  cal::iso_week(d).week == 35;
//   cal::Period q = cal::quarter(2024, 3);           // "2024-Q3", 07-01..09-30
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace claimex::normalise::cal {

struct Ymd {
    int y = 1970, m = 1, d = 1;
    friend bool operator==(Ymd, Ymd) = default;
};

bool is_leap(int y);
int month_length(int y, int m);                 // 28..31
int64_t days_from_civil(int y, int m, int d);   // 1970-01-01 → 0
Ymd civil_from_days(int64_t days);
int weekday(int64_t days);                      // ISO: 1 Monday .. 7 Sunday

struct IsoWeek {
    int year = 0, week = 0;                     // the ISO week-numbering year
};
IsoWeek iso_week(int64_t days);
int64_t iso_week_monday(int year, int week);

// A month index that counts months across years: y*12 + (m-1).
inline int64_t month_index(int y, int m) { return static_cast<int64_t>(y) * 12 + (m - 1); }
// Adds months to a date; the day is clamped to the target month's length
// (Jan 31 + 1 month → Feb 29 in a leap year).
int64_t add_months(int64_t days, int months);
int64_t add_years(int64_t days, int years);

std::string iso(int64_t days);                  // "2024-08-26"
// "YYYY-MM-DD" (anything may follow) → days; nullopt when not a valid date.
std::optional<int64_t> parse_iso(std::string_view s);

// A resolved period: its TIMEX3 value and inclusive first and last day.
struct Period {
    std::string timex;
    int64_t from = 0, to = 0;
};

Period day(int64_t days);
Period year(int y);
Period month(int y, int m);
Period quarter(int y, int q);                   // q 1..4
Period half(int y, int h);                      // h 1..2
Period week(int iso_year, int week);
Period week_of(int64_t days);
Period weekend_of_week(int iso_year, int week); // Saturday and Sunday, "2024-W34-WE"
Period decade(int first_year);                  // 1990 → "199X"
// Seasons: "SP", "SU", "FA", "WI", meteorological (northern hemisphere):
// spring Mar–May, summer Jun–Aug, autumn Sep–Nov, winter Dec of y – Feb of y+1.
Period season(int y, std::string_view code);
// Western (Gregorian) Easter Sunday of year y, as days since 1970-01-01.
int64_t easter(int y);
// Fiscal year named by the calendar year it ends in ("FY2024"), starting in
// start_month (1 = the calendar year, 4 = April 2023 – March 2024).
Period fiscal_year(int end_year, int start_month);
Period fiscal_quarter(int end_year, int q, int start_month);  // "FY2024-Q3"
Period fiscal_half(int end_year, int h, int start_month);     // "FY2024-H1"
// Months [first, last] (month indices, see month_index): the calendar value
// when they make up exactly one quarter, half or year, else a duration
// "P<n>M" (or "P<n>Y" for whole years) with the range.
Period months_window(int64_t first_month, int64_t last_month);

// The period of a unit containing a day, moved by n units. Units: 'D' day,
// 'W' ISO week, 'E' weekend (of the ISO week), 'M' month, 'Q' quarter,
// 'H' half, 'Y' year, 'X' decade.
std::optional<Period> unit_period(char unit, int64_t days, int n);

// Narrows a period to part of it: thirds for START / MID / END (by whole
// months when the period is whole months and a multiple of three, else by
// days), or the part before / after the reference day (EARLIER / LATER).
enum class Part { none, start, mid, end, earlier, later };
void apply_part(Period& p, Part part, int64_t reference);

// The calendar parts of a TIMEX3 value this module writes, to move a period
// by whole years (the anaphoric "the same period in 2023"): the year it
// names (nullopt for durations and other values).
std::optional<int> timex_year(std::string_view timex);
// The value of a period moved by whole years: the year digits rewritten and
// from/to moved (ISO weeks are recomputed as the same week number).
Period shift_years(const Period& p, int years);

// The grain of a TIMEX3 value this module writes: 'D' day, 'W' week, 'M'
// month, 'Q' quarter, 'H' half, 'Y' year, 'S' season, 'F' fiscal period,
// 'X' decade, 'P' anything else (durations).
char grain_of(std::string_view timex);
// A period moved by n units (unit codes as unit_period: D W M Q H Y X):
// calendar periods become the period of the same grain that holds the moved
// first day ("June" one month back is "May", "2024-04-02" a week on is
// "2024-04-09"); other values keep their value and move from/to.
Period shift_by(const Period& p, char unit, int n);

}  // namespace claimex::normalise::cal
