// Sources of claims across paragraphs, from fresh attribution styles written
// for session 4 (round 2): a headline's short name written out below it, a
// rating agency as "the agency", a re-reported story's market moves, a poll
// between a release and its figures, a company's results beside an
// economy's figures. What a one-line rule example cannot show.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a headline's short name takes the organisation the story writes out below it") {
    const std::string text =
        "Jio adds 8 million users in October, Trai data shows\n\n"
        "Reliance Jio added 8.1 million wireless subscribers in October, according to data released by the "
        "Telecom Regulatory Authority of India (Trai) on Tuesday.\n";
    auto cs = claims_of(text, "2026-11-25");
    const Json* head = claim_at(cs, text, "8 million");
    REQUIRE(head);
    INFO(head->dump());
    CHECK(first_source(*head) == "Telecom Regulatory Authority of India");
}

TEST_CASE("a re-reported story's share moves are the market's, its headline keeps the lead's citation") {
    const std::string text =
        "SoftBank weighs $15bn bond sale\n\n"
        "SoftBank Group is preparing to raise $15bn through a bond sale, the Nikkei reported on Monday, citing "
        "people familiar with the matter.\n\n"
        "Moody's rates the group Ba1. The agency said in July that leverage could rise above 20%.\n\n"
        "Shares in SoftBank fell 2.1% in Tokyo on Monday.\n";
    auto cs = claims_of(text, "2026-11-24");
    const Json* head = claim_at(cs, text, "$15bn");
    REQUIRE(head);
    INFO(head->dump());
    REQUIRE(head->at("sources").size() == 2);
    CHECK(first_source(*head) == "Nikkei");
    CHECK((*head)["sources"][1]["name"] == "people familiar with the matter");
    const Json* lev = claim_at(cs, text, "20%");
    REQUIRE(lev);
    CHECK(first_source(*lev) == "Moody's");
    const Json* shares = claim_at(cs, text, "2.1%");
    REQUIRE(shares);
    INFO(shares->dump());
    CHECK((*shares)["sources"].empty());
}

TEST_CASE("a poll and a company's results do not govern a statistics release's later figures") {
    const std::string text =
        "BERLIN, Nov 6 (Wire) - German industrial orders fell 4.2% in September, the Federal Statistics "
        "Office said on Thursday.\n\n"
        "Economists polled by Reuters had forecast a drop of 1.5%. Orders from abroad fell 5.8%.\n\n"
        "BMW reported a 61% fall in third-quarter net profit to 476 million euros.\n\n"
        "Germany's industrial production fell 2.5% in August.\n";
    auto cs = claims_of(text, "2026-11-06");
    const Json* poll = claim_at(cs, text, "1.5%");
    REQUIRE(poll);
    CHECK(first_source(*poll) == "Reuters");
    const Json* abroad = claim_at(cs, text, "5.8%");
    REQUIRE(abroad);
    INFO(abroad->dump());
    CHECK(first_source(*abroad) == "Federal Statistics Office");
    const Json* bmw = claim_at(cs, text, "61%");
    REQUIRE(bmw);
    CHECK(first_source(*bmw) == "BMW");
    const Json* ip = claim_at(cs, text, "2.5%");
    REQUIRE(ip);
    INFO(ip->dump());
    CHECK(first_source(*ip) == "Federal Statistics Office");
}

TEST_CASE("a share move after a quote is not the speaker's") {
    const std::string text =
        "Brightwave Media said on Tuesday it would cut 1,500 jobs.\n\n"
        "\"This is a painful but necessary step,\" chief financial officer Priya Shah said. Brightwave shares "
        "closed down 4.2% at 212p.\n";
    auto cs = claims_of(text, "2026-11-25");
    const Json* shares = claim_at(cs, text, "4.2%");
    REQUIRE(shares);
    INFO(shares->dump());
    CHECK((*shares)["sources"].empty());
}

// Session 6 (srcinherit8): a wire relaying a ministry's data across paragraphs, and history
// told as background after a company's release.
TEST_CASE("a relay of a ministry's data passes on its chain, not to a company's own figures") {
    const std::string text =
        "South Korea's exports rise for 14th month\n\n"
        "South Korea's exports rose 7.5% in November from a year earlier to $58.2 billion, the Yonhap news "
        "agency reported, citing data from the trade ministry.\n\n"
        "Chip exports jumped 31% to $12.5 billion. Imports rose 2.4% to $52.6 billion.\n\n"
        "Samsung Electronics, the country's biggest exporter, employs about 125,000 people in South Korea.\n";
    auto cs = claims_of(text, "2026-12-01");
    const Json* imports = claim_at(cs, text, "2.4%");
    REQUIRE(imports);
    INFO(imports->dump());
    REQUIRE(imports->at("sources").size() == 2);
    CHECK(first_source(*imports) == "Yonhap");
    CHECK((*imports)["sources"][1]["name"] == "Ministry of Trade, Industry and Energy");  // (Korea's, bare_institutions.tsv)
    const Json* staff = claim_at(cs, text, "125,000 people");
    REQUIRE(staff);
    INFO(staff->dump());
    CHECK((*staff)["sources"].empty());
}

TEST_CASE("history told as background takes no release's source") {
    const std::string text =
        "Nordvik Airlines profit drops 18%\n\n"
        "Nordvik Airlines' third-quarter operating profit fell 18% to 2.3 billion Norwegian crowns, the "
        "Oslo-based airline said in a statement on Thursday.\n\n"
        "Revenue rose 6% to 14.8 billion crowns.\n\n"
        "Nordvik Airlines shares fell 4.1% in Oslo. The airline cut 2,000 jobs in 2020.\n";
    auto cs = claims_of(text, "2025-10-23");
    const Json* rev = claim_at(cs, text, "14.8 billion crowns");
    REQUIRE(rev);
    CHECK(first_source(*rev) == "Nordvik Airlines");
    const Json* cut = claim_at(cs, text, "2,000 jobs");
    REQUIRE(cut);
    INFO(cut->dump());
    CHECK((*cut)["sources"].empty());
}
