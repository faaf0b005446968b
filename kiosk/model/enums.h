// One table per word list: each enumeration's value, its stable key (JSON, `search --filter`,
// chip ids), its message key (what a resident reads) and its facet word (the store's FTS index),
// in one constexpr array, as SQLite's keyword tables and LLVM's .def files keep theirs. JSON,
// the store (indexing and querying), the command line, the formatting and the chips all read
// these tables, so a word is added or renamed in one place.
//
// [SECTION] The row and its lookups
// [SECTION] The tables
// [SECTION] Buckets computed from numbers (cost, length)
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "kiosk/base/msg_key.h"
#include "kiosk/model/model.h"

namespace kiosk {

// ---- [SECTION] The row and its lookups ---------------------------------------------------------

template <typename E>
struct EnumRow {
  E value;
  std::string_view key;    // stable: JSON, `--filter` value, chip id; never renamed
  MsgKey message;          // what a resident reads; empty: stored, never offered as a filter
  std::string_view facet;  // word in the FTS facets column: letters and digits only, unique
  bool chip = true;        // offered as a chip (a filter can take values no chip offers)
};

// Price bands and length bands of training, computed from its cost and duration.
enum class CostBucket { Free, Under1000 };
enum class LengthBucket { Under3Months, ThreeTo12Months, Over12Months };

// Yes-or-no filters: the row's key is the filter's name, its value is always "true".
enum class Flag { NoDegree, Paid, Spanish };

// ---- [SECTION] The tables ----------------------------------------------------------------------

using literals::operator""_msg;  // keys below as _msg literals, for the catalog test

inline constexpr std::array<EnumRow<ListingKind>, 5> kListingKinds = {{
    {ListingKind::Job, "jobs", {}, "kindjobs"},
    {ListingKind::Program, "programs", {}, "kindprograms"},
    {ListingKind::Event, "events", {}, "kindevents"},
    {ListingKind::Service, "services", {}, "kindservices"},
    {ListingKind::Faq, "faq", {}, "kindfaq"},
}};

inline constexpr std::array<EnumRow<Industry>, 7> kIndustries = {{
    {Industry::Health, "health", "industry.health"_msg, "indhealth"},
    {Industry::Technology, "technology", "industry.technology"_msg, "indtechnology"},
    {Industry::Construction, "construction", "industry.construction"_msg, "indconstruction"},
    {Industry::Hospitality, "hospitality", "industry.hospitality"_msg, "indhospitality"},
    {Industry::CleanEnergy, "clean_energy", "industry.clean_energy"_msg, "indcleanenergy"},
    {Industry::Professional, "professional", "industry.professional"_msg, "indprofessional"},
    {Industry::Other, "other", {}, "indother"},
}};

inline constexpr std::array<EnumRow<EmploymentType>, 5> kEmploymentTypes = {{
    {kFullTime, "full_time", "jobs.type.full_time"_msg, "typefull"},
    {kPartTime, "part_time", "jobs.type.part_time"_msg, "typepart"},
    {kTemporary, "temporary", "jobs.type.temporary"_msg, "typetemp"},
    {kInternship, "internship", "jobs.type.internship"_msg, "typeintern"},
    {kContract, "contract", "jobs.type.contract"_msg, "typecontract", false},
}};

inline constexpr std::array<EnumRow<Workplace>, 3> kWorkplaces = {{
    {Workplace::Onsite, "onsite", "jobs.workplace.onsite"_msg, "wponsite"},
    {Workplace::Remote, "remote", "jobs.workplace.remote"_msg, "wpremote"},
    {Workplace::Hybrid, "hybrid", "jobs.workplace.hybrid"_msg, "wphybrid"},
}};

// Pay units are said inside the pay messages ({unit, select, hour {…} …}): no message, no facet.
inline constexpr std::array<EnumRow<PayUnit>, 5> kPayUnits = {{
    {PayUnit::Hour, "hour", {}, {}},
    {PayUnit::Day, "day", {}, {}},
    {PayUnit::Week, "week", {}, {}},
    {PayUnit::Month, "month", {}, {}},
    {PayUnit::Year, "year", {}, {}},
}};

inline constexpr std::array<EnumRow<ProgramType>, 5> kProgramTypes = {{
    {ProgramType::Apprenticeship, "apprenticeship", "programs.type.apprenticeship"_msg,
     "ptapprenticeship"},
    {ProgramType::PreApprenticeship, "pre_apprenticeship", "programs.type.pre_apprenticeship"_msg,
     "ptpreapprenticeship"},
    {ProgramType::Internship, "internship", "programs.type.internship"_msg, "ptinternship"},
    {ProgramType::Ojt, "ojt", "programs.type.ojt"_msg, "ptojt"},
    {ProgramType::Classroom, "classroom", "programs.type.classroom"_msg, "ptclassroom"},
}};

inline constexpr std::array<EnumRow<ProgramFormat>, 3> kProgramFormats = {{
    {ProgramFormat::InPerson, "in_person", "programs.format.in_person"_msg, "fmtinperson"},
    {ProgramFormat::Online, "online", "programs.format.online"_msg, "fmtonline"},
    {ProgramFormat::Hybrid, "hybrid", "programs.format.hybrid"_msg, "fmthybrid"},
}};

inline constexpr std::array<EnumRow<ProgramSchedule>, 3> kSchedules = {{
    {kDaytime, "daytime", "programs.schedule.daytime"_msg, "scheddaytime"},
    {kEvening, "evening", "programs.schedule.evening"_msg, "schedevening"},
    {kWeekend, "weekend", "programs.schedule.weekend"_msg, "schedweekend"},
}};

inline constexpr std::array<EnumRow<CostBucket>, 2> kCostBuckets = {{
    {CostBucket::Free, "free", "programs.cost.free"_msg, "costfree"},
    {CostBucket::Under1000, "under_1000", "programs.cost.under_1000"_msg, "costunder1000"},
}};

inline constexpr std::array<EnumRow<LengthBucket>, 3> kLengthBuckets = {{
    {LengthBucket::Under3Months, "under_3_months", "programs.length.under_3_months"_msg,
     "lenunder3m"},
    {LengthBucket::ThreeTo12Months, "3_to_12_months", "programs.length.3_to_12_months"_msg,
     "len3to12m"},
    {LengthBucket::Over12Months, "over_12_months", "programs.length.over_12_months"_msg,
     "lenover12m"},
}};

inline constexpr std::array<EnumRow<EventType>, 4> kEventTypes = {{
    {kHiringFair, "hiring_fair", "events.type.hiring_fair"_msg, "evhiringfair"},
    {kCareerFair, "career_fair", "events.type.career_fair"_msg, "evcareerfair"},
    {kWorkshop, "workshop", "events.type.workshop"_msg, "evworkshop"},
    {kInfoSession, "info_session", "events.type.info_session"_msg, "evinfosession"},
}};

inline constexpr std::array<EnumRow<ServiceNeed>, 12> kServiceNeeds = {{
    {ServiceNeed::Transportation, "transportation", "services.need.transportation"_msg,
     "needtransportation"},
    {ServiceNeed::ChildCare, "child_care", "services.need.child_care"_msg, "needchildcare"},
    {ServiceNeed::DigitalLiteracy, "digital_literacy", "services.need.digital_literacy"_msg,
     "needdigital"},
    {ServiceNeed::CareerCoaching, "career_coaching", "services.need.career_coaching"_msg,
     "needcoaching"},
    {ServiceNeed::LanguageClasses, "language_classes", "services.need.language_classes"_msg,
     "needlanguage"},
    {ServiceNeed::ResumeHelp, "resume_help", "services.need.resume_help"_msg, "needresume"},
    {ServiceNeed::InterviewClothing, "interview_clothing", "services.need.interview_clothing"_msg,
     "needclothing"},
    {ServiceNeed::LegalAid, "legal_aid", "services.need.legal_aid"_msg, "needlegal"},
    {ServiceNeed::MentalHealth, "mental_health", "services.need.mental_health"_msg,
     "needmentalhealth"},
    {ServiceNeed::FinancialCoaching, "financial_coaching", "services.need.financial_coaching"_msg,
     "needmoney"},
    {ServiceNeed::FoodAssistance, "food_assistance", "services.need.food_assistance"_msg,
     "needfood"},
    {ServiceNeed::HousingHelp, "housing_help", "services.need.housing_help"_msg, "needhousing"},
}};

inline constexpr std::array<EnumRow<Flag>, 3> kFlags = {{
    {Flag::NoDegree, "no_degree", "jobs.filter.no_degree"_msg, "nodegree"},
    {Flag::Paid, "paid", "programs.filter.paid"_msg, "paidyes"},
    {Flag::Spanish, "spanish", "programs.filter.spanish"_msg, "langes"},
}};

// The table of an enumeration, found by its type: rows<Industry>().
constexpr std::span<const EnumRow<ListingKind>> table_of(ListingKind /*tag*/) {
  return kListingKinds;
}
constexpr std::span<const EnumRow<Industry>> table_of(Industry /*tag*/) {
  return kIndustries;
}
constexpr std::span<const EnumRow<EmploymentType>> table_of(EmploymentType /*tag*/) {
  return kEmploymentTypes;
}
constexpr std::span<const EnumRow<Workplace>> table_of(Workplace /*tag*/) {
  return kWorkplaces;
}
constexpr std::span<const EnumRow<PayUnit>> table_of(PayUnit /*tag*/) {
  return kPayUnits;
}
constexpr std::span<const EnumRow<ProgramType>> table_of(ProgramType /*tag*/) {
  return kProgramTypes;
}
constexpr std::span<const EnumRow<ProgramFormat>> table_of(ProgramFormat /*tag*/) {
  return kProgramFormats;
}
constexpr std::span<const EnumRow<ProgramSchedule>> table_of(ProgramSchedule /*tag*/) {
  return kSchedules;
}
constexpr std::span<const EnumRow<CostBucket>> table_of(CostBucket /*tag*/) {
  return kCostBuckets;
}
constexpr std::span<const EnumRow<LengthBucket>> table_of(LengthBucket /*tag*/) {
  return kLengthBuckets;
}
constexpr std::span<const EnumRow<EventType>> table_of(EventType /*tag*/) {
  return kEventTypes;
}
constexpr std::span<const EnumRow<ServiceNeed>> table_of(ServiceNeed /*tag*/) {
  return kServiceNeeds;
}
constexpr std::span<const EnumRow<Flag>> table_of(Flag /*tag*/) {
  return kFlags;
}

template <typename E>
constexpr std::span<const EnumRow<E>> rows() {
  return table_of(E{});
}

// The row of a value; nullptr for values no table lists (Unknown).
template <typename E>
constexpr const EnumRow<E>* row_of(E value) {
  for (const auto& r : rows<E>()) {
    if (r.value == value) return &r;
  }
  return nullptr;
}

// "health" for Industry::Health; "" for Unknown (an empty string, never a null pointer: SQLite
// binds a null one as NULL).
template <typename E>
constexpr std::string_view key_of(E value) {
  const auto* r = row_of(value);
  return r != nullptr ? r->key : std::string_view("");
}

template <typename E>
constexpr std::optional<E> from_key(std::string_view key) {
  for (const auto& r : rows<E>()) {
    if (r.key == key) return r.value;
  }
  return std::nullopt;
}

// The value a filter may take: a key whose row has a message (Industry::Other has none).
template <typename E>
constexpr std::optional<E> filter_value(std::string_view key) {
  for (const auto& r : rows<E>()) {
    if (r.key == key && !r.message.key.empty()) return r.value;
  }
  return std::nullopt;
}

template <typename E>
constexpr std::string_view facet_of(E value) {
  const auto* r = row_of(value);
  return r != nullptr && !r->facet.empty() ? r->facet : std::string_view("");
}

// The rows of a bit-set enumeration whose bits are set, in table order.
template <typename E, typename F>
constexpr void for_each_bit(std::uint8_t bits, F&& f) {
  for (const auto& r : rows<E>()) {
    if ((bits & static_cast<std::uint8_t>(r.value)) != 0) f(r);
  }
}

// ---- [SECTION] Buckets computed from numbers (cost, length) ------------------------------------

// Free is also under $1,000: a resident asking for "under $1,000" wants free training too.
constexpr bool in_bucket(CostBucket bucket, std::optional<double> cost_usd) {
  if (!cost_usd || *cost_usd < 0) return false;
  return bucket == CostBucket::Free ? *cost_usd == 0 : *cost_usd < 1000;
}

// Under 13 weeks, 13 to 52 weeks, over 52 weeks.
constexpr std::optional<LengthBucket> length_bucket(std::optional<int> weeks) {
  if (!weeks || *weeks <= 0) return std::nullopt;
  if (*weeks < 13) return LengthBucket::Under3Months;
  return *weeks <= 52 ? LengthBucket::ThreeTo12Months : LengthBucket::Over12Months;
}

// Taught in Spanish: the language of instruction lists "es" ("es", "en,es").
constexpr bool taught_in_spanish(std::string_view languages) {
  while (!languages.empty()) {
    const std::size_t comma = languages.find(',');
    if (languages.substr(0, comma) == "es") return true;
    if (comma == std::string_view::npos) break;
    languages.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace kiosk
