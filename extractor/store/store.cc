// The SQLite claim store: schema and migrations, ingest (one transaction per
// document), lookups, stats and history. See store.h for the contract.
#include "extractor/store/store.h"
#include "extractor/text/text.h"

#include <algorithm>
#include <chrono>
#include <thread>
#include <ctime>
#include <fmt/format.h>
#include <set>
#include <sqlite3.h>

namespace claimex::store {

namespace fs = std::filesystem;

namespace {

// Schema migrations, in order: migration i brings the schema from version i
// to i + 1. Never edit a released migration; add one.
const char* const kMigrations[] = {
    // 0 → 1: the first schema.
    R"sql(
    CREATE TABLE documents (
        id            INTEGER PRIMARY KEY,
        doc_key       TEXT NOT NULL UNIQUE,     -- the record's "id" (url or content id)
        url           TEXT,
        canonical_url TEXT,
        content_hash  TEXT NOT NULL,
        title         TEXT,
        publisher     TEXT,
        published     TEXT,
        fetched_at    TEXT,
        ingested_at   TEXT NOT NULL,
        version       INTEGER NOT NULL DEFAULT 1
    );
    CREATE INDEX documents_url ON documents(url);
    CREATE INDEX documents_publisher ON documents(publisher);

    CREATE TABLE mentions (
        id          INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        type        TEXT NOT NULL,
        text        TEXT NOT NULL,
        start       INTEGER NOT NULL,            -- code points into the document text
        end         INTEGER NOT NULL,
        value       REAL,
        unit        TEXT,                        -- currency, unit or TIMEX3 value
        name        TEXT,
        kind        TEXT,
        json        TEXT NOT NULL
    );
    CREATE INDEX mentions_document ON mentions(document_id);
    CREATE INDEX mentions_name ON mentions(name);

    CREATE TABLE claims (
        id              INTEGER PRIMARY KEY,
        claim_id        TEXT NOT NULL,           -- the stable id of the output record
        document_id     INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind            TEXT NOT NULL,
        subject_key     TEXT NOT NULL,           -- lower-case subject names, sorted, joined by |
        metric          TEXT,
        value           REAL,
        value_unit      TEXT,                    -- currency, percent/pp or quantity unit
        value_type      TEXT,
        value_text      TEXT,
        qualifier       TEXT,
        period          TEXT,                    -- TIMEX3
        period_from     TEXT,
        period_to       TEXT,
        baseline_value  REAL,
        baseline_unit   TEXT,
        baseline_period TEXT,
        change_direction TEXT,
        change_factor   REAL,
        change_amount   REAL,
        change_unit     TEXT,
        change_percent  REAL,
        sentence_start  INTEGER,                 -- evidence: code points into the document text
        sentence_end    INTEGER,
        confidence      REAL,
        json            TEXT NOT NULL,
        UNIQUE (document_id, claim_id)
    );
    CREATE INDEX claims_subject_metric ON claims(subject_key, metric);
    CREATE INDEX claims_metric_period ON claims(metric, period_from, period_to);
    CREATE INDEX claims_claim_id ON claims(claim_id);

    CREATE TABLE claim_subjects (
        claim_row INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        name      TEXT NOT NULL,
        name_key  TEXT NOT NULL                  -- lower case, for lookups
    );
    CREATE INDEX claim_subjects_key ON claim_subjects(name_key);
    CREATE INDEX claim_subjects_claim ON claim_subjects(claim_row);

    CREATE TABLE claim_equivalents (
        claim_row INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        role      TEXT NOT NULL,                 -- value | baseline
        value     REAL,
        unit      TEXT,
        text      TEXT
    );
    CREATE INDEX claim_equivalents_claim ON claim_equivalents(claim_row);

    CREATE TABLE claim_sources (
        claim_row   INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,            -- order in the citation chain
        name        TEXT NOT NULL,
        name_key    TEXT NOT NULL,
        cue         TEXT,
        role        TEXT,
        affiliation TEXT,
        cites       TEXT,
        cited_by    TEXT,
        inherited   INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX claim_sources_key ON claim_sources(name_key);
    CREATE INDEX claim_sources_claim ON claim_sources(claim_row);

    CREATE TABLE history (
        id             INTEGER PRIMARY KEY,
        doc_key        TEXT NOT NULL,
        version        INTEGER NOT NULL,
        changed_at     TEXT NOT NULL,
        old_hash       TEXT,
        new_hash       TEXT,
        removed_claims TEXT NOT NULL,            -- JSON array of claim ids
        added_claims   TEXT NOT NULL
    );
    CREATE INDEX history_doc ON history(doc_key);
    )sql",
};
constexpr int kSchemaVersion = static_cast<int>(sizeof kMigrations / sizeof kMigrations[0]);

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string now_iso() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string jstr(const Json& j, const char* key) {
    if (!j.is_object() || !j.contains(key) || j[key].is_null()) return "";
    return j[key].is_string() ? j[key].get<std::string>() : j[key].dump();
}

std::optional<double> jnum(const Json& j, const char* key) {
    if (!j.is_object() || !j.contains(key) || !j[key].is_number()) return std::nullopt;
    return j[key].get<double>();
}

std::string unit_of(const Json& v) {
    if (!v.is_object()) return "";
    if (v.contains("currency")) return jstr(v, "currency");
    if (jstr(v, "type") == "percent") return v.contains("unit") ? jstr(v, "unit") : "percent";
    return jstr(v, "unit");
}

// A prepared statement that finalises itself.
class Stmt {
public:
    Stmt(sqlite3* db, const fs::path& path, const char* sql) : db_(db), path_(path) {
        if (sqlite3_prepare_v2(db, sql, -1, &s_, nullptr) != SQLITE_OK) fail();
    }
    ~Stmt() { sqlite3_finalize(s_); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    Stmt& bind(int i, const std::string& v) {
        sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Stmt& bind_or_null(int i, const std::string& v) {
        if (v.empty()) sqlite3_bind_null(s_, i);
        else bind(i, v);
        return *this;
    }
    Stmt& bind(int i, int64_t v) {
        sqlite3_bind_int64(s_, i, v);
        return *this;
    }
    Stmt& bind(int i, std::optional<double> v) {
        if (v) sqlite3_bind_double(s_, i, *v);
        else sqlite3_bind_null(s_, i);
        return *this;
    }
    // true while there is a row
    bool step() {
        int rc = sqlite3_step(s_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        fail();
        return false;
    }
    void run() {
        step();
        sqlite3_reset(s_);
        sqlite3_clear_bindings(s_);
    }
    void reset() {
        sqlite3_reset(s_);
        sqlite3_clear_bindings(s_);
    }
    std::string text(int col) const {
        auto* p = sqlite3_column_text(s_, col);
        return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(s_, col)) : "";
    }
    int64_t integer(int col) const { return sqlite3_column_int64(s_, col); }
    bool is_null(int col) const { return sqlite3_column_type(s_, col) == SQLITE_NULL; }

private:
    [[noreturn]] void fail() {
        std::string msg = sqlite3_errmsg(db_);
        throw StoreError(fmt::format("{}: {}", path_.string(), msg));
    }
    sqlite3* db_;
    const fs::path& path_;
    sqlite3_stmt* s_ = nullptr;
};

}  // namespace

struct Store::Impl {
    fs::path path;
    sqlite3* db = nullptr;
    OpenOptions options;

