// Internal to normalise: word shapes and the entity lexicon that the
// entities and sources normalisers share — gazetteer aliases (for resolving
// names found by patterns: "Alibaba Group Holding Ltd" → Alibaba), words
// that are never names ("However", "May"), organisation suffixes and their
// kinds, honorifics, family-name-first surnames. Everything is read from the
// rule set (rules/entities/*.txt, *.tsv), nothing is hard-coded here.
#pragma once

#include "extractor/normalise/flat_map.h"
#include "extractor/normalise/internal.h"
#include "extractor/rules/rules.h"
#include "extractor/text/text.h"

#include <string>
#include <string_view>
#include <vector>

namespace claimex::normalise::names {

// First code point of a UTF-8 string (0 when empty).
uint32_t first_cp(std::string_view w);
// The first code point is an upper-case letter.
bool capitalised(std::string_view w);
// The first code point is a lower-case letter.
bool lowercase_start(std::string_view w);
// A word of a person's name: "Wenling", "Jae-yong", "O'Brien", "McDonald",
// an initial "J."; not an acronym ("CEO") and not lower case.
bool person_word(std::string_view w);
// A short all-capitals token that can stand for an organisation: "CCIEE",
// "FT", "PBoC", "S&P".
bool acronym_shape(std::string_view w);
// place kinds (country, city, region) vs organisation kinds.
bool is_place_kind(std::string_view kind);

// Calls f(lower-cased word) for each word of a canonical name ("International
// Energy Agency" → international, energy, agency): what "the agency" may
// refer back to.
template <class F>
void each_name_word(std::string_view name, F f) {
    size_t b = 0;
    while (b < name.size()) {
        size_t e = name.find(' ', b);
        if (e == std::string_view::npos) e = name.size();
        if (e > b) {
            std::string w(name.substr(b, e - b));
            for (char& c : w)
                if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            f(w);
        }
        b = e + 1;
    }
}

// Whitespace-separated words of an analysis span, as analysis spans.
std::vector<text::Span> words(const std::string& a, text::Span span);
// Lower-cased ASCII copy (non-ASCII bytes kept): list lookups are by it.
std::string lower(std::string_view s);
// Single spaces, straight apostrophes: the form aliases are looked up in.
std::string squeeze(std::string_view s);

struct Suffix {
    std::string kind;   // kind of an organisation whose name ends (or starts) with it
    bool legal = false; // dropped from canonical names (Inc, Ltd, plc...)
    bool group = false; // dropped when looking a name up (Group, Holdings)
    bool industry = false;  // "Automotive" in "Kessler Automotive": the short name is "Kessler"
    bool prefix = false;    // a legal form written before the name ("PT", "PJSC"), dropped like a suffix
    bool lead = false;      // an industry word before the name ("Minera Alto Loa"): the short name is "Alto Loa"
};

class Lexicon {
public:
    explicit Lexicon(const rules::RuleSet& rules);

    // Gazetteer entry for exactly this alias (after squeeze), or null.
    const rules::GazetteerEntry* alias(std::string_view s) const;
    // Entry for a name, also trying it without trailing legal/group words:
    // "Alibaba Group Holding Ltd." → Alibaba. (Squeezes the name itself.)
    const rules::GazetteerEntry* resolve(std::string_view name) const;

    bool not_name(std::string_view w) const { return has(not_names_, w); }
    bool non_person(std::string_view w) const { return has(non_person_, w); }
    bool family_first(std::string_view w) const { return has(family_first_, w); }
    bool honorific(std::string_view w) const;
    // A one-word title ("President", "Prince", "Governor"): not part of a name.
    bool title(std::string_view w) const { return has(titles_, w); }
    bool particle(std::string_view w) const { return particles_.contains(w); }
    // An alias that is also a common word, followed by a word that marks the
    // common-word reading ("Target prices", "Apple pie").
    bool common_word(std::string_view alias, std::string_view next) const {
        const FlatSet* words = ambiguous_.find(alias);
        return words && has(*words, next);
    }
    bool given_name(std::string_view w) const { return has(given_, w); }
    bool quantifier(std::string_view w) const { return has(quantifiers_, w); }
    // "economists", "policymakers": a described group, not a name.
    bool group_noun(std::string_view w) const { return has(group_nouns_, w); }
    const Suffix* suffix(std::string_view w) const;
    // The name without trailing legal suffixes ("Acme Corp." → "Acme").
    std::string strip_legal(std::string_view name) const;
    // The name without leading legal forms ("PT", "PJSC").
    std::string strip_prefix(std::string_view name) const;

private:
    // Is the lower-cased w in set? (Folded on the stack: no allocation.)
    static bool has(const FlatSet& set, std::string_view w);
    FlatMap<const rules::GazetteerEntry*> aliases_;
    // A bit per alias (by alias_bit): most names looked up are in no
    // gazetteer, and one test in a small table that stays in cache rules
    // them out before a walk through the big map (a cache miss or three).
    static constexpr uint32_t kAliasBits = 1u << 18;
    static uint32_t alias_bit(std::string_view s);
    std::vector<uint64_t> alias_filter_;
    // alias() for a string that is already squeezed.
    const rules::GazetteerEntry* find_alias(std::string_view squeezed) const;
    FlatSet not_names_, non_person_, titles_, family_first_, honorifics_, particles_, given_, quantifiers_,
        group_nouns_;
    FlatMap<FlatSet> ambiguous_;
    FlatMap<Suffix> suffixes_;
};

}  // namespace claimex::normalise::names
