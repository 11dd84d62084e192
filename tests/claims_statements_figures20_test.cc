// Statements beside figure claims in reported speech, from fresh sentences written for
// session 20 (sources20): a figure in the speaker's own relative clause ("X, which manages
// ..., said ...") leaves the reported clause a statement; "said in a statement on Monday
// that ..." opens its content after "that"; a last conjunct with no money or percentage
// (", and is closing its oldest plant ...") is a statement of its own; and the reported words
// make one statement, not two.
#include "tests/claims_support.h"

using namespace claims_support;

namespace {
size_t statements_of(const std::vector<Json>& cs) {
    size_t n = 0;
    for (const Json& c : cs) n += c["kind"] == "statement";
    return n;
}
}  // namespace

TEST_CASE("a figure in the speaker's relative clause leaves the reported clause a statement") {
    const std::string text =
        "Tarvo Mining, which supplies about 2 million homes in the north, said it was surprised by the ruling.\n";
    auto cs = claims_of(text, "2026-11-24");
    const Json* s = statement_at(cs, "it was surprised by the ruling");
    REQUIRE(s);
    CHECK(first_source(*s) == "Tarvo Mining");
}

TEST_CASE("said in a statement on a day that: the content opens after that") {
    const std::string text =
        "The Drava Teachers Fund, which oversees 52 billion euros for 210,000 teachers, said in a statement "
        "on Monday that the merger would lower its costs.\n";
    auto cs = claims_of(text, "2026-11-24");
    const Json* s = statement_at(cs, "the merger would lower its costs");
    REQUIRE(s);
    CHECK(first_source(*s) == "Drava Teachers Fund");
}

TEST_CASE("a last conjunct with no money or percentage is a statement of the speaker") {
    const std::string text =
        "Velmora Foods said it expects sales of about 4.1 billion euros this year, and is closing its oldest plant "
        "in northern France to cut costs.\n\n"
        "Harlow Mining said output rose 6% to 2.1 million tonnes, and that it would review its coal unit.\n";
    auto cs = claims_of(text, "2026-11-24");
    const Json* s = statement_at(cs, "is closing its oldest plant");
    REQUIRE(s);
    CHECK(first_source(*s) == "Velmora Foods");
    const Json* t = statement_at(cs, "it would review its coal unit");
    REQUIRE(t);
    CHECK(first_source(*t) == "Harlow Mining");
}

TEST_CASE("a last conjunct with a figure of its own makes no statement") {
    const std::string text =
        "Velmora Foods said it expects sales of about 4.1 billion euros this year, and will cut 5% of its "
        "staff by March.\n";
    auto cs = claims_of(text, "2026-11-24");
    CHECK(statements_of(cs) == 0);
}

TEST_CASE("the later that-clause after a figure is one statement") {
    const std::string text =
        "Central bank trims rate\n\n"
        "The Ostland central bank cut its rate to 4.25% on Wednesday, but Governor Ana Ruiz said on Thursday "
        "that policymakers were in no hurry to ease again.\n";
    auto cs = claims_of(text, "2026-11-24");
    CHECK(statements_of(cs) == 1);
    CHECK(statement_at(cs, "policymakers were in no hurry"));
}

TEST_CASE("a last conjunct whose count made a claim makes no statement") {
    const std::string text =
        "Chief financial officer Lena Moss said costs would be about $2.3 billion this year, and that the "
        "lender planned to cut 450 jobs in its card unit by June.\n";
    auto cs = claims_of(text, "2026-11-24");
    CHECK_FALSE(statement_at(cs, "the lender planned"));
}
