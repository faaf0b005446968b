// Hiring fairs, career fairs, workshops and information sessions, as a spec on the shared
// listing browser: the soonest first, grouped "This week", "Later this month", "Later"; past
// events never appear (the store hides them once they end). An event's page carries an "Add to
// my calendar" code (iCalendar, kiosk/feeds/ical.h) beside its link.
#include <chrono>
#include <string>

#include "kiosk/feeds/ical.h"
#include "kiosk/i18n/format.h"
#include "kiosk/i18n/time_zone.h"
#include "kiosk/model/enums.h"
#include "ui/screens/listing_spec.h"

namespace ui {

using namespace kiosk::literals;

namespace {

std::chrono::system_clock::time_point at(std::int64_t when) {
  return std::chrono::system_clock::time_point(std::chrono::seconds(when));
}

// "Sat, Dec 12 · 10:00 AM to 12:00 PM" (the end only when it is the same day).
std::string when_text(Ui& ui, std::optional<std::int64_t> start, std::optional<std::int64_t> end,
                      bool long_date) {
  if (!start) return {};
  const bool same_day = end && *end > *start &&
                        kiosk::local_time(*end).midnight == kiosk::local_time(*start).midnight;
  if (same_day) {
    return ui.tr.format(long_date ? "events.when_long"_msg : "events.when"_msg,
                        {{"start", at(*start)}, {"end", at(*end)}});
  }
  return ui.tr.format(long_date ? "events.when_long_start"_msg : "events.when_start"_msg,
                      {{"start", at(*start)}});
}

std::string type_text(Ui& ui, std::string_view key) {
  const auto type = kiosk::from_key<kiosk::EventType>(key);
  return type ? kiosk::enum_name(ui.tr, *type) : std::string();
}

std::string where_text(Ui& ui, const kiosk::Event& e) {
  return e.online ? ui.t("events.online"_msg) : kiosk::places_line({e.place}, true);
}

CardText event_card(Ui& ui, const kiosk::SearchHit& hit) {
  CardText c;
  c.title = hit.title;
  c.who = hit.org;
  const std::string where = hit.workplace == "online" ? ui.t("events.online"_msg) : hit.city;
  if (!where.empty()) c.who += (c.who.empty() ? "" : " \u00b7 ") + where;
  c.bold = when_text(ui, hit.start, hit.until, false);
  c.rest = type_text(ui, hit.program_type);
  const std::string cost = hit.cost && *hit.cost < 0.005 ? ui.t("events.free"_msg) : std::string();
  if (!cost.empty()) c.rest += (c.rest.empty() ? "" : " \u00b7 ") + cost;
  return c;
}

// "This week" until Saturday night, "Later this month", then "Later".
kiosk::MsgKey event_group(Ui& ui, const kiosk::SearchHit& hit) {
  if (!hit.start) return "events.group.later"_msg;
  const kiosk::LocalTime today = kiosk::local_time(ui.now);
  if (*hit.start < today.next_week) return "events.group.this_week"_msg;
  if (*hit.start < today.next_month) return "events.group.this_month"_msg;
  return "events.group.later"_msg;
}

DetailView event_detail(Ui& ui, const kiosk::Listing& listing, std::int64_t key) {
  const auto& e = std::get<kiosk::Event>(listing);
  const bool spanish = ui.tr.language() == kiosk::Language::Es;
  DetailView v;
  v.title = e.name.in(spanish);
  v.org = e.organizer;
  const auto fact = [&](kiosk::MsgKey label, std::string value) {
    if (!value.empty()) v.facts.emplace_back(ui.t(label), std::move(value));
  };
  fact("events.detail.when"_msg, when_text(ui, e.start, e.end, true));
  fact("events.detail.where"_msg, where_text(ui, e));
  fact("events.detail.type"_msg, type_text(ui, e.type));
  fact("events.detail.cost"_msg, ui.t(e.free ? "events.free"_msg : "events.cost.ask"_msg));
  v.sample = e.sample;
  v.description = spanish && !e.description.es.empty() ? e.description.es : e.description.en;

  v.link = e.url;
  v.link_heading = ui.t("events.detail.link_heading"_msg);
  if (!e.url.empty()) {
    v.link_text = ui.tr.format("events.detail.link_text"_msg, {{"link", kiosk::short_link(e.url)}});
  }
  v.no_link = ui.t("events.detail.no_link"_msg);
  v.calendar = kiosk::feeds::icalendar(e, v.title, where_text(ui, e), ui.now);
  v.saved = {kiosk::ListingKind::Event, key, e.name, e.organizer, e.url};
  return v;
}

}  // namespace

const ListingSpec& events_spec() {
  static const ListingSpec spec{
      .kind = kiosk::ListingKind::Event,
      .prefix = "events",
      .words = {.placeholder = "events.query.placeholder"_msg,
                .count = "events.count"_msg,
                .count_more = "events.count.more"_msg,
                .offline = "events.offline"_msg,
                .browse_heading = "events.browse.heading"_msg,
                .browse_newest = "events.browse.newest"_msg,
                .more = "events.more"_msg,
                .filters_done = "events.filters.done"_msg,
                .filters_done_plain = "events.filters.done_plain"_msg,
                .empty_title = "events.empty.title"_msg,
                .empty_shorter = "jobs.empty.shorter"_msg,
                .empty_tips = "events.empty.tips"_msg,
                .empty_no_listings = "events.empty.no_listings"_msg,
                .empty_no_listings_hint = "events.empty.no_listings_hint"_msg,
                .position = "events.detail.position"_msg,
                .loading = "events.detail.loading"_msg,
                .missing = "events.detail.missing"_msg,
                .qr_hint = "events.detail.qr_hint"_msg,
                .similar = "jobs.detail.similar"_msg,
                .detail_intro = "speech.intro.events_detail"_msg},
      .filters = filter_specs(kiosk::ListingKind::Event),
      .sorts = {},
      .browse = chips_of(kiosk::ListingKind::Event, "type"),
      .browse_icon = Icon::Calendar,
      .links = {},
      .card = event_card,
      .detail = event_detail,
      .group = event_group,
  };
  return spec;
}

}  // namespace ui
