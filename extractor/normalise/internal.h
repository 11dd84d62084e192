// Internal to normalise: one normaliser per family of mention types, each in
// its own file. normalise.cc dispatches raw mentions to them by type and then
// runs the document-level passes in order: dates, entities, then sources.
#pragma once

#include "extractor/normalise/normalise.h"

#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace claimex::normalise {

// The hash of the word tables' keys (names, cue words, suffixes): inline
// and eight bytes a step, where std::hash calls out of line and costs more
// than the short words it hashes. No table that uses it is iterated in an
// order that shows in the output.
inline size_t word_hash(std::string_view s) {
    constexpr uint64_t kMul = 0x9E3779B97F4A7C15ULL;
    uint64_t h = s.size() * kMul;
    const char* p = s.data();
    size_t n = s.size();
    auto mix = [&](uint64_t w) {
        h = (h ^ w) * kMul;
        h ^= h >> 29;
    };
    for (; n >= 8; p += 8, n -= 8) {
        uint64_t w;
        std::memcpy(&w, p, 8);
        mix(w);
    }
    if (n >= 4) {  // the last 4..7 bytes as two overlapping words of four
        uint32_t lo, hi;
        std::memcpy(&lo, p, 4);
        std::memcpy(&hi, p + n - 4, 4);
        mix(uint64_t{lo} | uint64_t{hi} << 32);
    } else if (n > 0) {
        uint64_t w = static_cast<unsigned char>(p[0]) | uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
                     uint64_t{static_cast<unsigned char>(p[n - 1])} << 16;
        mix(w);
    }
    return static_cast<size_t>(h ^ (h >> 32));
}

// The span of raw's first capture named `name`, as RawMention::capture, with
// the names compared in line: a normaliser reads several names per mention,
// and a call of memcmp per candidate cost more than the short names it compared.
inline std::optional<text::Span> capture_of(const rules::RawMention& raw, std::string_view name) {
    for (const rules::Capture& c : raw.captures) {
        if (c.name.size() != name.size()) continue;
        size_t i = 0;
        while (i < name.size() && c.name[i] == name[i]) ++i;
        if (i == name.size()) return c.span;
    }
    return std::nullopt;
}

// Spare room in a document's vector of mentions for the ones its document
// passes add (entities.cc settles them in place when they fit).
constexpr size_t kMentionSlack(size_t n) { return n / 4 + 8; }

// money, percent, quantity (numbers.cc): numbers, scale words, currencies,
// ranges, qualifiers, change words.
class NumbersNormaliser {
public:
    explicit NumbersNormaliser(const rules::RuleSet& rules);
    ~NumbersNormaliser();
    // One document's occurrences of the currency context terms (pick_currency's "Canada",
    // "Australian" ...): per term asked, the sorted offsets where it occurs in the analysis text,
    // found by one search of the document when first asked. "The term occurs in [b, e)" is then
    // a binary search, not a search of the paragraph and of the ±4,000 bytes around each money
    // mention (which in most documents are the whole text).
    struct CurrencyMemo {
        std::unordered_map<const void*, std::vector<uint32_t>> at;  // by the term (a string of the readings)
    };
    // Fills out's value fields; false when the raw mention has no value.
    bool normalise(const rules::RawMention& raw, const text::Text& text, Mention& out, CurrencyMemo& memo) const;
    struct Impl;
private:
    std::unique_ptr<Impl> impl_;
};

// date (dates.cc): absolute and relative dates as TIMEX3 with from/to.
class DatesNormaliser {
public:
    explicit DatesNormaliser(const rules::RuleSet& rules);
    ~DatesNormaliser();
    bool normalise(const rules::RawMention& raw, const text::Text& text,
                   const Context& context, Mention& out) const;
    // Runs once per document over all mentions (sorted by span): anaphoric
    // dates ("the same period in 2023", "a year earlier") take their period
    // from the date mentioned before them.
    void resolve_document(std::vector<Mention>& mentions, const text::Text& text,
                          const Context& context) const;
    struct Impl;
private:
    std::unique_ptr<Impl> impl_;
};

// org, person, place (entities.cc): canonical names and kinds from the
// gazetteers, then document-level aliases (acronyms, short references).
class EntitiesNormaliser {
public:
    explicit EntitiesNormaliser(const rules::RuleSet& rules);
    ~EntitiesNormaliser();
    bool normalise(const rules::RawMention& raw, const text::Text& text, Mention& out) const;
    // Runs once per document over all mentions (sorted by span).
    void resolve_document(std::vector<Mention>& mentions, const text::Text& text) const;
    struct Impl;
private:
    std::unique_ptr<Impl> impl_;
};

// source (sources.cc): attribution cues linked to the entities they name.
// While the document passes run, a source whose holder is a description
// ("economists", "people familiar with the matter") carries this note, so
// that the entities pass does not read a name into it.
inline constexpr const char* kUnnamedHolder = "unnamed holder";

// The words of s between single spaces (runs of spaces give no empty word): a name's words, a
// table cell's fields.
inline std::vector<std::string_view> space_words(std::string_view s) {
    std::vector<std::string_view> w;
    for (size_t b = 0; b < s.size();) {
        size_t e = s.find(' ', b);
        if (e == std::string_view::npos) e = s.size();
        if (e > b) w.push_back(s.substr(b, e - b));
        b = e + 1;
    }
    return w;
}
class SourcesNormaliser {
public:
    explicit SourcesNormaliser(const rules::RuleSet& rules);
    ~SourcesNormaliser();
    bool normalise(const rules::RawMention& raw, const text::Text& text, Mention& out) const;
    // Runs after entities are resolved: fills name/kind/role/affiliation/cites
    // from the entity mentions inside or before each source mention.
    void resolve_document(std::vector<Mention>& mentions, const text::Text& text) const;
    struct Impl;
private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace claimex::normalise
