// Claim subjects across paragraphs, through the whole pipeline: what a
// one-line rule example cannot show.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("an economy figure takes the area of an authority named earlier in its paragraph") {
    const std::string text =
        "Its Indian business posted EBITDA of Rs 8,120 crore, while the Netherlands unit lost Rs 410 crore.\n\n"
        "The Reserve Bank of India cut its repo rate by 25 basis points to 6.25% on Friday. Governor Sanjay "
        "Malhotra said inflation was expected to ease to 4.2% in the next fiscal year.\n";
    auto cs = claims_of(text, "2025-02-07");
    const Json* c = claim_at(cs, text, "4.2%");
    REQUIRE(c);
    CHECK((*c)["metric"] == "inflation");
    REQUIRE((*c)["subject"].size() == 1);
    CHECK((*c)["subject"][0] == "India");  // not the Netherlands of the paragraph before
}
