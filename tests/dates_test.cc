// Tests of the dates normaliser: the calendar arithmetic (days, weekdays, ISO
// weeks, leap years, month ends, quarter/half/week/season/fiscal periods,
// parts and year shifts) and relative dates resolved through the whole
// pipeline across year and month boundaries.
#include "extractor/claimex.h"
#include "extractor/normalise/dates_calendar.h"

#include <catch2/catch.hpp>

using namespace claimex::normalise;

namespace {

int64_t D(int y, int m, int d) { return cal::days_from_civil(y, m, d); }
std::string S(int64_t days) { return cal::iso(days); }

}  // namespace

TEST_CASE("days from civil and back", "[dates][calendar]") {
    CHECK(D(1970, 1, 1) == 0);
    CHECK(D(1970, 1, 2) == 1);
    CHECK(D(1969, 12, 31) == -1);
    CHECK(D(2000, 3, 1) - D(2000, 2, 28) == 2);  // 2000 is a leap year
    CHECK(D(1900, 3, 1) - D(1900, 2, 28) == 1);  // 1900 is not
    CHECK(D(2024, 8, 26) == 19961);
    // Every day from 1600 to 2400 follows the one before it.
    cal::Ymd prev = cal::civil_from_days(D(1600, 1, 1));
    for (int64_t d = D(1600, 1, 1) + 1; d <= D(2400, 12, 31); ++d) {
        cal::Ymd c = cal::civil_from_days(d);
        bool next_day = c.y == prev.y && c.m == prev.m && c.d == prev.d + 1;
        bool next_month = c.y == prev.y && c.m == prev.m + 1 && c.d == 1 && prev.d == cal::month_length(prev.y, prev.m);
        bool next_year = c.y == prev.y + 1 && c.m == 1 && c.d == 1 && prev.m == 12 && prev.d == 31;
        if (!(next_day || next_month || next_year)) FAIL("day after " << S(d - 1) << " is " << S(d));
        if (D(c.y, c.m, c.d) != d) FAIL("round trip of " << S(d));
        prev = c;
    }
}

TEST_CASE("leap years and month lengths", "[dates][calendar]") {
    CHECK(cal::is_leap(2024));
    CHECK(cal::is_leap(2000));
    CHECK_FALSE(cal::is_leap(1900));
    CHECK_FALSE(cal::is_leap(2100));
    CHECK_FALSE(cal::is_leap(2023));
    CHECK(cal::month_length(2024, 2) == 29);
    CHECK(cal::month_length(2023, 2) == 28);
    CHECK(cal::month_length(2023, 4) == 30);
    CHECK(cal::month_length(2023, 12) == 31);
}

TEST_CASE("weekdays and ISO weeks", "[dates][calendar]") {
    CHECK(cal::weekday(D(1970, 1, 1)) == 4);  // Thursday
    CHECK(cal::weekday(D(2024, 8, 26)) == 1);  // Monday
    CHECK(cal::weekday(D(2000, 1, 1)) == 6);   // Saturday
    CHECK(cal::weekday(D(1969, 12, 28)) == 7); // Sunday, before the epoch
    auto wk = [](int y, int m, int d) {
        cal::IsoWeek w = cal::iso_week(D(y, m, d));
        return std::make_pair(w.year, w.week);
    };
    CHECK(wk(2024, 8, 26) == std::make_pair(2024, 35));
    CHECK(wk(2021, 1, 3) == std::make_pair(2020, 53));   // Sunday of 2020's week 53
    CHECK(wk(2024, 12, 30) == std::make_pair(2025, 1));  // Monday of 2025's week 1
    CHECK(wk(2026, 1, 1) == std::make_pair(2026, 1));    // a Thursday
    CHECK(wk(2027, 1, 1) == std::make_pair(2026, 53));   // a Friday
    CHECK(S(cal::iso_week_monday(2025, 1)) == "2024-12-30");
    cal::Period w = cal::week(2024, 35);
    CHECK(w.timex == "2024-W35");
    CHECK(S(w.from) == "2024-08-26");
    CHECK(S(w.to) == "2024-09-01");
    cal::Period we = cal::weekend_of_week(2024, 34);
    CHECK(we.timex == "2024-W34-WE");
    CHECK(S(we.from) == "2024-08-24");
    CHECK(S(we.to) == "2024-08-25");
}

