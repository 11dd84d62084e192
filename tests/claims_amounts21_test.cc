// Session 21 (amounts21): subjects of amount claims, families the diagnostic batches showed.
// Sentences of our own (no held-out text).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a figure in a relative clause on an apposition is the described holder's") {
    const std::string text =
        "Arlanza Grid is owned by the city of Leon and by Pinecrest Capital, an infrastructure fund that bought "
        "a 40% stake for 900 million euros in 2018.\n\n"
        "The airport is run by Corvo Partners, a Lisbon-based investor which paid 300 million euros for it in "
        "2019.\n\n"
        "Norvale Foods, a dairy group that employs 4,000 people, said sales rose 3%.\n";
    auto cs = claims_of(text, "2026-05-10");
    for (const char* a : {"40%", "900 million euros"}) {
        const Json* c = claim_at(cs, text, a);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(first_subject(*c) == "Pinecrest Capital");
    }
    const Json* p = claim_at(cs, text, "300 million euros");
    REQUIRE(p);
    INFO(p->dump());
    CHECK(first_subject(*p) == "Corvo Partners");
    const Json* n = claim_at(cs, text, "4,000 people");
    REQUIRE(n);
    CHECK(first_subject(*n) == "Norvale Foods");
}

TEST_CASE("a time adjunct between a cue and 'that' is no part of the subject") {
    const std::string text =
        "Orrin Power said in a filing late on Tuesday that its revenue rose 4.1% in March.\n\n"
        "Brava Telecom said on Monday that subscriber numbers rose 2% to 9.1 million.\n";
    auto cs = claims_of(text, "2026-05-10");
    const Json* c = claim_at(cs, text, "4.1%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Orrin Power");
    for (const Json& x : cs) {
        INFO(x.dump());
        if (!x["subject"].empty()) CHECK(first_subject(x).rfind("on ", 0) != 0);
        if (!x["subject"].empty()) CHECK(first_subject(x).rfind("in ", 0) != 0);
    }
}
