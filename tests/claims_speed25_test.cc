// Session 25 (speed25c): a statement's dateline, looked for only where it can count (three
// leading capitals, a dash within 60 bytes), is still cut, and a later dash is still content.
#include "tests/claims_support.h"

using namespace claims_support;

namespace {
const std::string kLenders =
    "Nordic lenders brace for a slower year\n\n"
    "HELSINKI, March 3 - Household borrowing will keep slowing through the spring as rates stay high, "
    "the Bank of Finland said on Tuesday.\n\n"
    "OECD economists expect that growth across the whole Nordic region will slow sharply next year - and "
    "perhaps beyond, the group said on Monday.\n";
}  // namespace

TEST_CASE("a dateline before a statement's content is cut") {
    auto cs = claims_of(kLenders, "2026-03-03");
    const Json* s = statement_at(cs, "Household borrowing");
    REQUIRE(s);
    CHECK(statement_at(cs, "HELSINKI") == nullptr);
}

TEST_CASE("a dash past the first 60 bytes of content that opens with capitals is content") {
    auto cs = claims_of(kLenders, "2026-03-03");
    const Json* s = statement_at(cs, "OECD economists");
    REQUIRE(s);
    CHECK((*s)["statement"]["text"].get<std::string>().find("- and perhaps beyond") != std::string::npos);
}
