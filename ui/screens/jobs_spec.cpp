// Find a job, as a spec on the shared listing browser: its filters, its cards, its job page.
#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/base/url.h"
#include "kiosk/feeds/normalize.h"
#include "kiosk/i18n/format.h"
#include "ui/screens/listing_spec.h"

namespace ui {

using namespace kiosk::literals;

namespace {

CardText job_card(Ui& ui, const kiosk::SearchHit& hit) {
  CardText c;
  c.title = hit.title;
  c.who = hit.org;
  if (!hit.city.empty()) c.who += (c.who.empty() ? "" : " \u00b7 ") + hit.city;
  if (hit.workplace == "remote") c.who += " \u00b7 " + ui.t("jobs.workplace.remote"_msg);
  if (hit.workplace == "hybrid") c.who += " \u00b7 " + ui.t("jobs.workplace.hybrid"_msg);
  c.bold = kiosk::format_pay(ui.tr, hit.pay_min, hit.pay_max, kiosk::feeds::pay_unit(hit.pay_unit));
  if (c.bold.empty()) c.bold = ui.t("jobs.pay.unknown"_msg);
  c.rest = kiosk::format_job_types(ui.tr, hit.employment_types);
  if (hit.posted) c.quiet = kiosk::format_posted(ui.tr, *hit.posted, ui.now);
  return c;
}

DetailView job_detail(Ui& ui, const kiosk::Listing& listing, std::int64_t key) {
  const auto& job = std::get<kiosk::Job>(listing);
  const bool spanish = ui.tr.language() == kiosk::Language::Es;
  DetailView v;
  v.title = job.title.in(spanish);
  v.org = job.employer;
  const auto fact = [&](kiosk::MsgKey label, std::string value) {
    if (!value.empty()) v.facts.emplace_back(ui.t(label), std::move(value));
  };
  const std::string pay = kiosk::format_pay(ui.tr, job.pay);
  fact("jobs.detail.pay"_msg, pay.empty() ? ui.t("jobs.pay.unknown"_msg) : pay);
  fact("jobs.detail.type"_msg, kiosk::format_job_types(ui.tr, job.employment_types));
  fact("jobs.detail.place"_msg, kiosk::places_line(job.locations, false));
  if (job.workplace == kiosk::Workplace::Remote || job.workplace == kiosk::Workplace::Hybrid) {
    fact("jobs.detail.workplace"_msg, kiosk::workplace_name(ui.tr, job.workplace));
  }
  if (job.posted) fact("jobs.detail.posted"_msg, kiosk::format_posted(ui.tr, *job.posted, ui.now));
  // The same job from other feeds, shown once (kiosk/store/duplicates.h).
  std::vector<std::string> elsewhere;
  for (const auto& feed : job.also_posted) {
    std::string name = kiosk::feed_display_name(feed);
    const std::string here = kiosk::feed_display_name(job.source);
    if (name != here && std::find(elsewhere.begin(), elsewhere.end(), name) == elsewhere.end()) {
      elsewhere.push_back(std::move(name));
    }
  }
  std::string also;
  for (const auto& name : elsewhere) also += (also.empty() ? "" : ", ") + name;
  fact("jobs.detail.also_posted"_msg, also);
  v.sample = job.sample;
  v.description = spanish && !job.description.es.empty() ? job.description.es : job.description.en;

  // What the job asks, every word in the resident's language.
  DetailSection asks{ui.t("jobs.detail.asks"_msg), {}, {}};
  const std::string education = kiosk::education_text(ui.tr, job.education);
  if (!education.empty()) asks.bullets.push_back(education);
  if (job.experience_months) {
    asks.bullets.push_back(
        *job.experience_months <= 0
            ? ui.t("jobs.detail.no_experience"_msg)
            : ui.tr.format("jobs.detail.experience"_msg,
                           {{"months", static_cast<std::int64_t>(*job.experience_months)}}));
  }
  if (job.no_degree && !kiosk::no_education_required(job.education)) {
    asks.bullets.push_back(ui.t("jobs.detail.no_degree"_msg));
  }
  const auto& skill_list = spanish && !job.skills_es.empty() ? job.skills_es : job.skills;
  if (!skill_list.empty()) {
    std::string skills;
    for (const auto& s : skill_list) skills += (skills.empty() ? "" : ", ") + s;
    asks.bullets.push_back(ui.tr.format("jobs.detail.skills"_msg, {{"skills", skills}}));
  }
  if (!asks.bullets.empty()) v.sections.push_back(std::move(asks));

  v.link = job.apply_url;
  v.link_heading = ui.t("jobs.detail.apply_online"_msg);
  if (!job.apply_url.empty()) {
    v.link_text =
        ui.tr.format("jobs.detail.apply_text"_msg, {{"link", kiosk::short_link(job.apply_url)}});
  }
  v.no_link = ui.t("jobs.detail.no_link"_msg);
  v.saved = {kiosk::ListingKind::Job, key, job.title, job.employer, job.apply_url};

  v.similar = similar_query(kiosk::ListingKind::Job, job.title.in(spanish), key, ui.tr.language(),
                            job.industry);

  // Training for this job: programs in the same industry (by occupation once jobs carry one).
  v.related_id = "jobs.detail.training";
  v.related_screen = "programs.search";
  v.related = kiosk::training_for(job, ui.tr.language(), ui.now, 1);
  v.related_label = "jobs.detail.training"_msg;
  v.related_label_industry = "jobs.detail.training_in"_msg;
  return v;
}

}  // namespace

const ListingSpec& jobs_spec() {
  static const ListingSpec spec{
      .kind = kiosk::ListingKind::Job,
      .prefix = "jobs",
      .words = {.placeholder = "jobs.query.placeholder"_msg,
                .count = "jobs.count"_msg,
                .count_more = "jobs.count.more"_msg,
                .offline = "jobs.offline"_msg,
                .browse_heading = "jobs.browse.heading"_msg,
                .browse_newest = "jobs.browse.newest"_msg,
                .more = "jobs.more"_msg,
                .filters_done = "jobs.filters.done"_msg,
                .filters_done_plain = "jobs.filters.done_plain"_msg,
                .empty_title = "jobs.empty.title"_msg,
                .empty_shorter = "jobs.empty.shorter"_msg,
                .empty_tips = "jobs.empty.tips"_msg,
                .empty_no_listings = "jobs.empty.no_listings"_msg,
                .empty_no_listings_hint = "jobs.empty.no_listings_hint"_msg,
                .position = "jobs.detail.position"_msg,
                .loading = "jobs.detail.loading"_msg,
                .missing = "jobs.detail.missing"_msg,
                .qr_hint = "jobs.detail.qr_hint"_msg,
                .similar = "jobs.detail.similar"_msg,
                .detail_intro = "speech.intro.jobs_detail"_msg},
      .filters = filter_specs(kiosk::ListingKind::Job),
      .sorts = {{"sort.relevance", "jobs.sort.relevance"_msg, kiosk::SortOrder::Relevance},
                {"sort.newest", "jobs.sort.newest"_msg, kiosk::SortOrder::Newest},
                {"sort.pay", "jobs.sort.pay"_msg, kiosk::SortOrder::Pay}},
      .browse = chips_of(kiosk::ListingKind::Job, "industry"),
      .browse_icon = Icon::Briefcase,
      .links = {},
      .card = job_card,
      .detail = job_detail,
  };
  return spec;
}

}  // namespace ui
