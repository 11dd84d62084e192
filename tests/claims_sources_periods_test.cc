// Sources and periods of claims across paragraphs, through the whole
// pipeline: what a one-line rule example cannot show (a headline above its
// lead, a release a few paragraphs below the figures it governs).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("the lead's period replaces the headline's shorthand as the report period") {
    const std::string text =
        "Infosys Q1 profit rises 7%\n\n"
        "Infosys reported a 7% rise in net profit to Rs 6,368 crore for the April-June quarter.\n\n"
        "Revenue rose 4% to Rs 39,315 crore, the company said.\n";
    auto cs = claims_of(text, "2024-07-19");
    const Json* c = claim_at(cs, text, "Rs 39,315 crore");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2024-Q2");
    CHECK((*c)["period"]["inherited"] == true);
}

TEST_CASE("a company's release a few paragraphs down is the source of its headline and lead figures") {
    const std::string text =
        "Karri Lithium flags A$310m writedown\n\n"
        "Karri Lithium has paused a A$480 million expansion of its mine and will cut about 260 jobs.\n\n"
        "Spodumene sold for about US$820 a tonne in February, according to Fastmarkets.\n\n"
        "The miner said in a statement that it would record an impairment of about A$310m.\n";
    auto cs = claims_of(text, "2025-03-06");
    const Json* head = claim_at(cs, text, "A$310m");
    REQUIRE(head);
    INFO(head->dump());
    CHECK(first_source(*head) == "Karri Lithium");
    CHECK((*head)["sources"][0]["inherited"] == true);
    const Json* jobs = claim_at(cs, text, "260 jobs");
    REQUIRE(jobs);
    CHECK(first_source(*jobs) == "Karri Lithium");
}

TEST_CASE("a central bank's own decision inherits no release of someone else") {
    const std::string text =
        "Retail sales rose 0.6% in May, Statistics Canada said on Friday.\n\n"
        "Core sales rose 0.4%. The Bank of Canada held its key rate at 2.75% on Wednesday.\n";
    auto cs = claims_of(text, "2025-06-20");
    const Json* core = nullptr;
    const Json* rate = nullptr;
    for (const Json& c : cs) {
        if (c["value"].is_object() && c["value"]["value"] == 2.75) rate = &c;
        if (c["change"].is_object() && c["change"].contains("percent") && c["change"]["percent"].is_object() &&
            c["change"]["percent"]["value"] == 0.4)
            core = &c;
    }
    REQUIRE(core);
    REQUIRE(rate);
    CHECK(first_source(*core) == "Statistics Canada");
    CHECK(period(*core) == "2025-05");
    CHECK((*rate)["sources"].empty());
}

TEST_CASE("a headline figure inherits the lead's attribution, of whatever kind") {
    const std::string text =
        "Volta Nord seeks 6 billion kronor lifeline\n\n"
        "By A. Reporter\n\n"
        "STOCKHOLM, Nov 12 - Swedish battery maker Volta Nord is seeking 6 billion kronor from its owners to keep "
        "its plant running into next year, people familiar with the matter said on Tuesday.\n";
    auto cs = claims_of(text, "2024-11-12");
    const Json* head = claim_at(cs, text, "6 billion kronor");
    REQUIRE(head);
    INFO(head->dump());
    CHECK(first_source(*head) == "people familiar with the matter");
    CHECK((*head)["sources"][0]["inherited"] == true);
}

TEST_CASE("a lead that names no attribution passes none to its headline") {
    const std::string text =
        "Marlow Capital buys Kowloon tower for HK$12.5 billion\n\n"
        "By A. Reporter\n\n"
        "Singapore investment firm Marlow Capital has agreed to buy an office tower in Kowloon East for HK$12.5 "
        "billion, the biggest office deal of the year in Hong Kong.\n\n"
        "Office rents in the city fell 8% last year, according to Colliers.\n";
    auto cs = claims_of(text, "2025-03-04");
    const Json* head = claim_at(cs, text, "HK$12.5 billion");
    REQUIRE(head);
    INFO(head->dump());
    CHECK(first_source(*head).empty());
}

TEST_CASE("a trade body's release governs the report's later figures like an agency's") {
    const std::string text =
        "Swiss watch exports fell 2.8% in November, the Federation of the Swiss Watch Industry said on Tuesday.\n\n"
        "Shipments to China dropped 25% to CHF 120 million in the month.\n";
    auto cs = claims_of(text, "2024-12-17");
    const Json* c = claim_at(cs, text, "25%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "Federation of the Swiss Watch Industry");
    CHECK(c->at("sources")[0]["inherited"] == true);
}
