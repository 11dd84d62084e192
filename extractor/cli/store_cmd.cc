// claimex check, claimex store stats|export|query|import.
#include "extractor/claimex.h"
#include "extractor/cli/commands.h"
#include "extractor/cli/output.h"
#include "extractor/store/store.h"

#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace claimex::cli {

using Json = nlohmann::ordered_json;

std::string db_path(const std::string& flag) {
    if (!flag.empty()) return flag;
    if (const char* env = std::getenv("CLAIMEX_DB"); env && *env) return env;
    return "claims.db";
}

namespace {

const char* verdict_mark(const std::string& v) {
    if (v == "consistent") return "CONSISTENT ";
    if (v == "conflicting") return "CONFLICTING";
    if (v == "related") return "RELATED    ";
    return "NEW        ";
}

void print_check_pretty(const Record& r, const std::vector<store::Verdict>& vs) {
    std::cout << fmt::format("{}  ({}; published {})\n", r.doc.title.empty() ? r.doc.id : r.doc.title, r.doc.id,
                             r.published.empty() ? "unknown" : r.published);
    if (vs.empty()) std::cout << "  no claims\n";
    for (const auto& v : vs) {
        std::cout << fmt::format("  {}  {}\n", verdict_mark(v.verdict), claim_line(v.claim));
        std::cout << fmt::format("               {}\n", v.reason);
    }
    std::cout << '\n';
}

}  // namespace

int run_check(const CheckOptions& o) {
    store::Store db = store::Store::open(db_path(o.db), {.read_only = true});
    store::Rates rates;
    if (!o.rates.empty()) rates = store::Rates::load(o.rates);
    bool pretty = o.format == "pretty" || (o.format == "auto" && isatty(STDOUT_FILENO));
    auto ex = open_extractor(o.extract.rules_dir);
    ExtractOptions eo = o.extract;
    if (!eo.published.empty() && iso_date_part(eo.published).empty())
        throw UsageError(fmt::format("--published: not an ISO 8601 date (YYYY-MM-DD): \"{}\"", eo.published));
    eo.published = iso_date_part(eo.published);
    size_t conflicts = 0;
    size_t failed = extract_inputs(eo, *ex, [&](const Record& r, const std::string&) {
        Json rec = to_json(r, false);
        std::vector<store::Verdict> vs = store::check_record(db, rec, rates);
        for (const auto& v : vs) conflicts += v.verdict == "conflicting";
        if (pretty) {
            print_check_pretty(r, vs);
        } else {
            for (const auto& v : vs) {
                Json j;
                j["document_id"] = r.doc.id;
                j["url"] = r.doc.url.empty() ? Json(nullptr) : Json(r.doc.url);
                j["claim_id"] = v.claim.value("id", "");
                j["verdict"] = v.verdict;
                j["reason"] = v.reason;
                j["claim"] = v.claim;
                j["matches"] = v.matches;
                std::cout << j.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
            }
        }
        std::cout.flush();
    });
    if (failed) return 1;
    return o.fail_on_conflict && conflicts ? 3 : 0;
}

