// Str — a std::string whose test against a string literal is inlined.
#pragma once

#include <cstddef>
#include <string>
#include <utility>

namespace claimex {

// A std::string whose test against a string literal (`m.kind == "company"`, `c.kind ==
// "amount"`, `e->extra == "generic"`: asked per mention, per claim and per token) is a length
// test and an inlined compare of a known size, not std::string::compare(const char*) (an
// out-of-line strlen and memcmp, ~65 instructions a test). Everything else is std::string's.
// The literal must be a literal: a char array is compared over its whole size less one.
struct Str : std::string {
    using std::string::string;
    using std::string::operator=;
    Str() = default;
    Str(const std::string& s) : std::string(s) {}
    Str(std::string&& s) noexcept : std::string(std::move(s)) {}
    template <size_t N>
    friend bool operator==(const Str& s, const char (&lit)[N]) {
        return s.size() == N - 1 && __builtin_memcmp(s.data(), lit, N - 1) == 0;
    }
    template <size_t N>
    friend bool operator!=(const Str& s, const char (&lit)[N]) {
        return !(s == lit);
    }
};

}  // namespace claimex