    ~Impl() {
        if (db) sqlite3_close_v2(db);
    }

    [[noreturn]] void fail(const std::string& what) const {
        std::string msg = db ? sqlite3_errmsg(db) : "cannot open";
        int code = db ? sqlite3_extended_errcode(db) : 0;
        std::string hint;
        if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
            hint = fmt::format(" (another process is writing to it; waited {} ms)", options.busy_timeout_ms);
        else if ((code & 0xff) == SQLITE_FULL)
            hint = " (the disk is full; the document being written was rolled back, earlier ones are kept)";
        else if ((code & 0xff) == SQLITE_READONLY)
            hint = " (the file or its folder is read-only)";
        else if ((code & 0xff) == SQLITE_NOTADB || (code & 0xff) == SQLITE_CORRUPT)
            hint = " (the file is damaged or is not a claimex store)";
        throw StoreError(fmt::format("{}: {}{}{}", path.string(), what.empty() ? "" : what + ": ", msg, hint));
    }

    void exec(const char* sql, const char* what = "") {
        char* err = nullptr;
        if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
            sqlite3_free(err);
            fail(what);
        }
    }

    int user_version() {
        Stmt s(db, path, "PRAGMA user_version");
        s.step();
        return static_cast<int>(s.integer(0));
    }

    void migrate() {
        int v = user_version();
        if (v > kSchemaVersion)
            throw StoreError(fmt::format("{}: schema version {} is newer than this claimex understands ({})",
                                         path.string(), v, kSchemaVersion));
        for (; v < kSchemaVersion; ++v) {
            exec("BEGIN IMMEDIATE", "migrating the schema");
            // Another process may have migrated while we waited for the lock.
            v = user_version();
            if (v >= kSchemaVersion) {
                exec("COMMIT");
                break;
            }
            try {
                exec(kMigrations[v], "migrating the schema");
                exec(fmt::format("PRAGMA user_version = {}", v + 1).c_str(), "migrating the schema");
                exec("COMMIT", "migrating the schema");
            } catch (...) {
                sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
                throw;
            }
        }
    }

