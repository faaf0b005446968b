// What makes one kind of listing (jobs, training programs, …) different on the shared listing
// browser and listing detail screens: its words, its filters, how a card and a detail page read,
// and where it points. A new journey is a spec (ui/screens/*_spec.cpp) and one registration
// line, never a copy of a screen.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kiosk/i18n/i18n.h"
#include "kiosk/model/model.h"
#include "kiosk/search/facets.h"
#include "kiosk/search/listings_reader.h"
#include "kiosk/search/related.h"
#include "kiosk/session/navigation.h"
#include "kiosk/session/visit.h"
#include "kiosk/store/store.h"
#include "ui/widgets.h"

namespace ui {

// One filter chip: the `search --filter` KEY=VALUE it turns on, and its label's message (with
// {amount} or {days} when the group's label kind says so).
struct ChipSpec {
  std::string_view key;
  std::string_view value;
  kiosk::MsgKey label;
};

struct FilterGroupSpec {
  kiosk::MsgKey heading;
  std::vector<ChipSpec> chips;
  kiosk::ChipLabel label = kiosk::ChipLabel::Text;
};

// A kind's filter groups as the tables give them (kiosk/search/facets.h), and one group's chips.
std::vector<FilterGroupSpec> filter_specs(kiosk::ListingKind kind);
std::vector<ChipSpec> chips_of(kiosk::ListingKind kind, std::string_view key);
// What a chip says: its message, formatted with its value when the group asks for it.
std::string chip_text(Ui& ui, const FilterGroupSpec& group, const ChipSpec& chip);

// The words a browser and its detail screen say, per kind.
struct ListingWords {
  kiosk::MsgKey placeholder;         // in the empty search field
  kiosk::MsgKey count;               // "{count} jobs"
  kiosk::MsgKey count_more;          // "More than {count} jobs"
  kiosk::MsgKey offline;             // "No internet right now: … {updated}"
  kiosk::MsgKey browse_heading;      // above the browse buttons
  kiosk::MsgKey browse_newest;       // above the listings when nothing is typed
  kiosk::MsgKey more;                // "Show more jobs"
  kiosk::MsgKey filters_done;        // "Show {count} jobs" (narrow screens)
  kiosk::MsgKey filters_done_plain;  // "Show jobs"
  kiosk::MsgKey empty_title;
  kiosk::MsgKey empty_shorter;  // try one short word
  kiosk::MsgKey empty_tips;     // "These words find jobs here:"
  kiosk::MsgKey empty_no_listings;
  kiosk::MsgKey empty_no_listings_hint;
  kiosk::MsgKey position;  // "Job {n} of {total}"
  kiosk::MsgKey loading;   // "Opening the job…"
  kiosk::MsgKey missing;   // "This job is no longer listed."
  kiosk::MsgKey qr_hint;
  kiosk::MsgKey similar;       // "More like this"
  kiosk::MsgKey detail_intro;  // read aloud on arriving at a detail page
};

// What a result card shows: a title of up to two lines, a line of who and where, a bold fact
// (pay, cost) with more facts after it, and a quiet line (posted, next start).
struct CardText {
  std::string title;
  std::string who;
  std::string bold;
  std::string rest;
  std::string quiet;
};

// A detail page, read from the listing by the spec and drawn the same way for every kind.
struct DetailSection {
  std::string heading;
  std::vector<std::string> paragraphs;
  std::vector<std::string> bullets;
};

struct DetailView {
  std::string title;
  std::string org;
  std::vector<std::pair<std::string, std::string>> facts;  // label, value
  bool sample = false;
  kiosk::RichText description;
  std::vector<DetailSection> sections;  // after the description
  std::string link;                     // the QR and the short link; empty when none
  std::string link_heading;             // "Apply online"
  std::string link_text;                // how to use the link, with the link in it
  std::string no_link;                  // when there is none: what to do instead
  std::string calendar;                 // an event's iCalendar text: the "Add to my calendar" QR
  kiosk::SavedItem saved;               // what "Save to My list" keeps
  kiosk::SearchQuery similar;           // "More like this" (text empty: none)
  // A button to the other journey ("Training for this job"): its id, the screen it opens, what
  // to look for there, and its label when it goes by occupation or by industry ("Training in
  // health care", {industry}). Shown only when the other journey has something.
  std::string related_id;
  std::string related_screen;
  std::optional<kiosk::RelatedQuery> related;
  kiosk::MsgKey related_label;
  kiosk::MsgKey related_label_industry;
};

struct ListingSpec {
  kiosk::ListingKind kind = kiosk::ListingKind::Job;
  std::string_view prefix;  // ids and screen names: "<prefix>.search", "<prefix>.result.N", …
  ListingWords words;
  std::vector<FilterGroupSpec> filters;
  struct Sort {
    std::string_view id;  // "sort.relevance": the chip is "<prefix>.sort.relevance"
    kiosk::MsgKey label;
    kiosk::SortOrder order;
  };
  std::vector<Sort> sorts;
  // The big buttons shown while browsing (nothing typed, no filter): one filter each.
  std::vector<ChipSpec> browse;
  Icon browse_icon = Icon::Briefcase;
  // Buttons under the search row (the programs' explainers): id, label, route.
  struct Link {
    std::string_view id;
    kiosk::MsgKey label;
    kiosk::Route route;
  };
  std::vector<Link> links;
  CardText (*card)(Ui& ui, const kiosk::SearchHit& hit) = nullptr;
  DetailView (*detail)(Ui& ui, const kiosk::Listing& listing, std::int64_t key) = nullptr;
  // The heading a result falls under ("This week"): a heading is drawn where it changes from
  // one result to the next. Null: one plain list.
  kiosk::MsgKey (*group)(Ui& ui, const kiosk::SearchHit& hit) = nullptr;

  std::string screen(std::string_view what) const {  // "jobs.search", "jobs.detail"
    std::string s(prefix);
    s += '.';
    s += what;
    return s;
  }
  std::string id(std::string_view what) const { return screen(what); }
};

// What every spec shares: "More like this" by title words in the same industry, and the door
// to the other journey.
kiosk::SearchQuery similar_query(kiosk::ListingKind kind, const std::string& title,
                                 std::int64_t key, kiosk::Language language,
                                 kiosk::Industry industry);
// The route that opens `screen` filtered as a related query found its listings.
kiosk::Route related_route(std::string_view screen, const kiosk::SearchQuery& query);

// The specs, one per kind with a browser. Defined in jobs_spec.cpp, programs_spec.cpp,
// events_spec.cpp, services_spec.cpp.
const ListingSpec& jobs_spec();
const ListingSpec& programs_spec();
const ListingSpec& events_spec();
const ListingSpec& services_spec();
// The detail screen's name for a saved listing of this kind ("jobs.detail"); empty when none.
std::string detail_screen_for(kiosk::ListingKind kind);

}  // namespace ui
