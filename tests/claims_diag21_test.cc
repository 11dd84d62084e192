// Session 21 (diag21): gaps the diagnostic batch H103-H110 showed, reproduced with sentences of
// our own in other words: a Spanish company name opened by its legal word and defined with a
// short name in brackets after a headline that used the short name first.
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
