// Tests of the document stage: charsets, the HTML → DOM conversion,
// main-text extraction (boilerplate removal), metadata and its precedence,
// dates, feeds of each kind, URL resolution and dedup, sniffing.
#include "extractor/document/document.h"
#include "extractor/document/internal.h"

#include <catch2/catch.hpp>
#include <string>

using namespace claimex::document;
using namespace claimex::document::detail;

namespace {

Payload html_payload(std::string body, std::string url = "https://news.example/a/story.html") {
    Payload p;
    p.url = std::move(url);
    p.content_type = "text/html; charset=utf-8";
    p.body = std::move(body);
    return p;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// A page of realistic furniture around an article body.
std::string page(const std::string& head, const std::string& body_inside) {
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">" + head +
           "</head><body><header class=\"site-header\"><a href=\"/\">Daily Example</a><nav><a href=\"/news\">News</a> "
           "<a href=\"/sport\">Sport</a> <a href=\"/business\">Business</a> <a href=\"/culture\">Culture</a></nav></header>" +
           body_inside +
           "<footer><p>© 2024 Daily Example Ltd. All rights reserved.</p><a href=\"/privacy\">Privacy</a></footer></body></html>";
}

const char* kParagraphs =
    "<p>The city council approved a budget of $1.2 billion on Tuesday, including money for road repairs, new buses and "
    "two libraries, after a debate that lasted more than six hours.</p>"
    "<p>Council members voted 7-2 in favour. The mayor said the plan would keep property taxes flat for a third year, "
    "while critics said it relied too heavily on one-off transfers from reserves.</p>"
    "<p>The budget takes effect on July 1, and the first road repairs are expected to begin in August, officials said.</p>";

}  // namespace

// ---------------------------------------------------------------- charsets

TEST_CASE("charset: windows-1252 and its latin1 aliases", "[document][charset]") {
    std::string bytes = "caf\xE9 \x93quoted\x94 costs \x80" "5";
    std::string cs;
    CHECK(to_utf8(bytes, "text/html; charset=windows-1252", &cs) == "café “quoted” costs €5");
    CHECK(cs == "windows-1252");
    // Browsers read ISO-8859-1 and latin1 labels as windows-1252.
    CHECK(to_utf8(bytes, "text/html; charset=ISO-8859-1", &cs) == "café “quoted” costs €5");
    CHECK(to_utf8(bytes, "text/html; charset=\"latin1\"", &cs) == "café “quoted” costs €5");
    CHECK(cs == "windows-1252");
}

TEST_CASE("charset: windows-1251 from <meta http-equiv>", "[document][charset]") {
    std::string bytes =
        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head><body>"
        "\xCF\xF0\xE8\xE2\xE5\xF2, \xEC\xE8\xF0</body></html>";  // Привет, мир
    std::string cs;
    std::string out = to_utf8(bytes, "text/html", &cs);
    CHECK(contains(out, "Привет, мир"));
    CHECK(cs == "windows-1251");
}

TEST_CASE("charset: Shift_JIS under its labels", "[document][charset]") {
    std::string bytes = "\x93\xFA\x96\x7B\x8C\xEA";  // 日本語
    for (const char* label : {"Shift_JIS", "shift-jis", "sjis", "x-sjis", "windows-31j"}) {
        std::string cs;
        CHECK(to_utf8(bytes, std::string("text/html; charset=") + label, &cs) == "日本語");
        CHECK(cs == "Shift_JIS");
    }
}

TEST_CASE("charset: gb2312 and gbk labels decode as GB18030", "[document][charset]") {
    // 中文 plus 喆, which is in GBK but not in GB2312: pages labelled gb2312
    // routinely use it.
    std::string bytes = "<meta charset=\"gb2312\">\xD6\xD0\xCE\xC4\x86\xB4";
    std::string cs;
    CHECK(contains(to_utf8(bytes, "", &cs), "中文喆"));
    CHECK(cs == "GB18030");
    CHECK(to_utf8("\xD6\xD0\xCE\xC4", "text/plain; charset=GBK", &cs) == "中文");
}

TEST_CASE("charset: ISO-8859-1 bytes mislabelled as UTF-8", "[document][charset]") {
    std::string bytes = "<p>Caf\xE9 cr\xE8me br\xFBl\xE9" "e co\xFBte 5 \x80</p>";
    std::string cs;
    CHECK(to_utf8(bytes, "text/html; charset=utf-8", &cs) == "<p>Café crème brûlée coûte 5 €</p>");
    CHECK(cs != "UTF-8");
    // Same through <meta charset=utf-8> with no header.
    CHECK(contains(to_utf8("<meta charset=utf-8>" + bytes, "", &cs), "Café crème"));
}

TEST_CASE("charset: UTF-8 under a stale legacy label stays UTF-8", "[document][charset]") {
    std::string cs;
    CHECK(to_utf8("naïve café – “ok”", "text/html; charset=iso-8859-1", &cs) == "naïve café – “ok”");
    CHECK(cs == "UTF-8");
}

TEST_CASE("charset: BOMs", "[document][charset]") {
    std::string cs;
    CHECK(to_utf8("\xEF\xBB\xBFhello", "", &cs) == "hello");
    CHECK(cs == "UTF-8");
    std::string le("\xFF\xFEh\0i\0 \0\xAC\x20", 10);  // "hi €" in UTF-16LE
    CHECK(to_utf8(le, "", &cs) == "hi €");
    CHECK(cs == "UTF-16LE");
    std::string be("\xFE\xFF\0h\0i\x20\xAC", 8);
    CHECK(to_utf8(be, "text/html; charset=iso-8859-1", &cs) == "hi€");  // the BOM wins over the header
    CHECK(cs == "UTF-16BE");
}

TEST_CASE("charset: invalid sequences in UTF-8 become U+FFFD", "[document][charset]") {
    std::string cs;
    std::string out = to_utf8("ünïcödé text with one bad byte \xFF here and more ünïcödé", "text/html; charset=utf-8", &cs);
    CHECK(cs == "UTF-8");
    CHECK(contains(out, "bad byte \xEF\xBF\xBD here"));
    CHECK(valid_utf8(out));
    CHECK(repair_utf8("a\xC3(b") == "a\xEF\xBF\xBD(b");
    CHECK(repair_utf8("\xED\xA0\x80") != "\xED\xA0\x80");  // surrogates are not UTF-8
    CHECK_FALSE(valid_utf8("\xC0\xAF"));                   // overlong
}

TEST_CASE("charset: detection without any label", "[document][charset]") {
    // Russian in windows-1251, long enough for the detector.
    std::string ru =
        "\xD6\xE5\xED\xF2\xF0\xE0\xEB\xFC\xED\xFB\xE9 \xE1\xE0\xED\xEA \xEF\xEE\xE2\xFB\xF1\xE8\xEB \xEA\xEB\xFE\xF7\xE5\xE2"
        "\xF3\xFE \xF1\xF2\xE0\xE2\xEA\xF3 \xE4\xEE 21%, \xF1\xEE\xEE\xE1\xF9\xE8\xEB \xF0\xE5\xE3\xF3\xEB\xFF\xF2\xEE\xF0 "
        "\xE2 \xEF\xFF\xF2\xED\xE8\xF6\xF3. \xDD\xF2\xEE \xEC\xE0\xEA\xF1\xE8\xEC\xE0\xEB\xFC\xED\xFB\xE9 \xF3\xF0\xEE\xE2"
        "\xE5\xED\xFC \xF1\xF2\xE0\xE2\xEA\xE8 \xF1 \xF4\xE5\xE2\xF0\xE0\xEB\xFF 2022 \xE3\xEE\xE4\xE0.";
    std::string cs;
    std::string out = to_utf8(ru, "", &cs);
    CHECK(cs == "windows-1251");
    CHECK(contains(out, "Центральный банк повысил ключевую ставку"));
    CHECK(prescan_charset("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss/>") == "iso-8859-1");
    CHECK(canonical_charset("nonsense-charset") == "");
}

// ---------------------------------------------------------------- DOM

TEST_CASE("dom: gumbo tree becomes a pugixml DOM with XPath", "[document][dom]") {
    pugi::xml_document dom;
    html_to_dom("<HTML><Body><!-- a comment --><P CLASS=lead>Fish &amp; chips &eacute;t&#233; &#8217;24<custom-Widget data-x=1>"
                "in widget</custom-Widget><script>var x = 1;</script><script type=\"application/ld+json\">{\"a\":1}</script>"
                "<style>p{}</style><table><tr><td>cell</table>",
                dom);
    pugi::xml_node p = dom.select_node("//p[@class='lead']").node();
    REQUIRE(p);
    CHECK(std::string(p.first_child().value()) == "Fish & chips été ’24");
    CHECK(dom.select_node("//custom-widget[@data-x='1']"));
    CHECK(dom.select_node("//tbody/tr/td"));  // the HTML5 tree builder's implied tbody
    CHECK(std::string(dom.select_node("//script[@type='application/ld+json']").node().text().get()) == "{\"a\":1}");
    // Plain scripts and styles keep no text; comments are gone.
    for (auto x : dom.select_nodes("//script[not(@type)]")) CHECK(x.node().text().empty());
    CHECK(dom.select_nodes("//style").empty());
    std::string all;
    for (auto t : dom.select_nodes("//text()")) all += t.node().value();
    CHECK_FALSE(contains(all, "a comment"));
    CHECK(html_to_text("<p>one</p><p>two &amp; <b>three</b></p>") == "one two & three");
}

// ---------------------------------------------------------------- main text

TEST_CASE("extract: navigation, header and footer are dropped", "[document][extract]") {
    Document d = parse_html(html_payload(page("<title>Council passes budget</title>",
                                              "<main><article><h1>Council passes budget</h1><div class=\"article-body\">" +
                                                  std::string(kParagraphs) + "</div></article></main>")));
    CHECK(contains(d.text, "approved a budget of $1.2 billion"));
    CHECK(contains(d.text, "first road repairs"));
    CHECK_FALSE(contains(d.text, "Sport"));
    CHECK_FALSE(contains(d.text, "All rights reserved"));
    CHECK_FALSE(contains(d.text, "Council passes budget"));  // the headline is the title, not body text
    // Paragraphs are separated by blank lines.
    CHECK(contains(d.text, "six hours.\n\nCouncil members"));
}

TEST_CASE("extract: cookie banner, newsletter box, share bar and related links go", "[document][extract]") {
    std::string body =
        "<div class=\"consent-layer\" role=\"dialog\"><p>We and our 700 partners use cookies and similar technologies to "
        "store and access information on your device, to personalise ads and content and to measure audiences.</p>"
        "<button>Accept all</button></div>"
        "<article><div class=\"story-text\">" +
        std::string(kParagraphs).substr(0, std::string(kParagraphs).rfind("<p>")) +
        "<div class=\"box\"><h3>Get our morning briefing</h3><p>The day's essential news in your inbox, every weekday at "
        "7am.</p><input type=\"email\" placeholder=\"Your email\"><button>Go</button></div>"
        "<ul class=\"share-tools\"><li><a href=\"#\">Facebook</a></li><li><a href=\"#\">Email</a></li></ul>"
        "<p><strong>Read more:</strong> <a href=\"/x\">Bus fares to rise next year</a></p>"
        "<ul><li><a href=\"/r1\">Library hours cut in five districts</a></li><li><a href=\"/r2\">New bus routes announced "
        "for the north side</a></li></ul>"
        "<p>The budget takes effect on July 1, and the first road repairs are expected to begin in August, officials "
        "said.</p></div></article>";
    Document d = parse_html(html_payload(page("<title>Budget</title>", body)));
    CHECK(contains(d.text, "approved a budget"));
    CHECK(contains(d.text, "begin in August"));
    for (const char* junk : {"cookies", "morning briefing", "inbox", "Facebook", "Read more", "Library hours", "bus routes"})
        CHECK_FALSE(contains(d.text, junk));
}

TEST_CASE("extract: a comment section longer than the article is not the article", "[document][extract]") {
    std::string comments = "<section id=\"talk\"><h3>What readers say</h3>";
    for (int i = 0; i < 8; ++i)
        comments += "<div class=\"entry-reply\"><span class=\"who\">reader" + std::to_string(i) +
                    "</span><div class=\"said\"><p>I have lived here for twenty years, and every year the roads get worse, the "
                    "buses get later, and the council finds new ways to spend money on consultants instead of repairs.</p>"
                    "</div></div>";
    comments += "</section>";
    Document d = parse_html(html_payload(
        page("<title>Budget</title>", "<div id=\"col\"><div class=\"txt\">" + std::string(kParagraphs) + "</div>" + comments + "</div>")));
    CHECK(contains(d.text, "approved a budget"));
    CHECK_FALSE(contains(d.text, "consultants"));
    CHECK_FALSE(contains(d.text, "What readers say"));
}

TEST_CASE("extract: bylines, datelines and ad labels inside the body are dropped", "[document][extract]") {
    std::string body = "<div class=\"entry\"><p>By Jane Doe and John Smith</p><p>Published 26 August 2024</p><p>" +
                       std::string("Advertisement") + "</p>" + kParagraphs + "</div>";
    Document d = parse_html(html_payload(page("<title>Budget</title>", body)));
    CHECK(d.text.rfind("The city council approved", 0) == 0);
    CHECK_FALSE(contains(d.text, "Advertisement"));
    CHECK(d.authors == std::vector<std::string>{"Jane Doe", "John Smith"});
    CHECK(d.published == "2024-08-26");
}

TEST_CASE("extract: headings, lists, quotes, captions and tables keep their order", "[document][extract]") {
    std::string body = std::string("<article><div class=\"body\">") + kParagraphs +
                       "<h2>What changes</h2><ul><li>Bus fares stay at $2 for another year.</li><li>Two libraries open on "
                       "Sundays.</li></ul><blockquote><p>\"This is a careful budget,\" the mayor said.</p></blockquote>"
                       "<figure><img src=\"x.jpg\"><figcaption>The council chamber on Tuesday night.</figcaption></figure>"
                       "<table><tr><th>Item</th><th>2024</th></tr><tr><td>Roads</td><td>$210m</td></tr><tr><td>Buses</td>"
                       "<td>$95m</td></tr></table><h2>Related</h2><ul><li><a href=\"/a\">Other story one</a></li><li><a "
                       "href=\"/b\">Other story two</a></li></ul></div></article>";
    Document d = parse_html(html_payload(page("<title>Budget</title>", body)));
    size_t h = d.text.find("What changes"), li = d.text.find("Two libraries open"), q = d.text.find("careful budget"),
           cap = d.text.find("council chamber"), row = d.text.find("Roads | $210m");
    REQUIRE(h != std::string::npos);
    REQUIRE(row != std::string::npos);
    CHECK((h < li && li < q && q < cap && cap < row));
    CHECK(contains(d.text, "Item | 2024\nRoads | $210m") == false);  // rows are blocks of their own
    CHECK(contains(d.text, "Item | 2024\n\nRoads | $210m\n\nBuses | $95m"));
    // The "Related" heading lost its link list and goes with it.
    CHECK_FALSE(contains(d.text, "Related"));
}

TEST_CASE("extract: <br><br> paragraphs in old layouts", "[document][extract]") {
    std::string body = "<table><tr><td width=150><a href=/a>Home</a><br><a href=/b>News</a></td><td><font size=2>"
                       "The harvest was the best for a decade, with 412,000 tonnes of grain taken in at four elevators.<br><br>"
                       "Members will receive a final payment of £6.40 a tonne, the board announced on Saturday at the annual "
                       "meeting.<br><br>A fifth elevator will be built at a cost of £3.8 million, ready for the 2005 harvest."
                       "</font></td></tr></table>";
    Document d = parse_html(html_payload(page("<title>Harvest</title>", body)));
    CHECK(contains(d.text, "four elevators.\n\nMembers will receive"));
    CHECK(contains(d.text, "2005 harvest."));
    CHECK_FALSE(contains(d.text, "Home"));
}

TEST_CASE("extract: live blog entries are all kept, newest first", "[document][extract]") {
    std::string body = "<div class=\"feed\">";
    for (int i = 5; i >= 1; --i)
        body += "<div class=\"upd\"><div class=\"upd-meta\"><time datetime=\"2024-10-30T1" + std::to_string(i) +
                ":00Z\">1" + std::to_string(i) + ":00</time></div><h2>Update number " + std::to_string(i) +
                "</h2><div class=\"upd-body\"><p>Entry " + std::to_string(i) +
                " says the vote passed by a wide margin, with 312 members in favour and 268 against, after a long "
                "debate.</p></div></div>";
    body += "</div>";
    Document d = parse_html(html_payload(page("<title>Live</title>", body)));
    for (int i = 1; i <= 5; ++i) CHECK(contains(d.text, "Entry " + std::to_string(i) + " says"));
    CHECK(d.text.find("Update number 5") < d.text.find("Update number 1"));
}

// ---------------------------------------------------------------- metadata

TEST_CASE("metadata: JSON-LD in @graph with @id references", "[document][metadata]") {
    std::string head = R"(<title>Ignored | Site</title><meta property="og:title" content="OG title">
<meta property="article:published_time" content="2024-08-26T10:21:00Z">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","@id":"#site","name":"Site Name"},
 {"@type":"Organization","@id":"#org","name":"Example Media Group"},
 {"@type":"Person","@id":"#p1","name":"Jane Doe"},
 {"@type":["NewsArticle"],"headline":"The real headline","datePublished":"2024-08-26T13:21:00+03:00",
  "dateModified":"2024-08-27","author":[{"@id":"#p1"},{"@type":"Person","name":"John Smith"}],"publisher":{"@id":"#org"},
  "inLanguage":"en-GB"}]}</script>)";
    Document d = parse_html(html_payload(page(head, std::string("<article>") + kParagraphs + "</article>")));
    CHECK(d.title == "The real headline");
    CHECK(d.published == "2024-08-26T13:21:00+03:00");
    CHECK(d.modified == "2024-08-27");
    CHECK(d.authors == std::vector<std::string>{"Jane Doe", "John Smith"});
    CHECK(d.publisher == "Example Media Group");
    CHECK(d.lang == "en");  // <html lang> wins over inLanguage
}

