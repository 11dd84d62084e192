// Internal to rules: the rule-file parser's output and the builtin lists.
#pragma once

#include <bitset>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimex::rules {

// Word lists that come from ICU data rather than a file, named "icu:...".
// Returns nullopt for an unknown name.
std::optional<std::vector<std::string>> builtin_list(std::string_view name);

// The names builtin_list knows (for error messages and docs).
std::vector<std::string> builtin_list_names();

// Where a match of a pattern can start (start.cc). A match that starts at
// byte offset q of a paragraph has its first byte in first[c], where c is 0
// at the start of the paragraph, 1 after an ASCII word byte ([0-9A-Za-z_])
// and 2 after any other byte; and unless `one` (a match can be a single
// byte) its second byte is in `second`. These are over-approximations read
// from the pattern text. ok == false: the pattern could not be read or can
// match the empty string, and the sets say nothing.
// `prefixes` holds the beginnings of the matches as strings of byte sets: the
// first whole_count are entire matches (shorter than kStartPrefix bytes),
// the rest are the first bytes of longer matches (kStartPrefix or fewer);
// every match begins with one of them.
constexpr size_t kStartPrefix = 4;
struct StartInfo {
    bool ok = false;
    std::bitset<256> first[3];
    std::bitset<256> second;
    bool one = false;
    std::vector<std::vector<std::bitset<256>>> prefixes;
    size_t whole_count = 0;
};
StartInfo analyse_start(std::string_view pattern);
// Gazetteers that come from ICU data rather than a file (`gazetteer:
// icu:countries`), as the text of a gazetteer file (canonical TAB kind TAB
// aliases). Returns nullopt for an unknown name.
std::optional<std::string> builtin_gazetteer(std::string_view name);

}  // namespace claimex::rules
