// Session 18 (periods18): dates that are no period (a bond's maturity, the year a holder listed),
// a reference to a body by the noun its name has, and a wire dateline before a holder's
// apposition. Sentences of our own (no held-out text).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a bond's maturity year is which bond it is, not the figure's period") {
    const std::string text =
        "Lakeport County sold $450 million of water revenue bonds on Wednesday. Bonds maturing in 2051 "
        "were priced to yield 4.05%, and the shortest, due in 2029, 2.9%.\n\n"
        "Notes that mature in 2030 carried a coupon of 6.25%, the county said.\n";
    auto cs = claims_of(text, "2026-11-19");
    for (const char* anchor : {"4.05%", "2.9%", "6.25%"}) {
        const Json* c = claim_at(cs, text, anchor);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(period(*c) != "2051");
        CHECK(period(*c) != "2029");
        CHECK(period(*c) != "2030");
    }
}

TEST_CASE("a bond's maturity leaves a yield move the day of its clause") {
    const std::string text =
        "The yield on the Kenyan government bond due 2032 rose 12 basis points to 9.4% on Monday.\n";
    auto cs = claims_of(text, "2026-11-19");
    const Json* c = claim_at(cs, text, "12 basis points");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2026-11-16");
}

TEST_CASE("the year a holder listed dates its origin, not its workforce") {
    const std::string text =
        "Tarvo Freight reported a loss on Tuesday. Tarvo Freight, which listed in 2021, has about "
        "3,100 employees and sells most of its services to retailers.\n";
    auto cs = claims_of(text, "2026-11-19");
    const Json* c = claim_at(cs, text, "3,100 employees");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) != "2021");
}

TEST_CASE("'the department' is the body named with that noun, not a later office of another noun") {
    const std::string text =
        "The Canadian Finance Department said on Monday that Norvale Bank would pay $90 million to "
        "settle the case.\n\n"
        "The settlement includes $60 million for breaches of rules enforced by the Office of the "
        "Superintendent of Financial Institutions, the department said.\n";
    auto cs = claims_of(text, "2026-11-19");
    const Json* c = claim_at(cs, text, "$60 million");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) != "Office of the Superintendent of Financial Institutions");
}

TEST_CASE("a dateline with the wire's name heads no holder before a listed apposition") {
    const std::string text =
        "DURBAN, 3 March (Veld Wire) - Kwena Outdoor, the camping and garden retailer, said on Tuesday "
        "its sales rose 7% in the year to February.\n";
    auto cs = claims_of(text, "2027-03-04");
    const Json* c = claim_at(cs, text, "7%");
    REQUIRE(c);
    INFO(c->dump());
    // (no holder at all is left for the lead here: the pattern's apposition takes no "and"
    // list after the dateline; a company with a release of its own still covers its figures)
    CHECK(first_source(*c) != "Durban");
}

TEST_CASE("a guidance's year governs no later figure the paragraph reports") {
    const std::string text =
        "Kestrel Bay Mining shipped a record 6.2 million tonnes of coal in the September quarter, up 5% "
        "from a year earlier, the miner said on Thursday.\n\n"
        "Output rose 3% to 6.4 million tonnes, and the company kept its shipments guidance for the 2027 "
        "financial year at 24 to 26 million tonnes. Unit costs fell to $61 a tonne.\n";
    auto cs = claims_of(text, "2026-10-22");
    const Json* g = claim_at(cs, text, "24 to 26 million tonnes");
    REQUIRE(g);
    INFO(g->dump());
    CHECK(period(*g) == "FY2027");
    const Json* c = claim_at(cs, text, "$61");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2026-Q3");
}