TEST_CASE("metadata: JSON-LD arrays, author forms and nested updates", "[document][metadata]") {
    auto meta = [](const std::string& ld) {
        return parse_html(html_payload(page("<script type=\"application/ld+json\">" + ld + "</script>", kParagraphs)));
    };
    Document a = meta(R"([{"@type":"BreadcrumbList"},{"@type":"ReportageNewsArticle","headline":"H","author":"Ann Lee",
        "publisher":"Paper","datePublished":"2024-01-02"}])");
    CHECK(a.authors == std::vector<std::string>{"Ann Lee"});
    CHECK(a.publisher == "Paper");
    CHECK(a.published == "2024-01-02");
    Document b = meta(R"({"@type":"LiveBlogPosting","headline":"Live: the vote","datePublished":"2024-10-30T08:00:00Z",
        "author":{"@type":"Person","name":"Owen Castle"},"liveBlogUpdate":[{"@type":"BlogPosting","headline":"Latest entry",
        "datePublished":"2024-10-30T15:00:00Z"}]})");
    CHECK(b.title == "Live: the vote");
    CHECK(b.published == "2024-10-30T08:00:00Z");
    // Broken JSON-LD is skipped, the rest of the page still counts.
    Document c = parse_html(html_payload(page(R"(<script type="application/ld+json">{"@type": "NewsArticle", broken</script>
        <meta property="og:title" content="From OG"><meta property="og:site_name" content="OG Site">
        <meta name="pubdate" content="20240826">)",
                                              kParagraphs)));
    CHECK(c.title == "From OG");
    CHECK(c.publisher == "OG Site");
    CHECK(c.published == "2024-08-26");
}

