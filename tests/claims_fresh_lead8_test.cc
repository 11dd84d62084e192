// Claims across a headline and paragraphs, from fresh text written for session 8
// by the lead: what a one-line rule example cannot show (a headline's shorthand
// over the name below it; "It sold ..." in a paragraph of its own).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a headline's shorthand whose words begin the lead's name is that company") {
    const std::string text =
        "BYD-rival Zhenghe Auto posts record quarterly profit\n\n"
        "Zhenghe Automobile Co., the Hefei-based electric carmaker, said Thursday its third-quarter net profit "
        "more than doubled to 3.8 billion yuan.\n\n"
        "It sold 412,000 vehicles in the quarter.\n";
    auto cs = claims_of(text, "2026-10-31");
    const Json* sold = claim_at(cs, text, "412,000 vehicles");
    REQUIRE(sold);
    INFO(sold->dump());
    REQUIRE(sold->at("subject").size() == 1);
    CHECK(sold->at("subject")[0] == "Zhenghe Automobile");
}

TEST_CASE("'It sold' and 'The company also sold' take the company named before") {
    const std::string text =
        "Profit doubles\n\n"
        "Zhenghe Automobile Co. said on Thursday its net profit doubled to 3.8 billion yuan.\n\n"
        "It sold 412,000 vehicles in the quarter. The company also sold 118,000 vehicles abroad.\n";
    auto cs = claims_of(text, "2026-10-31");
    for (const char* fig : {"412,000 vehicles", "118,000 vehicles"}) {
        const Json* c = claim_at(cs, text, fig);
        REQUIRE(c);
        INFO(c->dump());
        REQUIRE(c->at("subject").size() == 1);
        CHECK(c->at("subject")[0] == "Zhenghe Automobile");
    }
}
