// The claim store and check on synthetic records (the JSON contract), so the
// store is tested apart from extraction: ingest, idempotence, replacement
// with history, queries, verdicts, tolerance, currencies, and faults
// (read-only, locked, full, corrupted).
#include "extractor/store/store.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sqlite3.h>
#include <unistd.h>

using namespace claimex;
using store::Json;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        char tmpl[] = "/tmp/claimex-store-XXXXXX";
        path = mkdtemp(tmpl);
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path, fs::perms::owner_all, ec);
        fs::remove_all(path, ec);
    }
};

Json money(double v, const std::string& cur, const std::string& text) {
    return {{"type", "money"}, {"value", v}, {"currency", cur}, {"text", text}, {"start", 0}, {"end", 1}};
}

Json claim(const std::string& id, std::vector<std::string> subject, const std::string& metric, Json value,
           const std::string& period, const std::string& from, const std::string& to, Json equivalents = Json::array(),
           const std::string& source = "Financial Times") {
    Json c;
    c["id"] = id;
    c["kind"] = "amount";
    c["sentence"] = {{"start", 0}, {"end", 10}};
    c["subject"] = subject;
    c["metric"] = metric;
    c["value"] = value;
    c["equivalents"] = equivalents;
    c["change"] = nullptr;
    c["period"] = period.empty() ? Json(nullptr) : Json{{"value", period}, {"from", from}, {"to", to}};
    c["baseline"] = nullptr;
    c["sources"] = Json::array({{{"name", source}, {"cue", "reported"}, {"inherited", false}}});
    c["confidence"] = 0.9;
    return c;
}

Json record(const std::string& id, std::vector<Json> claims, const std::string& text = "text") {
    Json r;
    r["id"] = id;
    r["url"] = "https://example.org/" + id;
    r["title"] = "Title " + id;
    r["published"] = "2024-08-26";
    r["publisher"] = "Example News";
    r["mentions"] = Json::array({money(5e10, "CNY", "50 billion yuan")});
    r["claims"] = claims;
    r["text"] = text;
    return r;
}

Json capex(const std::string& id, double v, const std::string& text, const std::string& period = "2024-H1") {
    return claim(id, {"Alibaba", "Tencent", "Baidu"}, "capital_expenditure", money(v, "CNY", text), period,
                 period == "2024-H1" ? "2024-01-01" : "2023-01-01", period == "2024-H1" ? "2024-06-30" : "2023-06-30",
                 Json::array({money(7e9, "USD", "US$7 billion")}));
}

}  // namespace

TEST_CASE("ingest is idempotent and a changed document keeps its history") {
    TempDir d;
    auto db = store::Store::open(d.path / "claims.db");
    auto r1 = db.ingest(record("a", {capex("c1", 5e10, "50 billion yuan")}, "v1"));
    CHECK(r1.outcome == store::IngestOutcome::added);
    CHECK(r1.claims == 1);
    auto r2 = db.ingest(record("a", {capex("c1", 5e10, "50 billion yuan")}, "v1"));
    CHECK(r2.outcome == store::IngestOutcome::unchanged);
    CHECK(db.stats().claims == 1);
    auto r3 = db.ingest(record("a", {capex("c2", 4.8e10, "48 billion yuan")}, "v2"));
    CHECK(r3.outcome == store::IngestOutcome::replaced);
    CHECK(db.stats().documents == 1);
    CHECK(db.stats().claims == 1);
    auto h = db.history("a");
    REQUIRE(h.size() == 1);
    CHECK(h[0]["version"] == 2);
    CHECK(h[0]["removed"][0] == "c1");
    CHECK(h[0]["added"][0] == "c2");
    CHECK(db.has_document("a"));
    CHECK(db.has_document("https://example.org/a"));
    CHECK(!db.has_document("b"));
}

TEST_CASE("the schema is versioned and reopening keeps the data") {
    TempDir d;
    {
        auto db = store::Store::open(d.path / "claims.db");
        db.ingest(record("a", {capex("c1", 5e10, "50 billion yuan")}));
    }
    auto db = store::Store::open(d.path / "claims.db");
    CHECK(db.stats().claims == 1);
    sqlite3* raw = nullptr;
    sqlite3_open((d.path / "claims.db").c_str(), &raw);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &s, nullptr);
    sqlite3_step(s);
    CHECK(sqlite3_column_int(s, 0) == store::Store::schema_version());
    sqlite3_finalize(s);
    sqlite3_close(raw);
}

