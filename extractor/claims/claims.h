// claims — claim records assembled from the mentions of one document.
//
// In:  the normalised mentions of a document (sorted by span), its text
//      (sentences, paragraphs) and its id and publication date.
// Out: Claim records, the `claims` array of the output contract:
//
//   {"id", "kind" (amount | change | statement), "sentence": {"start","end"},
//    "subject": [names], "metric", "metric_text", "value": {mention},
//    "equivalents": [{mention}], "change": {...} | null, "period": {...} | null,
//    "baseline": {...} | null, "sources": [...], "confidence"}
//
// Assembly works sentence by sentence. Each money, percent or quantity figure
// is classified by the words around it: a parenthetical or "or" restatement
// is an *equivalent* of the figure before it, a figure after "compared with",
// "from", "versus" is a *baseline*, a figure after "by" following a change
// verb is the *amount* of a change, and the rest are claim values. The
// subject is the possessive list before the metric ("Alibaba, Tencent and
// Baidu's combined capital expenditure"), else the entities of the
// sentence's subject phrase, else that phrase itself as a description ("Big
// tech companies in China"); "the company" is the last company named. The
// metric comes from the lexicon in rules/claims/metrics.tsv, the period from
// the nearest date in the same clause, the sources from the sentence, else
// the paragraph, else the article's lead (marked inherited). Attributed
// sentences without figures become statement claims with their content span.
//
// Ids are a hash of the document id and the claim's normalised fields, so a
// re-run or a re-fetch gives the same ids. Confidence is documented in
// rules/claims/README.md.
//
// A Claim is a plain struct whose figures, periods and sources are indices
// into the document's mentions: it is written once, by claim_fields in
// extractor/pipeline.cc (JSON text for `claimex extract`, or an object from
// claimex::claim_json(claim, mentions, text) where one is needed).
//
//   claims::Assembler a(rule_set);
//   for (const claims::Claim& c : a.assemble(mentions, text, {.id = "doc1", .published = "2024-08-26"}))
//       std::cout << claim_json(c, mentions, text).dump() << '\n';
#pragma once

#include "extractor/normalise/normalise.h"
#include "extractor/rules/rules.h"
#include "extractor/text/text.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace claimex::claims {

// No mention (a null in the output).
inline constexpr uint32_t kNoMention = UINT32_MAX;

// A date mention as a claim's or baseline's period; `inherited` when it is
// the governing report period rather than one of the sentence.
struct Period {
    uint32_t mention = kNoMention;
    bool inherited = false;
    // The period's value when it is not the mention's own: a comparison date that the
    // normaliser counted from the publication date ("a month earlier"), counted again
    // from the claim's period. Empty: the mention's timex/from/to.
    std::optional<normalise::DateValue> value = std::nullopt;
    explicit operator bool() const { return mention != kNoMention; }
};

struct Change {
    Str direction;                    // up | down | ...
    std::optional<double> factor;
    Str qualifier;
    uint32_t amount = kNoMention;     // figures: mention indices
    uint32_t percent = kNoMention;
    std::string text;                 // the change word or the factor's text
};

struct Baseline {
    uint32_t value = kNoMention;
    bool has_equivalents = false;     // amount claims write "equivalents", change claims do not
    std::vector<uint32_t> equivalents;
    Period period;
};

struct Source {
    uint32_t mention = kNoMention;    // the source mention
    uint32_t cited_by = kNoMention;   // another source of the claim that cites this one
    bool inherited = false;
};

struct Claim {
    std::string id;
    Str kind;                         // amount | change | statement
    text::Span sentence;
    std::vector<std::string> subject; // names, or one description
    bool subject_is_description = false;
    // The statistics office or central bank whose economy the subject is ("The Bank of Japan
    // halved its growth forecast" → subject Japan, authority Bank of Japan): it holds the
    // figure for the sources. Not written to the output.
    std::string authority;
    bool combined = false;
    Str metric;                       // "" → null
    std::string metric_text;          // "" → left out
    uint32_t value = kNoMention;      // the figure (mention index), kNoMention → null
    std::vector<uint32_t> equivalents;
    std::optional<Change> change;
    Period period;
    std::optional<Baseline> baseline;
    std::optional<text::Span> statement;  // statement claims: the content span
    std::vector<Source> sources;
    double confidence = 0;
};

// Calls f(index) on every mention index the claim holds (value, equivalents, change figures,
// periods, baseline, sources and who cites them), kNoMention ones too: one list of the fields for
// whoever renumbers a claim's mentions (a page's stories, a title dropped after the stages).
template <class F>
void for_each_mention_index(Claim& c, F f) {
    f(c.value);
    for (uint32_t& e : c.equivalents) f(e);
    if (c.change) f(c.change->amount), f(c.change->percent);
    f(c.period.mention);
    if (c.baseline) {
        f(c.baseline->value);
        for (uint32_t& e : c.baseline->equivalents) f(e);
        f(c.baseline->period.mention);
    }
    for (Source& src : c.sources) f(src.mention), f(src.cited_by);
}

struct DocumentInfo {
    std::string id;
    std::string published;
};

class Assembler {
public:
    // Reads the lexicons (CLAIM_METRICS, CLAIM_CHANGE_VERBS, CLAIM_CUES,
    // CLAIM_VERBS) from the rule set; missing ones are empty.
    explicit Assembler(const rules::RuleSet& rules);
    ~Assembler();
    Assembler(Assembler&&) noexcept;

    std::vector<Claim> assemble(const std::vector<normalise::Mention>& mentions, const text::Text& text,
                                const DocumentInfo& doc) const;

    struct Impl;
private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace claimex::claims