int run_store(const StoreOptions& o) {
    if (o.action == "import") {
        store::Store db = store::Store::open(db_path(o.db));
        size_t added = 0, unchanged = 0, replaced = 0, failed = 0, claims = 0;
        for (const auto& in : o.inputs) {
            std::ifstream f(in == "-" ? "/dev/stdin" : in);
            if (!f) {
                std::fprintf(stderr, "claimex: %s: cannot open\n", in.c_str());
                ++failed;
                continue;
            }
            std::string line;
            size_t n = 0;
            while (std::getline(f, line)) {
                ++n;
                if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
                try {
                    Json rec = Json::parse(line);
                    auto res = db.ingest(rec);
                    claims += res.claims;
                    (res.outcome == store::IngestOutcome::added       ? added
                     : res.outcome == store::IngestOutcome::replaced ? replaced
                                                                      : unchanged)++;
                } catch (const nlohmann::json::exception& e) {
                    std::fprintf(stderr, "claimex: %s:%zu: malformed record: %s\n", in.c_str(), n, e.what());
                    ++failed;
                } catch (const store::StoreError& e) {
                    std::fprintf(stderr, "claimex: %s:%zu: %s\n", in.c_str(), n, e.what());
                    ++failed;
                }
            }
        }
        std::fprintf(stderr, "imported: %zu added, %zu replaced, %zu unchanged, %zu failed; %zu claims\n", added,
                     replaced, unchanged, failed, claims);
        return failed ? 1 : 0;
    }
    store::Store db = store::Store::open(db_path(o.db), {.read_only = true});
    if (o.action == "stats") {
        store::Stats st = db.stats();
        if (o.format == "json" || o.format == "jsonl") {
            auto groups = [](const auto& g) {
                Json a = Json::array();
                for (const auto& [k, n] : g) a.push_back({{"key", k}, {"claims", n}});
                return a;
            };
            Json j = {{"documents", st.documents}, {"claims", st.claims},       {"mentions", st.mentions},
                      {"by_kind", groups(st.by_kind)}, {"by_publisher", groups(st.by_publisher)},
                      {"by_source", groups(st.by_source)}, {"by_metric", groups(st.by_metric)},
                      {"by_month", groups(st.by_month)}};
            std::cout << j.dump(2) << '\n';
            return 0;
        }
        std::cout << fmt::format("{}: {} documents, {} claims, {} mentions (schema v{})\n", db.path().string(),
                                 st.documents, st.claims, st.mentions, store::Store::schema_version());
        auto table = [](const char* title, const auto& g) {
            if (g.empty()) return;
            std::cout << fmt::format("\n{}\n", title);
            size_t w = 8;
            for (const auto& [k, n] : g) w = std::max(w, std::min<size_t>(k.size(), 48));
            size_t shown = 0;
            for (const auto& [k, n] : g) {
                if (++shown > 25) {
                    std::cout << fmt::format("  ... {} more\n", g.size() - 25);
                    break;
                }
                std::cout << fmt::format("  {:<{}}  {:>7}\n", k.substr(0, 48), w, n);
            }
        };
        table("claims by kind", st.by_kind);
        table("claims by publisher", st.by_publisher);
        table("claims by source", st.by_source);
        table("claims by metric", st.by_metric);
        table("claims by month published", st.by_month);
        return 0;
    }
    auto emit = [&](const store::StoredClaim& sc, bool& header) {
        Json f = flat_claim(sc.claim, sc.doc_key, sc.url, sc.title, sc.published);
        if (!sc.publisher.empty()) f["publisher"] = sc.publisher;
        if (o.format == "csv") {
            if (!header) std::cout << csv_header_line();
            header = true;
            std::cout << csv_line(f);
        } else if (o.format == "pretty") {
            std::cout << claim_line(sc.claim) << "   <" << (sc.url.empty() ? sc.doc_key : sc.url) << ">\n";
        } else {
            std::cout << f.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
        }
    };
    bool header = false;
    if (o.action == "export") {
        db.for_each_claim([&](const store::StoredClaim& sc) { emit(sc, header); });
        return 0;
    }
    if (o.action == "query") {
        if (o.subject.empty() && o.metric.empty() && o.period.empty() && o.source.empty())
            throw UsageError("store query: give at least one of --subject, --metric, --period, --source");
        auto rows = db.query({.subject = o.subject, .metric = o.metric, .period = o.period, .source = o.source,
                              .limit = o.limit});
        for (const auto& sc : rows) emit(sc, header);
        if (rows.empty()) std::fprintf(stderr, "claimex: no stored claims match\n");
        return 0;
    }
    if (o.action == "history") {
        for (const auto& h : db.history(o.subject)) std::cout << h.dump() << '\n';
        return 0;
    }
    throw UsageError("store: unknown action " + o.action);
}

}  // namespace claimex::cli
