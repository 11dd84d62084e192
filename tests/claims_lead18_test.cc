// Session 18 (lead's probes of new text: a German sentiment survey, a US state's revenue
// forecast, a drugmaker's guidance). Sentences of our own (no held-out text).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a ranked economy is the story's country, named by a demonym after a dateline's hyphen") {
    const std::string text =
        "Morale improves\n\n"
        "BERLIN, Nov 24 - German business sentiment improved unexpectedly in November, a survey showed.\n\n"
        "Europe's largest economy shrank by 0.1% in the third quarter, the statistics office said.\n";
    auto cs = claims_of(text, "2026-11-24");
    const Json* c = claim_at(cs, text, "0.1%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Germany");
    // (the superlative ranks the name; the quarter is the figure's period, no record's reference)
    REQUIRE((*c)["period"].is_object());
    CHECK((*c)["period"]["value"] == "2026-Q3");
}

TEST_CASE("a superlative before the figure leaves the date after it to the figure") {
    const std::string text = "Consumer prices rose to their highest level of 5.2% in March, the agency said.\n";
    auto cs = claims_of(text, "2026-04-14");
    const Json* c = claim_at(cs, text, "5.2%");
    REQUIRE(c);
    INFO(c->dump());
    REQUIRE((*c)["period"].is_object());
    CHECK((*c)["period"]["value"] == "2026-03");
}

TEST_CASE("'cut its estimate of ... by $N': a long complement with a noun that is also a verb") {
    const std::string text =
        "The Legislative Analyst's Office cut its estimate of state tax revenue for the current fiscal "
        "year by $11.2 billion.\n";
    auto cs = claims_of(text, "2026-11-18");
    const Json* c = claim_at(cs, text, "$11.2 billion");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["kind"] == "change");
    CHECK((*c)["change"]["direction"] == "down");
    CHECK((*c)["change"]["amount"]["value"] == 11.2e9);
}

TEST_CASE("guidance 'to grow 22% to 26%' is a range, not a move to a level") {
    const std::string text = "Veltrane Pharma expects operating profit to grow 22% to 26% this year.\n";
    auto cs = claims_of(text, "2026-11-05");
    const Json* c = claim_at(cs, text, "22% to 26%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["change"]["direction"] == "up");
    CHECK((*c)["change"]["percent"]["min"] == 22);
    CHECK((*c)["change"]["percent"]["max"] == 26);
    CHECK((*c)["value"].is_null());
}

TEST_CASE("'in the quarter' a few words after the figure refers back to the report's quarter") {
    const std::string text =
        "Telvora Telecom said revenue rose 3.1% to 4.82 billion euros in the July-September period.\n\n"
        "Net debt fell to 11.3 billion euros at the end of September from 11.9 billion euros at the end "
        "of June. The group spent 612 million euros on its fibre network in the quarter.\n";
    auto cs = claims_of(text, "2026-10-29");
    const Json* c = claim_at(cs, text, "612 million euros");
    REQUIRE(c);
    INFO(c->dump());
    REQUIRE((*c)["period"].is_object());
    CHECK((*c)["period"]["value"] == "2026-Q3");  // (not the debt's month-end)
}

TEST_CASE("a unit of goods does not override a trade phrase further back") {
    const std::string text =
        "Indonesia's coal exports to India were little changed at 9.8 million tonnes in October, the "
        "statistics bureau said.\n";
    auto cs = claims_of(text, "2026-11-18");
    const Json* c = claim_at(cs, text, "9.8 million tonnes");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "exports");
}

TEST_CASE("a penalty a government body announces is the fined company's, not the government's country") {
    const std::string text =
        "Brightwater Holdings will pay $300 million to settle charges, the US Treasury Department said "
        "on Thursday.\n\n"
        "It includes a $200 million penalty, the department said.\n";
    auto cs = claims_of(text, "2026-11-19");
    const Json* c = claim_at(cs, text, "$200 million");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "fine");
    CHECK(first_subject(*c) == "Brightwater Holdings");
}
