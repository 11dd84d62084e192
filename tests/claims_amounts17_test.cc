// Session 17 (amounts17: subject and metric of amount and change claims, families counted on the
// diagnostic batch H63–H70). Sentences of our own (no held-out text).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a state or country after a city or county and a comma locates it, it is no second holder") {
    const std::string text =
        "Boise, Idaho, sold $210 million of water revenue bonds on Thursday, the city's treasurer said.\n\n"
        "Marin County, California, postponed a $75 million bond sale in October.\n\n"
        "Ohio, Indiana and Michigan together spent $3.1 billion on road repairs last year.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* c = claim_at(cs, text, "$210 million");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["subject"].size() == 1);
    CHECK(first_subject(*c) == "Boise");
    const Json* m = claim_at(cs, text, "$75 million");
    REQUIRE(m);
    INFO(m->dump());
    CHECK((*m)["subject"].size() == 1);
    CHECK(first_subject(*m) == "Marin County");
    // (a list of states stays a list)
    const Json* l = claim_at(cs, text, "$3.1 billion");
    REQUIRE(l);
    INFO(l->dump());
    CHECK((*l)["subject"].size() == 3);
}

TEST_CASE("a sale named before the figure makes the 'of' phrase after it what the sale sold") {
    const std::string text =
        "Kenya sold $2 billion of dollar bonds on Monday, the treasury said.\n\n"
        "The sale comprised $800 million of seven-year notes and $1.2 billion of 12-year "
        "notes, the treasury said.\n";
    auto cs = claims_of(text, "2026-11-20");
    for (const char* fig : {"$800 million", "$1.2 billion"}) {
        const Json* c = claim_at(cs, text, fig);
        REQUIRE(c);
        INFO(c->dump());
        CHECK((*c)["metric"] == "bond_issuance");
    }
    const Json* k = claim_at(cs, text, "$800 million");
    REQUIRE(k);
    CHECK(first_subject(*k) == "Kenya");
}

TEST_CASE("'the city's', 'the state's', 'the bloc's' refer back to the last place or bloc of that kind") {
    const std::string text =
        "Peru raised its mining royalty on Tuesday.\n\n"
        "Denver, Colorado, sold $300 million of bonds on Wednesday. The city's sales tax revenue rose 4.2% "
        "in 2025, according to its annual report.\n\n"
        "ASEAN leaders met in Jakarta on Friday. The bloc's exports grew 6% in the third quarter, analysts "
        "at Pemberton Research said.\n\n"
        "Texas passed its budget on Thursday. The state's oil output rose 3.5% in September, consultancy "
        "Permian Data estimated.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* c = claim_at(cs, text, "4.2%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Denver");
    const Json* b = claim_at(cs, text, "6%");
    REQUIRE(b);
    INFO(b->dump());
    CHECK(first_subject(*b) == "Association of Southeast Asian Nations");
    const Json* t = claim_at(cs, text, "3.5%");
    REQUIRE(t);
    INFO(t->dump());
    CHECK(first_subject(*t) == "Texas");
}
