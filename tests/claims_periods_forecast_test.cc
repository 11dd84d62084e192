// Claim periods on fresh text (session 8, periods9): the forecast window a guidance story's
// opening names, fiscal "target for the full year", elliptical quarters and comparisons' dates.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("the lead's forecast window dates the later forecasts that name none, not a plan's cost") {
    const std::string text =
        "Kirin Seimitsu raises profit outlook\n\n"
        "TOKYO, Nov 11 (Wire) - Kirin Seimitsu Co raised its forecast for the year ending March 2027 on "
        "Wednesday, citing strong demand for chip-making parts from customers in Taiwan.\n\n"
        "The precision machinery maker now expects operating profit of 84 billion yen. Net sales are "
        "projected at 612 billion yen.\n\n"
        "It will cut 300 jobs and will spend 12 billion yen on a new plant.\n";
    auto cs = claims_of(text, "2026-11-12");
    for (const char* f : {"84 billion yen", "612 billion yen"}) {
        const Json* c = claim_at(cs, text, f);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(period(*c) == "FY2027");
    }
    for (const Json& c : cs) {
        INFO(c.dump());
        if (c.value("metric", "") == "employees" || c.value("metric", "") == "capital_expenditure") CHECK(period(c) != "FY2027");
    }
}

TEST_CASE("a date after 'target for' names the target's period, not the figure's") {
    const std::string text =
        "India's fiscal deficit for April-October was Rs 8.2 lakh crore, or 52% of the budgeted target for "
        "the full year, government data showed on Friday.\n";
    auto cs = claims_of(text, "2026-11-30");
    const Json* c = claim_at(cs, text, "Rs 8.2 lakh crore");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "P7M");
}

TEST_CASE("a fronted 'Compared with October last year' is the comparison's date, not the figure's") {
    const std::string text =
        "U.S. retail sales rose 0.2% in October, the Commerce Department said on Friday.\n\n"
        "Compared with October last year, retail sales were up 3.1%.\n";
    auto cs = claims_of(text, "2026-11-12");
    const Json* c = claim_at(cs, text, "3.1%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) != "2025-10");
}

TEST_CASE("what economists had forecast would happen is a forecast for the period now reported") {
    const std::string text =
        "U.S. retail sales rose 0.2% in October, the Commerce Department said on Friday.\n\n"
        "Economists polled by Reuters had forecast sales would rise 0.3%.\n";
    auto cs = claims_of(text, "2026-11-12");
    const Json* c = claim_at(cs, text, "0.3%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2026-10");
}

TEST_CASE("a period fronting its sentence dates every figure of it") {
    const std::string text =
        "China's exports grew 8.1% in October, customs data showed on Friday.\n\n"
        "For the first ten months, exports were up 5.8% and imports rose 2.1%.\n";
    auto cs = claims_of(text, "2026-11-12");
    for (const char* f : {"5.8%", "2.1%"}) {
        const Json* c = claim_at(cs, text, f);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(period(*c) == "P10M");
    }
}

TEST_CASE("'guidance for calendar 2026' is the window of the forecasts after it") {
    const std::string text =
        "PERTH, Nov 10 (Wire) - Kestrel Mining on Monday cut its copper production guidance for calendar 2026, "
        "citing flooding at its main pit in Chile.\n\n"
        "The miner now expects to produce 310,000 tonnes of copper.\n";
    auto cs = claims_of(text, "2026-11-12");
    const Json* c = claim_at(cs, text, "310,000 tonnes");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2026");
}

TEST_CASE("'in the quarter' and 'quarterly' take the quarter named before, not a forecast's year") {
    const std::string text =
        "Larkspur Foods Inc said on Tuesday it expects organic sales to grow about 4% this year, after the "
        "packaged food maker's third-quarter results beat Wall Street estimates.\n\n"
        "Net sales in the quarter rose 3.2% to $4.41 billion. Adjusted earnings were 87 cents a share. "
        "Quarterly operating profit climbed 6% to $612 million.\n";
    auto cs = claims_of(text, "2026-11-12");
    for (const char* f : {"3.2%", "87 cents", "6%"}) {
        const Json* c = claim_at(cs, text, f);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(period(*c) == "2026-Q3");
    }
}

TEST_CASE("the day a result was posted is not its period") {
    const std::string text =
        "Brightwater Utilities posted a net profit of 412 million euros on Wednesday, up 9% from a year "
        "earlier, as higher network tariffs offset weaker power prices.\n";
    auto cs = claims_of(text, "2026-11-12");
    const Json* c = claim_at(cs, text, "412 million euros");
    if (!c) c = claim_at(cs, text, "up");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) != "2026-11-11");
}

TEST_CASE("'in the month' is the release's month, not a forecast's financial year or a revised month") {
    const std::string text =
        "UK borrowing overshoots forecasts\n\n"
        "LONDON, Nov 20 (Wire) - Britain's public sector borrowed 18.2 billion pounds in October, the Office for "
        "National Statistics said on Thursday.\n\n"
        "Borrowing in September was revised to 19.1 billion pounds from 20.4 billion pounds.\n\n"
        "The Office for Budget Responsibility forecasts borrowing of 138.3 billion pounds for the 2026-27 financial "
        "year as a whole. Debt interest payments were 8.4 billion pounds in the month.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* c = claim_at(cs, text, "8.4 billion pounds");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2026-10");
}

TEST_CASE("a price in monthly data 'in the month' is the release's month, not the story's day") {
    const std::string text =
        "Brazil's inflation eases\n\n"
        "Brazil's consumer prices rose 0.21% in October, statistics agency IBGE said on Tuesday, down from "
        "0.48% in September.\n\n"
        "Food prices fell 0.3% in the month, while transport costs climbed 0.9%.\n";
    auto cs = claims_of(text, "2026-11-12");
    const Json* c = claim_at(cs, text, "0.3%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2026-10");
}
