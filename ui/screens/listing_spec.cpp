#include "ui/screens/listing_spec.h"

#include "kiosk/feeds/normalize.h"

namespace ui {

using namespace kiosk::literals;

namespace {

bool known(kiosk::Industry industry) {
  return industry != kiosk::Industry::Unknown && industry != kiosk::Industry::Other;
}

}  // namespace

std::vector<ChipSpec> industry_chips() {
  return {{"industry", "health", "industry.health"_msg},
          {"industry", "technology", "industry.technology"_msg},
          {"industry", "construction", "industry.construction"_msg},
          {"industry", "hospitality", "industry.hospitality"_msg},
          {"industry", "clean_energy", "industry.clean_energy"_msg},
          {"industry", "professional", "industry.professional"_msg}};
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
    case kiosk::ListingKind::Service:
    case kiosk::ListingKind::Faq:
      break;
  }
  return {};
}

}  // namespace ui
