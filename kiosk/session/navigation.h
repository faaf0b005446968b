// Where the resident is, and how they got there. A route names a screen by its stable name and
// carries what that screen shows (a listing, its place in the list it came from, a topic), so
// no screen reads another screen's fields. The UI draws the top of the stack and returns
// intents; the navigator applies them after the frame. Core keeps no list of screens: names
// are registered by the UI.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/model/model.h"

namespace kiosk {

// A listing a route opens: which kind, its cache key, and where it sat in the results it was
// opened from (for "Job 3 of 45" and previous/next; none when opened from elsewhere).
struct ListingRef {
  ListingKind kind = ListingKind::Job;
  std::int64_t key = 0;
  std::optional<std::size_t> index;

  bool operator==(const ListingRef&) const = default;
};

struct Route {
  std::string screen;                 // stable name: "home", "jobs.detail", "programs.search", …
  std::optional<ListingRef> listing;  // what a detail screen shows
  std::string topic;                  // what an explainer explains ("apprenticeship", …)

  bool operator==(const Route&) const = default;
};

class Navigator {
 public:
  static constexpr std::string_view kHome = "home";
  static constexpr std::size_t kMaxDepth = 16;  // a long walk through "more like this" stays short

  const Route& current() const { return stack_.back(); }
  std::size_t depth() const { return stack_.size(); }
  // Where back() would go (the current route on home).
  const Route& previous() const {
    return stack_.size() > 1 ? stack_[stack_.size() - 2] : stack_.back();
  }

  // Opens a route. Opening the one already shown does nothing; opening one already on the stack
  // goes back to it, so Back retraces the way the resident came and the stack stays short.
  // Anything else is pushed: Back from a job opened through "more like this" returns to the job
  // it came from.
  void open(Route route);
  // Shows `route` in place of the current one (previous/next in a list: Back still leads to
  // the list).
  void replace(Route route);
  void back();  // one step back; on home it stays home
  void home();  // back to the first screen, forgetting the way there

 private:
  std::vector<Route> stack_{Route{std::string(kHome), {}, {}}};
};

// What a screen asks for. Drawing code returns these; it never acts on them itself.
struct Intent {
  enum class Kind {
    Open,
    Replace,
    Back,
    Home,
    ToggleLanguage,
    StartSession,
    EndSession,
    MoreTime,
    TextSize,  // the next of the three text sizes
    Contrast,  // high contrast on or off
    Speech,    // speech on or off
    SpeechRepeat,
    SpeechStop,
    SpeechVolume,  // the next of three volumes
    StaffEnter,    // the right staff PIN: the resident's session ends, the panel opens
    StaffLeave,    // staff are done (or staff mode timed out): back to the resting screen
    ExitKiosk,     // staff stop the kiosk for maintenance
  };
  Kind kind = Kind::Home;
  Route route;  // for Open and Replace

  static Intent open(Route route) { return {Kind::Open, std::move(route)}; }
  static Intent open(std::string_view screen) { return open(Route{std::string(screen), {}, {}}); }
  static Intent open_listing(std::string_view screen, ListingRef listing) {
    return open(Route{std::string(screen), listing, {}});
  }
  static Intent replace(Route route) { return {Kind::Replace, std::move(route)}; }
  static Intent go_back() { return {Kind::Back, {}}; }
  static Intent go_home() { return {Kind::Home, {}}; }
  static Intent toggle_language() { return {Kind::ToggleLanguage, {}}; }
  static Intent start_session() { return {Kind::StartSession, {}}; }
  static Intent end_session() { return {Kind::EndSession, {}}; }  // "I'm done", confirmed
  static Intent more_time() { return {Kind::MoreTime, {}}; }
  static Intent of(Kind kind) { return {kind, {}}; }
};

}  // namespace kiosk
