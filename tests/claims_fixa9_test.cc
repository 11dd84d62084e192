// Claims on text written blind (session 9, fixa9): the general causes behind the errors on
// dev articles 111-114 — a workforce held now, the reported content after "X, which ..., said".
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a figure in a relative clause closed by the holder's 'said' takes no date from what was said") {
    const std::string text =
        "Corran Stores said like-for-like sales rose 3% in the 12 weeks to 28 September.\n\n"
        "The retailer, which employs 8,200 people in 96 stores, said it planned to open shops in the "
        "coming year.\n";
    auto cs = claims_of(text, "2026-10-02");
    for (const char* f : {"8,200 people", "96 stores"}) {
        const Json* c = claim_at(cs, text, f);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(period(*c) == "");
    }
    const Json* r = claim_at(cs, text, "3%");
    REQUIRE(r);
    INFO(r->dump());
    CHECK(period(*r) == "P12W");
}

TEST_CASE("a workforce a company employs is held now, not a figure of the report period") {
    const std::string text =
        "Brennock Foods said revenue rose 6% to $410 million in the six months to September.\n\n"
        "Brennock employs 5,400 people.\n";
    auto cs = claims_of(text, "2026-11-12");
    const Json* c = claim_at(cs, text, "5,400 people");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "");
}

TEST_CASE("'in the half' refers back to the six-month window the results story reports") {
    const std::string text =
        "Morikawa Heavy lifts full-year outlook\n\n"
        "TOKYO -- Morikawa Heavy Industries raised its net profit forecast for the fiscal year ending March "
        "2027 to 90 billion yen on Friday.\n\n"
        "For the six months through September, revenue rose 4% to 610 billion yen.\n\n"
        "Exports added 12 billion yen to operating profit in the half, the company said. The company sold "
        "41,000 machines in the half, down 2% from a year earlier.\n";
    auto cs = claims_of(text, "2026-11-06");
    for (const char* f : {"12 billion yen", "2%"}) {
        const Json* c = claim_at(cs, text, f);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(period(*c) == "P6M");
    }
}

TEST_CASE("a speaker's employer behind a description ('at Selangor-based broker X') is no company a figure refers to") {
    const std::string text =
        "Malaysia's palm oil stocks rose 5% to 2.1 million tonnes in September, data from the Malaysian "
        "Palm Oil Board showed.\n\n"
        "\"Stocks are piling up,\" said Ravi Menon, head of research at Penang-based broker Tanjung "
        "Capital. He expects inventories to peak at around 2.4 million tonnes in November.\n";
    auto cs = claims_of(text, "2026-10-12");
    const Json* c = claim_at(cs, text, "2.4 million tonnes");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) != "Tanjung Capital");
}

TEST_CASE("a data provider's acronym in brackets after 'according to data from X' is no company a figure refers to") {
    const std::string text =
        "Chinese developer Baohua Land Holdings has won creditor backing for its debt plan, people familiar "
        "with the matter said on Thursday.\n\n"
        "The company's contracted sales fell 30% in the first ten months of the year to 20 billion yuan, "
        "according to data from Lianhe Property Research Corp (LPR), as buyers stayed away.\n";
    auto cs = claims_of(text, "2026-11-12");
    const Json* c = claim_at(cs, text, "30%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c).rfind("Baohua Land", 0) == 0);
}

TEST_CASE("a subject phrase does not reach back past another figure's clause and its 'and'") {
    const std::string text =
        "Palm oil futures fell 1% to 4,286 ringgit a tonne on Monday.\n\n"
        "He expects inventories to peak at around 2.5 million tonnes in November and prices to fall "
        "towards 4,000 ringgit by the end of the year.\n";
    auto cs = claims_of(text, "2026-10-12");
    const Json* c = claim_at(cs, text, "4,000 ringgit");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(c->dump().find("inventories to peak") == std::string::npos);
}

TEST_CASE("a place in a clause of reason after the figure does not hold it") {
    const std::string text =
        "Malaysia's palm oil inventories rose 6.8% to 2.31 million tonnes in September, data from the "
        "Malaysian Palm Oil Board showed on Monday.\n\n"
        "Production edged up 2.1% to 1.94 million tonnes, while exports fell 9.4% to 1.38 million tonnes "
        "as buyers in India cut purchases, the board said.\n";
    auto cs = claims_of(text, "2026-10-12");
    const Json* c = claim_at(cs, text, "9.4%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Malaysia");
}

TEST_CASE("what adds an amount to a metric is a contributor, not the metric's holder") {
    const std::string text =
        "Oshiro Motor said operating profit rose 9% to 410 billion yen in the six months through September.\n\n"
        "Currency movements added 80 billion yen to operating profit in the half, the company said.\n";
    auto cs = claims_of(text, "2026-11-06");
    const Json* c = claim_at(cs, text, "80 billion yen");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Oshiro Motor");
}

TEST_CASE("an analyst raising his own forecast is its source") {
    const std::string text =
        "Brenmoor Stores said like-for-like sales rose 4% in the 13 weeks to 3 January.\n\n"
        "Jonathan Reeve, retail analyst at Carden Securities, said the update was strong. He raised his "
        "pre-tax profit forecast for the year to 300 million pounds from 280 million pounds.\n";
    auto cs = claims_of(text, "2027-01-08");
    const Json* c = claim_at(cs, text, "300 million pounds");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "Jonathan Reeve");
}

TEST_CASE("a sub-headline's change restates the body's same figure and takes its period") {
    const std::string text =
        "Corran's Christmas sales beat forecasts\n\n"
        "Like-for-like sales up 3.8 per cent in festive quarter\n\n"
        "Corran Stores, the fashion and homewares chain, said like-for-like sales rose 3.8 per cent in "
        "the 12 weeks to 3 January, as shoppers returned to its high street stores.\n";
    auto cs = claims_of(text, "2027-01-08");
    const Json* c = claim_at(cs, text, "3.8 per cent");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "P12W");
    CHECK(inherited(*c));
}
