// Session 21 (diag21): gaps the diagnostic batch H103-H110 showed, reproduced with sentences of
// our own in other words: a Spanish company name opened by its legal word and defined with a
// short name in brackets after a headline that used the short name first; a grocer named with its
// own 's ("Bellamy's said").
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a short name the story defines later names the full company in the headline too") {
    const std::string text =
        "Peru's state miner Emsur lifts zinc output 4% in nine months\n\n"
        "LIMA, Nov 26 (Andes Wire) - Peru's state-owned Empresa Minera del Sur (Emsur) produced "
        "300 kt of zinc in the first nine months of the year, the company said.\n\n"
        "Emsur will invest $1.1 billion next year.\n";
    auto cs = claims_of(text, "2026-11-26");
    for (const char* a : {"4%", "300 kt", "$1.1 billion"}) {
        const Json* c = claim_at(cs, text, a);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(first_subject(*c) == "Empresa Minera del Sur");
    }
}

TEST_CASE("a company named with its own 's keeps it, wherever the story names it") {
    const std::string text =
        "Kaufhaus gains on Bellamy's as food prices ease\n\n"
        "The discounter Kaufhaus has closed in on Bellamy's, Britain's fifth-largest supermarket, after "
        "its sales rose 8 per cent.\n\n"
        "Bellamy's said it was confident and pointed to the 80 million pounds it has invested in prices.\n";
    auto cs = claims_of(text, "2026-03-10");
    const Json* c = claim_at(cs, text, "80 million pounds");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Bellamy's");
    CHECK(first_source(*c) == "Bellamy's");
    const Json* d = claim_at(cs, text, "8 per cent");
    REQUIRE(d);
    INFO(d->dump());
    CHECK(first_subject(*d) == "Kaufhaus");
    // (a possessive before what it owns stays a possessive: "Halden's figures showed")
    const std::string t2 = "Sales rose 4%, Halden's figures showed. Halden said margins would recover.\n";
    auto c2 = claims_of(t2, "2026-03-10");
    const Json* e = claim_at(c2, t2, "4%");
    REQUIRE(e);
    INFO(e->dump());
    CHECK(first_source(*e) != "Halden's");
}