TEST_CASE("month arithmetic clamps to month ends", "[dates][calendar]") {
    CHECK(S(cal::add_months(D(2024, 1, 31), 1)) == "2024-02-29");
    CHECK(S(cal::add_months(D(2023, 1, 31), 1)) == "2023-02-28");
    CHECK(S(cal::add_months(D(2024, 3, 31), -1)) == "2024-02-29");
    CHECK(S(cal::add_months(D(2024, 1, 15), -13)) == "2022-12-15");
    CHECK(S(cal::add_years(D(2024, 2, 29), 1)) == "2025-02-28");
    CHECK(S(cal::add_years(D(2024, 2, 29), -4)) == "2020-02-29");
}

TEST_CASE("ISO date parsing", "[dates][calendar]") {
    CHECK(cal::parse_iso("2024-08-26") == D(2024, 8, 26));
    CHECK(cal::parse_iso("2024-02-29T10:00:00Z") == D(2024, 2, 29));
    CHECK_FALSE(cal::parse_iso("2023-02-29"));
    CHECK_FALSE(cal::parse_iso("2024-13-01"));
    CHECK_FALSE(cal::parse_iso("2024-8-26"));
    CHECK_FALSE(cal::parse_iso(""));
}

TEST_CASE("calendar periods", "[dates][calendar]") {
    auto check = [](const cal::Period& p, const char* timex, const char* from, const char* to) {
        CHECK(p.timex == timex);
        CHECK(S(p.from) == from);
        CHECK(S(p.to) == to);
    };
    check(cal::year(2024), "2024", "2024-01-01", "2024-12-31");
    check(cal::month(2024, 2), "2024-02", "2024-02-01", "2024-02-29");
    check(cal::month(2023, 2), "2023-02", "2023-02-01", "2023-02-28");
    check(cal::quarter(2024, 1), "2024-Q1", "2024-01-01", "2024-03-31");
    check(cal::quarter(2024, 3), "2024-Q3", "2024-07-01", "2024-09-30");
    check(cal::quarter(2023, 4), "2023-Q4", "2023-10-01", "2023-12-31");
    check(cal::half(2024, 1), "2024-H1", "2024-01-01", "2024-06-30");
    check(cal::half(2024, 2), "2024-H2", "2024-07-01", "2024-12-31");
    check(cal::decade(1990), "199X", "1990-01-01", "1999-12-31");
    check(cal::decade(2024), "202X", "2020-01-01", "2029-12-31");
    check(cal::season(2024, "SU"), "2024-SU", "2024-06-01", "2024-08-31");
    check(cal::season(2023, "WI"), "2023-WI", "2023-12-01", "2024-02-29");
    check(cal::season(2024, "SP"), "2024-SP", "2024-03-01", "2024-05-31");
    check(cal::fiscal_year(2024, 1), "FY2024", "2024-01-01", "2024-12-31");
    check(cal::fiscal_year(2024, 4), "FY2024", "2023-04-01", "2024-03-31");
    check(cal::fiscal_year(2025, 10), "FY2025", "2024-10-01", "2025-09-30");
    check(cal::fiscal_quarter(2025, 3, 4), "FY2025-Q3", "2024-10-01", "2024-12-31");
    check(cal::fiscal_quarter(2025, 4, 4), "FY2025-Q4", "2025-01-01", "2025-03-31");
    check(cal::fiscal_half(2024, 2, 7), "FY2024-H2", "2024-01-01", "2024-06-30");
}

TEST_CASE("windows of months take the calendar value when they are one", "[dates][calendar]") {
    auto mi = cal::month_index;
    CHECK(cal::months_window(mi(2024, 4), mi(2024, 6)).timex == "2024-Q2");
    CHECK(cal::months_window(mi(2024, 1), mi(2024, 6)).timex == "2024-H1");
    CHECK(cal::months_window(mi(2023, 1), mi(2023, 12)).timex == "2023");
    CHECK(cal::months_window(mi(2023, 4), mi(2024, 3)).timex == "P1Y");
    CHECK(cal::months_window(mi(2024, 2), mi(2024, 4)).timex == "P3M");
    cal::Period p = cal::months_window(mi(2023, 11), mi(2024, 1));
    CHECK(p.timex == "P3M");
    CHECK(S(p.from) == "2023-11-01");
    CHECK(S(p.to) == "2024-01-31");
}

