// The screen registry: every screen the kiosk registers has a unique stable name, its words in
// both languages, and the home screen's tiles come from it in order.
#include "ui/screens/screen_registry.h"
#include "kiosk/staff/staff_desk.h"
#include "ui/screens/staff_panel_screen.h"

#include <filesystem>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "kiosk/base/run_queue.h"
#include "kiosk/i18n/i18n.h"
#include "kiosk/search/listings_reader.h"
#include "kiosk/session/visit.h"
#include "kiosk/signup/signup_service.h"
#include "tests/unit/catalogs.h"
#include "ui/screens/listing_spec.h"

namespace ui {
namespace {

struct Registered {
  Registered() {
    dir = std::filesystem::temp_directory_path() / "screen_registry_test";
    std::filesystem::create_directories(dir);
    register_screens(screens, services);
  }
  ~Registered() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  std::filesystem::path dir;
  kiosk::RunQueue queue;
  kiosk::Visit visit;
  kiosk::ListingsReader reader{dir, queue};
  kiosk::SignupService signup{{}, dir, queue};
  kiosk::Clock clock;
  kiosk::staff::StaffDesk staff{dir, "", clock, queue, [] { return std::int64_t{0}; }};
  StaffLink link;
  ScreenServices services{visit, reader, signup, staff, link};
  ScreenRegistry screens;
};

using kiosk::testing::catalogs;

void expect_key(std::string_view key, std::string_view where) {
  ASSERT_FALSE(key.empty()) << where << ": no message key";
  for (const auto lang : {kiosk::Language::En, kiosk::Language::Es}) {
    EXPECT_TRUE(catalogs().has(lang, key))
        << where << ": " << key << " missing in " << kiosk::language_code(lang);
  }
}

TEST(ScreenRegistry, EveryScreenHasAUniqueNameAndItsWordsInBothLanguages) {
  Registered r;
  std::set<std::string, std::less<>> names;
  for (const auto& screen : r.screens.all()) {
    const ScreenInfo& info = screen->info();
    EXPECT_TRUE(names.insert(std::string(info.name)).second) << "twice: " << info.name;
    expect_key(info.speech_intro.key, info.name);
    if (info.tile) {
      EXPECT_TRUE(info.tile->id.starts_with("home.")) << info.tile->id;
      expect_key(info.tile->title.key, info.name);
      expect_key(info.tile->subtitle.key, info.name);
    }
  }
  for (const auto* needed : {"home", "attract", "help", "mylist", "jobs.search", "jobs.detail",
                             "programs.search", "programs.detail", "programs.explain"}) {
    EXPECT_NE(r.screens.find(needed), nullptr) << needed;
  }
}

TEST(ScreenRegistry, TilesFollowTheirOrderAndTheHomeScreenIsTheFallback) {
  Registered r;
  const auto tiles = r.screens.tiles();
  ASSERT_GE(tiles.size(), 3u);
  EXPECT_EQ(tiles.front()->info().tile->id, "home.jobs");
  EXPECT_EQ(tiles[1]->info().tile->id, "home.programs");
  EXPECT_EQ(tiles.back()->info().tile->id, "home.help");
  for (std::size_t i = 1; i < tiles.size(); ++i) {
    EXPECT_LE(tiles[i - 1]->info().tile->order, tiles[i]->info().tile->order);
  }
  EXPECT_EQ(r.screens.at("no.such.screen").name(), "home");
}

TEST(ListingSpecs, EveryWordFilterAndLinkIsInBothLanguages) {
  for (const ListingSpec* spec : {&jobs_spec(), &programs_spec()}) {
    const std::string where(spec->prefix);
    const ListingWords& w = spec->words;
    for (const kiosk::MsgKey key : {w.placeholder,
                                    w.count,
                                    w.count_more,
                                    w.offline,
                                    w.browse_heading,
                                    w.browse_newest,
                                    w.more,
                                    w.filters_done,
                                    w.filters_done_plain,
                                    w.empty_title,
                                    w.empty_shorter,
                                    w.empty_tips,
                                    w.empty_no_listings,
                                    w.empty_no_listings_hint,
                                    w.position,
                                    w.loading,
                                    w.missing,
                                    w.qr_hint,
                                    w.similar,
                                    w.detail_intro}) {
      expect_key(key.key, where);
    }
    std::set<std::string> chips;
    for (const auto& group : spec->filters) {
      expect_key(group.heading.key, where);
      for (const auto& chip : group.chips) {
        EXPECT_TRUE(chips.insert(std::string(chip.key) + "=" + std::string(chip.value)).second);
        expect_key(chip.label.key, where);
      }
    }
    for (const auto& sort : spec->sorts) expect_key(sort.label.key, where);
    for (const auto& link : spec->links) {
      expect_key(link.label.key, where);
      EXPECT_TRUE(link.id.starts_with(spec->prefix)) << link.id;
    }
    EXPECT_NE(spec->card, nullptr);
    EXPECT_NE(spec->detail, nullptr);
    EXPECT_EQ(detail_screen_for(spec->kind), spec->screen("detail"));
  }
}

}  // namespace
}  // namespace ui
