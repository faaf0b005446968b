// Fuzz target: long JSON strings cut before parsing (kiosk/feeds/json_cut.h) and the bounds per
// record (kiosk/feeds/bounds.h). Valid JSON stays valid whatever the limit, each string keeps a
// prefix of its value, and bounded records keep every cap and stay valid UTF-8.
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kiosk/base/utf8.h"
#include "kiosk/feeds/bounds.h"
#include "kiosk/feeds/json_cut.h"
#include "kiosk/feeds/jsonld.h"

namespace {

using nlohmann::json;

// Same shape; every string of `cut` a prefix of the one in `whole`.
bool prefix_of(const json& cut, const json& whole) {
  if (cut.type() != whole.type()) return false;
  if (cut.is_string()) return whole.get<std::string>().starts_with(cut.get<std::string>());
  if (cut.is_array()) {
    if (cut.size() != whole.size()) return false;
    for (std::size_t i = 0; i < cut.size(); ++i) {
      if (!prefix_of(cut[i], whole[i])) return false;
    }
    return true;
  }
  if (cut.is_object()) return cut.size() <= whole.size();  // cut keys may meet
  return cut == whole;
}

void check_lines(const kiosk::RichText& blocks) {
  std::size_t total = 0;
  for (const auto& block : blocks) {
    if (block.lines.empty()) __builtin_trap();
    for (const auto& line : block.lines) {
      if (line.empty() || line.size() > kiosk::feeds::kLineBytes || !kiosk::utf8::valid(line)) {
        __builtin_trap();
      }
      total += line.size();
    }
  }
  if (total > kiosk::feeds::kMaxDescriptionBytes) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::size_t limit = data[0] % 24;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::istringstream in(text);
  const std::string cut = kiosk::feeds::read_json_cut(in, limit);
  if (cut.size() > text.size()) __builtin_trap();
  const json whole = json::parse(text, nullptr, false, /*ignore_comments=*/true);
  if (!whole.is_discarded()) {
    const json parsed = json::parse(cut, nullptr, false, /*ignore_comments=*/true);
    if (parsed.is_discarded() || !prefix_of(parsed, whole)) __builtin_trap();
  }

  auto result = kiosk::feeds::parse_jsonld(text, "fuzz");
  if (auto* feed = std::get_if<kiosk::ParsedFeed>(&result)) {
    kiosk::feeds::SkippedRecords skipped;
    const std::size_t before = feed->size();
    kiosk::feeds::bound_records(*feed, skipped);
    if (feed->size() + static_cast<std::size_t>(skipped.count()) != before) __builtin_trap();
    for (const auto& job : feed->jobs) {
      if (job.title.en.size() > kiosk::feeds::kTitleBytes || !kiosk::utf8::valid(job.title.en) ||
          job.id.size() > kiosk::feeds::kMaxIdBytes) {
        __builtin_trap();
      }
      check_lines(job.description.en);
      check_lines(job.description.es);
    }
    for (const auto& program : feed->programs) {
      check_lines(program.description.en);
      check_lines(program.description.es);
    }
  }
  return 0;
}