    int64_t document_row(const std::string& key) const {
        Stmt s(db, path, "SELECT id FROM documents WHERE doc_key = ?");
        s.bind(1, key);
        return s.step() ? s.integer(0) : 0;
    }

    StoredClaim stored_from(Stmt& s) const {
        // columns: c.claim_id, c.json, d.doc_key, d.url, d.title, d.publisher, d.published
        StoredClaim sc;
        sc.claim_id = s.text(0);
        sc.claim = Json::parse(s.text(1));
        sc.doc_key = s.text(2);
        sc.url = s.text(3);
        sc.title = s.text(4);
        sc.publisher = s.text(5);
        sc.published = s.text(6);
        return sc;
    }
};

std::string content_hash(std::string_view s) {
    return fmt::format("{:016x}", text::fnv1a(s));
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

int Store::schema_version() { return kSchemaVersion; }
const fs::path& Store::path() const { return impl_->path; }

Store Store::open(const fs::path& path, const OpenOptions& options) {
    auto impl = std::make_unique<Impl>();
    impl->path = path;
    impl->options = options;
    std::error_code ec;
    if (options.read_only && !fs::exists(path, ec))
        throw StoreError(fmt::format("{}: no such claim store", path.string()));
    if (fs::is_directory(path, ec)) throw StoreError(fmt::format("{}: is a directory, not a claim store", path.string()));
    int flags = options.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (sqlite3_open_v2(path.c_str(), &impl->db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK)
        impl->fail("cannot open the claim store");
    sqlite3_extended_result_codes(impl->db, 1);
    sqlite3_busy_timeout(impl->db, options.busy_timeout_ms);
    // Reading the schema is the first touch of the file: a damaged file fails here.
    try {
        impl->user_version();
    } catch (const StoreError&) {
        impl->fail("cannot read the claim store");
    }
    if (!options.read_only) {
        // WAL: readers never block the writer and a crash at any moment leaves the last
        // committed state. NORMAL sync is durable across process crashes (kill -9).
        // Switching a new file to WAL while another process creates it can be refused
        // at once (SQLite does not always call the busy handler here): retry.
        for (auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(options.busy_timeout_ms);;) {
            try {
                Stmt wal(impl->db, impl->path, "PRAGMA journal_mode = WAL");
                wal.step();
                break;
            } catch (const StoreError&) {
                int code = sqlite3_errcode(impl->db) & 0xff;
                if ((code != SQLITE_BUSY && code != SQLITE_LOCKED) || std::chrono::steady_clock::now() > deadline)
                    impl->fail("switching to WAL mode");
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
        }
        impl->exec("PRAGMA synchronous = NORMAL");
        impl->exec("PRAGMA foreign_keys = ON");
        if (options.max_bytes) {
            int64_t page_size = 4096;
            {
                Stmt ps(impl->db, impl->path, "PRAGMA page_size");
                if (ps.step()) page_size = std::max<int64_t>(ps.integer(0), 512);
            }
            int64_t pages = static_cast<int64_t>(options.max_bytes) / page_size;
            impl->exec(fmt::format("PRAGMA max_page_count = {}", std::max<int64_t>(pages, 1)).c_str());
        }
        impl->migrate();
    } else if (impl->user_version() != kSchemaVersion) {
        throw StoreError(fmt::format("{}: schema version {} (this claimex needs {}; open it once for writing to migrate)",
                                     path.string(), impl->user_version(), kSchemaVersion));
    }
    return Store(std::move(impl));
}

bool Store::has_document(const std::string& key, const std::string& hash) const {
    Stmt s(impl_->db, impl_->path, "SELECT content_hash FROM documents WHERE doc_key = ?1 OR url = ?1 LIMIT 1");
    s.bind(1, key);
    if (!s.step()) return false;
    return hash.empty() || s.text(0) == hash;
}

IngestResult Store::ingest(const Json& rec, const IngestInfo& info) {
    Impl& I = *impl_;
    if (!rec.is_object() || !rec.contains("id") || !rec["id"].is_string())
        throw StoreError("record has no \"id\"");
    const std::string key = rec["id"];
    std::string hash = info.content_hash;
    if (hash.empty()) {
        if (rec.contains("text") && rec["text"].is_string())
            hash = content_hash(rec["text"].get<std::string>());
        else
            hash = content_hash(rec.value("mentions", Json::array()).dump() + rec.value("claims", Json::array()).dump());
    }
    IngestResult res;
    I.exec("BEGIN IMMEDIATE", "starting a transaction");
    try {
        int64_t row = 0;
        std::string old_hash;
        int64_t version = 1;
        std::set<std::string> old_ids;
        {
            Stmt s(I.db, I.path, "SELECT id, content_hash, version FROM documents WHERE doc_key = ?");
            s.bind(1, key);
            if (s.step()) {
                row = s.integer(0);
                old_hash = s.text(1);
                version = s.integer(2);
            }
        }
        if (row && old_hash == hash) {
            I.exec("COMMIT");
            res.outcome = IngestOutcome::unchanged;
            return res;
        }
        std::string now = now_iso();
        if (row) {
            Stmt ids(I.db, I.path, "SELECT claim_id FROM claims WHERE document_id = ?");
            ids.bind(1, row);
            while (ids.step()) old_ids.insert(ids.text(0));
            Stmt del_m(I.db, I.path, "DELETE FROM mentions WHERE document_id = ?");
            del_m.bind(1, row).run();
            Stmt del_c(I.db, I.path, "DELETE FROM claims WHERE document_id = ?");
            del_c.bind(1, row).run();
            Stmt up(I.db, I.path,
                    "UPDATE documents SET url=?2, canonical_url=?3, content_hash=?4, title=?5, publisher=?6, "
                    "published=?7, fetched_at=?8, ingested_at=?9, version=version+1 WHERE id=?1");
            up.bind(1, row).bind_or_null(2, jstr(rec, "url")).bind_or_null(3, info.canonical_url).bind(4, hash)
                .bind_or_null(5, jstr(rec, "title")).bind_or_null(6, jstr(rec, "publisher"))
                .bind_or_null(7, jstr(rec, "published")).bind_or_null(8, info.fetched_at).bind(9, now).run();
            res.outcome = IngestOutcome::replaced;
        } else {
            Stmt ins(I.db, I.path,
                     "INSERT INTO documents (doc_key, url, canonical_url, content_hash, title, publisher, published, "
                     "fetched_at, ingested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
            ins.bind(1, key).bind_or_null(2, jstr(rec, "url")).bind_or_null(3, info.canonical_url).bind(4, hash)
                .bind_or_null(5, jstr(rec, "title")).bind_or_null(6, jstr(rec, "publisher"))
                .bind_or_null(7, jstr(rec, "published")).bind_or_null(8, info.fetched_at).bind(9, now).run();
            row = sqlite3_last_insert_rowid(I.db);
        }

        Stmt ins_m(I.db, I.path,
                   "INSERT INTO mentions (document_id, type, text, start, end, value, unit, name, kind, json) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
        for (const auto& m : rec.value("mentions", Json::array())) {
            std::string type = jstr(m, "type");
            std::string unit = type == "date" ? jstr(m, "value") : unit_of(m);
            ins_m.bind(1, row).bind(2, type).bind(3, jstr(m, "text")).bind(4, m.value("start", int64_t{0}))
                .bind(5, m.value("end", int64_t{0})).bind(6, type == "date" ? std::nullopt : jnum(m, "value"))
                .bind_or_null(7, unit).bind_or_null(8, jstr(m, "name")).bind_or_null(9, jstr(m, "kind"))
                .bind(10, m.dump());
            ins_m.run();
            ++res.mentions;
        }

        Stmt ins_c(I.db, I.path,
                   "INSERT OR IGNORE INTO claims (claim_id, document_id, kind, subject_key, metric, value, value_unit, "
                   "value_type, value_text, qualifier, period, period_from, period_to, baseline_value, baseline_unit, "
                   "baseline_period, change_direction, change_factor, change_amount, change_unit, change_percent, "
                   "sentence_start, sentence_end, confidence, json) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                   "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)");
        Stmt ins_s(I.db, I.path, "INSERT INTO claim_subjects (claim_row, name, name_key) VALUES (?1, ?2, ?3)");
        Stmt ins_e(I.db, I.path,
                   "INSERT INTO claim_equivalents (claim_row, role, value, unit, text) VALUES (?1, ?2, ?3, ?4, ?5)");
        Stmt ins_src(I.db, I.path,
                     "INSERT INTO claim_sources (claim_row, position, name, name_key, cue, role, affiliation, cites, "
                     "cited_by, inherited) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
        std::set<std::string> new_ids;
        for (const auto& c : rec.value("claims", Json::array())) {
            std::string cid = jstr(c, "id");
            new_ids.insert(cid);
            std::vector<std::string> subj;
            for (const auto& s : c.value("subject", Json::array()))
                if (s.is_string()) subj.push_back(lower(s.get<std::string>()));
            std::sort(subj.begin(), subj.end());
            std::string subject_key;
            for (const auto& s : subj) subject_key += (subject_key.empty() ? "" : "|") + s;
            const Json& v = c.contains("value") ? c["value"] : Json();
            const Json& per = c.contains("period") ? c["period"] : Json();
            const Json& base = c.contains("baseline") ? c["baseline"] : Json();
            const Json& ch = c.contains("change") ? c["change"] : Json();
            Json basev = base.is_object() ? base.value("value", Json()) : Json();
            Json basep = base.is_object() ? base.value("period", Json()) : Json();
            Json amount = ch.is_object() ? ch.value("amount", Json()) : Json();
            Json pct = ch.is_object() ? ch.value("percent", Json()) : Json();
            ins_c.bind(1, cid).bind(2, row).bind(3, jstr(c, "kind")).bind(4, subject_key)
                .bind_or_null(5, jstr(c, "metric")).bind(6, jnum(v, "value")).bind_or_null(7, unit_of(v))
                .bind_or_null(8, jstr(v, "type")).bind_or_null(9, jstr(v, "text")).bind_or_null(10, jstr(v, "qualifier"))
                .bind_or_null(11, jstr(per, "value")).bind_or_null(12, jstr(per, "from")).bind_or_null(13, jstr(per, "to"))
                .bind(14, jnum(basev, "value")).bind_or_null(15, unit_of(basev)).bind_or_null(16, jstr(basep, "value"))
                .bind_or_null(17, jstr(ch, "direction")).bind(18, jnum(ch, "factor")).bind(19, jnum(amount, "value"))
                .bind_or_null(20, unit_of(amount)).bind(21, jnum(pct, "value"))
                .bind(22, c.contains("sentence") ? c["sentence"].value("start", int64_t{0}) : 0)
                .bind(23, c.contains("sentence") ? c["sentence"].value("end", int64_t{0}) : 0)
                .bind(24, jnum(c, "confidence")).bind(25, c.dump());
            ins_c.run();
            if (sqlite3_changes(I.db) == 0) continue;  // a duplicate id in one record
            int64_t crow = sqlite3_last_insert_rowid(I.db);
            for (const auto& s : c.value("subject", Json::array()))
                if (s.is_string()) ins_s.bind(1, crow).bind(2, s.get<std::string>()).bind(3, lower(s.get<std::string>())).run();
            for (const auto& e : c.value("equivalents", Json::array()))
                ins_e.bind(1, crow).bind(2, std::string("value")).bind(3, jnum(e, "value")).bind_or_null(4, unit_of(e))
                    .bind_or_null(5, jstr(e, "text")).run();
            if (base.is_object())
                for (const auto& e : base.value("equivalents", Json::array()))
                    ins_e.bind(1, crow).bind(2, std::string("baseline")).bind(3, jnum(e, "value"))
                        .bind_or_null(4, unit_of(e)).bind_or_null(5, jstr(e, "text")).run();
            int64_t pos = 0;
            for (const auto& s : c.value("sources", Json::array())) {
                std::string name = jstr(s, "name");
                if (name.empty()) continue;
                ins_src.bind(1, crow).bind(2, pos++).bind(3, name).bind(4, lower(name)).bind_or_null(5, jstr(s, "cue"))
                    .bind_or_null(6, jstr(s, "role")).bind_or_null(7, jstr(s, "affiliation"))
                    .bind_or_null(8, jstr(s, "cites")).bind_or_null(9, jstr(s, "cited_by"))
                    .bind(10, int64_t{s.value("inherited", false) ? 1 : 0}).run();
            }
            ++res.claims;
        }
        if (res.outcome == IngestOutcome::replaced) {
            Json removed = Json::array(), added = Json::array();
            for (const auto& id : old_ids)
                if (!new_ids.count(id)) removed.push_back(id);
            for (const auto& id : new_ids)
                if (!old_ids.count(id)) added.push_back(id);
            Stmt h(I.db, I.path,
                   "INSERT INTO history (doc_key, version, changed_at, old_hash, new_hash, removed_claims, added_claims) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
            h.bind(1, key).bind(2, version + 1).bind(3, now).bind(4, old_hash).bind(5, hash)
                .bind(6, removed.dump()).bind(7, added.dump()).run();
        }
        I.exec("COMMIT", "committing");
    } catch (...) {
        sqlite3_exec(I.db, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
    return res;
}

std::vector<StoredClaim> Store::candidates(const std::vector<std::string>& subjects, const std::string& metric) const {
    std::vector<StoredClaim> out;
    std::set<std::string> seen;
    Stmt s(impl_->db, impl_->path,
           "SELECT c.claim_id, c.json, d.doc_key, d.url, d.title, d.publisher, d.published "
           "FROM claim_subjects cs JOIN claims c ON c.id = cs.claim_row JOIN documents d ON d.id = c.document_id "
           "WHERE cs.name_key = ?1 AND c.metric IS ?2 ORDER BY d.published, c.id");
    for (const auto& subj : subjects) {
        s.bind(1, lower(subj));
        s.bind_or_null(2, metric);
        while (s.step()) {
            StoredClaim sc = impl_->stored_from(s);
            if (seen.insert(sc.doc_key + "\x1f" + sc.claim_id).second) out.push_back(std::move(sc));
        }
        s.reset();
    }
    return out;
}

std::vector<StoredClaim> Store::query(const QueryFilter& f) const {
    std::string sql =
        "SELECT DISTINCT c.claim_id, c.json, d.doc_key, d.url, d.title, d.publisher, d.published "
        "FROM claims c JOIN documents d ON d.id = c.document_id "
        "LEFT JOIN claim_subjects cs ON cs.claim_row = c.id LEFT JOIN claim_sources src ON src.claim_row = c.id "
        "WHERE 1=1";
    std::vector<std::string> args;
    if (!f.subject.empty()) {
        sql += " AND cs.name_key = ?";
        args.push_back(lower(f.subject));
    }
    if (!f.metric.empty()) {
        sql += " AND c.metric = ?";
        args.push_back(f.metric);
    }
    if (!f.source.empty()) {
        sql += " AND src.name_key = ?";
        args.push_back(lower(f.source));
    }
    if (!f.period.empty()) {
        // A period given as TIMEX3 or a date prefix: claims whose period overlaps it.
        sql += " AND (c.period = ? OR (c.period_from <= ? AND c.period_to >= ?))";
        std::string p = f.period;
        std::string from = p, to = p;
        if (p.size() == 4) {
            from = p + "-01-01";
            to = p + "-12-31";
        } else if (p.size() == 7 && p[4] == '-' && std::isdigit(static_cast<unsigned char>(p[5]))) {
            from = p + "-01";
            to = p + "-31";
        }
        args.push_back(p);
        args.push_back(to);
        args.push_back(from);
    }
    sql += fmt::format(" ORDER BY d.published, c.id LIMIT {}", f.limit);
    Stmt s(impl_->db, impl_->path, sql.c_str());
    for (size_t i = 0; i < args.size(); ++i) s.bind(static_cast<int>(i + 1), args[i]);
    std::vector<StoredClaim> out;
    while (s.step()) out.push_back(impl_->stored_from(s));
    return out;
}

void Store::for_each_claim(const std::function<void(const StoredClaim&)>& fn) const {
    Stmt s(impl_->db, impl_->path,
           "SELECT c.claim_id, c.json, d.doc_key, d.url, d.title, d.publisher, d.published "
           "FROM claims c JOIN documents d ON d.id = c.document_id ORDER BY c.id");
    while (s.step()) fn(impl_->stored_from(s));
}

Stats Store::stats() const {
    Stats st;
    auto count = [&](const char* sql) {
        Stmt s(impl_->db, impl_->path, sql);
        s.step();
        return static_cast<size_t>(s.integer(0));
    };
    auto groups = [&](const char* sql) {
        std::vector<std::pair<std::string, size_t>> out;
        Stmt s(impl_->db, impl_->path, sql);
        while (s.step()) out.emplace_back(s.is_null(0) ? "(none)" : s.text(0), static_cast<size_t>(s.integer(1)));
        return out;
    };
    st.documents = count("SELECT COUNT(*) FROM documents");
    st.claims = count("SELECT COUNT(*) FROM claims");
    st.mentions = count("SELECT COUNT(*) FROM mentions");
    st.by_publisher = groups(
        "SELECT d.publisher, COUNT(c.id) FROM documents d LEFT JOIN claims c ON c.document_id = d.id "
        "GROUP BY d.publisher ORDER BY 2 DESC, 1");
    st.by_source = groups("SELECT name, COUNT(DISTINCT claim_row) FROM claim_sources GROUP BY name ORDER BY 2 DESC, 1");
    st.by_metric = groups("SELECT metric, COUNT(*) FROM claims GROUP BY metric ORDER BY 2 DESC, 1");
    st.by_kind = groups("SELECT kind, COUNT(*) FROM claims GROUP BY kind ORDER BY 2 DESC, 1");
    st.by_month = groups(
        "SELECT substr(d.published, 1, 7), COUNT(c.id) FROM documents d LEFT JOIN claims c ON c.document_id = d.id "
        "GROUP BY 1 ORDER BY 1");
    return st;
}

std::vector<Json> Store::history(const std::string& doc_key) const {
    std::vector<Json> out;
    Stmt s(impl_->db, impl_->path,
           "SELECT version, changed_at, removed_claims, added_claims FROM history WHERE doc_key = ? ORDER BY version");
    s.bind(1, doc_key);
    while (s.step())
        out.push_back({{"version", s.integer(0)},
                       {"changed_at", s.text(1)},
                       {"removed", Json::parse(s.text(2))},
                       {"added", Json::parse(s.text(3))}});
    return out;
}

}  // namespace claimex::store
