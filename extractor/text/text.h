// text — the text of one document, prepared for matching.
//
// In:  the document's text as UTF-8 bytes (as given: nothing is dropped).
// Out: a Text that owns the original, an *analysis* form of it that the rules
//      run over, sentence and paragraph boundaries, and the offset maps that
//      turn analysis byte offsets back into Unicode code point offsets of the
//      original, which is what the output contract promises
//      (Python: text[start:end] == mention["text"]).
//
// The analysis form is the NFC normalisation of the original with a few
// typographic foldings that make patterns simpler (no-break and thin spaces →
// ' ', curly quotes → straight, en/em dashes and minus → '-'). Every analysis
// code point maps back to the original code point it came from, so a mention
// found in the analysis text always has exact offsets in the original.
//
//   text::Text t = text::Text::prepare("Revenue rose 5%\u00a0in Q3.");
//   for (text::Span s : t.sentences()) ...           // analysis byte spans
//   uint32_t cp = t.codepoint(span.begin);           // original code points
//   std::string_view orig = t.original_slice(span);  // original bytes
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
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

// Thrown by Text::prepare for input that is not text: invalid UTF-8 (with the
// byte offset of the first bad sequence) or binary content (NUL bytes).
struct TextError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Text {
public:
    static Text prepare(std::string original);

    const std::string& original() const { return original_; }
    const std::string& analysis() const { return analysis_; }

    // Code point offset in the original text of an analysis byte offset
    // (valid for every offset in [0, analysis().size()]).
    uint32_t codepoint(uint32_t analysis_byte) const;
    // Byte offset in the original text of an analysis byte offset.
    uint32_t original_byte(uint32_t analysis_byte) const;
    // The original bytes that an analysis span came from.
    std::string_view original_slice(Span s) const;
    std::string_view analysis_slice(Span s) const {
        return std::string_view(analysis_).substr(s.begin, s.size());
    }
    // Number of code points in the original.
    uint32_t codepoint_count() const;

    // Sentences and paragraphs as analysis byte spans, in order, trimmed of
    // surrounding white space. Paragraphs are separated by blank lines or by
    // single newlines (news text uses both); every sentence lies in exactly
    // one paragraph.
    const std::vector<Span>& sentences() const { return sentences_; }
    const std::vector<Span>& paragraphs() const { return paragraphs_; }
    // Index of the sentence / paragraph containing an analysis byte offset
    // (the nearest preceding one for offsets between them).
    size_t sentence_index(uint32_t analysis_byte) const;
    size_t paragraph_index(uint32_t analysis_byte) const;

private:
    std::string original_;
    std::string analysis_;
    // For each analysis byte offset (size analysis_.size() + 1): the original
    // code point offset and original byte offset it maps to.
    std::vector<uint32_t> cp_of_;
    std::vector<uint32_t> byte_of_;
    std::vector<Span> sentences_;
    std::vector<Span> paragraphs_;
    uint32_t cp_count_ = 0;
};

// Code point helpers shared by the stages (UTF-8 in, no validation: use on
// text that went through Text::prepare).
uint32_t count_codepoints(std::string_view utf8);

}  // namespace claimex::text
