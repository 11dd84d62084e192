// normalise — turns raw mentions into typed values.
//
// In:  the RawMentions of rules::RuleSet::match, the text::Text they point
//      into, and the document Context (its publication date, the anchor of
//      every relative date).
// Out: Mention values with the fields of the output contract (DESIGN.md):
//      money     value (scale applied), currency (ISO 4217), min/max, qualifier
//      percent   value, min/max, unit ("percent" or "pp")
//      quantity  value, unit (or change factor: "doubled" → value 2, unit "factor")
//      date      timex (TIMEX3 value), from/to ISO dates, or a note saying why
//                there is no value (a relative date with no publication date)
//      org/person/place  name (canonical), kind, role, affiliation
//      source    name (canonical), cue, role, affiliation, cites
//
// Work is per mention first (numbers, currencies, dates), then per document:
// entities are resolved to canonical names, acronym definitions
// ("China Center for International Economic Affairs (CCIEE)") and short
// references ("Wu" after "Eddie Wu") become aliases for the rest of the
// document, and sources are linked to the entities they name ("the
// publication notes" → the last media organisation named).
//
// A raw mention that cannot be given a value is dropped, except dates, which
// are kept with an empty timex and a note.
//
//   normalise::Normaliser n(rule_set);
//   auto mentions = n.normalise(rule_set.match(text), text, {.published = "2024-08-26"});
#pragma once

#include "extractor/rules/rules.h"
#include "extractor/text/str.h"
#include "extractor/text/text.h"

#include <optional>
#include <string>
#include <vector>

namespace claimex::normalise {

enum class Type { money, percent, quantity, date, org, person, place, source };
const char* type_name(Type);
std::optional<Type> type_from_name(std::string_view);

struct Mention {
    Type type = Type::money;
    text::Span span;            // analysis bytes; the output maps to code points
    Str rule;                   // id of the rule that found it

    // money, percent, quantity
    std::optional<double> value, min, max;
    Str currency;               // ISO 4217 (money)
    Str unit;                   // percent: "percent"|"pp"; quantity: "jobs", "barrels", "factor", ...
    Str qualifier;              // approx | more_than | less_than | up_to | at_least (money, percent, quantity)

    // date
    Str timex;                  // "2024-08-26", "2024-H1", "P6M", "" if unresolved
    Str from, to;               // ISO dates of the resolved period, "" if none
    Str note;                   // why a date has no value ("no publication date")
    bool relative = false;      // resolved against the publication date
    // The date closes a comparison's figure ("up from 4.3% in October", "compared with £96
    // million in March"): the comparison's, not a period the text reports. Decided by the dates
    // normaliser (rules/dates compared_*.txt), read by it and by the claims stage. Not written
    // to the output.
    bool compared = false;

    // org, person, place, source
    Str name;                   // canonical
    Str kind;                   // media, company, central_bank, country, city, ...
    Str role;                   // "CEO", "senior economist"
    Str affiliation;            // canonical org name
    // source
    Str cue;                    // "according to", "reported", "said", "told", "notes", "cited"
    Str cites;                  // canonical name of what this source cites
    std::optional<text::Span> holder;  // span of the name inside a source mention
    // The cue is a participle heading an absolute clause ("with the company saying ...",
    // "with X telling analysts"): its rule's `set: participle=yes`.
    bool participle = false;
    // The whole rule match around span (entities: the role words of "CEO
    // Eddie Wu" around "Eddie Wu"), where affiliations are looked for.
    text::Span context;
    // date: a comparison counted from the publication date for want of a date
    // before it ("a month earlier", "the previous quarter", "the same period
    // last year" in a sentence that names no date): the unit ('D', 'W', 'M',
    // 'Q', 'Y') and the signed count, so that claims can count from the
    // claim's own period instead. Not written to the output.
    char shift_unit = 0;
    int shift_n = 0;
};

// A date's value as a date mention writes it.
struct DateValue {
    std::string timex, from, to;
};

// d moved by n units ('D', 'W', 'M', 'Q', 'H', 'Y'), in d's grain ("2025-10"
// a month back is "2025-09"; "2025-H1" a year back "2024-H1"); nullopt for a
// value with no grain to move (a season, no from/to; a duration with its dates
// moves by whole years only: "the quarter ended Nov. 1" a year back).
std::optional<DateValue> shift_date(const DateValue& d, char unit, int n);

// The grain of a date mention's TIMEX3 value: 'D', 'W', 'M', 'Q', 'H', 'Y', 'F' (a
// fiscal period), 'S' (a season), 'X' (a decade), 'P' (anything else: a duration).
char date_grain(std::string_view timex);

struct Context {
    std::string published;      // ISO 8601 date (YYYY-MM-DD...), "" when unknown
};

class Normaliser {
public:
    explicit Normaliser(const rules::RuleSet& rules);
    ~Normaliser();
    Normaliser(Normaliser&&) noexcept;

    std::vector<Mention> normalise(const std::vector<rules::RawMention>& raw,
                                   const text::Text& text,
                                   const Context& context) const;

    struct Impl;
private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace claimex::normalise