TEST_CASE("metadata: precedence and fallbacks", "[document][metadata]") {
    // og:title with the site name appended; article:author as a URL is not a
    // name; <meta name=author> is.
    std::string head = R"(<title>Rates held at 5% - The Paper</title><meta property="og:title" content="Rates held at 5% | The Paper">
<meta property="og:site_name" content="The Paper"><meta property="article:author" content="https://paper.example/staff/ann">
<meta name="author" content="Ann Lee"><meta name="sailthru.date" content="2024-07-19 07:00:00 +0100">
<link rel="canonical" href="/business/rates-held"><meta http-equiv="content-language" content="fr">)";
    Document d = parse_html(html_payload(page(head, std::string("<h1>Rates held at 5%</h1>") + kParagraphs)));
    CHECK(d.title == "Rates held at 5%");
    CHECK(d.publisher == "The Paper");
    CHECK(d.authors == std::vector<std::string>{"Ann Lee"});
    CHECK(d.published == "2024-07-19T07:00:00+01:00");
    CHECK(d.canonical_url == "https://news.example/business/rates-held");
    // Nothing in the head: <time datetime> in the article, a byline, the
    // site name from the copyright line.
    Document e = parse_html(html_payload(
        "<html><head><title>Example Gazette - Harvest best in a decade</title></head><body><div class=\"story\">"
        "<div class=\"byline\">By Margaret Hollis, Farming Editor</div><time datetime=\"2003-11-22\">22 Nov</time>" +
        std::string(kParagraphs) + "</div><div>© 2003 Example Gazette Ltd</div></body></html>"));
    CHECK(e.title == "Harvest best in a decade");
    CHECK(e.publisher == "Example Gazette");
    CHECK(e.published == "2003-11-22");
    CHECK(e.authors == std::vector<std::string>{"Margaret Hollis"});
}

