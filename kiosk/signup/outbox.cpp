#include "kiosk/signup/outbox.h"

namespace kiosk {
namespace {

constexpr int kSchemaVersion = 1;

// `row` keeps the order of arrival (created is only to the second); `id` is the idempotency key.
constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS outbox (
  row INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  sealed BLOB NOT NULL,
  created INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt INTEGER NOT NULL DEFAULT 0,
  held INTEGER NOT NULL DEFAULT 0,
  last_status INTEGER NOT NULL DEFAULT 0
);
)sql";

constexpr std::string_view kColumns =
    "SELECT row, id, created, attempts, next_attempt, held, last_status FROM outbox ";

OutboxEntry entry_from(const sql::Statement& s) {
  OutboxEntry e;
  e.row = s.int64(0);
  e.id = s.text(1);
  e.created = s.int64(2);
  e.attempts = static_cast<int>(s.int64(3));
  e.next_attempt = s.int64(4);
  e.held = s.int64(5) != 0;
  e.last_status = static_cast<int>(s.int64(6));
  return e;
}

std::vector<OutboxEntry> entries(const sql::Database& db, std::string_view where,
                                 std::optional<std::int64_t> now = std::nullopt) {
  sql::Statement s(db, std::string(kColumns) + std::string(where) + " ORDER BY row");
  if (now) s.bind(1, *now);
  std::vector<OutboxEntry> out;
  while (s.step()) out.push_back(entry_from(s));
  return out;
}

// One statement that changes the row with the id bound last.
void update(sql::Database& db, std::string_view set, const std::string& id,
            std::optional<std::int64_t> a = std::nullopt,
            std::optional<std::int64_t> b = std::nullopt) {
  sql::Statement s(db, "UPDATE outbox SET " + std::string(set) + " WHERE id = ?3");
  if (a) s.bind(1, *a);
  if (b) s.bind(2, *b);
  s.bind(3, id);
  s.run();
}

}  // namespace

Outbox::Outbox(const std::filesystem::path& data_dir)
    : db_(file_in(data_dir), sql::Database::Mode::ReadWrite) {
  // WAL with a full sync at every commit: a row that was committed survives a SIGKILL or a power
  // cut, and one that was not leaves no trace; the uploader's connection reads while we write.
  sql::open_durable(db_, kSchema, kSchemaVersion, file_in(data_dir), "outbox");
}

std::filesystem::path Outbox::file_in(const std::filesystem::path& data_dir) {
  return data_dir / "outbox.sqlite";
}

void Outbox::add(const std::string& id, const std::vector<unsigned char>& sealed,
                 std::int64_t created) {
  sql::Statement s(db_,
                   "INSERT INTO outbox (id, sealed, created) VALUES (?1, ?2, ?3) "
                   "ON CONFLICT (id) DO NOTHING");
  s.bind(1, id).bind_blob(2, sealed).bind(3, created);
  s.run();
}

std::vector<OutboxEntry> Outbox::list() const {
  return entries(db_, "");
}

OutboxCounts Outbox::counts() const {
  sql::Statement s(db_, "SELECT count(*), coalesce(sum(held), 0), min(created) FROM outbox");
  OutboxCounts c;
  if (s.step()) {
    c.pending = static_cast<int>(s.int64(0));
    c.held = static_cast<int>(s.int64(1));
    c.oldest_created = s.opt_int64(2);
  }
  return c;
}

std::optional<std::vector<unsigned char>> Outbox::sealed(const std::string& id) const {
  sql::Statement s(db_, "SELECT sealed FROM outbox WHERE id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return s.blob(0);
}

std::vector<OutboxEntry> Outbox::due(std::int64_t now) const {
  return entries(db_, "WHERE held = 0 AND next_attempt <= ?1", now);
}

void Outbox::record_attempt(const std::string& id, int http_status, std::int64_t next_attempt) {
  update(db_, "attempts = attempts + 1, last_status = ?1, next_attempt = ?2", id, http_status,
         next_attempt);
}

void Outbox::hold(const std::string& id, int http_status) {
  update(db_, "attempts = attempts + 1, last_status = ?1, held = 1", id, http_status);
}

void Outbox::release_held() {
  db_.exec("UPDATE outbox SET held = 0, next_attempt = 0 WHERE held = 1");
}

void Outbox::remove(const std::string& id) {
  sql::Statement s(db_, "DELETE FROM outbox WHERE id = ?1");
  s.bind(1, id);
  s.run();
}

}  // namespace kiosk