TEST_CASE("periods relative to a day cross year boundaries", "[dates][calendar]") {
    int64_t jan3 = D(2024, 1, 3);
    CHECK(cal::unit_period('Q', jan3, -1)->timex == "2023-Q4");
    CHECK(cal::unit_period('Q', jan3, 0)->timex == "2024-Q1");
    CHECK(cal::unit_period('H', jan3, -1)->timex == "2023-H2");
    CHECK(cal::unit_period('M', jan3, -1)->timex == "2023-12");
    CHECK(cal::unit_period('M', jan3, -13)->timex == "2022-12");
    CHECK(cal::unit_period('Y', jan3, -1)->timex == "2023");
    CHECK(cal::unit_period('D', jan3, -3)->timex == "2023-12-31");
    CHECK(cal::unit_period('X', jan3, 0)->timex == "202X");
    cal::Period lw = *cal::unit_period('W', jan3, -1);
    CHECK(lw.timex == "2023-W52");
    CHECK(S(lw.from) == "2023-12-25");
    CHECK(S(lw.to) == "2023-12-31");
    CHECK(cal::unit_period('W', D(2024, 12, 31), 0)->timex == "2025-W01");
    CHECK(cal::unit_period('H', D(2024, 8, 26), 1)->timex == "2025-H1");
    CHECK_FALSE(cal::unit_period('Z', jan3, 0));
}

TEST_CASE("parts of periods", "[dates][calendar]") {
    cal::Period y = cal::year(2024);
    cal::apply_part(y, cal::Part::start, 0);
    CHECK(S(y.from) == "2024-01-01");
    CHECK(S(y.to) == "2024-04-30");
    y = cal::year(2024);
    cal::apply_part(y, cal::Part::mid, 0);
    CHECK(S(y.from) == "2024-05-01");
    CHECK(S(y.to) == "2024-08-31");
    y = cal::year(2024);
    cal::apply_part(y, cal::Part::end, 0);
    CHECK(S(y.from) == "2024-09-01");
    CHECK(S(y.to) == "2024-12-31");
    cal::Period m = cal::month(2024, 2);
    cal::apply_part(m, cal::Part::end, 0);
    CHECK(S(m.from) == "2024-02-19");
    CHECK(S(m.to) == "2024-02-29");
    m = cal::month(2024, 8);
    cal::apply_part(m, cal::Part::earlier, D(2024, 8, 26));
    CHECK(S(m.from) == "2024-08-01");
    CHECK(S(m.to) == "2024-08-26");
    m = cal::month(2024, 8);
    cal::apply_part(m, cal::Part::later, D(2024, 7, 1));  // reference outside: unchanged
    CHECK(S(m.from) == "2024-08-01");
    cal::Period d = cal::day(D(2024, 8, 26));
    cal::apply_part(d, cal::Part::end, 0);  // a day has no thirds
    CHECK(S(d.from) == "2024-08-26");
}

TEST_CASE("moving periods by whole years", "[dates][calendar]") {
    CHECK(cal::timex_year("2024-H1") == 2024);
    CHECK(cal::timex_year("FY2025-Q3") == 2025);
    CHECK(cal::timex_year("2024") == 2024);
    CHECK_FALSE(cal::timex_year("P3M"));
    CHECK_FALSE(cal::timex_year("199X"));
    cal::Period h = cal::shift_years(cal::half(2024, 1), -1);
    CHECK(h.timex == "2023-H1");
    CHECK(S(h.to) == "2023-06-30");
    cal::Period feb = cal::shift_years(cal::month(2023, 2), 1);
    CHECK(feb.timex == "2024-02");
    CHECK(S(feb.to) == "2024-02-29");  // the month end stays the month end
    cal::Period leap = cal::shift_years(cal::day(D(2024, 2, 29)), -1);
    CHECK(leap.timex == "2023-02-28");
    cal::Period w = cal::shift_years(cal::week(2024, 35), -1);
    CHECK(w.timex == "2023-W35");
    CHECK(S(w.from) == "2023-08-28");
    cal::Period fy = cal::shift_years(cal::fiscal_year(2024, 4), -1);
    CHECK(fy.timex == "FY2023");
    CHECK(S(fy.from) == "2022-04-01");
    cal::Period dur{"P3M", D(2024, 5, 27), D(2024, 8, 26)};
    cal::Period moved = cal::shift_years(dur, -1);
    CHECK(moved.timex == "P3M");
    CHECK(S(moved.from) == "2023-05-27");
    CHECK(S(moved.to) == "2023-08-26");
}

// Relative dates through the whole pipeline (rules in rules/dates/).
namespace {

struct Got {
    std::string text, value, from, to, note;
    bool relative = false;
};

std::vector<Got> dates_of(const std::string& text, const std::string& published) {
    static const claimex::Extractor ex(claimex::default_rules_dir());
    claimex::document::Document doc;
    doc.text = text;
    claimex::Record r = ex.extract(doc, published);
    std::vector<Got> out;
    for (const auto& m : r.mentions)
        if (m.type == Type::date)
            out.push_back({std::string(r.text.original_slice(m.span)), m.timex, m.from, m.to, m.note, m.relative});
    return out;
}

Got one(const std::string& text, const std::string& published) {
    auto all = dates_of(text, published);
    REQUIRE(all.size() == 1);
    return all[0];
}

}  // namespace

