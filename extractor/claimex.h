// claimex — the library: a Document in, a record of mentions and claims out.
//
// This composes the stages of DESIGN.md (text → rules → normalise → claims)
// and writes the output contract: one JSON object per document with "id",
// "url", "title", "published", "publisher", "mentions", "claims" (and "text"
// with with_text). Mention offsets are code points into the document text.
//
//   claimex::Extractor ex(claimex::default_rules_dir());
//   claimex::Record r = ex.extract(doc);            // throws on bad input
//   std::cout << claimex::to_json(r, false).dump() << '\n';
#pragma once

#include "extractor/claims/claims.h"
#include "extractor/document/document.h"
#include "extractor/normalise/normalise.h"
#include "extractor/rules/rules.h"
#include "extractor/text/text.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace claimex {

// The rules folder to use when none is given: $CLAIMEX_RULES, else ./rules
// when it holds rule files, else the folder of the source tree the binary
// was built from.
std::filesystem::path default_rules_dir();

// Bad input for one document: the message says what is wrong; the caller
// adds which input it was.
struct InputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Thread CPU seconds spent in each stage of Extractor::extract, added up
// over the calls that were given it (tools/bench_extract prints the split).
struct StageTimes {
    double text = 0, rules = 0, normalise = 0, claims = 0;
};

struct Record {
    document::Document doc;
    text::Text text;
    std::vector<normalise::Mention> mentions;
    std::vector<claims::Claim> claims;
    std::string published;      // the reference date used ("" if none)
    // The stages read doc.title as the text's headline (a title the text does not repeat:
    // a fetched page's or a feed item's body); the output never shows it (Extractor,
    // "title as headline" in pipeline.cc).
    bool title_as_headline = false;
};

class Extractor {
public:
    // Loads and compiles the rules; throws rules::RuleError when the rules
    // folder cannot be used at all (a bad single rule is reported by
    // problems() and skipped).
    explicit Extractor(const std::filesystem::path& rules_dir);
    ~Extractor();

    // Runs the pipeline over one document. published overrides nothing: the
    // document's own date wins, default_published is for documents with
    // none. Throws InputError (invalid UTF-8, binary, bad date).
    Record extract(document::Document doc, const std::string& default_published = "") const;
    // The same, adding the time of each stage to *times (when not null).
    Record extract(document::Document doc, const std::string& default_published, StageTimes* times) const;

    // Several documents at once: the same records as extract() one by one,
    // in order, each document failing alone (`error` set, no record; what
    // extract() would have thrown). Faster: the rules run over the whole
    // batch rule by rule (rules::RuleSet::match(texts)).
    struct Outcome {
        std::optional<Record> record;
        std::string error;
    };
    std::vector<Outcome> extract(std::vector<document::Document> docs, const std::string& default_published,
                                 StageTimes* times = nullptr) const;

    const rules::RuleSet& rules() const { return rules_; }

private:
    // The stages before and after the rules (extract() = prepare, rules,
    // finish). prepare throws InputError.
    Record prepare(document::Document doc, const std::string& default_published) const;
    void finish(Record& r, const std::vector<rules::RawMention>& raw) const;
    // After the claims stage of a record whose title was its headline: drops what the title
    // held and moves every offset back onto the document's own text.
    void drop_headline(Record& r) const;

    rules::RuleSet rules_;
    normalise::Normaliser normaliser_;
    claims::Assembler assembler_;
    text::Segmenter segmenter_;  // rules_dir/text/abbreviations.txt, ...
};

// The output record of the contract.
nlohmann::ordered_json to_json(const Record& record, bool with_text);
// One claim of a record as its output object (claims.h: its figures and
// sources are indices into the record's mentions).
nlohmann::ordered_json claim_json(const claims::Claim& claim, const std::vector<normalise::Mention>& mentions,
                                  const text::Text& text);
nlohmann::ordered_json claim_json(const claims::Claim& claim, const Record& record);
// The same claim appended to `out` as JSON text.
void append_claim_json(std::string& out, const claims::Claim& claim, const std::vector<normalise::Mention>& mentions,
                       const text::Text& text);
// The same record appended to `out` as one line of JSON text, without
// building an object (the fast path of `claimex extract`).
void append_json(std::string& out, const Record& record, bool with_text);
// Any JSON value appended to `out` exactly as
// v.dump(-1, ' ', false, error_handler_t::replace) writes it, without the
// serializer's detours (claims' records, --claims-only lines).
void append_json_value(std::string& out, const nlohmann::ordered_json& v);
// A JSON string literal (quotes, escapes) for s, as nlohmann writes it.
void append_json_string(std::string& out, std::string_view s);
// One mention as in the contract ("type", "text", "start", "end", fields).
nlohmann::ordered_json mention_json(const normalise::Mention& m, const text::Text& text);

// This thread's CPU time in seconds (for StageTimes and benchmarks).
double thread_cpu_seconds();

// One JSONL input document (an object with "text" and optional "id", "url",
// "title", "published", "publisher") read straight from its line: true when
// the line is well-formed JSON of that shape, "text" a string and the others
// strings or null; the fields are then set. false for anything else,
// well-formed or not (the caller then reads the line with a full JSON
// parser, which names the error or handles the rare shape: a number id, an
// exponent in some other field).
bool read_jsonl_document(std::string_view line, document::Document& out);

// The date part (YYYY-MM-DD) of an ISO 8601 date or date-time, or "" when the
// string is not one.
std::string iso_date_part(std::string_view s);

// A stable id for a document with no id or url: a hash of its text.
std::string content_id(std::string_view text);

// ---- rule examples (claimex rules test / lint) ----

struct ExampleFailure {
    rules::Location where;
    std::string message;        // what was expected and what came out
};

struct ExampleReport {
    size_t examples = 0;
    size_t expectations = 0;
    std::vector<ExampleFailure> failures;
    // rule id → number of example mentions it produced (for lint)
    std::map<std::string, size_t> rule_hits;
    // rule id → number of raw matches in example inputs, before overlaps
    // are resolved and before normalisation (for lint: unreachable rules)
    std::map<std::string, size_t> raw_hits;
};

// Runs every example of the extractor's rule set through the whole pipeline.
ExampleReport run_examples(const Extractor& extractor);

}  // namespace claimex
