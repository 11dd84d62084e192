// A headline's or sub-headline's attribution in a clause of its own with no figure ("...;
// Fitch says outlook stable") is a view beside the news: it neither sources the story's
// figures as a release nor becomes the "it" of the lead (claims story.cc headline_view).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a sub-headline's view in a clause of its own governs no figure") {
    const std::string text =
        "Ohio governor unveils $41.2 billion budget\n\n"
        "Plan draws $900 million from reserves; Fitch says outlook stable\n\n"
        "COLUMBUS, Ohio - Ohio Governor Dana Pruitt on Monday unveiled a $41.2 billion general fund budget for "
        "the next fiscal year and said it would close a projected $2.7 billion deficit without new taxes.\n\n"
        "Fitch Ratings said the plan was prudent.\n";
    auto cs = claims_of(text, "2027-02-02");
    const Json* draw = claim_at(cs, text, "$900 million");
    REQUIRE(draw);
    INFO(draw->dump());
    CHECK(first_source(*draw) != "Fitch Ratings");
    CHECK(first_source(*draw) != "Fitch");
    const Json* deficit = claim_at(cs, text, "$2.7 billion");
    REQUIRE(deficit);
    INFO(deficit->dump());
    CHECK(first_subject(*deficit) != "Fitch");
    CHECK(first_subject(*deficit) != "Fitch Ratings");
    CHECK(first_source(*deficit) != "Fitch");
}

TEST_CASE("a headline attribution whose clause holds the figure still sources it") {
    const std::string text =
        "Inflation slows to 2.1% in May, statistics office says\n\n"
        "LISBON, June 12 - Portugal's annual inflation rate slowed to 2.1% in May from 2.4% in April, the "
        "National Statistics Institute said on Wednesday, as fuel prices fell.\n";
    auto cs = claims_of(text, "2026-06-12");
    const Json* head = claim_at(cs, text, "2.1%");
    REQUIRE(head);
    INFO(head->dump());
    CHECK_FALSE(head->at("sources").empty());
}
