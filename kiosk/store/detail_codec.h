// A listing's detail as the cache keeps it (the `detail` column, since schema version 7): the
// record's JSON (record_json.h) deflated with a preset dictionary of what every record repeats,
// its field names and the region's common values. One record at a time, so a detail screen
// inflates one record; with the dictionary 100,000 jobs pack to 42 % of their JSON, 63 % without
// (40 against 60 MB; BENCHMARKS.md, "Listings cache").
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// Reuses one zlib stream across the records of a batch (an import packs 100,000). Not for two
// threads at once.
class DetailPacker {
 public:
  DetailPacker();
  ~DetailPacker();
  DetailPacker(const DetailPacker&) = delete;
  DetailPacker& operator=(const DetailPacker&) = delete;

  // One format byte, then zlib's stream. Never empty.
  std::string pack(std::string_view json);

 private:
  struct Stream;
  std::unique_ptr<Stream> stream_;
};

// The JSON back. A value that starts with '{' is JSON a cache before version 7 kept as it is.
// Nothing when the value is damaged, names a format this kiosk does not know, or would inflate
// past kMaxDetailBytes.
inline constexpr std::size_t kMaxDetailBytes = std::size_t{8} << 20;
std::optional<std::string> unpack_detail(std::string_view stored);

}  // namespace kiosk
