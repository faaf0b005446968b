// Training and apprenticeships, as a spec on the shared listing browser: registered
// apprenticeships, pre-apprenticeships, internships, on-the-job training and classroom training
// that WIOA or TAA may pay for.
#include <chrono>
#include <cmath>
#include <string>

#include "kiosk/feeds/normalize.h"
#include "kiosk/i18n/format.h"
#include "kiosk/model/enums.h"
#include "ui/screens/listing_spec.h"

namespace ui {

using namespace kiosk::literals;

namespace {

// A table's word in the resident's language ("Apprenticeship"); empty for an unknown value.
template <typename E>
std::string name_of(Ui& ui, E value) {
  const auto* row = kiosk::row_of(value);
  return row != nullptr && !row->message.key.empty() ? ui.t(row->message) : std::string();
}

std::string type_name(Ui& ui, std::string_view key) {
  const auto type = kiosk::from_key<kiosk::ProgramType>(key);
  return type ? name_of(ui, *type) : std::string();
}

// "Free", "$1,200"; empty when the feed does not say.
std::string cost_text(Ui& ui, std::optional<double> cost) {
  if (!cost || !std::isfinite(*cost) || *cost < 0) return {};
  if (*cost < 0.005) return ui.t("programs.cost.free_word"_msg);
  return kiosk::format_money(*cost, ui.tr.language());
}

// "16 weeks", "6 months", "4 years": whole units a resident thinks in.
std::string length_text(Ui& ui, std::optional<int> weeks) {
  if (!weeks || *weeks <= 0) return {};
  std::string unit = "weeks";
  std::int64_t n = *weeks;
  if (*weeks >= 104 && *weeks % 52 == 0) {
    unit = "years";
    n = *weeks / 52;
  } else if (*weeks >= 8 && *weeks % 4 == 0 && *weeks < 104) {
    unit = "months";
    n = *weeks * 12 / 52;
  }
  return ui.tr.format("programs.length"_msg, {{"unit", unit}, {"n", n}});
}

std::string date_text(Ui& ui, kiosk::MsgKey message, std::int64_t when) {
  return ui.tr.format(
      message, {{"when", std::chrono::system_clock::time_point(std::chrono::seconds(when))}});
}

CardText program_card(Ui& ui, const kiosk::SearchHit& hit) {
  CardText c;
  c.title = hit.title;
  c.who = hit.org;
  if (!hit.city.empty()) c.who += (c.who.empty() ? "" : " \u00b7 ") + hit.city;
  c.bold = cost_text(ui, hit.cost);
  if (c.bold.empty()) c.bold = ui.t("programs.cost.unknown"_msg);
  c.rest = type_name(ui, hit.program_type);
  if (const std::string length = length_text(ui, hit.weeks); !length.empty()) {
    c.rest += (c.rest.empty() ? "" : " \u00b7 ") + length;
  }
  if (hit.paid) {
    const std::string wage =
        kiosk::format_pay(ui.tr, hit.pay_min, hit.pay_max, kiosk::feeds::pay_unit(hit.pay_unit));
    const std::string paid = wage.empty() ? ui.t("programs.paid"_msg)
                                          : ui.tr.format("programs.paid_wage"_msg, {{"pay", wage}});
    c.rest += (c.rest.empty() ? "" : " \u00b7 ") + paid;
  }
  if (hit.start && *hit.start >= ui.now - 86400) {
    c.quiet = date_text(ui, "programs.starts"_msg, *hit.start);
  }
  return c;
}

DetailView program_detail(Ui& ui, const kiosk::Listing& listing, std::int64_t key) {
  const auto& p = std::get<kiosk::Program>(listing);
  const bool spanish = ui.tr.language() == kiosk::Language::Es;
  DetailView v;
  v.title = p.name.in(spanish);
  v.org = p.provider;
  const auto fact = [&](kiosk::MsgKey label, std::string value) {
    if (!value.empty()) v.facts.emplace_back(ui.t(label), std::move(value));
  };
  fact("programs.detail.type"_msg, name_of(ui, p.type));
  fact("programs.detail.length"_msg, length_text(ui, p.duration_weeks));
  fact("programs.detail.schedule"_msg, p.schedule.in(spanish));
  fact("programs.detail.format"_msg, name_of(ui, p.format));
  const bool in_spanish = p.language.find("es") != std::string::npos;
  const bool in_english = p.language.empty() || p.language.find("en") != std::string::npos;
  fact("programs.detail.language"_msg, in_spanish && in_english ? ui.t("programs.language.both"_msg)
                                       : in_spanish             ? ui.t("programs.language.es"_msg)
                                                                : ui.t("programs.language.en"_msg));
  const std::string cost = cost_text(ui, p.cost);
  fact("programs.detail.cost"_msg, cost.empty() ? ui.t("programs.cost.unknown"_msg) : cost);
  if (p.paid_while_learning) {
    const std::string wage = kiosk::format_pay(ui.tr, p.wage);
    fact("programs.detail.wage"_msg, wage.empty() ? ui.t("programs.paid"_msg) : wage);
  }
  if (p.start_date)
    fact("programs.detail.start"_msg, date_text(ui, "programs.date"_msg, *p.start_date));
  if (p.valid_through) {
    fact("programs.detail.apply_by"_msg, date_text(ui, "programs.date"_msg, *p.valid_through));
  }
  fact("programs.detail.place"_msg, kiosk::places_line(p.locations, true));
  v.sample = p.sample;
  v.description = spanish && !p.description.es.empty() ? p.description.es : p.description.en;

  if (!p.credential.empty()) {
    v.sections.push_back({ui.t("programs.detail.credential"_msg), {p.credential.in(spanish)}, {}});
  }
  if (!p.prerequisites.empty()) {
    v.sections.push_back(
        {ui.t("programs.detail.prerequisites"_msg), {p.prerequisites.in(spanish)}, {}});
  }
  // Who may pay for it, in plain words.
  DetailSection pay{ui.t("programs.detail.who_pays"_msg), {}, {}};
  if (p.cost && *p.cost < 0.005) pay.paragraphs.push_back(ui.t("programs.funding.free"_msg));
  if (p.wioa_eligible) pay.paragraphs.push_back(ui.t("programs.funding.wioa"_msg));
  if (p.taa_eligible) pay.paragraphs.push_back(ui.t("programs.funding.taa"_msg));
  if (pay.paragraphs.empty()) pay.paragraphs.push_back(ui.t("programs.funding.ask"_msg));
  v.sections.push_back(std::move(pay));

  v.link = p.url;
  v.link_heading = ui.t("programs.detail.how_to_apply"_msg);
  if (!p.url.empty()) {
    v.link_text =
        ui.tr.format("programs.detail.apply_text"_msg, {{"link", kiosk::short_link(p.url)}});
  }
  v.no_link = ui.t("programs.detail.no_link"_msg);
  v.saved = {kiosk::ListingKind::Program, key, p.name, p.provider, p.url};

  v.similar = similar_query(kiosk::ListingKind::Program, p.name.in(spanish), key, ui.tr.language(),
                            p.industry);

  // Jobs this leads to: jobs in the same industry (by occupation once jobs carry one).
  v.related_id = "programs.detail.jobs";
  v.related_screen = "jobs.search";
  v.related = kiosk::jobs_for(p, ui.tr.language(), ui.now, 1);
  v.related_label = "programs.detail.jobs"_msg;
  v.related_label_industry = "programs.detail.jobs_in"_msg;
  return v;
}

kiosk::Route explain(std::string topic) {
  return kiosk::Route{"programs.explain", {}, std::move(topic)};
}

}  // namespace

const ListingSpec& programs_spec() {
  static const ListingSpec spec{
      .kind = kiosk::ListingKind::Program,
      .prefix = "programs",
      .words = {.placeholder = "programs.query.placeholder"_msg,
                .count = "programs.count"_msg,
                .count_more = "programs.count.more"_msg,
                .offline = "programs.offline"_msg,
                .browse_heading = "programs.browse.heading"_msg,
                .browse_newest = "programs.browse.newest"_msg,
                .more = "programs.more"_msg,
                .filters_done = "programs.filters.done"_msg,
                .filters_done_plain = "programs.filters.done_plain"_msg,
                .empty_title = "programs.empty.title"_msg,
                .empty_shorter = "programs.empty.shorter"_msg,
                .empty_tips = "programs.empty.tips"_msg,
                .empty_no_listings = "programs.empty.no_listings"_msg,
                .empty_no_listings_hint = "jobs.empty.no_listings_hint"_msg,
                .position = "programs.detail.position"_msg,
                .loading = "programs.detail.loading"_msg,
                .missing = "programs.detail.missing"_msg,
                .qr_hint = "programs.detail.qr_hint"_msg,
                .similar = "jobs.detail.similar"_msg,
                .detail_intro = "speech.intro.programs_detail"_msg},
      .filters = filter_specs(kiosk::ListingKind::Program),
      .sorts = {{"sort.relevance", "jobs.sort.relevance"_msg, kiosk::SortOrder::Relevance},
                {"sort.pay", "programs.sort.pay"_msg, kiosk::SortOrder::Pay}},
      .browse = chips_of(kiosk::ListingKind::Program, "program_type"),
      .browse_icon = Icon::Search,
      .links = {{"programs.explain.apprenticeship", "programs.explain.apprenticeship.button"_msg,
                 explain("apprenticeship")},
                {"programs.explain.ojt", "programs.explain.ojt.button"_msg, explain("ojt")},
                {"programs.explain.internship", "programs.explain.internship.button"_msg,
                 explain("internship")}},
      .card = program_card,
      .detail = program_detail,
  };
  return spec;
}

}  // namespace ui