TEST_CASE("metadata: bylines", "[document][metadata]") {
    using V = std::vector<std::string>;
    CHECK(parse_byline("By Jane Doe and John Smith") == V{"Jane Doe", "John Smith"});
    CHECK(parse_byline("By Jane Doe, John Smith and Ann Lee") == V{"Jane Doe", "John Smith", "Ann Lee"});
    CHECK(parse_byline("Daniel Okafor in New York and Priya Raman in Toronto") == V{"Daniel Okafor", "Priya Raman"});
    CHECK(parse_byline("By Rachel Ng | September 3, 2024") == V{"Rachel Ng"});
    CHECK(parse_byline("Steve Barton\nSaturday 2 March 2024 5:25pm") == V{"Steve Barton"});
    CHECK(parse_byline("Von Jonas Hartmann · 20.08.2024, 08:00 Uhr") == V{"Jonas Hartmann"});
    CHECK(parse_byline("By Carl Benedetti, Staff Writer") == V{"Carl Benedetti"});
    CHECK(parse_byline("Posted on 5 May 2024 by admin").empty());
}

// ---------------------------------------------------------------- dates

TEST_CASE("dates: normalised to ISO 8601 keeping the zone", "[document][dates]") {
    CHECK(normalise_date("Mon, 26 Aug 2024 13:21:00 +0300") == "2024-08-26T13:21:00+03:00");
    CHECK(normalise_date("Mon, 26 Aug 2024 13:21:00 GMT") == "2024-08-26T13:21:00Z");
    CHECK(normalise_date("26 Aug 2024 13:21 EDT") == "2024-08-26T13:21:00-04:00");
    CHECK(normalise_date("2024-08-26T13:21:00+03:00") == "2024-08-26T13:21:00+03:00");
    CHECK(normalise_date("2024-08-26T10:21:00.511Z") == "2024-08-26T10:21:00Z");
    CHECK(normalise_date("2024-08-26T13:21:00+0300") == "2024-08-26T13:21:00+03:00");
    CHECK(normalise_date("2024-08-26 13:21:00") == "2024-08-26T13:21:00");
    CHECK(normalise_date("2024-08-26") == "2024-08-26");
    CHECK(normalise_date("20240826") == "2024-08-26");
    CHECK(normalise_date("1724667660") == "2024-08-26T10:21:00Z");
    CHECK(normalise_date("August 26, 2024") == "2024-08-26");
    CHECK(normalise_date("26 August 2024") == "2024-08-26");
    CHECK(normalise_date("26.08.2024") == "2024-08-26");
    CHECK(normalise_date("19/02/2010") == "2010-02-19");
    CHECK(normalise_date("2024年11月15日 10:32") == "2024-11-15T10:32:00");
    CHECK(normalise_date("25 октября 2024") == "2024-10-25");
    CHECK(normalise_date("2024-02-30") == "");
    CHECK(normalise_date("yesterday") == "");
    CHECK(normalise_date("") == "");
    CHECK(find_date_in_text("Published: 22 November 2003") == "2003-11-22");
    CHECK(find_date_in_text("Friday, 19 February 2010 · by Neil Ward") == "2010-02-19");
    CHECK(find_date_in_text("Jan Petersen counted 31 birds") == "");
}

