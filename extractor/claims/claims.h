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
//   claims::Assembler a(rule_set);
//   for (const claims::Claim& c : a.assemble(mentions, text, {.id = "doc1", .published = "2024-08-26"}))
//       std::cout << c.record.dump() << '\n';
#pragma once

#include "extractor/normalise/normalise.h"
#include "extractor/rules/rules.h"
#include "extractor/text/text.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace claimex::claims {

struct Claim {
    std::string id;
    std::string kind;              // amount | change | statement
    nlohmann::ordered_json record; // the claim as written to the output
};

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
