// PLACEHOLDER: the document stage's parsing comes with the fetch/document
// work (issue 4). Until then plain text passes through and the rest throws.
#include "extractor/document/document.h"

namespace claimex::document {

Kind sniff(const Payload& p) {
    if (p.content_type.find("html") != std::string::npos) return Kind::html;
    return Kind::text;
}

std::string to_utf8(std::string_view bytes, std::string_view, std::string* charset_out) {
    if (charset_out) *charset_out = "UTF-8";
    return std::string(bytes);
}

Document parse_html(const Payload&) { throw DocumentError("HTML parsing is not built yet"); }
Feed parse_feed(const Payload&) { throw DocumentError("feed parsing is not built yet"); }

Document to_document(const Payload& p) {
    if (sniff(p) != Kind::text) throw DocumentError("unsupported content");
    Document d;
    d.url = p.url;
    d.text = to_utf8(p.body, p.content_type, &d.charset);
    return d;
}

}  // namespace claimex::document