TEST_CASE("relative dates resolve across year boundaries", "[dates][relative]") {
    // 2024-01-03 is a Wednesday.
    CHECK(one("Revenue fell last quarter.", "2024-01-03").value == "2023-Q4");
    CHECK(one("Exports fell last week.", "2024-01-03").value == "2023-W52");
    CHECK(one("Prices rose last month.", "2024-01-03").value == "2023-12");
    CHECK(one("The firm said on Monday it would sell.", "2024-01-03").value == "2024-01-01");
    CHECK(one("The firm said on Friday it would sell.", "2024-01-03").value == "2023-12-29");
    CHECK(one("The board will meet on Friday.", "2024-01-03").value == "2024-01-05");
    CHECK(one("Shoppers spent more in December.", "2024-01-03").value == "2023-12");
    CHECK(one("Sales rose in the fourth quarter.", "2024-01-03").value == "2023-Q4");
    CHECK(one("Sales rose 5% yesterday.", "2024-03-01").value == "2024-02-29");
    CHECK(one("Sales will rise tomorrow.", "2023-12-31").value == "2024-01-01");
    Got past = one("Shares fell 12% over the past three months.", "2024-03-31");
    CHECK(past.value == "P3M");
    CHECK(past.from == "2024-01-01");
    CHECK(past.to == "2024-03-31");
    CHECK(past.relative);
}

TEST_CASE("relative dates without a publication date say why", "[dates][relative]") {
    Got g = one("Prices rose last month.", "");
    CHECK(g.value.empty());
    CHECK(g.from.empty());
    CHECK(g.note == "relative date: the document has no publication date");
    CHECK(g.relative);
    Got abs = one("Prices rose in October 2022.", "");
    CHECK(abs.value == "2022-10");
    CHECK(abs.note.empty());
    CHECK_FALSE(abs.relative);
}

TEST_CASE("anaphoric dates take the period mentioned before them", "[dates][relative]") {
    auto all = dates_of("Spending in the first half of the year was 50 billion yuan, against 23 billion yuan "
                        "for the same period in 2023.",
                        "2024-08-26");
    REQUIRE(all.size() == 2);
    CHECK(all[1].text == "the same period in 2023");
    CHECK(all[1].value == "2023-H1");
    CHECK(all[1].to == "2023-06-30");
    // In another paragraph, "the same period" has nothing to refer to.
    all = dates_of("Spending in the first half of the year rose.\nIt fell in the same period in 2023.", "2024-08-26");
    REQUIRE(all.size() == 2);
    CHECK(all[1].value == "2023");
    CHECK_FALSE(all[1].note.empty());
}

TEST_CASE("a comparison's month is no antecedent of the next sentence's 'a year earlier'", "[dates][relative]") {
    // "from 4.3% in October" dates the figure compared with; "a year earlier" in the next
    // sentence counts back from the report's month (the lead's November), not from October.
    auto all = dates_of("Employers added 118,000 jobs in November, the Labor Department said. The jobless rate rose "
                        "to 4.4% from 4.3% in October. Earnings were up 3.7% from a year earlier.",
                        "2024-12-06");
    REQUIRE(all.size() == 3);
    CHECK(all[2].text == "a year earlier");
    CHECK(all[2].value == "2023-11");
    // A period stated for the figure itself still is one: "in October" after "rose to 4.4%".
    all = dates_of("The jobless rate rose to 4.4% in October. A year earlier it was 3.9%.", "2024-12-06");
    REQUIRE(all.size() == 2);
    CHECK(all[1].value == "2023-10");
}

TEST_CASE("a window of weeks or days ending on a weekday counts back from that day", "[dates][relative]") {
    // (session 20) "the week to Thursday" is the seven days up to the last Thursday, not the Thursday.
    // 2026-10-22 is a Thursday; 2026-10-26 a Monday.
    auto all = dates_of("Reserves rose by $4 billion in the week to Thursday.", "2026-10-22");
    REQUIRE(all.size() == 1);
    CHECK(all[0].text == "the week to Thursday");
    CHECK(all[0].value == "P1W");
    CHECK(all[0].from == "2026-10-16");
    CHECK(all[0].to == "2026-10-22");
    all = dates_of("Fund inflows reached $3 billion in the two weeks to Wednesday.", "2026-10-26");
    REQUIRE(all.size() == 1);
    CHECK(all[0].value == "P2W");
    CHECK(all[0].from == "2026-10-08");
    CHECK(all[0].to == "2026-10-21");
}
