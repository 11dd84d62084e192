// Periods and sources of amounts (session 11, src11): figures with no period of their own (a standing
// inflation target, a premium measured against another day's price, a value dated only by a
// dateline) and an expectation attributed to its poll after a comma.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("an inflation target is a standing level: the month of the inflation beside it is not its period") {
    const std::string text =
        "Danish inflation slowed to 1.9% in September, below the central bank's 2% inflation target, "
        "Statistics Denmark said.\n";
    auto cs = claims_of(text, "2026-10-23");
    const Json* c = claim_at(cs, text, "2%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(c->value("metric", "") == "inflation_target");
    CHECK(period(*c).empty());
    // (the inflation keeps its month)
    const Json* i = claim_at(cs, text, "1.9%");
    REQUIRE(i);
    CHECK(period(*i) == "2026-09");
}

TEST_CASE("'a premium of 31% to X's closing price on Monday': the day is the reference price's") {
    const std::string text =
        "Brightwater agreed to buy Kessling. Brightwater will pay 22.40 euros a share, a premium of 31% to "
        "Kessling's closing price on Monday.\n";
    auto cs = claims_of(text, "2026-10-23");
    const Json* c = claim_at(cs, text, "31%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c).empty());
}

TEST_CASE("a dateline ending in a colon dates the story, not its figures") {
    const std::string text =
        "Tarangi Foods raises Rs 900 crore\n\n"
        "PUNE, Oct 8: Tarangi Foods has raised Rs 900 crore from a group of investors led by Lotus Capital, "
        "valuing the snack maker at Rs 7,200 crore.\n";
    auto cs = claims_of(text, "2026-10-08");
    for (const Json& c : cs) {
        if (c.value("kind", "") == "statement") continue;
        INFO(c.dump());
        CHECK(period(c) != "2026-10-08");
    }
}

TEST_CASE("an expectation with ', according to an X poll' after it is the poller's, not the release's") {
    const std::string text =
        "Asahina Motor posts profit\n\n"
        "Asahina Motor said on Friday its operating profit rose 9% to 1.2 trillion yen in the year to March.\n\n"
        "Analysts had expected full-year operating profit of 1.15 trillion yen, according to an LSEG poll of 18 "
        "analysts.\n";
    auto cs = claims_of(text, "2026-05-10");
    const Json* c = claim_at(cs, text, "1.15 trillion yen");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "LSEG");
    // (the company's own figure keeps its release)
    const Json* r = claim_at(cs, text, "1.2 trillion yen");
    REQUIRE(r);
    CHECK(first_source(*r) == "Asahina Motor");
}