// ---------------------------------------------------------------- URLs

TEST_CASE("url: RFC 3986 reference resolution", "[document][url]") {
    const std::string base = "http://a/b/c/d;p?q";
    const std::pair<const char*, const char*> cases[] = {
        {"g:h", "g:h"}, {"g", "http://a/b/c/g"}, {"./g", "http://a/b/c/g"}, {"g/", "http://a/b/c/g/"},
        {"/g", "http://a/g"}, {"//g", "http://g"}, {"?y", "http://a/b/c/d;p?y"}, {"g?y", "http://a/b/c/g?y"},
        {"#s", "http://a/b/c/d;p?q#s"}, {"g#s", "http://a/b/c/g#s"}, {";x", "http://a/b/c/;x"}, {"", "http://a/b/c/d;p?q"},
        {".", "http://a/b/c/"}, {"..", "http://a/b/"}, {"../g", "http://a/b/g"}, {"../..", "http://a/"},
        {"../../g", "http://a/g"}, {"../../../g", "http://a/g"}, {"/./g", "http://a/g"}, {"/../g", "http://a/g"},
        {"g.", "http://a/b/c/g."}, {"..g", "http://a/b/c/..g"}, {"./../g", "http://a/b/g"}, {"g/../h", "http://a/b/c/h"},
        {"g;x=1/../y", "http://a/b/c/y"},
    };
    for (const auto& [ref, want] : cases) {
        INFO(ref);
        CHECK(resolve_url(base, ref) == want);
    }
    CHECK(resolve_url("https://news.example/feed.xml", "  /2024/08/story.html\n") == "https://news.example/2024/08/story.html");
}

