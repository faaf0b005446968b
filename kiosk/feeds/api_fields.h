// What the readers of job search APIs (USAJOBS, CareerOneStop, Ashby) share: fields read from
// JSON whose types cannot be trusted, descriptions put together from several parts within the
// description cap, warnings kept to a log line's worth, and places without repeats.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "kiosk/model/model.h"

namespace kiosk::feeds {

// The body read as JSON (comments tolerated: API documentation examples carry them) and handed
// to `convert`; a ParseError when it is not JSON, or when the JSON library throws on the way
// ("unexpected USAJOBS structure: …", with `api` naming the source).
ParseResult read_api_body(std::string_view body, std::string_view api,
                          const std::function<ParseResult(const nlohmann::json&)>& convert);

// haystack.find(needle) succeeds.
inline bool text_contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// A one-line text field: a string or a number, cleaned; empty when absent or of another type.
// With max_bytes, only that much of it is read (never cutting a character).
std::string text_field(const nlohmann::json& obj, std::string_view key,
                       std::size_t max_bytes = std::string::npos);

// The most of a location text a reader looks at: far more than fifty places need, and a
// megabyte of "location" costs no more than this.
inline constexpr std::size_t kMaxLocationTextBytes = std::size_t{16} * 1024;

// A string field as written (HTML or multi-line text, cleaned later); empty otherwise.
std::string raw_field(const nlohmann::json& obj, std::string_view key);

// A count a paged API reports: a non-negative whole number, or a string holding one ("1710").
std::optional<std::int64_t> count_field(const nlohmann::json& obj, std::string_view key);

// An amount of money: a positive number, or a string holding one ("134751.0"); else nullopt.
std::optional<double> amount_field(const nlohmann::json& obj, std::string_view key);

// True for JSON true and for the strings "true"/"True"/"yes"/"1" some APIs write instead.
bool flag_field(const nlohmann::json& obj, std::string_view key);

// The objects of a field that should be an array of objects (others skipped); a lone object
// counts as one.
std::vector<const nlohmann::json*> object_entries(const nlohmann::json& obj, std::string_view key);

// The first element of an array field, or the field itself when it is not an array.
const nlohmann::json* first_of(const nlohmann::json& obj, std::string_view key);

// A job from `source_url` with its id and (English) title read from `item`; nullopt with the
// reason in `why` when `item` is not an object or either field is missing.
std::optional<Job> new_job(const nlohmann::json& item, std::string_view id_key,
                           std::string_view title_key, const std::string& source_url,
                           std::string& why);

// Appends blocks while the whole stays within kMaxDescriptionBytes.
void append_blocks(RichText& into, RichText more);

// A heading and the text under it (HTML or plain), appended when the text has any words.
void append_section(RichText& into, std::string_view heading, std::string_view text);

// A heading and one bullet list made of the texts, appended when any has words.
void append_list_section(RichText& into, std::string_view heading,
                         const std::vector<std::string>& items);

// Adds the places not already listed (same city, region and country), at most kMaxPlaces.
void add_places(std::vector<Place>& into, const std::vector<Place>& places);

// Reads one record into a job, or says why not in `why` (left empty: the record is left out
// without a word, as an unlisted Ashby job is).
using JobReader = std::function<std::optional<Job>(const nlohmann::json& record, std::string& why)>;

// Each record of the array `records` (or `records` itself when `single`) read into feed.jobs.
// Records refused with a reason become warnings ("USAJOBS job #3 (id 12) skipped: no title",
// `what` naming them and `id_key` their id): the first twenty, then one line counts the rest.
void read_jobs(const nlohmann::json& records, bool single, std::string_view what,
               std::string_view id_key, const JobReader& read, ParsedFeed& feed);

}  // namespace kiosk::feeds
