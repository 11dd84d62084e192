// store — the SQLite claim store: ingest, query, stats, export and check.
//
// In:  output records of `claimex extract` (the JSON contract of DESIGN.md:
//      one object per document with its mentions and claims). The store
//      reads records, not in-memory types, so anything that writes the
//      contract — a live run, a JSONL file from yesterday — can be stored.
// Out: a SQLite file (WAL mode; schema versioned and migrated on open) with
//      documents, mentions, claims and their normalised fields, subjects,
//      equivalents, sources and citation chains, evidence offsets, and the
//      history of documents that changed; lookups for check and query.
//
// Ingest is one transaction per document. The same document again (same
// key, same content hash) changes nothing; a changed document replaces its
// mentions and claims and adds a history row naming the claims removed and
// added. Claim ids are stable (see claims.h), so an unchanged claim keeps
// its id across versions.
//
// Faults: every SQLite error becomes a StoreError naming the database file
// and what went wrong ("claims.db: database is locked", "claims.db: file is
// not a database"); a busy database is waited for (busy_timeout) before
// giving up; a failed transaction is rolled back, so what was committed
// before stays.
//
//   store::Store db = store::Store::open("claims.db");
//   db.ingest(record_json, {.content_hash = h, .fetched_at = t});
//   for (auto& v : store::check_claims(db, record_json, rates)) ...
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace claimex::store {

using Json = nlohmann::ordered_json;

struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct OpenOptions {
    bool read_only = false;
    int busy_timeout_ms = 10000;   // how long to wait for another writer
    uint64_t max_bytes = 0;        // a size limit for the file (0: none); past it, writes fail as "full"
};

// The content hash the store keeps per document (FNV-1a 64 of the text, hex):
// the same text gives the same hash, so an unchanged document is recognised.
std::string content_hash(std::string_view text);

struct IngestInfo {
    std::string content_hash;      // of the document text; "" → computed from the record's text or claims
    std::string fetched_at;
    std::string canonical_url;
};

enum class IngestOutcome { added, unchanged, replaced };

struct IngestResult {
    IngestOutcome outcome = IngestOutcome::added;
    size_t claims = 0;
    size_t mentions = 0;
};

// A stored claim with its document, for check and query.
struct StoredClaim {
    std::string claim_id;
    Json claim;                    // the claim record as stored
    std::string doc_key, url, title, publisher, published;
};

struct QueryFilter {
    std::string subject;           // a subject name (case-insensitive)
    std::string metric;
    std::string period;            // a TIMEX3 value or YYYY[-MM[-DD]]: claims whose period overlaps it
    std::string source;            // a source name
    size_t limit = 1000;
};

struct Stats {
    size_t documents = 0, claims = 0, mentions = 0;
    std::vector<std::pair<std::string, size_t>> by_publisher, by_source, by_metric, by_month, by_kind;
};

class Store {
public:
    // Opens (creating when needed) and migrates to the current schema.
    static Store open(const std::filesystem::path& path, const OpenOptions& options = {});
    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    static int schema_version();
    const std::filesystem::path& path() const;

    IngestResult ingest(const Json& record, const IngestInfo& info = {});
    // True when the store has this document (by key, or by url) — with
    // content_hash given, only when the stored content is the same.
    bool has_document(const std::string& key_or_url, const std::string& content_hash = "") const;

    // Stored claims about any of these subjects with this metric.
    std::vector<StoredClaim> candidates(const std::vector<std::string>& subjects, const std::string& metric) const;
    std::vector<StoredClaim> query(const QueryFilter& filter) const;
    Stats stats() const;
    // Every claim, flattened with its document, in ingest order.
    void for_each_claim(const std::function<void(const StoredClaim&)>& fn) const;
    // Change history of a document: (version, changed_at, removed ids, added ids).
    std::vector<Json> history(const std::string& doc_key) const;

    struct Impl;
private:
    explicit Store(std::unique_ptr<Impl>);
    std::unique_ptr<Impl> impl_;
};

// ---- check

// Exchange rates to USD by date (CSV: date,currency,rate_to_usd).
class Rates {
public:
    static Rates load(const std::filesystem::path& csv);   // throws StoreError with file:line
    bool empty() const { return rates_.empty(); }
    // USD value of one unit of currency on (or nearest to) date; nullopt when unknown.
    std::optional<double> to_usd(const std::string& currency, const std::string& date) const;
private:
    std::map<std::string, std::map<std::string, double>> rates_;  // currency → date → rate
};

// The stated precision of a figure: half a unit of its last written digit,
// at its scale ("50 billion" → 0.5e9; "3.23 billion" → 0.005e9).
double stated_tolerance(const Json& value);

struct Verdict {
    Json claim;                    // the input claim
    std::string verdict;           // consistent | conflicting | related | new
    std::string reason;            // in words
    Json matches = Json::array();  // stored claims considered, with their documents and the comparison
};

// Checks every claim of an extract record against the store.
std::vector<Verdict> check_record(const Store& store, const Json& record, const Rates& rates);

}  // namespace claimex::store
