// Session 21 (lead): a forecaster's later figures. An organisation that heads a sentence with its
// forecast — revised, or kept ("the IMF kept its estimate ... unchanged"), also after a fronted
// phrase ("In its latest outlook, ...") — is the source of the forecasts the story then tells in
// the passive ("Japan is expected to grow 0.7%"), until someone else speaks. Sentences of our own.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a forecaster's passive forecasts after its revision are its own") {
    const std::string text =
        "WASHINGTON, Oct 14 - The World Bank on Tuesday lowered its forecast for global growth next year "
        "to 2.6% from 2.9%.\n\n"
        "In its new regional report, the World Bank kept its estimate for South Asian growth unchanged at 5.8%.\n\n"
        "Brazil is expected to expand 1.9%, and Mexico is projected to grow 1.2%.\n";
    auto cs = claims_of(text, "2026-10-14");
    for (const char* a : {"5.8%", "1.9%", "1.2%"}) {
        const Json* c = claim_at(cs, text, a);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(first_source(*c) == "World Bank");
    }
    // (the passive ones inherit: the bank is not named in their sentence)
    const Json* b = claim_at(cs, text, "1.9%");
    REQUIRE(b);
    REQUIRE(!b->at("sources").empty());
    CHECK(b->at("sources")[0].value("inherited", false));
}

TEST_CASE("a named organisation whose name ends in a common noun is no reference back") {
    // ("The World Bank cut ...": "bank" ends the name; it does not look back for an earlier bank)
    const std::string text = "The Asian Development Bank cut its forecast for regional growth next year to 4.6%.\n";
    auto cs = claims_of(text, "2026-10-14");
    const Json* c = claim_at(cs, text, "4.6%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Asian Development Bank");
    CHECK(first_source(*c) == "Asian Development Bank");
}

TEST_CASE("someone else speaking ends the forecaster's hold on passive forecasts") {
    const std::string text =
        "The World Bank on Tuesday lowered its forecast for global growth next year to 2.6%.\n\n"
        "Brazil's finance ministry said on Wednesday that the economy would slow.\n\n"
        "Brazil is expected to expand 1.9% next year.\n";
    auto cs = claims_of(text, "2026-10-14");
    const Json* c = claim_at(cs, text, "1.9%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) != "World Bank");
}

TEST_CASE("a figure not told as a forecast does not take the forecaster") {
    const std::string text =
        "The World Bank on Tuesday lowered its forecast for global growth next year to 2.6%.\n\n"
        "Brazil's economy grew 0.4% in the third quarter.\n";
    auto cs = claims_of(text, "2026-10-14");
    const Json* c = claim_at(cs, text, "0.4%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) != "World Bank");
}
