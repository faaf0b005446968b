// The kiosk's message catalogs (locales/), loaded once for the tests that check words on screens.
#pragma once

#include <filesystem>

#include <gtest/gtest.h>

#include "kiosk/i18n/i18n.h"

namespace kiosk::testing {

inline Translator& catalogs() {
  static Translator tr;
  static const bool loaded = [] {
    const auto error = tr.load(std::filesystem::path(KIOSK_SOURCE_DIR) / "locales");
    EXPECT_FALSE(error) << *error;
    return true;
  }();
  (void)loaded;
  return tr;
}

}  // namespace kiosk::testing
