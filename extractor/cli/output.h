// How `claimex extract` writes records: JSONL (the contract), flat claim
// JSONL (--claims-only / --flat), CSV of claims (--format csv), or a
// human-readable view (--format pretty: mentions table and one line a claim).
#pragma once

#include "extractor/claimex.h"

#include <iosfwd>
#include <string>

namespace claimex::cli {

// Writes records to the stream without flushing it after each one (the
// caller flushes: at the end, before error messages, when input stalls).
class RecordWriter {
public:
    RecordWriter(std::ostream& out, std::string format, bool with_text, bool claims_only);
    void write(const Record& record, const std::string& where);

private:
    void pretty(const Record& r, const std::string& where);
    std::ostream& out_;
    std::string format_;
    bool with_text_;
    bool claims_only_;
    bool header_written_ = false;
    std::string line_;  // reused for every record
};

// One claim with its document's id, url, title and published date, for
// --claims-only output and the CSV.
nlohmann::ordered_json flat_claim(const nlohmann::ordered_json& claim, const Record& record);
nlohmann::ordered_json flat_claim(const nlohmann::ordered_json& claim, const std::string& document_id,
                                  const std::string& url, const std::string& title, const std::string& published);
// flat_claim(claim, record) appended to out as one line of JSON text (no
// newline), as its dump(-1, ' ', false, replace) would read.
void append_flat_claim(std::string& out, const nlohmann::ordered_json& claim, const Record& record);
// The same for a claim of the record, written straight from the struct.
void append_flat_claim(std::string& out, const claims::Claim& claim, const Record& record);
// The CSV of claims: the header line and one line per flat claim (RFC 4180,
// CRLF line ends, UTF-8).
std::string csv_header_line();
std::string csv_line(const nlohmann::ordered_json& flat);
// "Alibaba+Tencent+Baidu · capital_expenditure · 50,000,000,000 CNY (≈ 7,000,000,000 USD) · 2024-H1 · ..."
std::string claim_line(const nlohmann::ordered_json& claim);

}  // namespace claimex::cli
