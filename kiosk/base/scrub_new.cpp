// The executable's operator new and delete: plain malloc, but every block is zeroed as it is
// freed (kiosk::scrub::free_block), so std::string and container copies of what a resident typed
// do not outlive their owners in the heap. Linked into the kiosk and its tests only, never into
// the core library: replacing these is a whole-program decision.
#include <cstdlib>
#include <new>

#include "kiosk/base/scrub.h"

namespace {

void* allocate(std::size_t bytes) {
  for (;;) {
    if (void* block = std::malloc(bytes == 0 ? 1 : bytes)) return block;
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}

void* allocate_aligned(std::size_t bytes, std::align_val_t alignment) {
  const auto align = static_cast<std::size_t>(alignment);
  // aligned_alloc() wants a size that is a multiple of the alignment.
  const std::size_t rounded = ((bytes == 0 ? 1 : bytes) + align - 1) / align * align;
  for (;;) {
    if (void* block = std::aligned_alloc(align, rounded)) return block;
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}

}  // namespace

void* operator new(std::size_t bytes) {
  return allocate(bytes);
}
void* operator new[](std::size_t bytes) {
  return allocate(bytes);
}
void* operator new(std::size_t bytes, const std::nothrow_t& /*tag*/) noexcept {
  try {
    return allocate(bytes);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t bytes, const std::nothrow_t& /*tag*/) noexcept {
  try {
    return allocate(bytes);
  } catch (...) {
    return nullptr;
  }
}
void* operator new(std::size_t bytes, std::align_val_t alignment) {
  return allocate_aligned(bytes, alignment);
}
void* operator new[](std::size_t bytes, std::align_val_t alignment) {
  return allocate_aligned(bytes, alignment);
}
void* operator new(std::size_t bytes, std::align_val_t alignment,
                   const std::nothrow_t& /*tag*/) noexcept {
  try {
    return allocate_aligned(bytes, alignment);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t bytes, std::align_val_t alignment,
                     const std::nothrow_t& /*tag*/) noexcept {
  try {
    return allocate_aligned(bytes, alignment);
  } catch (...) {
    return nullptr;
  }
}

void operator delete(void* block) noexcept {
  kiosk::scrub::free_block(block);
}
void operator delete[](void* block) noexcept {
  kiosk::scrub::free_block(block);
}
void operator delete(void* block, std::size_t /*bytes*/) noexcept {
  kiosk::scrub::free_block(block);
}
void operator delete[](void* block, std::size_t /*bytes*/) noexcept {
  kiosk::scrub::free_block(block);
}
void operator delete(void* block, const std::nothrow_t& /*tag*/) noexcept {
  kiosk::scrub::free_block(block);
}
void operator delete[](void* block, const std::nothrow_t& /*tag*/) noexcept {
  kiosk::scrub::free_block(block);
}
void operator delete(void* block, std::align_val_t /*alignment*/) noexcept {
  kiosk::scrub::free_block(block);
}
void operator delete[](void* block, std::align_val_t /*alignment*/) noexcept {
  kiosk::scrub::free_block(block);
}
void operator delete(void* block, std::size_t /*bytes*/, std::align_val_t /*alignment*/) noexcept {
  kiosk::scrub::free_block(block);
}
void operator delete[](void* block, std::size_t /*bytes*/,
                       std::align_val_t /*alignment*/) noexcept {
  kiosk::scrub::free_block(block);
}
void operator delete(void* block, std::align_val_t /*alignment*/,
                     const std::nothrow_t& /*tag*/) noexcept {
  kiosk::scrub::free_block(block);
}
void operator delete[](void* block, std::align_val_t /*alignment*/,
                       const std::nothrow_t& /*tag*/) noexcept {
  kiosk::scrub::free_block(block);
}