TEST_CASE("url: canonical form for duplicates", "[document][url]") {
    CHECK(canonical_url("HTTPS://News.Example:443/a/b/?utm_source=rss&id=7&utm_medium=x#top") == "https://news.example/a/b?id=7");
    CHECK(canonical_url("http://news.example:80/") == "http://news.example");
    CHECK(canonical_url("http://news.example:8080/a") == "http://news.example:8080/a");
    CHECK(canonical_url("https://news.example/a/") == canonical_url("https://news.example/a"));
    CHECK(canonical_url("https://news.example/A") != canonical_url("https://news.example/a"));  // paths keep case
}

// ---------------------------------------------------------------- feeds

namespace {
Feed feed(const std::string& xml, const std::string& url = "https://news.example/feeds/main.xml") {
    Payload p;
    p.url = url;
    p.content_type = "application/xml";
    p.body = xml;
    return parse_feed(p);
}
}  // namespace

TEST_CASE("feeds: RSS 2.0", "[document][feed]") {
    Feed f = feed(R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example News</title><link>https://news.example/</link>
<item><title>Rates &amp; prices</title><link>/2024/08/rates.html</link><pubDate>Mon, 26 Aug 2024 13:21:00 +0300</pubDate>
<description><![CDATA[<p>Rates <b>held</b> at 5%.</p>]]></description></item>
<item><title>Same story again</title><link>https://NEWS.example/2024/08/rates.html?utm_source=rss#x</link></item>
<item><title>By guid</title><guid isPermaLink="true">https://news.example/guid-story</guid><dc:date>2024-08-25T08:00:00Z</dc:date>
<description>Plain &lt;i&gt;escaped&lt;/i&gt; html</description></item>
<item><title>Not a link</title><guid isPermaLink="false">tag:news.example,2024:1</guid></item>
</channel></rss>)");
    CHECK(f.kind == "rss");
    CHECK(f.title == "Example News");
    REQUIRE(f.items.size() == 2);
    CHECK(f.items[0].url == "https://news.example/2024/08/rates.html");
    CHECK(f.items[0].title == "Rates & prices");
    CHECK(f.items[0].published == "2024-08-26T13:21:00+03:00");
    CHECK(f.items[0].summary == "Rates held at 5%.");
    CHECK(f.items[1].url == "https://news.example/guid-story");
    CHECK(f.items[1].published == "2024-08-25T08:00:00Z");
    CHECK(f.items[1].summary == "Plain escaped html");
}

