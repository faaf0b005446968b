#include "kiosk/print/job_printout.h"

#include <chrono>

#include "kiosk/i18n/format.h"

namespace kiosk {

using namespace literals;

std::string place_line(const Place& place) {
  std::string out = place.city;
  if (!place.region.empty()) {
    if (!out.empty()) out += ", ";
    out += place.region;
  }
  if (!place.postal_code.empty()) {
    if (!out.empty()) out += ' ';
    out += place.postal_code;
  }
  if (out.empty()) out = place.name;
  return out;
}

Printout job_printout(const Job& job, Translator& tr, const Config& config, std::int64_t now) {
  const bool spanish = tr.language() == Language::Es;
  Printout p;
  p.header = config.kiosk.name;
  if (!config.kiosk.location.empty()) p.header += " \u00b7 " + config.kiosk.location;
  p.title = job.title.in(spanish);
  p.subtitle = job.employer;

  const auto fact = [&](MsgKey label, std::string value) {
    if (!value.empty()) p.facts.push_back({tr.text(label), std::move(value)});
  };
  fact("jobs.detail.pay"_msg, format_pay(tr, job.pay));
  fact("jobs.detail.type"_msg, format_job_types(tr, job.employment_types));
  std::string where;
  for (const auto& place : job.locations) {
    const std::string line = place_line(place);
    if (line.empty()) continue;
    if (!where.empty()) where += "; ";
    where += line;
  }
  const std::string workplace = workplace_name(tr, job.workplace);
  if (!workplace.empty() && job.workplace != Workplace::Onsite) {
    where = where.empty() ? workplace : where + " (" + workplace + ")";
  }
  fact("jobs.detail.place"_msg, where);
  if (job.posted) fact("jobs.detail.posted"_msg, format_posted(tr, *job.posted, now));

  for (const auto& block :
       spanish && !job.description.es.empty() ? job.description.es : job.description.en) {
    Printout::Block b;
    b.type = block.type == TextBlock::Type::Heading   ? Printout::Block::Type::Heading
             : block.type == TextBlock::Type::Bullets ? Printout::Block::Type::Bullets
                                                      : Printout::Block::Type::Paragraph;
    b.lines = block.lines;
    p.blocks.push_back(std::move(b));
  }
  std::vector<std::string> asks;
  if (no_education_required(job.education)) {
    asks.push_back(tr.text("jobs.detail.no_education"_msg));
  } else if (!job.education.empty()) {
    asks.push_back(job.education.in(spanish));
  }
  if (job.experience_months) {
    asks.push_back(tr.format("jobs.detail.experience"_msg,
                             {{"months", static_cast<std::int64_t>(*job.experience_months)}}));
  }
  if (job.no_degree && !no_education_required(job.education)) {
    asks.push_back(tr.text("jobs.detail.no_degree"_msg));
  }
  if (!asks.empty()) {
    p.blocks.push_back({Printout::Block::Type::Heading, {tr.text("jobs.detail.asks"_msg)}});
    p.blocks.push_back({Printout::Block::Type::Bullets, std::move(asks)});
  }

  if (!job.apply_url.empty()) {
    p.link_label = tr.text("print.link_label"_msg);
    p.link = job.apply_url;
  }
  p.footer =
      tr.format("print.footer"_msg,
                {{"when", std::chrono::system_clock::time_point(std::chrono::seconds(now))}});
  if (job.sample) p.footer += " " + tr.text("jobs.sample_note"_msg);
  return p;
}

}  // namespace kiosk
