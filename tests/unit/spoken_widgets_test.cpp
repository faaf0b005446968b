// Speech mode reads the widget registry (issue 17): every widget a resident can reach by keypad
// must have something to say in both languages and a role. Every registered screen is drawn
// headless with the kiosk's fonts and theme, with a listings cache built from the bundled
// sample feeds, in English and Spanish, landscape and portrait; the questions drawn over
// screens and the on-screen keyboard too. Each reachable widget is held to what speech says of
// it (kiosk/access/navigator.h: describe()).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <imgui.h>

#include "kiosk/access/navigator.h"
#include "kiosk/base/run_queue.h"
#include "kiosk/config/config.h"
#include "kiosk/i18n/i18n.h"
#include "kiosk/input/registry.h"
#include "kiosk/search/listings_reader.h"
#include "kiosk/session/visit.h"
#include "kiosk/signup/form.h"
#include "kiosk/signup/signup_service.h"
#include "kiosk/staff/staff_desk.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/status.h"
#include "kiosk/sync/sync.h"
#include "tests/unit/catalogs.h"
#include "tests/unit/signup_test_support.h"
#include "tests/unit/temp_dir.h"
#include "ui/fonts.h"
#include "ui/metrics.h"
#include "ui/screens/screen_registry.h"
#include "ui/screens/session_warning.h"
#include "ui/screens/staff_panel_screen.h"
#include "ui/text_input.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace ui {
namespace {

using kiosk::Language;
using kiosk::ListingKind;
using kiosk::Role;
using kiosk::WidgetInfo;
using namespace kiosk::literals;

constexpr std::int64_t kNow = 1796644800;  // 2026-12-07, inside the sample feeds' dates
constexpr Language kLanguages[] = {Language::En, Language::Es};

// The listings cache every screen reads, synced once from the bundled sample feeds.
struct Cache {
  kiosk::testing::TempDir dir;
  kiosk::ListingsStatus status;
  std::map<ListingKind, std::int64_t> first_key;  // a real listing of each kind
  kiosk::SavedItem saved;                         // one for "My list"
};

Cache* build_cache() {
  auto cache = std::make_unique<Cache>();
  kiosk::Store store(cache->dir.path(), kiosk::Store::Mode::Writer);
  kiosk::SyncOptions options;
  options.now = [] { return kNow; };
  options.vocabulary_file =
      std::filesystem::path(KIOSK_SOURCE_DIR) / "assets" / "vocabulary" / "occupations.json";
  const auto outcomes =
      kiosk::sync_all(store,
                      {{"file:assets/sample/jobs.jsonld", ListingKind::Job},
                       {"file:assets/sample/programs.jsonld", ListingKind::Program},
                       {"file:assets/sample/events.jsonld", ListingKind::Event},
                       {"file:assets/sample/services.jsonld", ListingKind::Service},
                       {"file:assets/sample/faq.jsonld", ListingKind::Faq}},
                      options);
  for (const auto& o : outcomes) {
    EXPECT_EQ(o.status, kiosk::FeedOutcome::Status::Updated) << o.url << ": " << o.error;
  }
  cache->status = kiosk::listings_status(store, outcomes, kNow);
  for (const ListingKind kind :
       {ListingKind::Job, ListingKind::Program, ListingKind::Event, ListingKind::Service}) {
    kiosk::SearchQuery q;
    q.kind = kind;
    q.now = kNow;
    q.limit = 1;
    const kiosk::SearchResult r = store.search(q);
    EXPECT_FALSE(r.hits.empty()) << "no sample listing of kind " << static_cast<int>(kind);
    if (r.hits.empty()) continue;
    cache->first_key[kind] = r.hits.front().key;
    if (kind == ListingKind::Job) {
      cache->saved = {kind,
                      r.hits.front().key,
                      {r.hits.front().title, r.hits.front().title},
                      r.hits.front().org,
                      "https://workforce.miami/"};
    }
  }
  return cache.release();
}

using kiosk::testing::catalogs;

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

// A message key shown as it is ("jobs.filter.part_time"), not a web address ("workforce.miami").
bool looks_like_key(const std::string& text) {
  static const std::regex key(R"(^[a-z_]+(\.[a-z_0-9]+)+$)");
  if (!std::regex_match(text, key)) return false;
  static const std::set<std::string, std::less<>> domains = {"com", "org", "gov",  "net",
                                                             "edu", "us",  "miami"};
  const std::string_view last = std::string_view(text).substr(text.rfind('.') + 1);
  return !domains.contains(last) && !text.starts_with("www.");
}

// The role word describe() ends with, for the roles that have one (empty: none).
std::vector<kiosk::MsgKey> role_words(Role role) {
  switch (role) {
    case Role::Button:
    case Role::Tile:
      return {"speech.role.button"_msg};
    case Role::Heading:
      return {"speech.role.heading"_msg};
    case Role::Image:
      return {"speech.role.image"_msg};
    case Role::TextField:
      return {"speech.role.text_field"_msg};
    case Role::Toggle:
      return {"speech.role.filter"_msg, "speech.role.option"_msg};
    case Role::Text:
    case Role::Region:
      break;
  }
  return {};
}

// What a speech user can reach in a frame: the navigator's items (kiosk/access/navigator.h).
bool reachable(const WidgetInfo& w, bool typing) {
  if (w.covered || w.rect.empty() || w.role == Role::Region) return false;
  return typing || !w.id.starts_with("osk.");
}

// One page's frame in one language: its reachable widgets by id.
struct Drawn {
  std::map<std::string, WidgetInfo> by_id;
  bool typing = false;  // the on-screen keyboard was open
};

// One route of one screen, drawn at one display size.
struct Page {
  enum class Over { Nothing, EndQuestion, SessionWarning, LeaveQuestion };
  Page(std::string name, kiosk::Route to, Over drawn_over = Over::Nothing, bool typing = false)
      : screen(std::move(name)), route(std::move(to)), over(drawn_over), type(typing) {}

