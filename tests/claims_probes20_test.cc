// Session 20 (probes20): readings that new text of our own (a coal miner's nine-month results, a
// landlord's bond sale) showed wrong — a year-to-date window as the report period, a revised
// forecast's own year, a margin in basis points over a benchmark. Sentences of our own, in other
// words than the probes that showed them.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a year-to-date window governs the later figures of a results story") {
    const std::string text =
        "Ostrava Steelworks shipped 3.2 million tonnes of rolled steel in the first nine months of 2026, "
        "up 4%, the company said on Thursday.\n\n"
        "Revenue fell 6% to 2.1 billion euros. Net profit rose 9% to 140 million euros.\n";
    auto cs = claims_of(text, "2026-10-22");
    for (const char* a : {"2.1 billion euros", "140 million euros"}) {
        const Json* c = claim_at(cs, text, a);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(period(*c) == "P9M");
        CHECK(inherited(*c));
    }
    // (a window back from today is no results window: "the past 12 months")
    const std::string t2 =
        "Ostrava Steelworks shipped 3.2 million tonnes in the past 12 months. Revenue fell 6% to 2.1 billion euros.\n";
    auto c2 = claims_of(t2, "2026-10-22");
    const Json* d = claim_at(c2, t2, "2.1 billion euros");
    REQUIRE(d);
    INFO(d->dump());
    CHECK(period(*d) != "P12M");
}

TEST_CASE("a revised forecast keeps the year it names before the forecast noun") {
    const std::string text =
        "Ostrava Steelworks shipped 3.2 million tonnes in the first nine months of 2026.\n\n"
        "Rival Kladno Metals trimmed its 2026 forecast to 2.6 million tonnes, citing weak car demand.\n";
    auto cs = claims_of(text, "2026-10-22");
    const Json* c = claim_at(cs, text, "2.6 million tonnes");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2026");
    // (a date right after a figure still names the target it is set against)
    const std::string t2 = "Tax receipts reached 4.1 trillion rupees, or 61% of the full-year target, in the first half.\n";
    auto c2 = claims_of(t2, "2026-10-22");
    const Json* d = claim_at(c2, t2, "61%");
    if (d) {
        INFO(d->dump());
        CHECK(period(*d) != "2026");
    }
}

TEST_CASE("a margin in basis points over a benchmark is a spread, a margin that moves by them is not") {
    const std::string text =
        "Halden Energi priced a 1.2 billion crown loan at a margin of 140 basis points over Nibor.\n";
    auto cs = claims_of(text, "2026-10-22");
    const Json* c = claim_at(cs, text, "140 basis points");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(c->value("metric", "") == "spread");
    const std::string t2 = "Halden Energi's operating margin widened 140 basis points to 18.2%.\n";
    auto c2 = claims_of(t2, "2026-10-22");
    const Json* d = claim_at(c2, t2, "140 basis points");
    REQUIRE(d);
    INFO(d->dump());
    CHECK(d->value("metric", "") == "operating_margin");
}

TEST_CASE("a relative clause after a source's words is theirs, and a bank's own rate stays the bank's") {
    const std::string text =
        "The Bank of Thailand said core inflation, which slowed to 0.9% in September, was still subdued.\n";
    auto cs = claims_of(text, "2026-10-22");
    const Json* c = claim_at(cs, text, "0.9%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(c->value("metric", "") == "core_inflation");
    // (the apposition of a source that ends at its comma is still skipped)
    const std::string t2 =
        "According to Meridian Research, which tracks 40 ports, container volumes rose 4% in October.\n";
    auto c2 = claims_of(t2, "2026-11-05");
    const Json* d = claim_at(c2, t2, "4%");
    REQUIRE(d);
    INFO(d->dump());
    CHECK(first_source(*d) == "Meridian Research");
    const std::string t3 =
        "Philippine inflation eased to 2.2% in October.\n\nBangko Sentral ng Pilipinas held its rate at 5.5% on Thursday.\n";
    auto c3 = claims_of(t3, "2026-11-06");
    const Json* e = claim_at(c3, t3, "5.5%");
    REQUIRE(e);
    INFO(e->dump());
    CHECK(e->value("metric", "") == "interest_rate");
}

TEST_CASE("a fronted adverbial before 'it' leaves the company, and a profit in cents is per share") {
    const std::string text =
        "Harwick Valves raised its outlook on Tuesday. In the third quarter it earned 73 cents, and "
        "during the same quarter it paid $40 million in dividends.\n";
    auto cs = claims_of(text, "2026-10-20");
    const Json* c = claim_at(cs, text, "73 cents");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Harwick Valves");
    CHECK(c->value("metric", "") == "earnings_per_share");
    // (a profit in a major unit stays the profit)
    const std::string t2 = "Harwick Valves raised its outlook. This year it earned $1.2 billion.\n";
    auto c2 = claims_of(t2, "2026-10-20");
    const Json* d = claim_at(c2, t2, "$1.2 billion");
    REQUIRE(d);
    INFO(d->dump());
    CHECK(first_subject(*d) == "Harwick Valves");
    CHECK(d->value("metric", "") == "earnings");
}

TEST_CASE("a later ', and said it would' clause's date is the plan's, not an earlier figure's") {
    const std::string text =
        "Lojas Aurora said third-quarter sales rose 6%. The chain ended the quarter with 388 stores, and "
        "said it would open 30 more in 2027.\n";
    auto cs = claims_of(text, "2026-11-12");
    const Json* c = claim_at(cs, text, "388 stores");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) != "2027");
}
