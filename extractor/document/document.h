// document — bytes → Document.
//
// In:  the bytes of a page, feed or text file, with what is known about where
//      they came from (URL, HTTP Content-Type).
// Out: a Document: its text (main article text as plain UTF-8, paragraphs
//      separated by blank lines) and metadata (title, published, publisher,
//      authors, language, canonical URL).
//
// This header holds the Document value type that every later stage reads.
// HTML parsing, charset conversion, main-text extraction and feeds are added
// by the fetch/document work (issue 4) behind the functions declared below.
#pragma once

#include <string>
#include <vector>

namespace claimex::document {

struct Document {
    std::string id;            // caller's id, else derived from url or input name
    std::string url;
    std::string final_url;     // after redirects
    std::string title;
    std::string published;     // ISO 8601, "" when unknown
    std::string modified;
    std::string publisher;
    std::vector<std::string> authors;
    std::string lang;
    std::string text;          // UTF-8; mention offsets are code points into this
    std::string source_name;   // input name for error messages ("feed.jsonl:12")
};

}  // namespace claimex::document
