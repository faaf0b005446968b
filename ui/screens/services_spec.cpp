// Support services that remove what stands between a resident and work (bus fare, child care,
// a computer, coaching, clothes for an interview, legal help, …), as a spec on the shared
// listing browser: filtered by need; each page says who it is for, how to get it, where, when
// it is open ("Open now until 5:00 PM", from schema.org opening hours) and whom to call.
#include <chrono>
#include <string>

#include "kiosk/feeds/opening_hours.h"
#include "kiosk/i18n/format.h"
#include "kiosk/i18n/time_zone.h"
#include "kiosk/model/enums.h"
#include "ui/screens/listing_spec.h"

namespace ui {

using namespace kiosk::literals;

namespace {

constexpr std::array<std::string_view, 7> kWeekdays = {"mon", "tue", "wed", "thu",
                                                       "fri", "sat", "sun"};

std::string need_text(Ui& ui, std::string_view key) {
  const auto need = kiosk::from_key<kiosk::ServiceNeed>(key);
  return need ? kiosk::enum_name(ui.tr, *need) : std::string();
}

std::string weekday(Ui& ui, int day) {
  return ui.tr.format("services.weekday"_msg,
                      {{"day", std::string(kWeekdays[static_cast<std::size_t>(day % 7)])}});
}

// A time of day as the clock on the wall says it, formatted by ICU in the resident's language.
std::chrono::system_clock::time_point clock_time(const kiosk::LocalTime& today, int minute) {
  return std::chrono::system_clock::time_point(
      std::chrono::seconds(today.midnight + std::int64_t{minute} * 60));
}

// "Monday to Friday", "Tuesday and Thursday", "Monday, Wednesday and Friday", "Saturday".
std::string days_text(Ui& ui, std::uint8_t days) {
  std::vector<int> list;
  for (int d = 0; d < 7; ++d) {
    if ((days & (1u << d)) != 0) list.push_back(d);
  }
  if (list.empty()) return {};
  if (list.size() == 7) return ui.t("services.every_day"_msg);
  const bool run = list.back() - list.front() + 1 == static_cast<int>(list.size());
  if (list.size() >= 3 && run) {
    return ui.tr.format("services.days.range"_msg,
                        {{"first", weekday(ui, list.front())}, {"last", weekday(ui, list.back())}});
  }
  if (list.size() == 1) return weekday(ui, list.front());
  std::string head;
  for (std::size_t i = 0; i + 1 < list.size(); ++i) {
    head += (i > 0 ? ", " : "") + weekday(ui, list[i]);
  }
  return ui.tr.format("services.days.and"_msg,
                      {{"first", head}, {"last", weekday(ui, list.back())}});
}

// One line per opening span: "Monday to Friday: 9:00 AM to 4:00 PM".
std::vector<std::string> hours_lines(Ui& ui, const std::vector<kiosk::OpeningHours>& hours) {
  const kiosk::LocalTime today = kiosk::local_time(ui.now);
  std::vector<std::string> lines;
  lines.reserve(hours.size());
  for (const auto& h : hours) {
    lines.push_back(
        ui.tr.format("services.hours_line"_msg, {{"days", days_text(ui, h.days)},
                                                 {"opens", clock_time(today, h.opens)},
                                                 {"closes", clock_time(today, h.closes)}}));
  }
  return lines;
}

// "Open now until 5:00 PM", "Closed now. Opens today at 1:00 PM", "… tomorrow at …",
// "… Monday at …"; empty without opening hours.
std::string open_now_text(Ui& ui, const std::vector<kiosk::OpeningHours>& hours) {
  if (hours.empty()) return {};
  const kiosk::LocalTime now = kiosk::local_time(ui.now);
  const kiosk::feeds::OpenState state = kiosk::feeds::open_state(hours, now.weekday, now.minute);
  if (state.open) {
    return ui.tr.format("services.open_until"_msg, {{"time", clock_time(now, state.until)}});
  }
  if (!state.next_in_days) return {};
  const auto time = clock_time(now, state.next_opens);
  if (*state.next_in_days == 0) return ui.tr.format("services.opens_today"_msg, {{"time", time}});
  if (*state.next_in_days == 1) {
    return ui.tr.format("services.opens_tomorrow"_msg, {{"time", time}});
  }
  return ui.tr.format("services.opens_day"_msg,
                      {{"day", weekday(ui, state.next_weekday)}, {"time", time}});
}

CardText service_card(Ui& ui, const kiosk::SearchHit& hit) {
  CardText c;
  c.title = hit.title;
  c.who = hit.org;
  if (!hit.city.empty()) c.who += (c.who.empty() ? "" : " \u00b7 ") + hit.city;
  c.bold = need_text(ui, hit.program_type);
  return c;
}

DetailView service_detail(Ui& ui, const kiosk::Listing& listing, std::int64_t key) {
  const auto& s = std::get<kiosk::Service>(listing);
  const bool spanish = ui.tr.language() == kiosk::Language::Es;
  DetailView v;
  v.title = s.name.in(spanish);
  v.org = s.provider;
  const auto fact = [&](kiosk::MsgKey label, std::string value) {
    if (!value.empty()) v.facts.emplace_back(ui.t(label), std::move(value));
  };
  // What decides whether a resident goes today, first: open now, when, for whom, where.
  fact("services.detail.now"_msg, open_now_text(ui, s.opening_hours));
  std::string hours;
  for (const auto& line : hours_lines(ui, s.opening_hours)) {
    hours += (hours.empty() ? "" : "; ") + line;
  }
  if (!s.hours.empty()) hours += (hours.empty() ? "" : ". ") + s.hours.in(spanish);
  fact("services.detail.hours"_msg, hours);
  fact("services.detail.need"_msg, need_text(ui, s.type));
  fact("services.detail.who"_msg, s.eligibility.in(spanish));
  fact("services.detail.where"_msg, kiosk::places_line({s.place}, true));
  fact("services.detail.phone"_msg, s.phone);
  v.sample = s.sample;
  v.description = spanish && !s.description.es.empty() ? s.description.es : s.description.en;

  v.link = s.url;
  v.link_heading = ui.t("services.detail.link_heading"_msg);
  if (!s.url.empty()) {
    v.link_text =
        ui.tr.format("services.detail.link_text"_msg, {{"link", kiosk::short_link(s.url)}});
  }
  v.no_link = s.phone.empty() ? ui.t("services.detail.no_link"_msg)
                              : ui.tr.format("services.detail.call"_msg, {{"phone", s.phone}});
  v.saved = {kiosk::ListingKind::Service, key, s.name, s.provider, s.url};
  return v;
}

}  // namespace

const ListingSpec& services_spec() {
  static const ListingSpec spec{
      .kind = kiosk::ListingKind::Service,
      .prefix = "services",
      .words = {.placeholder = "services.query.placeholder"_msg,
                .count = "services.count"_msg,
                .count_more = "services.count.more"_msg,
                .offline = "services.offline"_msg,
                .browse_heading = "services.browse.heading"_msg,
                .browse_newest = "services.browse.newest"_msg,
                .more = "services.more"_msg,
                .filters_done = "services.filters.done"_msg,
                .filters_done_plain = "services.filters.done_plain"_msg,
                .empty_title = "services.empty.title"_msg,
                .empty_shorter = "jobs.empty.shorter"_msg,
                .empty_tips = "services.empty.tips"_msg,
                .empty_no_listings = "services.empty.no_listings"_msg,
                .empty_no_listings_hint = "events.empty.no_listings_hint"_msg,
                .position = "services.detail.position"_msg,
                .loading = "services.detail.loading"_msg,
                .missing = "services.detail.missing"_msg,
                .qr_hint = "services.detail.qr_hint"_msg,
                .similar = "jobs.detail.similar"_msg,
                .detail_intro = "speech.intro.services_detail"_msg},
      .filters = filter_specs(kiosk::ListingKind::Service),
      .sorts = {},
      .browse = chips_of(kiosk::ListingKind::Service, "need"),
      .browse_icon = Icon::Heart,
      .links = {},
      .card = service_card,
      .detail = service_detail,
  };
  return spec;
}

}  // namespace ui
