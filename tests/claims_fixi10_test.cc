// Claims on text written blind (session 10, fixi10): the general causes behind the errors on
// dev articles 136-140 — a company's short form over a place or after a foreign industry word,
// the size of a bond sale named by its noun, a pronoun holder inside a word.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a headline's short form of a company over a region word is the company") {
    const std::string text =
        "Arctic Crest orders ten ferries worth $900m\n\n"
        "OSLO, March 3 - Arctic Crest Lines, the Norwegian operator, agreed on Tuesday to buy ten ferries "
        "in a deal worth about $900 million, the company said.\n";
    auto cs = claims_of(text, "2026-03-03");
    const Json* c = claim_at(cs, text, "$900m");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Arctic Crest Lines");
}

TEST_CASE("a company introduced after a foreign industry word keeps its full name in its short form") {
    const std::string text =
        "LIMA, May 4 - Peruvian zinc producer Minera Punta Verde said its first-quarter net profit rose "
        "12% to $84 million.\n\n"
        "Punta Verde's revenue climbed 9% to $410 million.\n";
    auto cs = claims_of(text, "2026-05-04");
    const Json* c = claim_at(cs, text, "9%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Minera Punta Verde");
}

TEST_CASE("an auction or sale 'of' bonds sized by the figure is bond issuance") {
    const std::string text =
        "WASHINGTON, Nov 10 - A $42 billion auction of 10-year notes drew strong bids on Tuesday. The "
        "government will offer $25 billion of 30-year bonds on Wednesday.\n";
    auto cs = claims_of(text, "2026-11-10");
    for (const char* f : {"$42 billion", "$25 billion"}) {
        const Json* c = claim_at(cs, text, f);
        REQUIRE(c);
        INFO(c->dump());
        CHECK((*c)["metric"] == "bond_issuance");
    }
}

TEST_CASE("'the notes' is no pronoun holder 'he notes'") {
    const std::string text =
        "Indirect bidders took 74.8% of the notes, the largest share since May.\n";
    auto cs = claims_of(text, "2026-11-10");
    const Json* c = claim_at(cs, text, "74.8%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "");
}

TEST_CASE("', up from' after a chance of a cut is the change of those odds") {
    const std::string text =
        "Futures markets now price a roughly 65% chance of a quarter-point cut at the Fed's January "
        "meeting, up from about 40% a week ago.\n";
    auto cs = claims_of(text, "2026-11-10");
    const Json* c = claim_at(cs, text, "65%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["kind"] == "change");
    CHECK((*c)["metric"] == "rate_cut_probability");
}

TEST_CASE("'the carrier said' is the company introduced as a carrier, not the planemaker named more") {
    const std::string text =
        "Tasman Skies, the Auckland-based carrier, agreed to buy 30 Boeing jets on Tuesday. Boeing said "
        "the jets were 737s. Boeing shares rose.\n\n"
        "The airline flew 9.2 million passengers last year, up 11%, the carrier said.\n";
    auto cs = claims_of(text, "2026-11-10");
    const Json* c = claim_at(cs, text, "11%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "Tasman Skies");
}

TEST_CASE("an authority inside a relative clause on the metric does not take over the release's figure") {
    const std::string text =
        "Britain's annual rate of consumer price inflation fell to 2.9 per cent in October from 3.3 per "
        "cent in September, the Office for National Statistics said on Wednesday.\n\n"
        "The Bank of England had forecast 3.1 per cent in its November Monetary Policy Report.\n\n"
        "Services inflation, which the Bank watches closely, slowed to 4.1 per cent from 4.6 per cent.\n";
    auto cs = claims_of(text, "2026-11-18");
    const Json* c = claim_at(cs, text, "4.1 per cent");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "Office for National Statistics");
}

TEST_CASE("a data provider's odds in one sentence do not source the market moves of the next") {
    const std::string text =
        "Traders now see a 75% chance that the Bank of England will cut rates in February, according to "
        "LSEG calculations. Two-year gilt yields fell 8 basis points to 3.52%, and sterling slipped 0.3% "
        "to $1.3110.\n";
    auto cs = claims_of(text, "2026-11-18");
    for (const char* f : {"8 basis points", "0.3%"}) {
        const Json* c = claim_at(cs, text, f);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(first_source(*c) == "");
    }
}

TEST_CASE("a date in a second reported clause ('and that ... by late 2027') dates that clause's figure only") {
    const std::string text =
        "She said inflation had eased to 2.7% on the bank's preferred measure and that she expected it to "
        "reach the 2% target by late 2027.\n";
    auto cs = claims_of(text, "2026-11-10");
    const Json* eased = claim_at(cs, text, "2.7%");
    REQUIRE(eased);
    INFO(eased->dump());
    CHECK(period(*eased) == "");
    const Json* target = claim_at(cs, text, "2%");
    REQUIRE(target);
    INFO(target->dump());
    CHECK(period(*target) == "2027");
}
