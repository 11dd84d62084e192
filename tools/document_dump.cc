// document_dump — files → the document stage → one JSON object per file.
// A debugging and evaluation aid (tools/eval_document.py runs it):
//   document_dump [--content-type TYPE] [--feed] FILE...
// prints {"file", "title", "published", ..., "text"} or {"file", "error"}.
#include "extractor/document/document.h"

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

int main(int argc, char** argv) {
    using namespace claimex::document;
    std::string content_type;
    bool feed = false;
    int failed = 0;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--content-type" && i + 1 < argc) {
            content_type = argv[++i];
            continue;
        }
        if (arg == "--feed") {
            feed = true;
            continue;
        }
        nlohmann::ordered_json j;
        j["file"] = arg;
        std::ifstream in(arg, std::ios::binary);
        if (!in) {
            j["error"] = "cannot open";
            std::cout << j.dump() << '\n';
            ++failed;
            continue;
        }
        std::stringstream ss;
        ss << in.rdbuf();
        Payload p;
        p.url = arg;
        p.content_type = content_type;
        p.body = ss.str();
        try {
            if (feed) {
                Feed f = parse_feed(p);
                j["kind"] = f.kind;
                j["title"] = f.title;
                j["items"] = nlohmann::ordered_json::array();
                for (const auto& it : f.items)
                    j["items"].push_back({{"url", it.url}, {"title", it.title}, {"published", it.published}, {"summary", it.summary}});
            } else {
                Document d = to_document(p);
                j["charset"] = d.charset;
                j["title"] = d.title;
                j["published"] = d.published;
                j["modified"] = d.modified;
                j["publisher"] = d.publisher;
                j["authors"] = d.authors;
                j["lang"] = d.lang;
                j["canonical_url"] = d.canonical_url;
                j["text"] = d.text;
            }
        } catch (const std::exception& e) {
            j["error"] = e.what();
            ++failed;
        }
        std::cout << j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    }
    return failed ? 1 : 0;
}