TEST_CASE("feeds: RSS 1.0 (RDF)", "[document][feed]") {
    Feed f = feed(R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://news.example/"><title>RDF News</title></channel>
<item rdf:about="https://news.example/one"><title>One</title><link>https://news.example/one</link><dc:date>2024-08-26</dc:date>
<description>First</description></item>
<item rdf:about="https://news.example/two"><title>Two</title><link>two</link></item>
</rdf:RDF>)");
    CHECK(f.kind == "rdf");
    CHECK(f.title == "RDF News");
    REQUIRE(f.items.size() == 2);
    CHECK(f.items[0].published == "2024-08-26");
    CHECK(f.items[1].url == "https://news.example/feeds/two");
}

TEST_CASE("feeds: Atom 1.0 with xml:base", "[document][feed]") {
    Feed f = feed(R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/posts/">
<title type="text">Blog</title>
<entry><title type="html">&lt;b&gt;Bold&lt;/b&gt; move</title><link rel="edit" href="/api/1"/>
<link rel="alternate" type="text/html" href="bold-move"/><id>urn:uuid:1</id>
<published>2024-08-26T13:21:00+03:00</published><updated>2024-08-27T09:00:00Z</updated><summary>Short</summary></entry>
<entry xml:base="https://other.example/x/"><title>Second</title><link href="../y/second"/><updated>2024-08-20T00:00:00Z</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Xhtml <em>content</em></p></div></content></entry>
</feed>)");
    CHECK(f.kind == "atom");
    CHECK(f.title == "Blog");
    REQUIRE(f.items.size() == 2);
    CHECK(f.items[0].url == "https://blog.example/posts/bold-move");
    CHECK(f.items[0].title == "Bold move");
    CHECK(f.items[0].published == "2024-08-26T13:21:00+03:00");
    CHECK(f.items[1].url == "https://other.example/y/second");
    CHECK(f.items[1].published == "2024-08-20T00:00:00Z");
    CHECK(f.items[1].summary == "Xhtml content");
}

TEST_CASE("feeds: news sitemap and sitemap index", "[document][feed]") {
    Feed s = feed(R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://news.example/a</loc><news:news><news:publication><news:name>Example</news:name><news:language>en</news:language>
</news:publication><news:publication_date>2024-08-26T13:21:00+03:00</news:publication_date><news:title>Story A</news:title></news:news></url>
<url><loc>https://news.example/b</loc><lastmod>2024-08-25</lastmod></url>
<url><loc>https://news.example/a/</loc></url>
</urlset>)");
    CHECK(s.kind == "sitemap");
    REQUIRE(s.items.size() == 2);
    CHECK(s.items[0].title == "Story A");
    CHECK(s.items[0].published == "2024-08-26T13:21:00+03:00");
    CHECK(s.items[1].published == "2024-08-25");
    Feed i = feed(R"(<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.example/sitemap-news.xml</loc><lastmod>2024-08-26</lastmod></sitemap>
<sitemap><loc>/sitemap-2024-08.xml</loc></sitemap></sitemapindex>)");
    CHECK(i.kind == "sitemapindex");
    REQUIRE(i.items.size() == 2);
    CHECK(i.items[1].url == "https://news.example/sitemap-2024-08.xml");
}

