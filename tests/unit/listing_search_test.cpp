#include "kiosk/search/listing_search.h"

#include <atomic>
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "kiosk/base/wipe.h"
#include "kiosk/base/worker.h"
#include "kiosk/session/visit.h"

namespace kiosk {
namespace {

TEST(FilterSet, ChipsToggleOneValuePerKeyButManyJobTypes) {
  FilterSet f;
  f.toggle("industry", "health");
  f.toggle("industry", "technology");  // replaces health: one industry at a time
  EXPECT_FALSE(f.active("industry", "health"));
  EXPECT_TRUE(f.active("industry", "technology"));
  f.toggle("type", "part_time");
  f.toggle("type", "temporary");  // job types add up
  EXPECT_TRUE(f.active("type", "part_time"));
  EXPECT_TRUE(f.active("type", "temporary"));
  EXPECT_EQ(f.size(), 3u);
  f.toggle("type", "part_time");  // a second tap turns it off
  EXPECT_FALSE(f.active("type", "part_time"));
  f.clear();
  EXPECT_TRUE(f.empty());
}

TEST(FilterSet, AppliesAsTheSearchFilterContract) {
  FilterSet f;
  f.toggle("industry", "health");
  f.toggle("type", "part_time");
  f.toggle("type", "temporary");
  f.toggle("workplace", "remote");
  f.toggle("no_degree", "true");
  f.toggle("min_pay", "20");
  f.toggle("posted_days", "7");
  SearchQuery q;
  f.apply(q);
  EXPECT_EQ(q.industry, Industry::Health);
  EXPECT_EQ(q.employment_types, kPartTime | kTemporary);
  EXPECT_EQ(q.workplace, Workplace::Remote);
  EXPECT_TRUE(q.no_degree);
  EXPECT_EQ(q.min_pay_hourly, 20.0);
  EXPECT_EQ(q.posted_days, 7);
}

TEST(ListingSearch, BrowsingUntilSomethingIsTypedOrChosen) {
  ListingSearch s;
  EXPECT_TRUE(s.browsing());
  s.text = "   ";
  EXPECT_TRUE(s.browsing());
  s.text = "cook";
  EXPECT_FALSE(s.browsing());
  const SearchQuery q = s.query(Language::Es, 1000, 30);
  EXPECT_EQ(q.text, "cook");
  EXPECT_EQ(q.language, Language::Es);
  EXPECT_EQ(q.limit, 30);
  EXPECT_EQ(q.now, 1000);
  s.text.clear();
  s.filters.toggle("industry", "health");
  EXPECT_FALSE(s.browsing());
}

TEST(ListingSearch, QueriesItsOwnKind) {
  ListingSearch s(ListingKind::Program);
  EXPECT_EQ(s.query(Language::En, 0, 10).kind, ListingKind::Program);
}

TEST(ListingSearch, ClearForgetsEverything) {
  ListingSearch s;
  s.text = "enfermera";
  s.filters.toggle("type", "part_time");
  s.sort = SortOrder::Pay;
  s.has_results = true;
  s.results.hits.push_back({});
  s.clear();
  EXPECT_TRUE(s.text.empty());
  EXPECT_TRUE(s.filters.empty());
  EXPECT_EQ(s.sort, SortOrder::Relevance);
  EXPECT_FALSE(s.has_results);
  EXPECT_TRUE(s.results.hits.empty());
}

TEST(Visit, WipeLeavesNothingOfAnyPart) {
  Visit visit;
  EXPECT_TRUE(visit.empty());
  for (const auto kind : {ListingKind::Job, ListingKind::Program, ListingKind::Event,
                          ListingKind::Service, ListingKind::Faq}) {
    ListingSearch& s = visit.search(kind);
    EXPECT_EQ(s.kind(), kind);
    s.text = "enfermera";
    s.filters.toggle("industry", "health");
    s.sort = SortOrder::Newest;
    s.results.total = 3;
    s.results.hits.push_back({});
    s.has_results = true;
    visit.wipe();
    EXPECT_TRUE(visit.empty()) << static_cast<int>(kind);
    EXPECT_EQ(s.kind(), kind);  // a wiped search still searches its own kind
  }
  visit.saved.add({ListingKind::Job, 7, {"Cook", "Cocinero"}, "Seaside", "https://e.org/7"});
  visit.saved.add({ListingKind::Program, 8, {"Welding", "Soldadura"}, "MDC", "https://e.org/8"});
  EXPECT_FALSE(visit.empty());
  visit.wipe();
  EXPECT_TRUE(visit.empty());
  EXPECT_EQ(visit.saved.size(), 0u);
  // The sign-up being filled in goes with the visit.
  visit.signup.first_name = "Iñaki";
  visit.signup.phone = "305 555 0123";
  visit.signup.skills = {"cooking"};
  visit.signup.record_shown(sms_consent(), Language::Es, 100);
  EXPECT_FALSE(visit.empty());
  visit.wipe();
  EXPECT_TRUE(visit.empty());
  EXPECT_TRUE(visit.signup.first_name.empty());
}

TEST(SavedList, KeepsEachListingOnceAndForgetsOnClear) {
  SavedList list;
  list.add({ListingKind::Job, 7, {"Cook", "Cocinero"}, "Seaside", "https://e.org/7"});
  list.add({ListingKind::Job, 7, {"Cook", "Cocinero"}, "Seaside", "https://e.org/7"});
  list.add({ListingKind::Job, 9, {"Driver", ""}, "Metro", "https://e.org/9"});
  EXPECT_EQ(list.size(), 2u);
  EXPECT_TRUE(list.contains(ListingKind::Job, 7));
  EXPECT_FALSE(list.contains(ListingKind::Program, 7));  // another kind, another listing
  list.remove(ListingKind::Job, 7);
  EXPECT_FALSE(list.contains(ListingKind::Job, 7));
  EXPECT_EQ(list.size(), 1u);
  list.clear();
  EXPECT_EQ(list.size(), 0u);
}

TEST(Wipe, EmptiesTheString) {
  std::string typed = "enfermera en Hialeah";
  wipe(typed);
  EXPECT_TRUE(typed.empty());
}

TEST(Worker, RunsTasksInOrderAndTheNewestTaggedTaskReplacesAPendingOne) {
  Worker worker;
  std::atomic<bool> release{false};
  std::vector<int> ran;
  std::mutex mutex;
  worker.post([&] {
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  });
  for (int i = 1; i <= 5; ++i) {
    worker.post(
        [&, i] {
          std::lock_guard lock(mutex);
          ran.push_back(i);
        },
        "search");
  }
  worker.post([&] {
    std::lock_guard lock(mutex);
    ran.push_back(100);
  });
  release = true;
  worker.drain();
  std::lock_guard lock(mutex);
  EXPECT_EQ(ran, (std::vector<int>{5, 100}));  // "enf", "enfe"… only the newest search ran
}

TEST(Worker, StopsWithTasksPending) {
  std::atomic<int> ran{0};
  {
    Worker worker;
    worker.post([&] { std::this_thread::sleep_for(std::chrono::milliseconds(20)); });
    for (int i = 0; i < 100; ++i) worker.post([&] { ++ran; });
  }  // the destructor lets the running task finish and drops the rest
  EXPECT_LT(ran.load(), 100);
}

}  // namespace
}  // namespace kiosk
