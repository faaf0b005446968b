// Helpers the parser tests share: the real samples in ../shared/realdata (absent on some
// machines: tests skip then), and parse-or-fail wrappers around any feed parser.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/model/model.h"

namespace kiosk::testing {

inline std::optional<std::string> read_realdata(const std::string& relative) {
  std::ifstream in(std::string(KIOSK_SOURCE_DIR) + "/../shared/realdata/" + relative,
                   std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A file of the repository (or anywhere), whole; empty when it cannot be read.
inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

using FeedParser = ParseResult (*)(std::string_view, const std::string&);

inline ParsedFeed parse_ok(FeedParser parse, std::string_view body, const std::string& source) {
  ParseResult result = parse(body, source);
  if (const auto* error = std::get_if<ParseError>(&result)) {
    ADD_FAILURE() << "unexpected ParseError: " << error->reason;
    return {};
  }
  return std::get<ParsedFeed>(std::move(result));
}

inline std::string parse_error(FeedParser parse, std::string_view body, const std::string& source) {
  ParseResult result = parse(body, source);
  if (const auto* error = std::get_if<ParseError>(&result)) return error->reason;
  ADD_FAILURE() << "expected a ParseError";
  return {};
}

}  // namespace kiosk::testing
