// document — bytes → Document.
//
// In:  a Payload: the bytes of a page, feed or text file with what is known
//      about where they came from (URL, HTTP status, Content-Type).
// Out: a Document: the main article text as plain UTF-8 (paragraphs separated
//      by blank lines) and metadata (title, published, publisher, authors,
//      language, canonical URL); or a Feed: the items of an RSS 2.0, RSS
//      1.0/RDF, Atom 1.0 feed, news sitemap or sitemap index.
//
// Charset: BOM, then HTTP header, then <meta charset>/<?xml encoding>, then
// ICU detection; everything is converted to UTF-8 with ICU. HTML is parsed by
// gumbo (HTML5) into a pugixml DOM, so pages and feeds share one DOM and
// XPath. How the article text is found: README.md in this folder.
//
//   document::Payload p{.url = url, .content_type = "text/html", .body = bytes};
//   switch (document::sniff(p)) {
//     case document::Kind::html: doc = document::parse_html(p); break;
//     case document::Kind::feed: feed = document::parse_feed(p); break;
//     ...
//   }
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace claimex::document {

struct Document {
    std::string id;            // caller's id, else derived from url or text
    std::string url;
    std::string final_url;     // after redirects
    std::string canonical_url; // <link rel=canonical> / og:url
    int status = 0;            // HTTP status (0 for files)
    std::string fetched_at;    // ISO 8601 UTC
    std::string content_type;
    std::string charset;       // what the bytes were decoded from
    std::string title;
    std::string published;     // ISO 8601, "" when unknown
    std::string modified;
    std::string publisher;
    std::vector<std::string> authors;
    std::string lang;
    std::string text;          // UTF-8; mention offsets are code points into this
    std::string source_name;   // input name for error messages ("feed.jsonl:12")
};

// Bad or unusable content: the message says what is wrong (the caller adds
// which input it was).
struct DocumentError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Raw bytes and what is known of where they came from.
struct Payload {
    std::string url;           // as requested (or a file path)
    std::string final_url;     // after redirects ("" = url)
    int status = 0;
    std::string content_type;  // Content-Type header value, "" if unknown
    std::string body;
    std::string fetched_at;
};

enum class Kind { html, feed, text, unsupported };

// What a payload is, from its Content-Type and its first bytes.
Kind sniff(const Payload& p);

// Bytes → UTF-8. Charset from the BOM, the Content-Type header, <meta
// charset> or <?xml encoding>, else ICU detection (browser label aliases;
// legacy bytes under a UTF-8 label are detected; bad bytes → U+FFFD). *charset_out (if given) gets the
// charset used. Throws DocumentError when the bytes cannot be converted.
std::string to_utf8(std::string_view bytes, std::string_view content_type, std::string* charset_out = nullptr);

// An HTML page → Document (main text + metadata). Throws DocumentError.
Document parse_html(const Payload& p);

struct FeedItem {
    std::string url;           // absolute (relative links resolved)
    std::string title;
    std::string published;     // ISO 8601 or ""
    std::string summary;
};

struct Feed {
    std::string kind;          // rss, rdf, atom, sitemap, sitemapindex
    std::string title;
    std::vector<FeedItem> items;  // duplicates (same canonical URL) dropped
};

// A feed or sitemap → its items. Throws DocumentError for malformed XML or
// something that is not a feed.
Feed parse_feed(const Payload& p);

// Any payload → Document: HTML is parsed, text is decoded; a feed, an HTTP
// status >= 400 or an unsupported type (PDF, image, video) throws
// DocumentError with the reason ("skipped: application/pdf is not an
// article").
Document to_document(const Payload& p);

}  // namespace claimex::document