  std::string screen;
  kiosk::Route route;
  Over over = Over::Nothing;
  bool type = false;    // tap the first text field, so the on-screen keyboard shows
  bool filled = false;  // a sign-up form filled in whole
  // Buttons to tap in turn first (a route a tap opens on this screen is followed), and a widget
  // the page they lead to must show.
  std::vector<std::string> taps;
  std::string expect_id;
  std::string label() const {
    std::string s = route.screen;
    if (!route.topic.empty()) s += " [" + route.topic + "]";
    if (route.listing) s += " #" + std::to_string(route.listing->key);
    if (over == Over::EndQuestion) s += " + end question";
    if (over == Over::SessionWarning) s += " + still there?";
    if (over == Over::LeaveQuestion) s += " + leave question";
    if (type) s += " + keyboard";
    if (filled) s += " filled";
    for (const auto& id : taps) s += " > " + id;
    return s;
  }
};

class SpokenWidgets : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { cache_ = build_cache(); }
  static void TearDownTestSuite() {
    delete cache_;
    cache_ = nullptr;
  }

  void SetUp() override {
    context_ = ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    link_.queue = &queue_;
    link_.data_dir = cache_->dir.path();
    link_.started = kNow;
    register_screens(screens_, services_);
  }
  void TearDown() override {
    reader_.drain();
    queue_.drain();
    ImGui::DestroyContext(context_);
  }

  void use_display(int width, int height) {
    width_ = width;
    height_ = height;
    metrics_ = metrics_for(width, height);
    ASSERT_TRUE(build_fonts(fonts_, metrics_.em_px));
    unsigned char* pixels = nullptr;
    int w = 0;
    int h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    apply_theme(palette(), metrics_.em_px);
  }

