// text — the text of one document, prepared for matching.
//
// In:  the document's text as UTF-8 bytes (as given: nothing is dropped).
// Out: a Text that owns the original, an *analysis* form of it that the rules
//      run over, sentence and paragraph boundaries, and the offset maps that
//      turn analysis byte offsets back into Unicode code point offsets of the
//      original, which is what the output contract promises
//      (Python: text[start:end] == mention["text"]).
//
// The analysis form is the NFC normalisation of the original (ICU) with a few
// typographic foldings that make patterns simpler:
//   no-break, thin, narrow and other Unicode spaces    → ' '
//   ‘ ’ ‚ ‛ ‹ › and the modifier-letter apostrophe      → '\''
//   “ ” „ ‟ « »                                        → '"'
//   hyphen, figure/en/em dash, bar, minus sign          → '-'
//   NEL, line and paragraph separators                  → '\n'
//   soft hyphen, zero-width space/joiners, BOM          → removed
// Every analysis code point maps back to the original code points it came
// from: where NFC merges a combining sequence ("e\u0301" → "é") the one
// analysis code point covers both original ones; a removed character belongs
// to the code point before it. So a mention found in the analysis text always
// has exact offsets in the original. Pure ASCII text is its own analysis form
// (no copy, identity maps), which keeps the common case fast.
//
// Paragraphs are the trimmed, non-empty lines (a line ends at \n, \r or \r\n).
// Sentences come from ICU's sentence BreakIterator (UAX #29 rules, locale
// "en"), corrected by a Segmenter: no break after the abbreviations of
// rules/text/abbreviations.txt ("U.S.", "Dr.", "No. 5") or after capital
// initials ("John F. Kennedy"), except that abbreviations which can end a
// sentence ("U.S.", "Inc.", "a.m.") keep the break when the next word is a
// sentence starter of rules/text/sentence_starters.txt ("He moved to the
// U.S. Last year he ..." → two sentences; "the U.S. Treasury" → one).
// ICU's own suppression list (en@ss=standard) is not used: it matches
// suffixes of words and holds entries like "O." and "Joe.", so it glued
// "... an IPO. The shares rose." into one sentence; the Segmenter compares
// whole words.
//
//   text::Text t = text::Text::prepare("Revenue rose 5%\u00a0in Q3.");
//   for (text::Span s : t.sentences()) ...           // analysis byte spans
//   uint32_t cp = t.codepoint(span.begin);           // original code points
//   std::string_view orig = t.original_slice(span);  // original bytes
//
//   auto seg = text::Segmenter::load("rules/text");  // once, then share it
//   text::Text u = text::Text::prepare(std::move(s), seg);
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace claimex::text {

// A half-open byte range [begin, end) in Text::analysis().
struct Span {
    uint32_t begin = 0;
    uint32_t end = 0;
    uint32_t size() const { return end - begin; }
    bool empty() const { return begin == end; }
    bool contains(Span o) const { return begin <= o.begin && o.end <= end; }
    bool overlaps(Span o) const { return begin < o.end && o.begin < end; }
    friend bool operator==(Span, Span) = default;
};

// Thrown by Text::prepare for input that is not text: invalid UTF-8 ("invalid
// UTF-8 at byte 1234 (truncated sequence)") or binary content ("binary
// content: NUL byte at offset 56"); thrown by Segmenter::load for a bad line
// in a list file (with file:line).
struct TextError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Where sentence breaks are suppressed on top of ICU's rules. Immutable once
// built, so one Segmenter can be shared by every thread.
class Segmenter {
public:
    // How an abbreviation before a candidate break is treated.
    enum class Kind {
        title,   // never ends a sentence: a name or value follows ("Dr.", "e.g.")
        final,   // may end one: the break stays before a sentence starter ("U.S.")
        number,  // no break only before a number ("No. 5")
    };

    // The built-in lists (the same as rules/text/ ships).
    Segmenter();
    // Lists in the format of rules/text/abbreviations.txt ("ABBREV [KIND]"
    // per line) and rules/text/sentence_starters.txt (one word per line);
    // '#' starts a comment. `name` is used in error messages. Throws
    // TextError("NAME:LINE: ...") for a malformed line.
    Segmenter(std::string_view abbreviations, std::string_view starters,
              std::string_view name = "abbreviations");
    // Reads dir/abbreviations.txt and dir/sentence_starters.txt; a file that
    // is not there keeps the built-in list. Throws TextError for a file that
    // cannot be read or has a bad line.
    static Segmenter load(const std::filesystem::path& dir);
    // A shared instance of the built-in lists.
    static const Segmenter& builtin();

    // Should the break before `next` (the text after a candidate break) be
    // dropped, given `token`, the word that ends the sentence so far ("U.S.",
    // "(Dr.", "F.")?
    bool suppress(std::string_view token, std::string_view next) const;

    size_t abbreviation_count() const { return abbrevs_.size(); }

private:
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, Kind, Hash, std::equal_to<>> abbrevs_;
    std::unordered_set<std::string, Hash, std::equal_to<>> starters_;
};

class Text {
public:
    // Throws TextError for invalid UTF-8 or NUL bytes. The one-argument form
    // uses Segmenter::builtin().
    static Text prepare(std::string original);
    static Text prepare(std::string original, const Segmenter& segmenter);

    const std::string& original() const { return original_; }
    const std::string& analysis() const { return same_ ? original_ : analysis_; }

    // Code point offset in the original text of an analysis byte offset
    // (valid for every offset in [0, analysis().size()]; an offset inside a
    // multi-byte code point counts as the start of that code point). An
    // offset maps to where the analysis code point starting there came from,
    // and analysis().size() maps to the end of the original.
    uint32_t codepoint(uint32_t analysis_byte) const;
    // Byte offset in the original text of an analysis byte offset (same
    // rules as codepoint()).
    uint32_t original_byte(uint32_t analysis_byte) const;
    // The original bytes that an analysis span came from.
    std::string_view original_slice(Span s) const;
    // original_slice(s) and codepoint(s.begin) at once, with one lookup of
    // s.begin (the output writes both for every span).
    struct Located {
        std::string_view text;
        uint32_t start;
    };
    Located locate(Span s) const;
    std::string_view analysis_slice(Span s) const {
        return std::string_view(analysis()).substr(s.begin, s.size());
    }
    // Number of code points in the original.
    uint32_t codepoint_count() const { return cp_count_; }

    // Sentences and paragraphs as analysis byte spans, in order, trimmed of
    // surrounding white space. Paragraphs are separated by blank lines or by
    // single newlines (news text uses both); every sentence lies in exactly
    // one paragraph.
    // A sentence is at most kMaxSentenceBytes long: a longer one (a table,
    // a list, a megabyte without a full stop) is cut at spaces, since the
    // claims stage's work grows faster than linearly with sentence length.
    static constexpr uint32_t kMaxSentenceBytes = 2048;
    const std::vector<Span>& sentences() const { return sentences_; }
    const std::vector<Span>& paragraphs() const { return paragraphs_; }
    // Index of the sentence / paragraph containing an analysis byte offset
    // (the nearest preceding one for offsets between them).
    size_t sentence_index(uint32_t analysis_byte) const;
    size_t paragraph_index(uint32_t analysis_byte) const;

private:
    // A region where analysis and original differ (a fold, a removal, an NFC
    // change); between changes the two run byte for byte in step.
    struct Change {
        uint32_t a_begin, a_end;  // analysis bytes
        uint32_t o_begin, o_end;  // original bytes
    };
    uint32_t codepoint_of_original(uint32_t original_byte) const;
    void segment(const Segmenter& segmenter);

    std::string original_;
    std::string analysis_;      // unused (empty) when same_
    bool same_ = true;          // analysis is the original, byte for byte
    bool ascii_ = true;         // original is ASCII: code point == byte offset
    std::vector<Change> changes_;       // sorted by a_begin (then o_begin)
    static constexpr uint32_t kCpBlock = 64;
    std::vector<uint32_t> cp_blocks_;   // code points before original byte k*kCpBlock
    std::vector<Span> sentences_;
    std::vector<Span> paragraphs_;
    uint32_t cp_count_ = 0;
};

// Code point helpers shared by the stages (UTF-8 in, no validation: use on
// text that went through Text::prepare).
uint32_t count_codepoints(std::string_view utf8);

// A stable 64-bit hash of bytes (FNV-1a), continued from `h` when given: the
// one behind document ids, claim ids, content hashes and cache keys (every
// stage builds on text, so it lives here). Its values are part of the output:
// never change it.
inline constexpr uint64_t kFnvOffset = 1469598103934665603ULL;
inline uint64_t fnv1a(std::string_view s, uint64_t h = kFnvOffset) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
    return h;
}

}  // namespace claimex::text
