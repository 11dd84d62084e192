// Word helpers for the dates normaliser: lower-casing into a fixed buffer,
// word tables read from the rule set (@table, @list), and the look at the
// words around a mention (the word before, the word after, tense cues).
// Nothing here allocates per lookup.
#pragma once

#include "extractor/normalise/flat_map.h"
#include "extractor/normalise/internal.h"
#include "extractor/rules/rules.h"
#include "extractor/text/text.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace claimex::normalise::dates {

// Lower-cases ASCII letters, folds runs of white space to one space and
// drops a trailing '.', into buf; words longer than the buffer come back
// empty (no table holds them).
class Key {
public:
    explicit Key(std::string_view s);
    std::string_view view() const { return {buf_, len_}; }
private:
    char buf_[48];
    size_t len_ = 0;
};

// A word → value table: from an @table (first column → second column) or
// an @list (word → ""). Keys are stored as Key would make them; the first
// row of a word wins.
class WordTable {
public:
    WordTable() = default;
    static WordTable from_table(const std::vector<std::vector<std::string>>* rows);
    static WordTable from_list(const std::vector<std::string>* words);
    const std::string* find(std::string_view word) const;   // any case
    bool contains(std::string_view word) const { return find(word) != nullptr; }
    std::optional<int> number(std::string_view word) const;  // the value as an integer
    size_t size() const { return entries_.size(); }
private:
    struct Entry {
        std::string value;
        std::optional<int> number;
    };
    void add(std::string_view word, std::string value);
    FlatMap<Entry> entries_;
};

// `begun`: right after "since" ("has lent 11.9 billion yuan since February"), a date that has
// begun by the publication date however far back (a past cue reaches only so far).
enum class Tense { none, past, future, begun };
// A tense that looks back: past, or begun.
inline bool looks_back(Tense t) { return t == Tense::past || t == Tense::begun; }

// The words that tell the tense of a date's sentence, each with what it
// says (one look-up per word).
class Cues {
public:
    enum : uint16_t {
        future = 1,            // "will", "expects", "due"
        past = 2,              // "was", "rose", "ago" (and any "-ed" word that is no other cue)
        future_adjacent = 4,   // right before the date only: "by" (a deadline)
        passive = 8,           // "be", "been": an "-ed" word after them is no tense
        speech = 16,           // "said", "told": past only right by the date; further back
                               // the look back ends there without a cue
        noun_cue = 32,         // a cue that is also a noun: "forecast"
        noun_before = 64,      // before a noun_cue, makes it the noun: "its", "profit" ("its profit forecast")
        past_aux = 128,        // "was", "had": a future cue after them is past ("was set on Wednesday")
        report_noun = 256,     // right after the date: "results", "earnings" (a report covers a period
                               // that has ended, even one still to be published)
        report_prep = 512,     // between a report noun and the day it comes out: "results in April"
        estimate = 1024,       // a verb of estimating: "projected", "estimated" (after a figure: a past date)
        figure_end = 2048,     // a word that ends a figure: "billion", "bn", "crore"
        compared_cue = 4096,   // before a comparison's figure: "from", "with", "than" (compared_cues.txt)
        compared_prep = 8192,  // between that figure and its date: "in", "for", "during"
        compared_approx = 16384,  // between the cue and the figure: "about", "roughly"; "more" ("more than")
        boundary = 32768,      // right before a day that bounds a period named before it: "ended" ("fiscal
                               // 2026, which ended June 30"): the day is no period to count from
    };
    void add(const std::vector<std::string>* words, uint16_t what);
    uint16_t of(std::string_view word) const;
private:
    FlatMap<uint16_t> words_;
};

// The text around a mention, read from the analysis text.
struct Around {
    const text::Text& text;
    text::Span span;

    // The word just before the span (letters, digits, apostrophes), with
    // only spaces between; empty when there is none (start of the
    // paragraph, or punctuation in between).
    std::string_view word_before() const;
    // The word before that one (same rules), for "the Sunday Times".
    std::string_view word_before(std::string_view after_word) const;
    std::string_view word_after() const;
    // The analysis bytes right before / after the span (up to n).
    std::string_view bytes_before(size_t n) const;
    std::string_view bytes_after(size_t n) const;
    // Is the span at the start of its sentence?
    bool sentence_start() const;
    // The tense cue of the sentence: a word of `future` or `past`, or
    // (past) a word ending in "ed": the nearest one before the mention, or
    // when there is none before it, the nearest one after it.
    Tense tense(const Cues& cues) const;

    // The sentence (or the whole text, before segmentation) holding the span.
    text::Span sentence() const;
};

}  // namespace claimex::normalise::dates
