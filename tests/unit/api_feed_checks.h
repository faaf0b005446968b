// Bodies every reader of a job search API (USAJOBS, CareerOneStop, Ashby) must refuse with a
// one-sentence reason and never crash on: nothing, not JSON, cut-off JSON, a lone value, and
// nesting a hundred thousand levels deep (broken and valid).
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/unit/feed_test_support.h"

namespace kiosk::testing {

inline void expect_refuses_hostile(FeedParser parse) {
  const std::string open(100000, '[');
  std::string objects;
  for (int i = 0; i < 50000; ++i) objects += "{\"a\":";
  const std::vector<std::string> bodies = {
      "",
      "not json at all",
      "<!DOCTYPE html><html><body>Service unavailable</body></html>",
      R"({"jobs": [{"id": 1, "title": )",
      R"("just a string")",
      "42",
      "null",
      open,
      open + std::string(open.size(), ']'),
      objects,
  };
  for (const auto& body : bodies) {
    const std::string reason = parse_error(parse, body, "https://example.org/feed");
    EXPECT_FALSE(reason.empty()) << body.substr(0, 40);
    EXPECT_EQ(reason.find('\n'), std::string::npos) << reason;
    EXPECT_LT(reason.size(), 300u) << reason;
  }
}

// Bytes of text in a description (what kMaxDescriptionBytes bounds).
inline std::size_t description_bytes(const RichText& blocks) {
  std::size_t bytes = 0;
  for (const auto& block : blocks) {
    for (const auto& line : block.lines) bytes += line.size();
  }
  return bytes;
}

// A value wrapped `depth` times in JSON-LD's {"@value": …}: some readers unwrap such values, and a
// hostile feed must not make them recurse to its depth.
inline std::string deep_value(int depth, const std::string& leaf) {
  std::string out;
  for (int i = 0; i < depth; ++i) out += "{\"@value\": ";
  out += leaf;
  out.append(static_cast<std::size_t>(depth), '}');
  return out;
}

}  // namespace kiosk::testing
