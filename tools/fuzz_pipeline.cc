// fuzz_pipeline — libFuzzer target for the whole extractor: bytes → text →
// rules → normalise → claims → the JSON line `claimex extract` writes.
// Built only with clang and -DCLAIMEX_FUZZ=ON (which also turns on ASan and
// UBSan); see tools/FUZZ.md.
//
//   build-fuzz/fuzz_pipeline -max_total_time=600 -max_len=4096 \
//       build-fuzz/fuzz-work tools/fuzz_seeds
//
// The rules come from $CLAIMEX_RULES, else the source tree's rules/. Input
// that the pipeline rejects (invalid UTF-8, NUL bytes, empty) must be
// rejected with InputError and nothing else; anything else that escapes,
// or any sanitizer report, is a finding. The first byte picks the
// publication date (none, or one of two), so that relative dates are
// resolved and left unresolved both.
#include "extractor/claimex.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

namespace {

const claimex::Extractor& extractor() {
    // Loaded once: compiling the rules costs far more than one input.
    static const auto ex = std::make_unique<claimex::Extractor>(claimex::default_rules_dir());
    return *ex;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    static const char* const kDates[] = {"", "2024-08-26", "2023-12-31"};
    claimex::document::Document doc;
    doc.published = kDates[data[0] % 3];
    doc.text.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
    try {
        claimex::Record r = extractor().extract(std::move(doc));
        std::string line;
        claimex::append_json(line, r, false);
        // Every mention lies inside the text, and the line is valid JSON.
        const size_t n = r.text.analysis().size();
        for (const auto& m : r.mentions)
            if (m.span.begin > m.span.end || m.span.end > n) std::abort();
        if (!nlohmann::json::accept(line)) std::abort();
    } catch (const claimex::InputError&) {
        // bad input, said so: fine
    }
    return 0;
}
