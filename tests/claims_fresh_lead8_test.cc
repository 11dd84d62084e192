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

TEST_CASE("a bare 'Prices' opening the next paragraph continues the house prices before it") {
    const std::string text =
        "China new home prices fall again\n\n"
        "China's new home prices fell 0.5% in October from the previous month, data from the National Bureau of "
        "Statistics showed on Friday.\n\n"
        "Prices were down 5.9% from a year earlier, after a 5.8% fall in September.\n";
    auto cs = claims_of(text, "2026-11-15");
    const Json* yoy = claim_at(cs, text, "5.9%");
    REQUIRE(yoy);
    INFO(yoy->dump());
    CHECK(yoy->at("metric") == "house_prices");
    REQUIRE(yoy->at("subject").size() == 1);
    CHECK(yoy->at("subject")[0] == "China");
    CHECK(yoy->at("period")["value"] == "2026-10");
}

TEST_CASE("a headline statement stops at the semicolon that opens the headline's second clause") {
    const std::string text =
        "Lagarde says inflation fight not over; markets trim cut bets\n\n"
        "The European Central Bank left interest rates unchanged on Thursday.\n";
    auto cs = claims_of(text, "2026-09-12");
    bool found = false;
    for (const auto& c : cs)
        if (c.at("kind") == "statement") {
            found = true;
            INFO(c.dump());
            CHECK(c.at("statement")["text"] == "inflation fight not over");
        }
    CHECK(found);
}
