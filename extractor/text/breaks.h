// Internal to text: the sentence boundaries of UAX #29 (ICU's sentence
// BreakIterator, locale "en"), found without running ICU over most of a text.
//
// ICU's iterator costs ~60 instructions per byte. A boundary can only come
// after a sentence terminator or a paragraph separator, so each line (a hard
// boundary follows every CR, LF or CR LF: rule SB4) is read once with a
// table of the ASCII Sentence_Break classes, and the rules SB6-SB11 are
// applied at each terminator. A line with anything the short reading does
// not settle (a terminator before a non-ASCII character, before an opening
// bracket, a Format or Extend character, a non-ASCII terminator, ...) goes
// to ICU on its own, which gives the same boundaries as over the whole text:
// the iterator reads forward from the hard boundary the line starts at.
// tests/text_breaks_test.cc holds the two to the same boundaries.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace claimex::text {

// Every sentence boundary of a UTF-8 text (validated) after offset 0 and
// before its end, in order, as byte offsets: what ICU's next() returns,
// without the end of the text. `icu_only` runs ICU over the whole text (the
// reference the fast path is tested against).
void sentence_breaks(std::string_view text, std::vector<uint32_t>& out, bool icu_only = false);

}  // namespace claimex::text
