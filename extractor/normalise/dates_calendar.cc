// Calendar arithmetic (see dates_calendar.h): days are counted from
// 1970-01-01 through the number of days before each year, which follows
// from the Gregorian leap rule; everything else is built on that.
#include "extractor/normalise/dates_calendar.h"

#include <array>
#include <fmt/format.h>

namespace claimex::normalise::cal {

namespace {

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
int64_t floor_mod(int64_t a, int64_t b) { return a - floor_div(a, b) * b; }

// Days from 0001-01-01 to y-01-01.
int64_t days_before_year(int64_t y) {
    int64_t p = y - 1;
    return p * 365 + floor_div(p, 4) - floor_div(p, 100) + floor_div(p, 400);
}

const int64_t kEpoch = days_before_year(1970);

// Days before the first of each month in a common year.
constexpr std::array<int, 12> kBeforeMonth = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

int64_t month_first(int64_t mi) { return days_from_civil(static_cast<int>(floor_div(mi, 12)), static_cast<int>(floor_mod(mi, 12)) + 1, 1); }
int64_t month_last(int64_t mi) {
    int y = static_cast<int>(floor_div(mi, 12)), m = static_cast<int>(floor_mod(mi, 12)) + 1;
    return days_from_civil(y, m, month_length(y, m));
}

bool is_month_end(int64_t days) {
    Ymd d = civil_from_days(days);
    return d.d == month_length(d.y, d.m);
}

}  // namespace

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int month_length(int y, int m) {
    static constexpr std::array<int, 12> kLen = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kLen[(m - 1) % 12];
}

int64_t days_from_civil(int y, int m, int d) {
    return days_before_year(y) - kEpoch + kBeforeMonth[m - 1] + (m > 2 && is_leap(y) ? 1 : 0) + (d - 1);
}

Ymd civil_from_days(int64_t days) {
    int64_t n = days + kEpoch;  // days since 0001-01-01
    // An estimate from the mean Gregorian year, then corrected: at most a
    // step either way.
    // (Per date mention, several times: one count of the days before a
    // year, the next year's start by its length.)
    int64_t y = 1 + floor_div(n * 400, 146097);
    int64_t start = days_before_year(y);
    while (start > n) start = days_before_year(--y);
    for (int64_t next; (next = start + (is_leap(static_cast<int>(y)) ? 366 : 365)) <= n; ++y) start = next;
    int doy = static_cast<int>(n - start);
    int yy = static_cast<int>(y);
    int leap = is_leap(yy) ? 1 : 0;
    auto first = [&](int m) { return kBeforeMonth[m - 1] + (m > 2 ? leap : 0); };  // day of year of m's 1st
    // A month starts at most 31 days a month into the year: doy / 31 + 1 is
    // the month or one before it.
    int m = doy / 31 + 1;
    while (m < 12 && doy >= first(m + 1)) ++m;
    int d = doy - first(m) + 1;
    return {yy, m, d};
}

int weekday(int64_t days) { return static_cast<int>(floor_mod(days + 3, 7)) + 1; }  // 1970-01-01: Thursday

IsoWeek iso_week(int64_t days) {
    // The ISO week belongs to the year of its Thursday.
    int64_t thursday = days - (weekday(days) - 1) + 3;
    int y = civil_from_days(thursday).y;
    return {y, static_cast<int>((thursday - days_from_civil(y, 1, 1)) / 7) + 1};
}

int64_t iso_week_monday(int year, int week) {
    int64_t jan4 = days_from_civil(year, 1, 4);  // always in week 1
    return jan4 - (weekday(jan4) - 1) + static_cast<int64_t>(week - 1) * 7;
}

int64_t add_months(int64_t days, int months) {
    Ymd d = civil_from_days(days);
    int64_t mi = month_index(d.y, d.m) + months;
    int y = static_cast<int>(floor_div(mi, 12)), m = static_cast<int>(floor_mod(mi, 12)) + 1;
    return days_from_civil(y, m, std::min(d.d, month_length(y, m)));
}

int64_t add_years(int64_t days, int years) { return add_months(days, years * 12); }

std::string iso(int64_t days) {
    Ymd d = civil_from_days(days);
    if (d.y < 0 || d.y > 9999) return fmt::format("{:04d}-{:02d}-{:02d}", d.y, d.m, d.d);
    // Per mention, twice: written by hand (fits the small-string buffer).
    char b[10] = {static_cast<char>('0' + d.y / 1000), static_cast<char>('0' + d.y / 100 % 10),
                  static_cast<char>('0' + d.y / 10 % 10), static_cast<char>('0' + d.y % 10), '-',
                  static_cast<char>('0' + d.m / 10), static_cast<char>('0' + d.m % 10), '-',
                  static_cast<char>('0' + d.d / 10), static_cast<char>('0' + d.d % 10)};
    return std::string(b, sizeof b);
}

std::optional<int64_t> parse_iso(std::string_view s) {
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto num = [&](size_t at, size_t n) -> int {
        int v = 0;
        for (size_t i = at; i < at + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return -1;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    int y = num(0, 4), m = num(5, 2), d = num(8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > month_length(y, m)) return std::nullopt;
    return days_from_civil(y, m, d);
}

Period day(int64_t days) { return {iso(days), days, days}; }

Period year(int y) { return {fmt::format("{:04d}", y), days_from_civil(y, 1, 1), days_from_civil(y, 12, 31)}; }

// "2024-" + a two-character part ("08", "Q3", "H1"), written by hand for
// the common years (many date mentions name a month); fmt for the rest.
namespace {
std::string year_and(int y, char a, char b) {
    if (y < 0 || y > 9999) return fmt::format("{:04d}-{}{}", y, a, b);
    char s[7] = {static_cast<char>('0' + y / 1000), static_cast<char>('0' + y / 100 % 10),
                 static_cast<char>('0' + y / 10 % 10), static_cast<char>('0' + y % 10), '-', a, b};
    return std::string(s, sizeof s);
}
}  // namespace

Period month(int y, int m) {
    std::string label = m >= 1 && m <= 12 ? year_and(y, static_cast<char>('0' + m / 10), static_cast<char>('0' + m % 10))
                                          : fmt::format("{:04d}-{:02d}", y, m);
    return {std::move(label), days_from_civil(y, m, 1), days_from_civil(y, m, month_length(y, m))};
}

Period quarter(int y, int q) {
    int m = (q - 1) * 3 + 1;
    std::string label = q >= 1 && q <= 9 ? year_and(y, 'Q', static_cast<char>('0' + q)) : fmt::format("{:04d}-Q{}", y, q);
    return {std::move(label), days_from_civil(y, m, 1), month_last(month_index(y, m + 2))};
}

Period half(int y, int h) {
    int m = (h - 1) * 6 + 1;
    std::string label = h >= 1 && h <= 9 ? year_and(y, 'H', static_cast<char>('0' + h)) : fmt::format("{:04d}-H{}", y, h);
    return {std::move(label), days_from_civil(y, m, 1), month_last(month_index(y, m + 5))};
}

Period week(int iso_year, int wk) {
    int64_t monday = iso_week_monday(iso_year, wk);
    IsoWeek w = iso_week(monday);  // normalises week 53 of a 52-week year
    return {fmt::format("{:04d}-W{:02d}", w.year, w.week), monday, monday + 6};
}

Period week_of(int64_t days) {
    IsoWeek w = iso_week(days);
    return week(w.year, w.week);
}

Period weekend_of_week(int iso_year, int wk) {
    Period p = week(iso_year, wk);
    p.timex += "-WE";
    p.from += 5;
    return p;
}

Period decade(int first_year) {
    int d = static_cast<int>(floor_div(first_year, 10)) * 10;
    return {fmt::format("{:03d}X", d / 10), days_from_civil(d, 1, 1), days_from_civil(d + 9, 12, 31)};
}

Period season(int y, std::string_view code) {
    int first = code == "SP" ? 3 : code == "SU" ? 6 : code == "FA" ? 9 : 12;
    int64_t mi = month_index(y, first);
    return {fmt::format("{:04d}-{}", y, code), month_first(mi), month_last(mi + 2)};
}

// The anonymous Gregorian computus (Meeus/Jones/Butcher).
int64_t easter(int y) {
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return days_from_civil(y, month, day);
}

Period fiscal_year(int end_year, int start_month) {
    int64_t first = start_month <= 1 ? month_index(end_year, 1) : month_index(end_year - 1, start_month);
    return {fmt::format("FY{:04d}", end_year), month_first(first), month_last(first + 11)};
}

Period fiscal_quarter(int end_year, int q, int start_month) {
    Period fy = fiscal_year(end_year, start_month);
    Ymd s = civil_from_days(fy.from);
    int64_t first = month_index(s.y, s.m) + (q - 1) * 3;
    return {fmt::format("FY{:04d}-Q{}", end_year, q), month_first(first), month_last(first + 2)};
}

Period fiscal_half(int end_year, int h, int start_month) {
    Period fy = fiscal_year(end_year, start_month);
    Ymd s = civil_from_days(fy.from);
    int64_t first = month_index(s.y, s.m) + (h - 1) * 6;
    return {fmt::format("FY{:04d}-H{}", end_year, h), month_first(first), month_last(first + 5)};
}

Period months_window(int64_t first_month, int64_t last_month) {
    int64_t n = last_month - first_month + 1;
    int y = static_cast<int>(floor_div(first_month, 12)), m = static_cast<int>(floor_mod(first_month, 12)) + 1;
    Period p;
    if (n == 3 && (m - 1) % 3 == 0)
        p = quarter(y, (m - 1) / 3 + 1);
    else if (n == 6 && (m == 1 || m == 7))
        p = half(y, m == 1 ? 1 : 2);
    else if (n == 12 && m == 1)
        p = year(y);
    else if (n > 0 && n % 12 == 0)
        p.timex = fmt::format("P{}Y", n / 12);
    else
        p.timex = fmt::format("P{}M", n);
    p.from = month_first(first_month);
    p.to = month_last(last_month);
    return p;
}

std::optional<Period> unit_period(char unit, int64_t days, int n) {
    Ymd d = civil_from_days(days);
    switch (unit) {
        case 'D': return day(days + n);
        case 'W': return week_of(days - (weekday(days) - 1) + 7 * static_cast<int64_t>(n));
        case 'E': {
            IsoWeek w = iso_week(days - (weekday(days) - 1) + 7 * static_cast<int64_t>(n));
            return weekend_of_week(w.year, w.week);
        }
        case 'M': {
            int64_t mi = month_index(d.y, d.m) + n;
            return month(static_cast<int>(floor_div(mi, 12)), static_cast<int>(floor_mod(mi, 12)) + 1);
        }
        case 'Q': {
            int64_t qi = static_cast<int64_t>(d.y) * 4 + (d.m - 1) / 3 + n;
            return quarter(static_cast<int>(floor_div(qi, 4)), static_cast<int>(floor_mod(qi, 4)) + 1);
        }
        case 'H': {
            int64_t hi = static_cast<int64_t>(d.y) * 2 + (d.m - 1) / 6 + n;
            return half(static_cast<int>(floor_div(hi, 2)), static_cast<int>(floor_mod(hi, 2)) + 1);
        }
        case 'Y': return year(d.y + n);
        case 'X': return decade(static_cast<int>(floor_div(d.y, 10)) * 10 + 10 * n);
        default: return std::nullopt;
    }
}

void apply_part(Period& p, Part part, int64_t reference) {
    switch (part) {
        case Part::none: return;
        case Part::earlier:
            if (reference >= p.from && reference <= p.to) p.to = reference;
            return;
        case Part::later:
            if (reference >= p.from && reference <= p.to) p.from = reference;
            return;
        default: break;
    }
    Ymd a = civil_from_days(p.from), b = civil_from_days(p.to);
    int64_t months = month_index(b.y, b.m) - month_index(a.y, a.m) + 1;
    int which = part == Part::start ? 0 : part == Part::mid ? 1 : 2;
    if (a.d == 1 && is_month_end(p.to) && months >= 3 && months % 3 == 0) {
        int64_t k = months / 3, first = month_index(a.y, a.m) + which * k;
        p.from = month_first(first);
        p.to = month_last(first + k - 1);
        return;
    }
    int64_t len = p.to - p.from + 1, k = len / 3;
    if (k == 0) return;
    int64_t from = p.from + which * k;
    p.to = which == 2 ? p.to : from + k - 1;
    p.from = from;
}

std::optional<int> timex_year(std::string_view t) {
    if (t.substr(0, 2) == "FY") t.remove_prefix(2);
    if (t.size() < 4) return std::nullopt;
    int y = 0;
    for (size_t i = 0; i < 4; ++i) {
        if (t[i] < '0' || t[i] > '9') return std::nullopt;
        y = y * 10 + (t[i] - '0');
    }
    if (t.size() > 4 && t[4] != '-') return std::nullopt;
    return y;
}

Period shift_years(const Period& p, int years) {
    Period out = p;
    std::string_view t = p.timex;
    size_t at = t.substr(0, 2) == "FY" ? 2 : 0;
    if (auto y = timex_year(t)) {
        out.timex.replace(at, 4, fmt::format("{:04d}", *y + years));
        // ISO weeks move by week number, not by date.
        if (t.size() >= at + 8 && t[at + 5] == 'W') {
            int wk = (t[at + 6] - '0') * 10 + (t[at + 7] - '0');
            Period w = week(*y + years, wk);
            out.from = w.from + (p.from - iso_week_monday(*y, wk));
            out.to = w.from + (p.to - iso_week_monday(*y, wk));
            return out;
        }
    }
    out.from = add_years(p.from, years);
    Ymd to = civil_from_days(p.to);
    out.to = is_month_end(p.to) && p.from != p.to ? month_last(month_index(to.y + years, to.m)) : add_years(p.to, years);
    // A day is written from its date again (2024-02-29 → 2023-02-28).
    if (t.size() == 10 && t[4] == '-' && t[7] == '-') out.timex = iso(out.from);
    return out;
}

char grain_of(std::string_view t) {
    if (t.substr(0, 2) == "FY") return 'F';
    if (t.size() == 4 && t[3] == 'X') return 'X';
    if (!timex_year(t)) return 'P';
    if (t.size() == 4) return 'Y';
    if (t.size() == 10 && t[7] == '-') return 'D';
    if (t.size() == 7 && t[5] >= '0' && t[5] <= '9') return 'M';
    if (t.size() == 7 && t[5] == 'Q') return 'Q';
    if (t.size() == 7 && t[5] == 'H') return 'H';
    if (t.size() == 8 && t[5] == 'W') return 'W';
    if (t.size() == 7) return 'S';
    return 'P';
}

Period shift_by(const Period& p, char unit, int n) {
    if (unit == 'Y') return shift_years(p, n);
    if (unit == 'X') return shift_years(p, 10 * n);
    int months = unit == 'M' ? n : unit == 'Q' ? 3 * n : unit == 'H' ? 6 * n : 0;
    int64_t days = unit == 'W' ? 7 * static_cast<int64_t>(n) : unit == 'D' ? n : 0;
    int64_t from = months ? add_months(p.from, months) : p.from + days;
    char g = grain_of(p.timex);
    if (g == 'D' || g == 'W' || g == 'M' || g == 'Q' || g == 'H' || g == 'Y') return *unit_period(g, from, 0);
    Period out = p;
    out.from = from;
    if (months)
        out.to = is_month_end(p.to) ? month_last(month_index(civil_from_days(p.to).y, civil_from_days(p.to).m) + months)
                                    : add_months(p.to, months);
    else
        out.to = p.to + days;
    return out;
}

}  // namespace claimex::normalise::cal
