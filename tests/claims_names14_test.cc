// Session 14 (names14): company names, short forms and sources on the diagnostic set — a paper
// named by its city, two names joined by "&", a company officer named after "said its ...", a
// capital-letter dateline that is no holder, and a listing's prospectus. Each proved here with
// sentences of our own (no held-out text).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a paper named by its city is the source, not the city and a shorter paper") {
    const std::string text =
        "NAIROBI, March 2 - Kenya's tea exports fell 7% to 41,000 tonnes in January, Mombasa Business Daily "
        "reported. Coffee sales rose 3% to $90 million, according to Lima Financial Times.\n";
    auto cs = claims_of(text, "2026-03-02");
    const Json* a = claim_at(cs, text, "7%");
    REQUIRE(a);
    INFO(a->dump());
    CHECK(first_source(*a) == "Mombasa Business Daily");
    const Json* b = claim_at(cs, text, "3%");
    REQUIRE(b);
    INFO(b->dump());
    CHECK(first_source(*b) == "Lima Financial Times");
}

TEST_CASE("two names joined by '&' that report are one company, subject and source") {
    const std::string text =
        "LONDON, March 2 - Hollis & Crane reported revenue of 420 million pounds for the year to January, "
        "up 6%.\n";
    auto cs = claims_of(text, "2026-03-02");
    const Json* c = claim_at(cs, text, "420 million pounds");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Hollis & Crane");
    CHECK(first_source(*c) == "Hollis & Crane");
}

TEST_CASE("'said its chief financial officer, Name' after a dateline is the officer's") {
    const std::string text =
        "OSLO, March 2 - Brekke Maritime's freight revenue rose 12% to NOK 3.1 billion in the fourth quarter, "
        "said its chief financial officer, Sigrid Aune.\n";
    auto cs = claims_of(text, "2026-03-02");
    const Json* c = claim_at(cs, text, "12%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "Sigrid Aune");
    CHECK(first_subject(*c) == "Brekke Maritime");
}

TEST_CASE("'according to its prospectus' is the listing company's") {
    const std::string text =
        "Dravik Semiconductor is seeking to raise $800 million in a listing in New York. Dravik's net loss "
        "narrowed to $45 million last year from $120 million, according to its prospectus.\n";
    auto cs = claims_of(text, "2026-03-02");
    const Json* c = claim_at(cs, text, "$45 million");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "Dravik Semiconductor");
}

TEST_CASE("a country's ministry keeps the country in its source span and names the ministry") {
    const std::string text = "Grain exports fell 9% to 2.1 million tonnes in March, Ukraine's Agriculture Ministry said.\n";
    auto cs = claims_of(text, "2026-03-02");
    const Json* c = claim_at(cs, text, "9%");
    REQUIRE(c);
    INFO(c->dump());
    REQUIRE(!(*c)["sources"].empty());
    const Json& s = (*c)["sources"][0];
    // (Ukraine's by its official English name since session 23, names15's rule: bare_institutions.tsv)
    CHECK(s["name"] == "Ministry of Agrarian Policy and Food");
    const size_t b = s["start"].get<size_t>(), e = s["end"].get<size_t>();
    CHECK(text.substr(b, e - b) == "Ukraine's Agriculture Ministry said");
}

TEST_CASE("a counted group of a named body told a paper: the group is the source") {
    const std::string text =
        "Tarvos Mining will cut output by 8% next year, two Tarvos executives told the Harbour Times.\n";
    auto cs = claims_of(text, "2026-03-02");
    const Json* c = claim_at(cs, text, "8%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "Tarvos executives");
}

TEST_CASE("a short form between the full name and its first word names the company") {
    const std::string text =
        "SINGAPORE, May 4 - Kerrow Land Holdings reported a 12% rise in profit. Kerrow Land said rental "
        "income rose 5% to S$800 million.\n";
    auto cs = claims_of(text, "2026-05-04");
    const Json* c = claim_at(cs, text, "5%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "Kerrow Land Holdings");
}
