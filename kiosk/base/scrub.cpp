#include "kiosk/base/scrub.h"

#include <malloc.h>
#include <sqlite3.h>
#include <unicode/uclean.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>

namespace kiosk::scrub {

void free_block(void* block) noexcept {
  if (block == nullptr) return;
  explicit_bzero(block, malloc_usable_size(block));
  std::free(block);
}

void* realloc_block(void* block, std::size_t bytes) noexcept {
  if (block == nullptr) return std::malloc(bytes);
  if (bytes == 0) {
    free_block(block);
    return nullptr;
  }
  const std::size_t had = malloc_usable_size(block);
  if (bytes <= had) return block;
  void* moved = std::malloc(bytes);
  if (moved == nullptr) return nullptr;  // the old block stays valid, as with realloc()
  std::memcpy(moved, block, had);
  free_block(block);
  return moved;
}

namespace {

void* sqlite_malloc(int bytes) {
  return std::malloc(static_cast<std::size_t>(bytes));
}

void sqlite_free(void* block) {
  free_block(block);
}

int sqlite_size(void* block) {
  return static_cast<int>(malloc_usable_size(block));
}

// Above this size a growing block is index data being assembled (FTS5 doclists of a common
// word reach megabytes), never a copy of typed text (the search box holds 120 bytes): realloc()
// grows it. Moving those by hand doubled the slowest searches (p99 10 -> 20 ms, BENCHMARKS.md).
constexpr std::size_t kMovedByHandUpTo = 4096;

// realloc() may move a block and free the old one unwiped: small ones are moved by hand.
void* sqlite_realloc(void* block, int bytes) {
  const auto wanted = static_cast<std::size_t>(bytes);
  if (malloc_usable_size(block) > kMovedByHandUpTo) return std::realloc(block, wanted);
  return realloc_block(block, wanted);
}

int sqlite_roundup(int bytes) {
  return (bytes + 7) & ~7;
}

int sqlite_init(void* /*app_data*/) {
  return SQLITE_OK;
}

void sqlite_shutdown(void* /*app_data*/) {}

}  // namespace

bool install_sqlite_allocator() noexcept {
  static const sqlite3_mem_methods methods = {sqlite_malloc,   sqlite_free,    sqlite_realloc,
                                              sqlite_size,     sqlite_roundup, sqlite_init,
                                              sqlite_shutdown, nullptr};
  if (sqlite3_config(SQLITE_CONFIG_MALLOC, &methods) != SQLITE_OK) return false;
  // Lookaside slots are recycled inside a connection and never reach xFree.
  return sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 0, 0) == SQLITE_OK;
}

bool install_icu_allocator() noexcept {
  UErrorCode status = U_ZERO_ERROR;
  u_setMemoryFunctions(
      nullptr, [](const void* /*context*/, std::size_t bytes) { return std::malloc(bytes); },
      [](const void* /*context*/, void* block, std::size_t bytes) {
        return realloc_block(block, bytes);
      },
      [](const void* /*context*/, void* block) { free_block(block); }, &status);
  return U_SUCCESS(status) != 0;
}

__attribute__((noinline)) void stack(std::size_t bytes) noexcept {
  // A fixed ceiling keeps the frame bounded. The stack grows down, so the bytes nearest the
  // caller (where the deepest recent frames were) are the array's last ones.
  constexpr std::size_t kMax = std::size_t{256} * 1024;
  char area[kMax];
  const std::size_t n = std::min(bytes, kMax);
  explicit_bzero(area + (kMax - n), n);
  // Keep the compiler from treating the area as dead.
  asm volatile("" : : "r"(area) : "memory");
}

void keep_big_blocks_apart() noexcept {
  ::mallopt(M_MMAP_THRESHOLD, 128 * 1024);
}

bool release_free_memory() noexcept {
  return malloc_trim(0) == 1;
}

HeapFigures heap_figures() noexcept {
  const struct mallinfo2 m = ::mallinfo2();
  return {m.uordblks, m.fordblks, m.hblkhd};
}

}  // namespace kiosk::scrub
