// Session 25 (diag25): gaps the newly opened diagnostic batch H143-H150 showed, reproduced with
// sentences of our own in other words: an airport operator's and a watchmaker's names and short
// forms, the CFA franc zones' central banks and monetary unions as areas, an analyst "of <place>
// broker X" or "of <place>-based X" as the source, and a forecast by an analyst's pronoun of the
// story company's figure.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("an airport operator's results are its own, released by it") {
    const std::string text =
        "Dalmatia Coast passengers up 5% in 2025\n\n"
        "Split, 4 March 2026 (Adria Wire) - Dalmatia Coast Airports, which operates four regional airports in "
        "Croatia, carried 8.1 million passengers last year, 5% more than in 2024, the company said on Wednesday.\n\n"
        "Revenue climbed 7% to €212 million.\n";
    auto cs = claims_of(text, "2026-03-04");
    const Json* r = claim_at(cs, text, "7%");
    REQUIRE(r);
    INFO(r->dump());
    CHECK(first_subject(*r) == "Dalmatia Coast Airports");
    CHECK(first_source(*r) == "Dalmatia Coast Airports");
    const Json* h = claim_at(cs, text, "5%");
    REQUIRE(h);
    INFO(h->dump());
    CHECK(first_subject(*h) == "Dalmatia Coast Airports");
}

TEST_CASE("a watchmaker's first word is its short form") {
    const std::string text =
        "Montavon sales slip 2%\n\n"
        "Geneva, 5 March 2026 (Lac Wire) - Montavon Horlogerie SA said its sales fell 2% to 410 million Swiss "
        "francs in 2025.\n\n"
        "Montavon, which employs 900 people, will open a workshop in Bienne.\n";
    auto cs = claims_of(text, "2026-03-05");
    const Json* e = claim_at(cs, text, "900 people");
    REQUIRE(e);
    INFO(e->dump());
    CHECK(first_subject(*e) == "Montavon Horlogerie");
}

TEST_CASE("a monetary union's figures are the union's; its central bank speaks for it") {
    const std::string text =
        "BEAC holds key rate at 4.5% as CEMAC inflation eases\n\n"
        "YAOUNDE, March 3 (Wire) - The Bank of Central African States (BEAC) held its policy rate at 4.5% on "
        "Tuesday. Inflation in the Central African Economic and Monetary Community (CEMAC) slowed to 3.1% in "
        "January from 4.0% in December, the bank said.\n\n"
        "The bank expects growth of 3.2% for the community this year. The union's reserves rose to 7.1 trillion "
        "CFA francs at the end of December. Gabon, the region's largest oil producer, expects growth of 2.5% "
        "this year.\n";
    auto cs = claims_of(text, "2026-03-03");
    for (const char* anchor : {"3.1%", "3.2%", "7.1 trillion CFA francs"}) {
        const Json* c = claim_at(cs, text, anchor);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(first_subject(*c) == "Central African Economic and Monetary Community");
    }
    const Json* g = claim_at(cs, text, "2.5%");
    REQUIRE(g);
    INFO(g->dump());
    CHECK(first_subject(*g) == "Gabon");
}

TEST_CASE("an analyst 'of <city> broker X' or 'of <city>-based X' is the source, and 'he'/'she' after") {
    const std::string text =
        "Lukas Brunner of Basel broker Rheinwald Securities said the plan looked stretched. \"Margins will be hard "
        "to hold,\" he said.\n\n"
        "Economist Awa Diallo of Abidjan-based Lagune Capital said the decline was temporary.\n";
    auto cs = claims_of(text, "2026-03-03");
    const Json* a = statement_at(cs, "the plan looked stretched");
    REQUIRE(a);
    INFO(a->dump());
    CHECK(first_source(*a) == "Lukas Brunner");
    const Json* q = statement_at(cs, "Margins will be hard");
    REQUIRE(q);
    INFO(q->dump());
    CHECK(first_source(*q) == "Lukas Brunner");
    const Json* d = statement_at(cs, "the decline was temporary");
    REQUIRE(d);
    INFO(d->dump());
    CHECK(first_source(*d) == "Awa Diallo");
}

TEST_CASE("a company figure an analyst's pronoun forecasts is the story company's, not the broker's") {
    const std::string text =
        "Harbour Crest profit falls\n\n"
        "HONG KONG, March 3 (Wire) - Harbour Crest Holdings said on Tuesday its net profit fell 12% to HK$3.2 "
        "billion in 2025.\n\n"
        "Analysts at Junk Bay Securities said the results missed forecasts. They forecast net profit of HK$3.6 "
        "billion for 2026, up from HK$3.2 billion.\n\n"
        "Analyst Joanna Fung of Kowloon Capital Securities cut her target price for the stock. She expects revenue of "
        "HK$21 billion this year.\n";
    auto cs = claims_of(text, "2026-03-03");
    const Json* t = claim_at(cs, text, "HK$3.6 billion");
    REQUIRE(t);
    INFO(t->dump());
    CHECK(first_subject(*t) == "Harbour Crest Holdings");
    const Json* s = claim_at(cs, text, "HK$21 billion");
    REQUIRE(s);
    INFO(s->dump());
    CHECK(first_subject(*s) == "Harbour Crest Holdings");
}