TEST_CASE("query and stats") {
    TempDir d;
    auto db = store::Store::open(d.path / "claims.db");
    db.ingest(record("a", {capex("c1", 5e10, "50 billion yuan")}));
    db.ingest(record("b", {claim("c9", {"Toyota"}, "revenue", money(3e12, "JPY", "¥3 trillion"), "2024", "2024-01-01",
                                 "2024-12-31", Json::array(), "Nikkei")}));
    // One field of the filter set, the others at their defaults.
    auto query = [&](std::string store::QueryFilter::*field, std::string value) {
        store::QueryFilter f;
        f.*field = std::move(value);
        return db.query(f);
    };
    CHECK(query(&store::QueryFilter::subject, "alibaba").size() == 1);
    CHECK(query(&store::QueryFilter::metric, "revenue").size() == 1);
    CHECK(query(&store::QueryFilter::source, "Nikkei").size() == 1);
    CHECK(query(&store::QueryFilter::period, "2024-03").size() == 2);
    CHECK(query(&store::QueryFilter::period, "2023").empty());
    auto st = db.stats();
    CHECK(st.documents == 2);
    CHECK(st.claims == 2);
    CHECK(st.by_metric.size() == 2);
}

TEST_CASE("stated precision") {
    CHECK(store::stated_tolerance(money(5e10, "CNY", "50 billion yuan")) == Approx(0.5e9));
    CHECK(store::stated_tolerance(money(3.23e9, "USD", "US$3.23 billion")) == Approx(0.005e9));
    CHECK(store::stated_tolerance(money(1.2e10, "INR", "Rs 1,200 crore")) == Approx(0.5e7));
    CHECK(store::stated_tolerance(money(0.3, "GBP", "30p")) == Approx(0.005));
}

TEST_CASE("check verdicts") {
    TempDir d;
    auto db = store::Store::open(d.path / "claims.db");
    db.ingest(record("stored", {capex("s1", 5e10, "50 billion yuan")}));
    store::Rates no_rates;
    auto verdict = [&](const Json& c) {
        auto vs = store::check_record(db, record("new-article", {c}), no_rates);
        REQUIRE(vs.size() == 1);
        return vs[0];
    };
    SECTION("the same figure is consistent") {
        auto v = verdict(capex("n1", 5e10, "50 billion yuan"));
        CHECK(v.verdict == "consistent");
        CHECK(v.reason.find("Financial Times") != std::string::npos);
    }
    SECTION("within the rounding of the stated figure is consistent") {
        CHECK(verdict(capex("n1", 5.02e10, "50.2 billion yuan")).verdict == "consistent");
    }
    SECTION("beyond the rounding conflicts, and the reason says by how much") {
        auto v = verdict(capex("n1", 4.8e10, "48 billion yuan"));
        CHECK(v.verdict == "conflicting");
        CHECK(v.reason.find("stored 5e10 CNY for 2024-H1 per Financial Times") != std::string::npos);
        CHECK(v.reason.find("4.8e10 CNY") != std::string::npos);
        CHECK(v.reason.find("differs by 4%") != std::string::npos);
        CHECK(v.reason.find("rounding of '48 billion yuan'") != std::string::npos);
    }
    SECTION("another period is related") {
        CHECK(verdict(capex("n1", 2.3e10, "23 billion yuan", "2023-H1")).verdict == "related");
    }
    SECTION("another subject is new") {
        Json c = capex("n1", 5e10, "50 billion yuan");
        c["subject"] = {"ByteDance"};
        CHECK(verdict(c).verdict == "new");
    }
    SECTION("another currency compares through a stated equivalent") {
        Json c = claim("n1", {"Alibaba", "Tencent", "Baidu"}, "capital_expenditure", money(7e9, "USD", "$7 billion"),
                       "2024-H1", "2024-01-01", "2024-06-30");
        auto v = verdict(c);
        CHECK(v.verdict == "consistent");
        CHECK(v.reason.find("equivalent") != std::string::npos);
        Json c2 = c;
        c2["value"] = money(9e9, "USD", "$9 billion");
        CHECK(verdict(c2).verdict == "conflicting");
    }
    SECTION("without equivalent or rate the comparison is not possible, and said so") {
        Json c = claim("n1", {"Alibaba", "Tencent", "Baidu"}, "capital_expenditure", money(6.4e9, "EUR", "€6.4 billion"),
                       "2024-H1", "2024-01-01", "2024-06-30");
        auto v = verdict(c);
        CHECK(v.verdict == "related");
        CHECK(v.reason.find("not possible") != std::string::npos);
        CHECK(v.reason.find("--rates") != std::string::npos);
        // with a rates file it compares
        std::ofstream(d.path / "rates.csv") << "date,currency,rate_to_usd\n2024-01-01,EUR,1.09\n2024-01-01,CNY,0.1408\n";
        auto rates = store::Rates::load(d.path / "rates.csv");
        auto vs = store::check_record(db, record("new-article", {c}), rates);
        CHECK(vs[0].verdict == "consistent");
        CHECK(vs[0].reason.find("rates file") != std::string::npos);
    }
}

