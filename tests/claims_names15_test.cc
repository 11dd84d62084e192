// Session 15 (names15): names of public bodies and references on the diagnostic set — one
// canonical ministry form, customs data named by the country's customs authority, and "the
// bank" in a story about a commercial bank. Each proved here with sentences of our own (no
// held-out text).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a country's lower-case ministry is named 'Ministry of ...', and 'the ministry' after it") {
    const std::string text =
        "MUSCAT, June 3 - Oman's finance ministry said the budget deficit narrowed to 1.2 billion rials in "
        "the first half. Spending rose 4% to 6.1 billion rials, the ministry said.\n";
    auto cs = claims_of(text, "2026-06-03");
    const Json* a = claim_at(cs, text, "1.2 billion rials");
    REQUIRE(a);
    INFO(a->dump());
    CHECK(first_source(*a) == "Ministry of Finance");
    const Json* b = claim_at(cs, text, "6.1 billion rials");
    REQUIRE(b);
    INFO(b->dump());
    CHECK(first_source(*b) == "Ministry of Finance");
}

TEST_CASE("Japan's industry ministry is its Ministry of Economy, Trade and Industry") {
    const std::string text =
        "TOKYO, June 3 - Japan will extend its fuel subsidies to September, the Bank of Japan's forecasts "
        "aside. The subsidies will cut petrol prices by 10 yen a litre, the industry ministry said.\n";
    auto cs = claims_of(text, "2026-06-03");
    const Json* c = claim_at(cs, text, "10 yen");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "Ministry of Economy, Trade and Industry");
}

TEST_CASE("customs data is the customs authority's where the country has one, else the description") {
    const std::string text =
        "BEIJING, June 7 - China's exports rose 4% in May from a year earlier. Customs data showed on "
        "Friday that imports fell 2% to $200 billion.\n";
    auto cs = claims_of(text, "2026-06-07");
    const Json* c = claim_at(cs, text, "$200 billion");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "General Administration of Customs");
    const std::string other = "HANOI, June 7 - Vietnam's exports rose 9% to $38 billion in May, customs data showed.\n";
    auto cs2 = claims_of(other, "2026-06-07");
    const Json* d = claim_at(cs2, other, "$38 billion");
    REQUIRE(d);
    INFO(d->dump());
    CHECK(first_source(*d) == "customs data");
}

TEST_CASE("'the bank said' in a commercial bank's story is that bank, not a central bank named once") {
    const std::string text =
        "MILAN, June 3 - Banca Orsina, Italy's fifth-largest lender, said net profit rose 12% to 410 million "
        "euros in the second quarter. Banca Orsina shares rose 2% in Milan.\n\n"
        "The European Central Bank has cut rates twice this year. Fee income climbed 6% to 900 million "
        "euros, the bank said.\n";
    auto cs = claims_of(text, "2026-06-03");
    const Json* c = claim_at(cs, text, "900 million euros");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "Banca Orsina");
}

TEST_CASE("'the bank said' in a central bank's story stays the central bank") {
    const std::string text =
        "OTTAWA, June 3 - The Bank of Canada cut its policy rate to 2.5% on Wednesday. Inflation will ease "
        "to 2.1% next year, the Bank of Canada said. Shares of Maple Crest Bank rose 1%. Growth will pick "
        "up to 1.4% in 2027, the bank said.\n";
    auto cs = claims_of(text, "2026-06-03");
    const Json* c = claim_at(cs, text, "1.4%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "Bank of Canada");
}

TEST_CASE("'the ministry said' after a minister's title is the ministry the title names") {
    const std::string text =
        "LIMA, June 3 - Chile will lift lithium royalties to 12% from 9%, Mining and Energy Minister Tomas "
        "Reyes said on Monday. Lithium output will reach 290,000 tonnes this year, the ministry said.\n";
    auto cs = claims_of(text, "2026-06-03");
    const Json* c = claim_at(cs, text, "290,000 tonnes");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "Ministry of Mining and Energy");
}
