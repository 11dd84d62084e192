// Internal to rules: the rule-file parser's output and the builtin lists.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimex::rules {

// UTF-16 (ICU) → UTF-8; "" when the text cannot be converted.
std::string utf16_to_utf8(const char16_t* s, int32_t n);

// Word lists that come from ICU data rather than a file, named "icu:...".
// Returns nullopt for an unknown name.
std::optional<std::vector<std::string>> builtin_list(std::string_view name);

// The names builtin_list knows (for error messages and docs).
std::vector<std::string> builtin_list_names();

// Gazetteers that come from ICU data rather than a file (`gazetteer:
// icu:countries`), as the text of a gazetteer file (canonical TAB kind TAB
// aliases). Returns nullopt for an unknown name.
std::optional<std::string> builtin_gazetteer(std::string_view name);

}  // namespace claimex::rules
