// Claim assembly (session 12, lead): guards on what a description subject can be.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a phrase starting with a preposition or ending with 'that' is no description subject") {
    const std::string text =
        "Norvik Steel said on Tuesday that 1,400 jobs were at risk at its plant.\n\n"
        "Halden Foods told staff in March that 600 jobs would go at its bakeries.\n";
    auto cs = claims_of(text, "2026-11-30");
    for (const char* f : {"1,400 jobs", "600 jobs"}) {
        const Json* c = claim_at(cs, text, f);
        REQUIRE(c);
        INFO(c->dump());
        const std::string s = first_subject(*c);
        for (const char* p : {"on ", "in ", "at "}) CHECK(s.rfind(p, 0) != 0);
        CHECK(s.find(" that") == std::string::npos);
    }
}
