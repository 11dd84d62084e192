// Amount claims across paragraphs, from fresh text written for session 9 (amounts12): which
// entity a figure is about when the sentence leaves it implied (a deal story's acquirer over its
// oft-named target; an economy's figure after a statistics office speaks), what a one-line rule
// example cannot show.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a results paragraph that names no company is the acquirer's, the company its sentences open with") {
    const std::string text =
        "Nordmark Bank to buy Baltic lender Valtera\n\n"
        "STOCKHOLM, Nov 25 (Wire) - Nordmark Bank agreed on Wednesday to buy Valtera, the Baltic lender, for 3.4 "
        "billion euros in cash.\n\n"
        "Nordmark will pay 18.60 euros for each Valtera share. Valtera, which has 2.1 million customers, made a net "
        "profit of 290 million euros last year.\n\n"
        "For the July-September quarter, net profit rose to 7.9 billion euros from 7.05 billion euros a year earlier. "
        "Net interest income was 12.4 billion euros.\n";
    auto cs = claims_of(text, "2026-11-25");
    for (const char* fig : {"7.9 billion euros", "12.4 billion euros"}) {
        const Json* c = claim_at(cs, text, fig);
        REQUIRE(c);
        INFO(c->dump());
        REQUIRE(c->at("subject").size() == 1);
        CHECK(c->at("subject")[0] == "Nordmark Bank");
    }
    const Json* target = claim_at(cs, text, "290 million euros");
    REQUIRE(target);
    INFO(target->dump());
    CHECK(target->at("subject")[0] == "Valtera");
}

TEST_CASE("a company metric after a statistics office spoke in the paragraph is its economy's") {
    const std::string text =
        "Grovers shares fall\n\n"
        "LONDON, Oct 8 (Wire) - Grovers Plc said like-for-like sales rose 2.1% in the 13 weeks to Sept 28.\n\n"
        "Separately, the Office for National Statistics said retail sales volumes rose 0.4% in August. Food store "
        "volumes fell 0.6%.\n";
    auto cs = claims_of(text, "2026-10-08");
    const Json* c = claim_at(cs, text, "0.6%");
    REQUIRE(c);
    INFO(c->dump());
    REQUIRE(c->at("subject").size() == 1);
    CHECK(c->at("subject")[0] == "United Kingdom");
    // and the company's own figure before it stays the company's
    const Json* own = claim_at(cs, text, "2.1%");
    REQUIRE(own);
    CHECK(own->at("subject")[0] == "Grovers");
}

TEST_CASE("'The total includes' keeps the whole's holder and metric") {
    const std::string text =
        "Airports get funds\n\n"
        "Kestrel Foods will spend $420m on new plants next year. The total includes $60m for a bakery in Leeds.\n";
    auto cs = claims_of(text, "2026-11-24");
    const Json* part = claim_at(cs, text, "$60m");
    REQUIRE(part);
    INFO(part->dump());
    CHECK(part->at("subject")[0] == "Kestrel Foods");
    CHECK(part->at("metric") == "capital_expenditure");
}