  // One frame of `screen` as ui/app.cpp draws it, with the pointer at `mouse`.
  void frame(Screen& screen, const Page& page, ImVec2 mouse = {-1000, -1000}, bool down = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width_), static_cast<float>(height_));
    io.DeltaTime = 1.0f / 60;
    io.MousePos = mouse;
    io.MouseDown[0] = down;
    ImGui::NewFrame();
    Ui ui{.metrics = metrics_,
          .palette = palette(),
          .fonts = fonts_,
          .tr = catalogs(),
          .registry = registry_,
          .config = config_,
          .intents = intents_,
          .listings = cache_->status,
          .input = input_,
          .printer = nullptr,
          .now = kNow,
          .clock_now = clock_.now(),
          .delta_seconds = io.DeltaTime,
          .wants_animation_frame = false,
          .wake_at = std::nullopt,
          .busy = false,
          .keyboard_metrics = &metrics_,
          .access = nullptr,
          .speech = &speech_,  // speech on: the speech bar shows, as in speech mode
          .screens = &screens_,
          .end_question = &end_question_,
          .usage = nullptr,
          .staff = &staff_};
    end_question_ = page.over == Page::Over::EndQuestion;
    registry_.begin_frame();
    ImGui::PushFont(fonts_.body);
    screen.draw(ui);
    if (page.over == Page::Over::LeaveQuestion && screen.leave_question() != nullptr) {
      ask(ui, *screen.leave_question());
    }
    if (page.over == Page::Over::SessionWarning) draw_session_warning(ui, 25);
    ImGui::PopFont();
    registry_.end_frame();
    ImGui::Render();
    busy_ = ui.busy;
    for (const auto& intent : intents_) {
      if (intent.kind == kiosk::Intent::Kind::Open) opened_.push_back(intent.route);
    }
    intents_.clear();  // the screens stay where the test puts them
  }

  // Frames until the screen waits for nothing: the reader's answers and the panel's have come
  // back through the RunQueue and been drawn.
  void settle(Screen& screen, const Page& page) {
    for (int i = 0; i < 400; ++i) {
      frame(screen, page);
      reader_.drain();
      const std::size_t ran = queue_.drain();
      if (i >= 3 && !busy_ && ran == 0) {
        frame(screen, page);  // the frame that shows the last answer
        return;
      }
      if (busy_ && ran == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ADD_FAILURE() << page.label() << ": still busy after 400 frames";
  }

  // The visible widget `id`; "prefix.*": the first visible one whose id starts with "prefix.".
  const WidgetInfo* find(std::string_view id) const {
    if (!id.ends_with(".*")) return registry_.find(id);
    id.remove_suffix(1);
    const auto& widgets = registry_.widgets();
    const auto it = std::ranges::find_if(widgets, [&](const WidgetInfo& w) {
      return w.id.starts_with(id) && !w.covered && !w.rect.empty();
    });
    return it == widgets.end() ? nullptr : &*it;
  }

  // A tap as the input layer delivers it, twice: with speech on, the first tap selects.
  void tap(Screen& screen, const Page& page, const WidgetInfo& w) {
    const ImVec2 at(w.rect.centre_x(), w.rect.centre_y());
    for (int i = 0; i < 2 && !input_.active(); ++i) {
      frame(screen, page, at, false);
      frame(screen, page, at, true);
      frame(screen, page, at, false);
    }
  }

  // Draws the page in one language; checks every reachable widget and returns them by id.
  Drawn check_page(const Page& page, Language lang, int* checked) {
    kiosk::Translator& tr = catalogs();
    tr.set_language(lang);
    Screen& screen = screens_.at(page.screen);
    screen.reset();
    input_.blur();
    speech_ = SpeechFocus{};
    speech_.on = true;
    if (page.screen == "mylist") visit_.saved.add(cache_->saved);
    if (page.over == Page::Over::LeaveQuestion) visit_.signup.first_name = "Ana";  // to lose
    if (page.filled) visit_.signup = kiosk::testing::complete_signup_form();
    screen.on_open(page.route, false);
    settle(screen, page);
    for (const std::string& id : page.taps) {
      const WidgetInfo* button = find(id);
      EXPECT_NE(button, nullptr) << page.label() << ": no " << id << " to tap";
      if (button == nullptr) break;
      opened_.clear();
      const WidgetInfo target = *button;
      tap(screen, page, target);
      settle(screen, page);
      for (const kiosk::Route& route : opened_) {
        if (route.screen != page.screen) continue;
        screen.on_open(route, false);
        settle(screen, page);
      }
    }
    if (!page.expect_id.empty()) {
      EXPECT_NE(registry_.find(page.expect_id), nullptr)
          << page.label() << ": no " << page.expect_id;
    }
    if (page.type) {
      const auto& widgets = registry_.widgets();
      const auto field = std::find_if(widgets.begin(), widgets.end(), [](const WidgetInfo& w) {
        return w.role == Role::TextField && !w.covered && !w.rect.empty();
      });
      EXPECT_NE(field, widgets.end()) << page.label() << ": no text field to type in";
      if (field != widgets.end()) {
        const WidgetInfo target = *field;
        tap(screen, page, target);
        EXPECT_TRUE(input_.active())
            << page.label() << ": tapping " << target.id << " gave no focus";
        settle(screen, page);
      }
    }
    const bool typing = input_.active();
    const std::string where = page.label() + " (" + std::string(kiosk::language_code(lang)) + ", " +
                              std::to_string(width_) + "x" + std::to_string(height_) + ")";
    Drawn drawn{.by_id = {}, .typing = typing};
    int keys = 0;
    for (const WidgetInfo& w : registry_.widgets()) {
      if (!reachable(w, typing)) continue;
      ++*checked;
      if (w.id.starts_with("osk.")) ++keys;
      const std::string what = where + ": " + std::string(kiosk::role_name(w.role)) + " '" + w.id +
                               "' \"" + w.text + "\"";
      if (kiosk::interactive(w.role)) {
        EXPECT_FALSE(w.id.empty()) << what << " has no id";
      }
      EXPECT_FALSE(trimmed(w.text).empty()) << what << " has no text to say";
      EXPECT_FALSE(looks_like_key(std::string(trimmed(w.text))))
          << what << " shows a message key, not its words";
      const std::string said = kiosk::describe(w, tr);
      EXPECT_FALSE(trimmed(said).empty()) << what << ": speech says nothing";
      const auto words = role_words(w.role);
      if (!words.empty()) {
        std::string_view rest = said;
        for (const kiosk::MsgKey state :
             {"speech.state.selected"_msg, "speech.state.not_selected"_msg}) {
          const std::string suffix = ", " + tr.text(state);
          if (w.role == Role::Toggle && rest.ends_with(suffix)) rest.remove_suffix(suffix.size());
        }
        const bool has_role = std::ranges::any_of(
            words, [&](kiosk::MsgKey word) { return rest.ends_with(", " + tr.text(word)); });
        EXPECT_TRUE(has_role) << what << ": speech says \"" << said << "\", without its role";
      }
      if (!w.id.empty()) drawn.by_id.emplace(w.id, w);
    }
    if (page.type) {
      EXPECT_GT(keys, 10) << where << ": the on-screen keyboard's keys were not read";
    }
    input_.blur();
    tr.set_language(Language::En);
    return drawn;
  }

  // Every page of every registered screen, at one display size.
  std::vector<Page> pages() const {
    std::vector<Page> out;
    for (const auto& screen : screens_.all()) {
      const std::string name(screen->name());
      out.push_back({name, kiosk::Route{name, {}, {}}});
    }
    const auto detail = [&](const std::string& name, ListingKind kind) {
      kiosk::Route route{name, kiosk::ListingRef{kind, cache_->first_key.at(kind), {}}, {}};
      out.push_back({name, route});
    };
    detail("jobs.detail", ListingKind::Job);
    detail("programs.detail", ListingKind::Program);
    detail("events.detail", ListingKind::Event);
    detail("services.detail", ListingKind::Service);
    for (const char* topic : {"ojt", "internship"}) {
      out.push_back({"programs.explain", kiosk::Route{"programs.explain", {}, topic}});
    }
    for (const char* topic : {"health", "health.0"}) {
      out.push_back({"careers", kiosk::Route{"careers", {}, topic}});
    }
    for (const char* topic : {"fields", "education", "hours", "paid", "results"}) {
      out.push_back({"match", kiosk::Route{"match", {}, topic}});
    }
    for (int step = 1; step <= kiosk::kSignupSteps; ++step) {
      out.push_back({"signup", kiosk::Route{"signup", {}, std::to_string(step)}});
    }
    Page review{"signup", kiosk::Route{"signup", {}, "review"}};
    review.filled = true;
    out.push_back(review);
    review.taps = {"signup.submit"};  // sealed and stored: the confirmation and its QR
    review.expect_id = "signup.reference";
    out.push_back(review);
    Page match{"match", kiosk::Route{"match", {}, {}}};  // a whole walk to the results
    match.taps = {"match.skill.*",     "match.next", "match.field.*", "match.next",
                  "match.education.*", "match.next", "match.hours.*", "match.next",
                  "match.paid.yes",    "match.next"};
    match.expect_id = "match.result.0";
    out.push_back(match);
    Page exit{"staff.panel", kiosk::Route{"staff.panel", {}, {}}};  // "Stop the kiosk?"
    exit.taps = {"staff.exit_kiosk"};
    exit.expect_id = "staff.exit.confirm";
    out.push_back(exit);
    Page answer{"faq", kiosk::Route{"faq", {}, {}}};  // a question answered
    answer.taps = {"faq.suggested.0"};
    out.push_back(answer);
    for (const char* kind : {"jobs", "programs", "events", "services"}) {
      const std::string name = std::string(kind) + ".search";
      if (height_ > width_) {
        Page filters{name, kiosk::Route{name, {}, {}}};  // portrait folds the filters away
        filters.taps = {std::string(kind) + ".filters"};
        out.push_back(filters);
      }
    }
    out.push_back({"home", kiosk::Route{"home", {}, {}}, Page::Over::EndQuestion});
    out.push_back({"home", kiosk::Route{"home", {}, {}}, Page::Over::SessionWarning});
    out.push_back({"signup", kiosk::Route{"signup", {}, "1"}, Page::Over::LeaveQuestion});
    for (const char* name : {"jobs.search", "programs.search", "faq", "signup", "staff.notice"}) {
      out.push_back({name, kiosk::Route{name, {}, {}}, Page::Over::Nothing, true});
    }
    return out;
  }

  // Draws every page in both languages, checks each widget, and the ids both languages share.
  void check_every_page() {
    for (const Page& page : pages()) {
      SCOPED_TRACE(page.label());
      int checked[2] = {0, 0};
      const auto en = check_page(page, Language::En, &checked[0]);
      const auto es = check_page(page, Language::Es, &checked[1]);
      expect_same_ids(page, en, es);
      expect_same_ids(page, es, en);
      EXPECT_GT(checked[0], 0) << page.label() << ": nothing to read";
      std::printf("[ spoken   ] %5dx%-5d %-44s %4d en %4d es\n", width_, height_,
                  page.label().c_str(), checked[0], checked[1]);
      total_ += checked[0] + checked[1];
    }
    std::printf("[ spoken   ] %d widgets checked at %dx%d\n", total_, width_, height_);
  }

  // A widget id of one language's frame is in the other's, unless the other's longer or shorter
  // words left no room for it: in a scroll area whose last widget there ends less than this
  // widget's height above the area's bottom, or a header access button while the keyboard was
  // open there (they give way to it when they do not fit on the first row, ui/screens/screen.cpp).
  // The keyboard's keys follow the language (ñ) and are left out.
  static void expect_same_ids(const Page& page, const Drawn& a, const Drawn& b) {
    for (const auto& [id, w] : a.by_id) {
      if (b.by_id.contains(id) || id.starts_with("osk.key.")) continue;
      if (b.typing && id.starts_with("access.")) continue;
      const bool no_room =
          w.scrolls && std::ranges::any_of(b.by_id, [&](const auto& other) {
            const WidgetInfo& o = other.second;
            return o.scrolls && o.bounds.y + o.bounds.h + w.bounds.h > o.area.y + o.area.h;
          });
      EXPECT_TRUE(no_room) << page.label() << ": '" << id << "' (\"" << w.text
                           << "\") is drawn in one language only";
    }
  }

  static inline Cache* cache_ = nullptr;
  ImGuiContext* context_ = nullptr;
  int width_ = 0;
  int height_ = 0;
  int total_ = 0;
  Metrics metrics_;
  Fonts fonts_;
  kiosk::Config config_;
  kiosk::WidgetRegistry registry_;
  std::vector<kiosk::Intent> intents_;
  TextInput input_;
  SpeechFocus speech_;
  bool end_question_ = false;
  bool busy_ = false;
  std::vector<kiosk::Route> opened_;  // where the frames' taps asked to go
  kiosk::RunQueue queue_;
  kiosk::Clock clock_;
  kiosk::Visit visit_;
  kiosk::ListingsReader reader_{cache_->dir.path(), queue_};
  // Sign-ups open (a public key to seal with), so the wizard draws its steps, not "closed".
  kiosk::SignupService signup_{{.public_key = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=",
                                .endpoint = "",
                                .activate_url = "https://workforce.miami/activate?ref={reference}",
                                .kiosk_id = "test-01",
                                .location = "Main Library"},
                               cache_->dir.path(),
                               queue_};
  kiosk::staff::StaffDesk staff_{cache_->dir.path(), "", clock_, queue_,
                                 [] { return std::int64_t{kNow}; }};
  StaffLink link_;
  ScreenServices services_{visit_, reader_, signup_, staff_, link_};
  ScreenRegistry screens_;
};

TEST_F(SpokenWidgets, EveryReachableWidgetSaysItsTextAndRoleInBothLanguagesLandscape) {
  use_display(1920, 1080);
  check_every_page();
}

TEST_F(SpokenWidgets, EveryReachableWidgetSaysItsTextAndRoleInBothLanguagesPortrait) {
  use_display(1080, 1920);
  check_every_page();
}

}  // namespace
}  // namespace ui
