// Claim periods on fresh text (session 6): dates that a clause or sentence
// around the figure gives or must not give, through the whole pipeline.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a fronted 'A year earlier' dates its sentence's figure: the quarter before it, a year back") {
    const std::string text =
        "In the second quarter, sales volume rose 4% to 2.4 million vehicles. "
        "A year earlier, volume was 2.3 million vehicles.\n";
    auto cs = claims_of(text, "2025-11-05");
    const Json* c = claim_at(cs, text, "2.3 million vehicles");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2024-Q2");
}

TEST_CASE("'since January' with a past verb in December is this year's January") {
    const std::string text = "The pound has fallen 3% since January.\n";
    auto cs = claims_of(text, "2026-12-20");
    REQUIRE(cs.size() == 1);
    INFO(cs[0].dump());
    CHECK(period(cs[0]) == "2026-01");
}

TEST_CASE("a plan in a relative clause does not date the main clause's move") {
    const std::string text =
        "Japan's Nikkei fell 1.1% on Monday. Shares in Samsung Electronics, which will report "
        "fourth-quarter results on Thursday, lost 2.3%.\n";
    auto cs = claims_of(text, "2025-01-27");
    const Json* c = claim_at(cs, text, "2.3%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2025-01-27");
}

TEST_CASE("when results come out is no figure's period; the half they report is") {
    const std::string text =
        "Burberry, which reported first-half results in November, said revenue fell 21% to 1.09 billion pounds.\n\n"
        "Unilever, which will report full-year results in February, kept its margin target of 18.5%.\n";
    auto cs = claims_of(text, "2024-12-02");
    const Json* rev = claim_at(cs, text, "21%");
    REQUIRE(rev);
    INFO(rev->dump());
    CHECK(period(*rev) == "2024-H1");
    const Json* margin = claim_at(cs, text, "18.5%");
    REQUIRE(margin);
    INFO(margin->dump());
    CHECK(period(*margin) != "2025-02");
    CHECK(period(*margin) != "2024");
}

TEST_CASE("earnings in a quarter keep the quarter") {
    const std::string text = "Earnings in the third quarter rose 8% to $2.1 billion, the company said.\n";
    auto cs = claims_of(text, "2024-10-24");
    const Json* c = claim_at(cs, text, "$2.1 billion");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2024-Q3");
}

TEST_CASE("a window of weeks after 'said' is the figure's period, not an announcement's week") {
    const std::string text =
        "Shares in Harlow Foods fell 6.2% on Monday after the grocer said like-for-like sales rose 1.4% "
        "in the six weeks to December 13.\n";
    auto cs = claims_of(text, "2025-12-15");
    const Json* c = claim_at(cs, text, "1.4%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "P6W");
}
