// Session 23 (probes23): readings that new text of our own showed wrong — a part of a whole after
// "including" read "including" as its subject. Sentences of our own, in other words than the probe's.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a part after 'including' takes the whole's holder, not the word 'including'") {
    const std::string text =
        "Water deal\n\n"
        "Northmoor Water reached a funding deal with the regulator.\n\n"
        "The regulator said the plan would fund $1.4 billion of investment, including $300 million to replace old mains.\n";
    auto cs = claims_of(text, "2026-12-02");
    const Json* c = claim_at(cs, text, "$300 million");
    REQUIRE(c);
    REQUIRE(!(*c)["subject"].empty());
    INFO(c->dump());
    CHECK((*c)["subject"][0] == "Northmoor Water");
}

TEST_CASE("a ratio's whole named with its short form in brackets is no metric of the paragraph") {
    const std::string text =
        "State budget\n\n"
        "Finance Minister Ravi Kumar presented the state budget.\n\n"
        "The fiscal deficit is put at 3.8% of gross domestic product (GDP), above the 3% limit. \"We will cut it to "
        "3.2% next year,\" Kumar said.\n";
    auto cs = claims_of(text, "2026-02-20");
    for (const char* figure : {"3% limit", "3.2%"}) {
        const std::string f = figure;
        const Json* c = claim_at(cs, text, f.substr(0, f.find(' ')), f.find(' ') == std::string::npos ? "to " : "the ");
        REQUIRE(c);
        INFO(c->dump());
        CHECK((*c)["metric"] == "budget_deficit");
    }
}
