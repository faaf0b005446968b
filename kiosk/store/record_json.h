// Listing records to and from JSON, for the `detail` column of the cache (the full record a
// detail screen shows) and for `search --json`. Field names are the C++ names.
#pragma once

#include <nlohmann/json.hpp>

#include "kiosk/model/model.h"

namespace kiosk {

void to_json(nlohmann::json& j, const LocalText& v);
void from_json(const nlohmann::json& j, LocalText& v);
void to_json(nlohmann::json& j, const TextBlock& v);
void from_json(const nlohmann::json& j, TextBlock& v);
void to_json(nlohmann::json& j, const LocalRichText& v);
void from_json(const nlohmann::json& j, LocalRichText& v);
void to_json(nlohmann::json& j, const Place& v);
void from_json(const nlohmann::json& j, Place& v);
void to_json(nlohmann::json& j, const Pay& v);
void from_json(const nlohmann::json& j, Pay& v);
void to_json(nlohmann::json& j, const Job& v);
void from_json(const nlohmann::json& j, Job& v);
void to_json(nlohmann::json& j, const Program& v);
void from_json(const nlohmann::json& j, Program& v);
void to_json(nlohmann::json& j, const Event& v);
void from_json(const nlohmann::json& j, Event& v);
void to_json(nlohmann::json& j, const OpeningHours& v);
void from_json(const nlohmann::json& j, OpeningHours& v);
void to_json(nlohmann::json& j, const Service& v);
void from_json(const nlohmann::json& j, Service& v);
void to_json(nlohmann::json& j, const FaqLink& v);
void from_json(const nlohmann::json& j, FaqLink& v);
void to_json(nlohmann::json& j, const FaqEntry& v);
void from_json(const nlohmann::json& j, FaqEntry& v);

std::string_view kind_key(ListingKind kind);  // "jobs", "programs", "events", "services", "faq"
std::optional<ListingKind> kind_from_key(std::string_view key);
std::string_view workplace_key(Workplace w);  // "onsite", "remote", "hybrid", ""
std::string_view pay_unit_key(PayUnit u);     // "hour", "year", …

// Pay expressed per hour (2080 working hours a year), for filters and sorting.
std::optional<double> hourly(const Pay& pay, bool use_max = false);

}  // namespace kiosk