TEST_CASE("a bad rates file names the line") {
    TempDir d;
    std::ofstream(d.path / "rates.csv") << "date,currency,rate_to_usd\n2024-01-01,EUR,abc\n";
    REQUIRE_THROWS_WITH(store::Rates::load(d.path / "rates.csv"), Catch::Contains("rates.csv:2"));
}

TEST_CASE("faults give clear errors and lose nothing committed") {
    TempDir d;
    fs::path p = d.path / "claims.db";
    {
        auto db = store::Store::open(p);
        db.ingest(record("a", {capex("c1", 5e10, "50 billion yuan")}));
    }
    SECTION("a corrupted file") {
        fs::path bad = d.path / "bad.db";
        std::ofstream(bad) << std::string(8192, 'x');
        REQUIRE_THROWS_WITH(store::Store::open(bad), Catch::Contains("bad.db") && Catch::Contains("not a"));
    }
    SECTION("a directory") {
        REQUIRE_THROWS_WITH(store::Store::open(d.path), Catch::Contains("is a directory"));
    }
    SECTION("a missing store opened for reading") {
        REQUIRE_THROWS_WITH(store::Store::open(d.path / "none.db", {.read_only = true}), Catch::Contains("no such"));
    }
    SECTION("a full disk rolls back the document being written and keeps the rest") {
        auto db = store::Store::open(p, {.max_bytes = 160 * 1024});
        std::string big(4000, 'y');
        size_t stored = 0;
        bool full = false;
        for (int i = 0; i < 400 && !full; ++i) {
            Json r = record(fmt::format("doc{}", i), {capex(fmt::format("c{}", i), 5e10 + i, "50 billion yuan")},
                            big + std::to_string(i));
            r["title"] = big;
            try {
                db.ingest(r);
                ++stored;
            } catch (const store::StoreError& e) {
                full = true;
                CHECK(std::string(e.what()).find("full") != std::string::npos);
                CHECK(std::string(e.what()).find("claims.db") != std::string::npos);
            }
        }
        REQUIRE(full);
        CHECK(db.stats().documents == stored + 1);  // + "a"
    }
    SECTION("a locked store waits, then says so") {
        sqlite3* other = nullptr;
        sqlite3_open(p.c_str(), &other);
        sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr);
        auto db = store::Store::open(p, {.busy_timeout_ms = 200});
        REQUIRE_THROWS_WITH(db.ingest(record("b", {capex("c2", 5e10, "50 billion yuan")})),
                            Catch::Contains("locked") || Catch::Contains("busy"));
        sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
        sqlite3_close(other);
        db.ingest(record("b", {capex("c2", 5e10, "50 billion yuan")}));
        CHECK(db.stats().documents == 2);
    }
    SECTION("a read-only store") {
        if (geteuid() == 0) {
            // root ignores file permissions: use SQLite's read-only mode instead
            auto db = store::Store::open(p, {.read_only = true});
            REQUIRE_THROWS_WITH(db.ingest(record("b", {capex("c2", 5e10, "50 billion yuan")})),
                                Catch::Contains("readonly") || Catch::Contains("read-only"));
        } else {
            fs::permissions(d.path, fs::perms::owner_read | fs::perms::owner_exec);
            fs::permissions(p, fs::perms::owner_read);
            REQUIRE_THROWS(store::Store::open(p));
        }
        auto again = store::Store::open(p, {.read_only = true});
        CHECK(again.stats().claims == 1);
    }
}

TEST_CASE("a statement already stored from another document is consistent") {
    TempDir d;
    auto db = store::Store::open(d.path / "claims.db");
    auto statement = [](const std::string& id, const std::string& words) {
        Json c;
        c["id"] = id;
        c["kind"] = "statement";
        c["subject"] = Json::array();
        c["metric"] = nullptr;
        c["value"] = nullptr;
        c["equivalents"] = Json::array();
        c["change"] = nullptr;
        c["period"] = nullptr;
        c["baseline"] = nullptr;
        c["statement"] = {{"text", words}, {"start", 0}, {"end", 10}};
        c["sources"] = Json::array({{{"name", "Chen Wenling"}, {"cue", "according to"}, {"inherited", false}}});
        c["confidence"] = 0.75;
        return c;
    };
    db.ingest(record("first", {statement("s1", "Restrictive measures have hurt the economy")}));
    store::Rates no_rates;
    auto same = store::check_record(db, record("second", {statement("s2", "restrictive measures  have hurt the economy")}),
                                    no_rates);
    REQUIRE(same.size() == 1);
    CHECK(same[0].verdict == "consistent");
    CHECK(same[0].reason.find("Chen Wenling") != std::string::npos);
    auto other = store::check_record(db, record("third", {statement("s3", "the measures helped the economy")}), no_rates);
    CHECK(other[0].verdict == "new");
}
