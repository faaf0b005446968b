// Leaving no copy of what a resident typed in the kiosk's memory. wipe() (kiosk/wipe.h) clears the
// strings the kiosk knows about; this file covers the copies it does not see: blocks the C++
// runtime and SQLite free (zeroed before they go back to malloc, so a later dump or allocation
// cannot read them) and the unused depths of a thread's stack, where short strings live.
#pragma once

#include <cstddef>

namespace kiosk::scrub {

// Overwrites the whole usable size of a live malloc() block, then frees it. Null is ignored.
void free_block(void* block) noexcept;

// realloc() that never leaves an unzeroed copy behind: a block that must move is copied by hand
// and the old one goes through free_block(). Null and zero sizes behave as with realloc().
void* realloc_block(void* block, std::size_t bytes) noexcept;

// Routes SQLite's allocations through malloc with free_block() on release and turns off its
// per-connection lookaside slots (reused without ever being freed). Must run before the first
// SQLite call of the process; returns false (and changes nothing) when SQLite is already in use.
bool install_sqlite_allocator() noexcept;

// The same for ICU (which formats and folds text): its freed memory zeroed. Must run before the
// first ICU call; false when ICU is already in use.
bool install_icu_allocator() noexcept;

// Zeroes `bytes` of the calling thread's stack below the caller's frame: the frames of functions
// that have returned (a search, a keystroke) keep their locals there until something reuses it.
void stack(std::size_t bytes = std::size_t{64} * 1024) noexcept;

// Hands the heap's free pages back to the system (glibc's malloc_trim): blocks freed during a
// session or staff's visit, zeroed by free_block(), otherwise stay in the process, and a big one
// freed below a live one keeps its pages for ever. Called whenever the kiosk comes to rest, this
// keeps a kiosk that runs for months at the size of what it holds (the soak, tests/e2e/soak.sh:
// without it the resident set grew 6 % over a day). True when pages went back.
bool release_free_memory() noexcept;

// What malloc holds, from glibc's mallinfo2(): in use by live blocks, free in its lists (some
// of those pages may already be back with the system after release_free_memory()), and in
// blocks with pages of their own. The soak logs it at rest to tell a leak (in use grows) from a
// heap that spreads out (free grows).
struct HeapFigures {
  std::size_t in_use = 0;
  std::size_t free = 0;
  std::size_t mapped = 0;
};
HeapFigures heap_figures() noexcept;

// Blocks of 128 KB and more get pages of their own (mmap), returned to the system the moment
// they are freed: glibc otherwise raises that threshold after the first big free, and later big
// blocks (a screenshot, a feed's text, the font atlas) land in the heap, where zeroing keeps
// their pages resident after free. Call once, first thing.
void keep_big_blocks_apart() noexcept;

}  // namespace kiosk::scrub
