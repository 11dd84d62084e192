// Claims on text written blind (session 10, fixg10): the general causes behind the errors on dev
// articles 125-129 — a company's move in a market wrap after a paragraph of flows, ...
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a company moving by a percentage to a per-share price after a paragraph of flows is its share price") {
    const std::string text =
        "Mumbai stocks rise as funds return\n\n"
        "MUMBAI, June 8 (Reuters) - Indian shares rose on Monday, led by software makers.\n\n"
        "Foreign funds bought a net $2 billion of Indian shares, the most since May.\n\n"
        "Infosys rose 1.9% to 1,512 rupees and Wipro gained 2.2%.\n";
    auto cs = claims_of(text, "2026-06-08");
    for (const char* f : {"1.9%", "2.2%"}) {
        const Json* c = claim_at(cs, text, f);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(c->value("metric", std::string()) == "share_price");
        CHECK(period(*c) == "2026-06-08");
    }
}

TEST_CASE("a forecast of an economy's statistic by a central bank the sentence refers back to is the economy's") {
    const std::string text =
        "Norway's central bank holds rates\n\n"
        "OSLO, March 19 (Reuters) - Norges Bank left its policy rate at 4% on Thursday.\n\n"
        "The central bank cut its inflation forecast for 2027 to 2.4% from 2.7%.\n";
    auto cs = claims_of(text, "2026-03-19");
    const Json* c = claim_at(cs, text, "2.4%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Norway");
    CHECK(first_source(*c) == "Norges Bank");
}

TEST_CASE("'They' opening a sentence continues the group the paragraph's last claim described") {
    const std::string text =
        "Retail investors poured $3 billion into equity funds in May. They have invested $12 billion so far "
        "this year.\n\n"
        "The dividend is the real letdown, analysts at Corvo said. They cut their target to $40.\n";
    auto cs = claims_of(text, "2026-06-02");
    const Json* c = claim_at(cs, text, "$12 billion");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Retail investors");
    // (a singular description is no antecedent of "they")
    const Json* t = claim_at(cs, text, "$40");
    if (t) CHECK(first_subject(*t) != "dividend");
}

TEST_CASE("a broker's forecast of a metric heading the sentence is the story company's figure, the broker its source") {
    const std::string text =
        "Kestrel Mining profit falls 18%\n\n"
        "PERTH, Feb 18 - Kestrel Mining said on Thursday its net profit fell 18% to A$1.9 billion. Revenue "
        "slipped 9% to A$7.8 billion, the miner said.\n\n"
        "Macquarie had forecast underlying net profit of A$2.0 billion. Goldman Sachs expects its revenue to "
        "reach $3 billion.\n";
    auto cs = claims_of(text, "2027-02-18");
    const Json* c = claim_at(cs, text, "A$2.0 billion");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Kestrel Mining");
    CHECK(first_source(*c) == "Macquarie");
    // (its own figures: "its revenue")
    const Json* g = claim_at(cs, text, "$3 billion");
    REQUIRE(g);
    INFO(g->dump());
    CHECK(first_subject(*g) == "Goldman Sachs");
}

TEST_CASE("an analyst's target on 'the stock' is for the story company's shares, on the analyst's word") {
    const std::string text =
        "Brenta Motors profit rises 9%\n\n"
        "MILAN, May 6 - Brenta Motors said on Wednesday its net profit rose 9% to 410 million euros in the "
        "first quarter.\n\n"
        "\"The quarter was solid,\" said Ana Ruiz, an analyst at Corvo Securities. She has a buy rating on the "
        "stock and a target price of €14.20.\n";
    auto cs = claims_of(text, "2026-05-06");
    const Json* c = claim_at(cs, text, "€14.20");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Brenta Motors");
    CHECK(first_source(*c) == "Ana Ruiz");
}
