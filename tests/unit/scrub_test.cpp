#include "kiosk/base/scrub.h"

#include <gtest/gtest.h>
#include <malloc.h>
#include <sqlite3.h>
#include <unicode/numfmt.h>
#include <unicode/unistr.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace {

TEST(Scrub, FreeBlockTakesAnyMallocBlockAndNull) {
  kiosk::scrub::free_block(nullptr);
  for (std::size_t n : {1u, 24u, 4096u, 1u << 20}) {
    // The deleter is what is tested: it zeroes the block and frees it.
    const std::unique_ptr<void, void (*)(void*) noexcept> block(std::malloc(n),
                                                                kiosk::scrub::free_block);
    ASSERT_NE(block, nullptr);
    std::memset(block.get(), 'x', n);
  }
}

TEST(Scrub, StackScrubReturnsAtAnyDepth) {
  kiosk::scrub::stack();
  kiosk::scrub::stack(0);
  kiosk::scrub::stack(1 << 30);  // capped, not a stack overflow
}

// Free pages in the middle of the heap (blocks freed below one still in use, which free() cannot
// give back) go back to the system.
TEST(Scrub, ReleaseFreeMemoryGivesFreePagesBack) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer's allocator keeps its own pages: malloc_trim has none to give";
#endif
  std::vector<void*> blocks;
  for (int i = 0; i < 256; ++i) {
    blocks.push_back(std::malloc(64 * 1024));  // under the mmap threshold: on the heap
    ASSERT_NE(blocks.back(), nullptr);
    std::memset(blocks.back(), 'x', 64 * 1024);  // resident
  }
  void* const pin = std::malloc(64);  // above them: the heap's top cannot shrink past it
  for (void* b : blocks) kiosk::scrub::free_block(b);
  EXPECT_TRUE(kiosk::scrub::release_free_memory());
  std::free(pin);
}

// The C++ runtime of this test binary is kiosk/scrub_new.cpp: what the standard library asks of
// it (arrays, over-aligned types, nothrow) still works.
TEST(Scrub, ReplacedOperatorNewKeepsItsPromises) {
  struct alignas(64) Wide {
    char bytes[64];
  };
  auto wide = std::make_unique<Wide[]>(3);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(wide.get()) % 64, 0u);
  const std::unique_ptr<int[]> plain(new (std::nothrow) int[10]());
  ASSERT_NE(plain, nullptr);
  EXPECT_EQ(plain[9], 0);
  std::string grown;
  for (int i = 0; i < 1000; ++i) grown += "typed";
  EXPECT_EQ(grown.size(), 5000u);
}

// SQLite on the kiosk's allocator: FTS5 indexes and queries with blocks that grow past the
// moved-by-hand limit, and every byte it allocated comes back.
TEST(Scrub, SqliteWorksOnTheWipingAllocator) {
  if (!kiosk::scrub::install_sqlite_allocator()) {
    GTEST_SKIP() << "SQLite was already in use in this process; ctest runs each test alone";
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  std::unique_ptr<sqlite3, decltype(&sqlite3_close)> owner(db, &sqlite3_close);
  ASSERT_EQ(sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(body)", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_stmt* insert = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "INSERT INTO t(body) VALUES (?)", -1, &insert, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr), SQLITE_OK);
  for (int i = 0; i < 20000; ++i) {
    const std::string body = "cook kitchen line " + std::to_string(i) + " shift";
    sqlite3_bind_text(insert, 1, body.c_str(), -1, SQLITE_TRANSIENT);
    ASSERT_EQ(sqlite3_step(insert), SQLITE_DONE);
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  ASSERT_EQ(sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_stmt* count = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?", -1, &count, nullptr),
            SQLITE_OK);
  sqlite3_bind_text(count, 1, "\"kitch\"*", -1, SQLITE_TRANSIENT);
  ASSERT_EQ(sqlite3_step(count), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(count, 0), 20000);
  sqlite3_finalize(count);
  owner.reset();
  EXPECT_EQ(sqlite3_memory_used(), 0);
}

// ICU on the kiosk's allocator: formatting still works (and ASan sees its blocks come back).
TEST(Scrub, IcuWorksOnTheWipingAllocator) {
  if (!kiosk::scrub::install_icu_allocator()) {
    GTEST_SKIP() << "ICU was already in use in this process; ctest runs each test alone";
  }
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<icu::NumberFormat> money(
      icu::NumberFormat::createCurrencyInstance(icu::Locale("es_US"), status));
  ASSERT_TRUE(U_SUCCESS(status));
  icu::UnicodeString text;
  money->format(52000.0, text);
  std::string utf8;
  text.toUTF8String(utf8);
  EXPECT_NE(utf8.find("52"), std::string::npos) << utf8;
}

}  // namespace
