// Session 15 (lead's probes of new text): a text with no headline, whose first paragraph is the
// lead, and a company named in the lead only as the speaker of its own figures. Sentences of our
// own (no held-out text).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a first paragraph long enough to be text is the lead: the story's company is its speaker") {
    // (a feed's body without its title: no headline paragraph before the lead)
    const std::string text =
        "FRANKFURT, Nov 4 - Kessler Automotive said on Tuesday that third-quarter sales fell 4% to 5.21 "
        "billion euros, hurt by weaker demand in China, though the decline was smaller than analysts had "
        "feared.\n\n"
        "Revenue from spare parts rose 5%.\n";
    auto cs = claims_of(text, "2026-11-04");
    const Json* c = claim_at(cs, text, "5%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Kessler Automotive");
}

TEST_CASE("with a headline, the speaker that opens the lead is still the story's company") {
    const std::string text =
        "Carmaker's quarter disappoints\n\n"
        "Halvorsen Motors said on Tuesday that third-quarter sales fell 4% to 52.1 billion crowns, hurt by "
        "weaker demand in Germany, though the decline was smaller than analysts had feared.\n\n"
        "Organic sales fell 2%.\n";
    auto cs = claims_of(text, "2026-11-04");
    const Json* c = claim_at(cs, text, "2%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Halvorsen Motors");
}

TEST_CASE("a short first paragraph stays the headline") {
    // (the headline's company is the story's; the lead is the first long paragraph)
    const std::string text =
        "Brandt Logistics profit jumps\n\n"
        "Brandt Logistics said on Monday that its operating profit for the third quarter jumped 31% to 412 "
        "million euros, as freight volumes in Europe recovered faster than it had expected.\n\n"
        "Revenue rose 6%.\n";
    auto cs = claims_of(text, "2026-11-04");
    const Json* c = claim_at(cs, text, "6%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Brandt Logistics");
}
