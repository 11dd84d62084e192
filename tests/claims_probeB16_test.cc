// Session 16 (probeB16): names and sources found by reading claimex's output on new text of our
// own (an OPEC+ decision, PMI surveys, jobless claims, wage data, currency interventions, public
// borrowing, Treasury auctions, oil funds, rating actions, a transit budget, airport traffic).
// Each fix is proved here with sentences of our own, in other words and domains than the probe
// that showed it (no held-out text).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("'said in a statement' with no 'that': the reported clause opens at its subject") {
    const std::string text =
        "The Tarrow Valley Council said in a statement it would close two libraries in March.\n\n"
        "The Hollin Ferry Company said in a note on Tuesday the new timetable would be delayed.\n";
    auto cs = claims_of(text, "2026-02-10");
    const Json* a = statement_at(cs, "it would close two libraries");
    REQUIRE(a);
    CHECK(first_source(*a) == "Tarrow Valley Council");
    const Json* b = statement_at(cs, "the new timetable would be delayed");
    REQUIRE(b);
    CHECK(first_source(*b) == "Hollin Ferry");
    CHECK(!statement_at(cs, "in a statement"));
    CHECK(!statement_at(cs, "in a note"));
}

TEST_CASE("a trailing attribution after a speaker's described role: the content is before the comma") {
    // (not the medium after the cue: "in an interview with the Evening Clarion")
    const std::string text =
        "Pemberton Dairies expects milk collections to recover before the winter, its managing director "
        "Iona Blackwood said in an interview with the Evening Clarion.\n";
    auto cs = claims_of(text, "2026-06-02");
    const Json* s = statement_at(cs, "Pemberton Dairies expects milk collections to recover");
    REQUIRE(s);
    INFO(s->dump());
    CHECK(first_source(*s) == "Iona Blackwood");
    CHECK(!statement_at(cs, "in an interview"));
}

TEST_CASE("a holder that is only a place's modifier is the organisation named after it") {
    const std::string text =
        "Hotel occupancy in the region rose 5% in the summer, according to figures compiled by "
        "Lisbon-based research firm Atlantica Hospitality Data.\n";
    auto cs = claims_of(text, "2026-09-15");
    const Json* c = claim_at(cs, text, "5%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "Atlantica Hospitality Data");
}

TEST_CASE("'the body said' is the organisation named last") {
    const std::string text =
        "The Coastal Fisheries Council said cod landings fell 9% last year.\n\n"
        "Herring landings rose 3% over the same period, the body said.\n";
    auto cs = claims_of(text, "2026-03-04");
    const Json* c = claim_at(cs, text, "3%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "Coastal Fisheries Council");
}

TEST_CASE("an opening adverb before a comma is no holder: the organisation after it is") {
    const std::string text =
        "Brantwood Cement said on Monday that quarterly sales rose 2%.\n\n"
        "Separately, Kerrow Glass Group, which makes bottles for brewers, said its sales fell 6% in the "
        "quarter.\n";
    auto cs = claims_of(text, "2026-10-12");
    const Json* c = claim_at(cs, text, "6%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "Kerrow Glass Group");
    CHECK(first_subject(*c) == "Kerrow Glass Group");
}

TEST_CASE("data compiled by a firm after a change's own figure speaks for it (no estimate between)") {
    const std::string text =
        "Cinema admissions in the country fell 7% in the spring, according to figures compiled by "
        "Marisco Screen Analytics.\n";
    auto cs = claims_of(text, "2026-07-01");
    const Json* c = claim_at(cs, text, "7%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "Marisco Screen Analytics");
}
