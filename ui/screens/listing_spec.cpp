#include "ui/screens/listing_spec.h"

#include "kiosk/feeds/normalize.h"
#include "kiosk/i18n/format.h"

namespace ui {

using namespace kiosk::literals;

namespace {

bool known(kiosk::Industry industry) {
  return industry != kiosk::Industry::Unknown && industry != kiosk::Industry::Other;
}

}  // namespace

std::vector<FilterGroupSpec> filter_specs(kiosk::ListingKind kind) {
  std::vector<FilterGroupSpec> out;
  for (const auto& group : kiosk::filter_groups(kind)) {
    FilterGroupSpec spec{group.heading, {}, group.label};
    for (const auto& v : group.values) spec.chips.push_back({group.key, v.value, v.label});
    out.push_back(std::move(spec));
  }
  return out;
}

std::vector<ChipSpec> chips_of(kiosk::ListingKind kind, std::string_view key) {
  std::vector<ChipSpec> out;
  if (const kiosk::FilterGroup* group = kiosk::filter_group(kind, key)) {
    for (const auto& v : group->values) out.push_back({group->key, v.value, v.label});
  }
  return out;
}

std::string chip_text(Ui& ui, const FilterGroupSpec& group, const ChipSpec& chip) {
  switch (group.label) {
    case kiosk::ChipLabel::Amount:
      return ui.tr.format(
          chip.label,
          {{"amount", kiosk::format_money(std::stod(std::string(chip.value)), ui.tr.language())}});
    case kiosk::ChipLabel::Days:
      return ui.tr.format(
          chip.label, {{"days", static_cast<std::int64_t>(std::stoi(std::string(chip.value)))}});
    case kiosk::ChipLabel::Text:
      break;
  }
  return ui.t(chip.label);
}

kiosk::SearchQuery similar_query(kiosk::ListingKind kind, const std::string& title,
                                 std::int64_t key, kiosk::Language language,
                                 kiosk::Industry industry) {
  kiosk::SearchQuery q;
  q.kind = kind;
  q.text = title;
  q.any_word = true;
  q.exclude_key = key;
  q.language = language;
  q.limit = 3;
  if (known(industry)) q.industry = industry;
  return q;
}

kiosk::Route related_route(std::string_view screen, const kiosk::SearchQuery& query) {
  kiosk::Route route{std::string(screen), {}, {}};
  if (!query.occupations.empty()) {
    route.topic = "occupation=";
    for (std::size_t i = 0; i < query.occupations.size(); ++i) {
      route.topic += (i > 0 ? "," : "") + query.occupations[i];
    }
  } else if (query.industry && known(*query.industry)) {
    route.topic = "industry=" + std::string(kiosk::feeds::industry_key(*query.industry));
  }
  return route;
}

std::string detail_screen_for(kiosk::ListingKind kind) {
  switch (kind) {
    case kiosk::ListingKind::Job:
      return jobs_spec().screen("detail");
    case kiosk::ListingKind::Program:
      return programs_spec().screen("detail");
    case kiosk::ListingKind::Event:
      return events_spec().screen("detail");
    case kiosk::ListingKind::Service:
      return services_spec().screen("detail");
    case kiosk::ListingKind::Faq:
      break;
  }
  return {};
}

}  // namespace ui
