// Sealed sign-ups waiting to be delivered: a small SQLite database of its own (DATA/outbox.sqlite,
// apart from the listings cache, which sync replaces), one row per envelope. A row is deleted only
// after the intake server's 2xx receipt; an envelope the server refused (a 4xx other than 409) is
// held for staff and never retried in a loop.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/store/sqlite.h"

namespace kiosk {

struct OutboxEntry {
  std::int64_t row = 0;
  std::string id;                 // the idempotency key, also the exported file's name
  std::int64_t created = 0;       // unix seconds
  int attempts = 0;               // uploads tried
  std::int64_t next_attempt = 0;  // unix seconds: not before (backoff)
  bool held = false;              // refused by the server (4xx): waits for staff
  int last_status = 0;            // the last HTTP status (0: no answer)
};

struct OutboxCounts {
  int pending = 0;  // everything not yet delivered, held ones included
  int held = 0;
  std::optional<std::int64_t> oldest_created;
};

class Outbox {
 public:
  // Opens (creating) DATA/outbox.sqlite; DATA must exist. Throws sql::SqliteError when it cannot.
  // Each thread opens its own Outbox (one connection per thread); WAL lets them share the file.
  explicit Outbox(const std::filesystem::path& data_dir);

  static std::filesystem::path file_in(const std::filesystem::path& data_dir);

  // Stores a sealed envelope under its idempotency key (made before this first store). A second
  // add with the same id changes nothing.
  void add(const std::string& id, const std::vector<unsigned char>& sealed, std::int64_t created);

  std::vector<OutboxEntry> list() const;  // oldest first
  OutboxCounts counts() const;
  std::optional<std::vector<unsigned char>> sealed(const std::string& id) const;

  // Ready to try now: not held, next_attempt <= now; oldest first.
  std::vector<OutboxEntry> due(std::int64_t now) const;
  // An attempt that did not deliver (no answer: status 0, a 409, a 5xx): counted, and not tried
  // again before next_attempt.
  void record_attempt(const std::string& id, int http_status, std::int64_t next_attempt);
  // A 4xx refusal: counts that attempt too (do not also record_attempt) and holds the row.
  void hold(const std::string& id, int http_status);
  void release_held();                 // staff: try the held ones again
  void remove(const std::string& id);  // the server's 2xx receipt

 private:
  sql::Database db_;
};

}  // namespace kiosk
