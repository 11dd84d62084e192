// Pages of several stories ("MUMBAI, June 3 - ... FRANKFURT, June 3 - ..."): each
// dateline starts a story with its own companies, periods and sources, which a
// one-line rule example cannot show (it has no paragraphs).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a briefs page: no subject, period or source crosses a dateline") {
    const std::string text =
        "Company briefs\n\n"
        "MUMBAI, June 3 - Sarangi Bank's net profit rose 18% to Rs 2,340 crore in the January-March quarter, "
        "the lender said on Monday.\n\n"
        "FRANKFURT, June 3 - Elbwerk Chemie agreed to sell its plastics unit to Nordmark Capital. "
        "The company's revenue totalled 14.2 billion euros.\n\n"
        "TOKYO - Sakuragi Motors has debt of 1.2 trillion yen. "
        "Its operating profit was 112 billion yen.\n";
    auto cs = claims_of(text, "2024-06-04");
    const Json* profit = claim_at(cs, text, "18%");
    REQUIRE(profit);
    CHECK(first_subject(*profit) == "Sarangi Bank");
    CHECK(period(*profit) == "2024-Q1");

    const Json* revenue = claim_at(cs, text, "14.2 billion euros");
    REQUIRE(revenue);
    INFO(revenue->dump());
    CHECK(first_subject(*revenue) != "Sarangi Bank");
    CHECK(period(*revenue).empty());
    CHECK(first_source(*revenue).empty());

    const Json* op = claim_at(cs, text, "112 billion yen");
    REQUIRE(op);
    INFO(op->dump());
    CHECK(first_subject(*op) == "Sakuragi Motors");
    CHECK(period(*op).empty());
    CHECK(first_source(*op).empty());
}

TEST_CASE("one dateline is one story") {
    const std::string text =
        "Sarangi Bank profit rises\n\n"
        "MUMBAI, June 3 - Sarangi Bank's net profit rose 18% to Rs 2,340 crore in the January-March quarter, "
        "the lender said on Monday.\n\n"
        "Net interest income rose 11% to Rs 6,120 crore.\n";
    auto cs = claims_of(text, "2024-06-04");
    const Json* nii = claim_at(cs, text, "11%");
    REQUIRE(nii);
    INFO(nii->dump());
    CHECK(first_subject(*nii) == "Sarangi Bank");
    CHECK(period(*nii) == "2024-Q1");
    CHECK(first_source(*nii) == "Sarangi Bank");
}

TEST_CASE("a headline's metric is the one its lead states") {
    const std::string text =
        "Karnavati Bank profit jumps 18% on loan growth\n\n"
        "Karnavati Bank's net profit rose 18% to Rs 2,340 crore in the January-March quarter, "
        "the lender said on Monday, as loans grew at a brisk pace.\n";
    auto cs = claims_of(text, "2024-06-04");
    const Json* h = claim_at(cs, text, "18%");
    REQUIRE(h);
    INFO(h->dump());
    CHECK((*h)["metric"] == "net_profit");
}

TEST_CASE("a company named once after the lead is not the story's company") {
    // A trade story closing on a market move: its figures with no holder named are not the
    // company of that last paragraph.
    const std::string text =
        "EU to impose duties on Chinese steel wire\n\n"
        "BRUSSELS, June 4 (Wire) - The European Commission said on Wednesday it would impose "
        "provisional anti-dumping duties on imports of steel wire from China, after an "
        "investigation found that Chinese producers had sold the product below cost.\n\n"
        "Imports of the wire from China rose to 410,000 tonnes last year from 160,000 tonnes in "
        "2022, taking their share of the EU market to 28%, the Commission said.\n\n"
        "Shares in Voestalpine rose 2.1% in Vienna.\n";
    auto cs = claims_of(text, "2025-06-04");
    const Json* share = claim_at(cs, text, "28%");
    REQUIRE(share);
    INFO(share->dump());
    CHECK(first_subject(*share) != "Voestalpine");

    // named once, but in the lead: still the story's company
    const std::string lead =
        "Kestrel Steel cuts jobs\n\n"
        "SHEFFIELD, June 4 (Wire) - Kestrel Steel said on Wednesday it would close its wire "
        "mill in Rotherham and cut 400 jobs, blaming cheap imports and high energy costs for "
        "the loss of orders.\n\n"
        "Revenue fell 12% to £1.3 billion in the year to March, the filing showed.\n";
    auto ls = claims_of(lead, "2025-06-04");
    const Json* revenue = claim_at(ls, lead, "12%");
    REQUIRE(revenue);
    INFO(revenue->dump());
    CHECK(first_subject(*revenue) == "Kestrel Steel");
}

TEST_CASE("a headline figure takes its restatement's attribution in the lead") {
    // The lead restates the headline's figure with its own attribution; the company's own
    // release later in the story does not govern the headline.
    const std::string text =
        "China Vanke seeks 5 billion yuan loan extension as sales slump\n\n"
        "Shenzhen-based China Vanke has asked creditors to extend repayment of a 5 billion yuan "
        "($690 million) onshore loan by a year, two people familiar with the matter said, as the "
        "developer struggles with falling home sales.\n\n"
        "Vanke's contracted sales fell 34.6% to 246 billion yuan in 2024, the company said in a "
        "stock exchange filing on Thursday.\n";
    auto cs = claims_of(text, "2025-01-17");
    const Json* head = claim_at(cs, text, "5 billion yuan");
    REQUIRE(head);
    INFO(head->dump());
    CHECK(first_source(*head) == "people familiar with the matter");
}
