// RAII over SQLite (in the manner of SQLiteCpp): a Database owns the connection, a Statement its
// prepared statement, a Transaction rolls back unless commit() ran. Errors at I/O boundaries are
// thrown as SqliteError with SQLite's message; destructors never throw.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace kiosk::sql {

class SqliteError : public std::runtime_error {
 public:
  SqliteError(int code, const std::string& what) : std::runtime_error(what), code_(code) {}
  int code() const { return code_; }
  bool disk_full() const;  // SQLITE_FULL: the disk (or the log) took no more

 private:
  int code_;
};

class Database {
 public:
  enum class Mode { ReadWrite, ReadOnly };
  // Opens (creating when ReadWrite) the file; ":memory:" works for tests.
  Database(const std::filesystem::path& file, Mode mode);
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void exec(std::string_view sql);  // one or more statements, no results
  std::int64_t last_insert_rowid() const;
  int changes() const;
  int user_version();
  void set_user_version(int version);
  sqlite3* handle() const { return db_.get(); }

 private:
  struct Closer {
    void operator()(sqlite3* db) const;
  };
  std::unique_ptr<sqlite3, Closer> db_;
};

class Statement {
 public:
  Statement(const Database& db, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binds by 1-based index. Text is copied (SQLITE_TRANSIENT).
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::string& value) {
    return bind(index, std::string_view(value));
  }
  Statement& bind_null(int index);
  Statement& bind_blob(int index, const std::vector<unsigned char>& bytes);  // copied
  Statement& bind_blob(int index, std::string_view bytes);                   // copied
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind_null(index);
  }

  bool step();   // true while a row is available
  void run();    // steps to the end, for statements without results
  void reset();  // ready to run again with new bindings (bindings are cleared)

  bool is_null(int column) const;
  std::int64_t int64(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  std::vector<unsigned char> blob(int column) const;
  std::optional<std::int64_t> opt_int64(int column) const;
  std::optional<double> opt_real(int column) const;

 private:
  struct Finalizer {
    void operator()(sqlite3_stmt* stmt) const;
  };
  sqlite3* db_ = nullptr;
  std::unique_ptr<sqlite3_stmt, Finalizer> stmt_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK in the destructor unless commit() succeeded.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

// A small file of the kiosk's own (the outbox, the usage figures): WAL with a full sync at every
// commit, so a committed write survives a SIGKILL or a power cut and an unfinished one leaves no
// trace; then `schema` is made at `version` (user_version). A file from a newer kiosk is refused
// with a SqliteError naming `file` and `what`.
void open_durable(Database& db, std::string_view schema, int version,
                  const std::filesystem::path& file, std::string_view what);

}  // namespace kiosk::sql
