// Statements of a holder whose attribution is no source mention (session 9, stmt9): the
// sentence's opening holder going on with ", saying ..." or "... and said ..." after an act of
// its own, and a terse headline clause after "X says". Fresh sentences written for these
// tests; each family has a case that must make no statement.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("', saying ...' after a holder's act with a figure is the holder's statement") {
    const std::string text =
        "Watchdog fines broadband firm\n\n"
        "LONDON, Nov 30 - Ofcom fined Telvex £3.2mn on Monday, saying the company had misled customers about "
        "broadband speeds.\n";
    auto cs = claims_of(text, "2026-11-30");
    const Json* s = statement_at(cs, "the company had misled customers");
    REQUIRE(s);
    CHECK(first_source(*s) == "Ofcom");
}

TEST_CASE("'the regulator' heading the sentence is the agency named before it") {
    const std::string text =
        "Grid plan cut\n\n"
        "Ofgem published its final decision on Northwell's plan on Tuesday.\n\n"
        "The regulator also cut £1.4bn from the proposed spending, saying several substations had not been needed.\n";
    auto cs = claims_of(text, "2026-11-30");
    const Json* s = statement_at(cs, "several substations had not been needed");
    REQUIRE(s);
    CHECK(first_source(*s) == "Ofgem");
}

TEST_CASE("', saying' with a figure of its own makes no statement") {
    const std::string text =
        "Rate cut\n\n"
        "Bank Negara trimmed its policy rate to 2.75% on Thursday, saying the ringgit had steadied at about 4,300 "
        "per dollar.\n";
    auto cs = claims_of(text, "2026-11-30");
    CHECK_FALSE(statement_at(cs, "the ringgit had steadied"));
}

TEST_CASE("'... and said it would ...' after a central bank's act is the bank's statement") {
    const std::string text =
        "Chile cuts rates\n\n"
        "The Central Bank of Chile met on Tuesday.\n\n"
        "Chile's central bank lowered its policy rate to 4.5% and said it would keep a \"cautious stance\" as "
        "copper prices swing.\n";
    auto cs = claims_of(text, "2026-11-30");
    const Json* s = statement_at(cs, "it would keep a");
    REQUIRE(s);
    CHECK(first_source(*s) == "Central Bank of Chile");
}

TEST_CASE("a terse standfirst clause after 'X says' is a statement, a bare act is not") {
    const std::string text =
        "Budget taps $900 million of reserves; Fitch says outlook remains negative\n\n"
        "The state budget draws $900 million from reserves.\n";
    auto cs = claims_of(text, "2026-11-30");
    const Json* s = statement_at(cs, "outlook remains negative");
    REQUIRE(s);
    CHECK(first_source(*s) == "Fitch");
    const std::string bare =
        "Budget taps $900 million of reserves; Fitch says little\n\n"
        "The state budget draws $900 million from reserves.\n";
    auto cb = claims_of(bare, "2026-11-30");
    for (const Json& c : cb) CHECK(c["kind"] != "statement");
}

TEST_CASE("'... and warned that ...' after a holder's act is the holder's statement") {
    const std::string text =
        "Rates on hold\n\n"
        "The Bank of Thailand held its policy rate at 1.5% on Wednesday and warned that the baht had become too "
        "volatile for exporters.\n";
    auto cs = claims_of(text, "2026-11-30");
    const Json* s = statement_at(cs, "the baht had become too volatile");
    REQUIRE(s);
    CHECK(first_source(*s) == "Bank of Thailand");
}
