// Session 26 (probes26): readings that new text of our own showed wrong — an ISO week written by
// its number ("in week 46") made no date, and a penalty's legal maximum ("fines of up to 10% of
// turnover") made a claim. Sentences of our own, in other words than the probe's.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("an ISO week by its number is the figure's period") {
    const std::string text =
        "Gas stocks\n\n"
        "Storage sites in Austria were 81.5% full in week 47, the regulator said on Monday.\n";
    auto cs = claims_of(text, "2026-11-30");
    const Json* c = claim_at(cs, text, "81.5%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2026-W47");
}

TEST_CASE("a week of something else is no ISO week") {
    const std::string text =
        "Trial update\n\n"
        "Blood pressure fell 12% by week 8 of the study, Corvane Bio said.\n";
    auto cs = claims_of(text, "2026-11-30");
    const Json* c = claim_at(cs, text, "12%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c).find("-W") == std::string::npos);
}

TEST_CASE("a penalty capped 'up to' a figure is no claim; a fine imposed is") {
    const std::string text =
        "Data rules\n\n"
        "Under the bill, app stores that ignore the rules could face penalties of up to 8% of annual "
        "revenue. Last year the agency fined Pellow Apps $92 million.\n";
    auto cs = claims_of(text, "2026-11-30");
    CHECK(claim_at(cs, text, "8%") == nullptr);
    const Json* c = claim_at(cs, text, "$92 million");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "fine");
}