TEST_CASE("feeds: malformed and non-feed XML are errors", "[document][feed]") {
    try {
        feed("<rss><channel><item><title>x</item></channel></rss>");
        FAIL("no error");
    } catch (const DocumentError& e) {
        CHECK(contains(e.what(), "malformed XML at offset"));
    }
    try {
        feed("<?xml version=\"1.0\"?><html><body/></html>");
        FAIL("no error");
    } catch (const DocumentError& e) {
        CHECK(std::string(e.what()) == "not a feed: root element <html>");
    }
    // A feed in ISO-8859-1 is decoded before parsing.
    Feed f = feed("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>Caf\xE9</title>"
                  "<link>https://x.example/c</link></item></channel></rss>");
    REQUIRE(f.items.size() == 1);
    CHECK(f.items[0].title == "Café");
}

// ---------------------------------------------------------------- sniffing

TEST_CASE("sniff and to_document", "[document][sniff]") {
    auto payload = [](std::string ct, std::string body, std::string url = "https://x.example/a") {
        Payload p;
        p.url = std::move(url);
        p.content_type = std::move(ct);
        p.body = std::move(body);
        return p;
    };
    CHECK(sniff(payload("text/html; charset=utf-8", "<p>hi</p>")) == Kind::html);
    CHECK(sniff(payload("application/xhtml+xml", "<html/>")) == Kind::html);
    CHECK(sniff(payload("application/rss+xml", "<rss/>")) == Kind::feed);
    CHECK(sniff(payload("text/xml", "<?xml version=\"1.0\"?>\n<!-- c --><feed xmlns=\"http://www.w3.org/2005/Atom\"/>")) == Kind::feed);
    CHECK(sniff(payload("application/xml", "<urlset/>")) == Kind::feed);
    CHECK(sniff(payload("text/html", "<?xml version=\"1.0\"?><rss version=\"2.0\"></rss>")) == Kind::feed);
    CHECK(sniff(payload("", "<!DOCTYPE html><html><body>x</body></html>")) == Kind::html);
    CHECK(sniff(payload("", "<rdf:RDF xmlns:rdf=\"x\"/>")) == Kind::feed);
    CHECK(sniff(payload("text/plain", "just some words")) == Kind::text);
    CHECK(sniff(payload("", "plain words", "/tmp/notes.txt")) == Kind::text);
    CHECK(sniff(payload("", "<p>fragment</p>", "/tmp/page.html")) == Kind::html);
    CHECK(sniff(payload("application/pdf", "%PDF-1.7")) == Kind::unsupported);
    CHECK(sniff(payload("", "%PDF-1.4 binary")) == Kind::unsupported);
    CHECK(sniff(payload("application/octet-stream", "\x89PNG\r\n")) == Kind::unsupported);
    CHECK(sniff(payload("image/jpeg", "")) == Kind::unsupported);
    CHECK(sniff(payload("video/mp4", "")) == Kind::unsupported);
    CHECK(sniff(payload("", std::string("PK\x03\x04zip", 7))) == Kind::unsupported);
    try {
        to_document(payload("application/pdf; qs=0.9", "%PDF-1.7"));
        FAIL("no error");
    } catch (const DocumentError& e) {
        CHECK(std::string(e.what()) == "skipped: application/pdf is not an article");
    }
    try {
        to_document(payload("", "\x89PNG\r\n\x1a\n"));
        FAIL("no error");
    } catch (const DocumentError& e) {
        CHECK(std::string(e.what()) == "skipped: image/png is not an article");
    }
    CHECK_THROWS_AS(to_document(payload("application/rss+xml", "<rss/>")), DocumentError);
    Payload missing = payload("text/html", "<p>Not found</p>");
    missing.status = 404;
    CHECK_THROWS_WITH(to_document(missing), "HTTP status 404");
    Document t = to_document(payload("text/plain; charset=windows-1252", "caf\xE9"));
    CHECK(t.text == "café");
    CHECK(t.charset == "windows-1252");
    Payload redirected = html_payload(std::string("<title>T</title>") + kParagraphs, "https://x.example/old");
    redirected.final_url = "https://x.example/new";
    redirected.status = 200;
    Document h = to_document(redirected);
    CHECK(h.url == "https://x.example/old");
    CHECK(h.final_url == "https://x.example/new");
    CHECK(h.status == 200);
    CHECK(h.charset == "UTF-8");
    CHECK(contains(h.text, "approved a budget"));
}
