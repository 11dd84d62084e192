// document/internal.h — the pieces of the document stage, exposed for its own
// files and its tests (not part of the public API in document.h).
#pragma once

#include "extractor/document/document.h"

#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace claimex::document::detail {

// ---- charset.cc ----

// A charset label as browsers treat it → the ICU converter name we use, or ""
// when the label is unknown. "latin1"/"iso-8859-1"/"ascii" → "windows-1252",
// "gb2312"/"gbk" → "GB18030", "sjis"/"x-sjis" → "Shift_JIS", "utf8" → "UTF-8".
std::string canonical_charset(std::string_view label);
// The charset parameter of a Content-Type value ("" if none).
std::string charset_from_content_type(std::string_view content_type);
// <meta charset>, <meta http-equiv=Content-Type content=...charset=...> or
// <?xml encoding=...?> in the first 2 KB, as declared ("" if none).
std::string prescan_charset(std::string_view bytes);
// Strict UTF-8 check (no overlongs, surrogates or code points > U+10FFFF).
// *multibyte gets the number of valid multi-byte sequences.
bool valid_utf8(std::string_view s, size_t* multibyte = nullptr);
// UTF-8 with every invalid sequence replaced by U+FFFD.
std::string repair_utf8(std::string_view s);

// ---- dom.cc ----

// HTML (UTF-8) → pugixml DOM through gumbo. Element and attribute names are
// lower case; comments, <style>, <noscript>, <template> and scripts other
// than JSON-LD are dropped; SVG and MathML keep their root element only.
void html_to_dom(std::string_view utf8, pugi::xml_document& out);

// ---- text helpers (dom.cc) ----

// Collapses whitespace runs (including NBSP and ideographic spaces) to one
// space and trims.
std::string collapse_space(std::string_view s);
// HTML fragment or entity-laden text → plain text (tags stripped, entities
// decoded, whitespace collapsed, block elements separated by spaces).
std::string html_to_text(std::string_view html);

// ---- dates.cc ----

// A date as found in metadata or feeds → ISO 8601: "2024-08-26",
// "2024-08-26T13:21:00", "2024-08-26T13:21:00+03:00" or "...Z"; the time zone
// is kept when given, a date-only value stays a date, fractions of seconds
// are dropped. Understands ISO 8601 variants, RFC 822/1123 ("Mon, 26 Aug 2024
// 13:21:00 +0300", named zones GMT/UTC/EST/PDT/...), YYYYMMDD, Unix epoch
// seconds/milliseconds, and "26 August 2024", "August 26, 2024",
// "26.08.2024", "26/08/2024", "2024年8月26日" (+ optional HH:MM, no zone
// invented). Returns "" when the string is not a date.
std::string normalise_date(std::string_view s);
// Finds a date inside a short piece of running text ("Published: 22 November
// 2003", "Friday, 19 February 2010 · by Neil Ward"): the date part only.
std::string find_date_in_text(std::string_view s);

// ---- url.cc ----

// RFC 3986 reference resolution (section 5.2) of ref against base.
std::string resolve_url(std::string_view base, std::string_view ref);
// The form used to detect duplicate URLs: lower-case scheme and host, no
// fragment, no default port, no trailing slash, utm_* (and a few other
// tracking) parameters removed.
std::string canonical_url(std::string_view url);

// ---- metadata.cc ----

struct Metadata {
    std::string title;
    std::string published;
    std::string modified;
    std::string publisher;
    std::vector<std::string> authors;
    std::string lang;
    std::string canonical_url;
    std::string article_body;            // JSON-LD articleBody (fallback text)
    std::vector<std::string> title_variants;  // every title seen (for dropping headline blocks)
};
// Splits a byline ("By Jane Doe and John Smith, Reuters") into names.
std::vector<std::string> parse_byline(std::string_view byline);
// Head metadata (JSON-LD, OpenGraph, Twitter, <meta>, microdata, <title>).
Metadata extract_metadata(const pugi::xml_document& dom, std::string_view base_url);

// ---- extract.cc ----

struct Extraction {
    std::string text;                   // blocks separated by blank lines
    pugi::xml_node content;             // the chosen content element (may be null)
    std::vector<std::string> byline_texts;  // byline-like lines seen near the content
    std::vector<std::string> date_texts;    // date-like lines seen near the content
};
// Main text of a page. title_variants: headline texts to drop from the body.
Extraction extract_main_text(const pugi::xml_document& dom, const std::vector<std::string>& title_variants);

// Fills what the head lacked from the page around the content: <time>
// elements in the article, bylines, visible datelines.
void complete_metadata(Metadata& m, const pugi::xml_document& dom, const Extraction& ex);

}  // namespace claimex::document::detail
