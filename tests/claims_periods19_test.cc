// Session 19 (periods19): change sizes after a filler ("rose only 2.4%", "by a combined 425 basis
// points") and the current month or week told as the time something was said or reported ("the
// ministry said this month", "Earlier this week, X reported"). Sentences of our own (no held-out
// text).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("'only' between a change verb and its percentage still sizes the change") {
    const std::string text = "Deposits at the cooperative bank rose only 2.4% in the third quarter.\n";
    auto cs = claims_of(text, "2026-11-05");
    const Json* c = claim_at(cs, text, "2.4%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["kind"] == "change");
}

TEST_CASE("'by a combined' or 'by a cumulative' amount is the change's size, not a level") {
    const std::string text =
        "Hungary's central bank left its base rate at 6.5% on Tuesday, after lowering it by a combined "
        "425 basis points since May 2024.\n\n"
        "The Reserve Bank has cut its cash rate by a cumulative 150 basis points this year.\n";
    auto cs = claims_of(text, "2026-11-05");
    for (const char* anchor : {"425 basis points", "150 basis points"}) {
        const Json* c = claim_at(cs, text, anchor);
        REQUIRE(c);
        INFO(c->dump());
        CHECK((*c)["kind"] == "change");
        CHECK((*c)["change"]["direction"] == "down");
    }
}

TEST_CASE("the current month after a verb of saying dates the statement, not the figure") {
    const std::string text =
        "Farm output rose 4% in the first ten months of the year, the agriculture ministry said this month.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* c = claim_at(cs, text, "4%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "P10M");
}

TEST_CASE("the current month of an act still dates the act's figure") {
    const std::string text = "The World Bank approved a $900 million loan to Kenya this month.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* c = claim_at(cs, text, "$900 million");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2026-11");
}

TEST_CASE("a week fronting a sentence of reporting dates the report, not its figures") {
    const std::string text = "Earlier this week, Kestrel Foods reported a 9% rise in quarterly profit.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* c = claim_at(cs, text, "9%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c).find('W') == std::string::npos);
}
