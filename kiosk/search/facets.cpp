#include "kiosk/search/facets.h"

#include <algorithm>
#include <array>

#include "kiosk/model/enums.h"

namespace kiosk {
namespace {

// The chips of a table: its rows that have a message and are offered as chips, in table order.
template <const auto& Table>
consteval std::size_t chip_count() {
  return static_cast<std::size_t>(std::count_if(
      Table.begin(), Table.end(), [](const auto& r) { return r.chip && !r.message.key.empty(); }));
}
template <const auto& Table>
consteval auto chips() {
  std::array<FilterValue, chip_count<Table>()> out{};
  std::size_t i = 0;
  for (const auto& r : Table) {
    if (r.chip && !r.message.key.empty()) out[i++] = {r.key, r.message};
  }
  return out;
}

// A yes-or-no filter's one chip.
template <Flag F>
consteval std::array<FilterValue, 1> flag_chip() {
  return {{{"true", row_of(F)->message}}};
}

constexpr auto kIndustryChips = chips<kIndustries>();
constexpr auto kTypeChips = chips<kEmploymentTypes>();
constexpr auto kWorkplaceChips = chips<kWorkplaces>();
constexpr auto kProgramTypeChips = chips<kProgramTypes>();
constexpr auto kFormatChips = chips<kProgramFormats>();
constexpr auto kScheduleChips = chips<kSchedules>();
constexpr auto kCostChips = chips<kCostBuckets>();
constexpr auto kLengthChips = chips<kLengthBuckets>();
constexpr auto kEventTypeChips = chips<kEventTypes>();
constexpr auto kServiceNeedChips = chips<kServiceNeeds>();
constexpr auto kNoDegreeChip = flag_chip<Flag::NoDegree>();
constexpr auto kPaidChip = flag_chip<Flag::Paid>();
constexpr auto kSpanishChip = flag_chip<Flag::Spanish>();
constexpr std::array<FilterValue, 3> kMinPayChips = {{
    {"15", "jobs.filter.min_pay"_msg},
    {"20", "jobs.filter.min_pay"_msg},
    {"25", "jobs.filter.min_pay"_msg},
}};
constexpr std::array<FilterValue, 3> kPostedChips = {{
    {"1", "jobs.filter.posted_days"_msg},
    {"7", "jobs.filter.posted_days"_msg},
    {"30", "jobs.filter.posted_days"_msg},
}};

constexpr std::array<FilterGroup, 6> kJobGroups = {{
    {"industry", "jobs.filters.industry"_msg, false, ChipLabel::Text, kIndustryChips},
    {"type", "jobs.filters.type"_msg, true, ChipLabel::Text, kTypeChips},
    {"workplace", "jobs.filters.workplace"_msg, false, ChipLabel::Text, kWorkplaceChips},
    {"no_degree", "jobs.filters.degree"_msg, false, ChipLabel::Text, kNoDegreeChip},
    {"min_pay", "jobs.filters.pay"_msg, false, ChipLabel::Amount, kMinPayChips},
    {"posted_days", "jobs.filters.posted"_msg, false, ChipLabel::Days, kPostedChips},
}};

constexpr std::array<FilterGroup, 9> kProgramGroups = {{
    // Money first: whether it pays and what it costs decide most residents' choice.
    {"program_type", "programs.filters.type"_msg, false, ChipLabel::Text, kProgramTypeChips},
    {"paid", "programs.filters.paid"_msg, false, ChipLabel::Text, kPaidChip},
    {"cost", "programs.filters.cost"_msg, false, ChipLabel::Text, kCostChips},
    {"industry", "programs.filters.industry"_msg, false, ChipLabel::Text, kIndustryChips},
    {"no_degree", "programs.filters.degree"_msg, false, ChipLabel::Text, kNoDegreeChip},
    {"length", "programs.filters.length"_msg, false, ChipLabel::Text, kLengthChips},
    {"schedule", "programs.filters.schedule"_msg, true, ChipLabel::Text, kScheduleChips},
    {"format", "programs.filters.format"_msg, false, ChipLabel::Text, kFormatChips},
    {"spanish", "programs.filters.language"_msg, false, ChipLabel::Text, kSpanishChip},
}};

constexpr std::array<FilterGroup, 1> kEventGroups = {{
    {"type", "events.filters.type"_msg, true, ChipLabel::Text, kEventTypeChips},
}};

constexpr std::array<FilterGroup, 1> kServiceGroups = {{
    {"need", "services.filters.need"_msg, false, ChipLabel::Text, kServiceNeedChips},
}};

}  // namespace

std::span<const FilterGroup> filter_groups(ListingKind kind) {
  switch (kind) {
    case ListingKind::Job:
      return kJobGroups;
    case ListingKind::Program:
      return kProgramGroups;
    case ListingKind::Event:
      return kEventGroups;
    case ListingKind::Service:
      return kServiceGroups;
    case ListingKind::Faq:
      break;
  }
  return {};
}

const FilterGroup* filter_group(ListingKind kind, std::string_view key) {
  for (const auto& g : filter_groups(kind)) {
    if (g.key == key) return &g;
  }
  return nullptr;
}

}  // namespace kiosk
