#include "ui/app.h"

#include <array>
#include <chrono>
#include <memory>

#include <imgui.h>

#include "kiosk/base/clock.h"
#include "kiosk/base/frame_stats.h"
#include "kiosk/base/log.h"
#include "kiosk/base/paths.h"
#include "kiosk/base/run_queue.h"
#include "kiosk/base/scrub.h"
#include "kiosk/base/version.h"
#include "kiosk/base/wipe.h"
#include "kiosk/fleet/metrics.h"
#include "kiosk/fleet/remote_config.h"
#include "kiosk/fleet/run_state.h"
#include "kiosk/fleet/watchdog.h"
#include "kiosk/i18n/i18n.h"
#include "kiosk/i18n/time_zone.h"
#include "kiosk/input/registry.h"
#include "kiosk/print/print_service.h"
#include "kiosk/search/listings_reader.h"
#include "kiosk/session/navigation.h"
#include "kiosk/session/session.h"
#include "kiosk/session/visit.h"
#include "kiosk/setup/settings.h"
#include "kiosk/signup/signup_service.h"
#include "kiosk/staff/staff_desk.h"
#include "kiosk/stats/usage.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/sync_service.h"
#include "ui/access_controller.h"
#include "ui/automation/scenario_runner.h"
#include "ui/fonts.h"
#include "ui/metrics.h"
#include "ui/platform.h"
#include "ui/screen_off.h"
#include "ui/screens/screen_registry.h"
#include "ui/screens/session_warning.h"
#include "ui/screens/staff_panel_screen.h"
#include "ui/speech_mode.h"
#include "ui/text_input.h"
#include "ui/theme.h"

namespace ui {
namespace {

using namespace kiosk::literals;

using SteadyClock = std::chrono::steady_clock;

// What outlives one App: the scenario (it goes on across a reload) and the remote configuration's
// watcher (its status and the file waiting to be applied).
struct AppLinks {
  ScenarioRunner* runner = nullptr;
  kiosk::fleet::RemoteConfigWatcher* remote = nullptr;
  bool reloaded = false;  // built again with a new configuration: start at rest, not in a session
};

class App final : public RunnerHost {
 public:
  App(const kiosk::Options& options, const kiosk::Config& config, AppLinks links)
      : options_(options),
        config_(config),
        links_(links),
        runner_(links.runner),
        data_dir_(options.data_dir.value_or(kiosk::paths::default_data_dir())),
        session_(std::chrono::seconds(config.session.idle_timeout_s),
                 std::chrono::seconds(config.session.idle_warning_s)),
        access_(translator_, options.language.value_or(config.kiosk.default_language),
                {.text_size_changed = [this] { rebuild_fonts_if_needed(); },
                 .look_changed =
                     [this] {
                       apply_theme(palette(access_.settings().high_contrast), metrics_.em_px);
                       damage_.invalidate();
                     }}) {
    register_screens(screens_, services_);
  }

  int run();
  // After run(): the accepted remote configuration to build the next App with, if that is why
  // it returned.
  std::optional<kiosk::Config>& reload() { return reload_; }

  // RunnerHost
  void touch_down(float x, float y) override { platform_->push_touch_down(x, y); }
  void touch_move(float x, float y) override { platform_->push_touch_move(x, y); }
  void touch_up(float x, float y) override { platform_->push_touch_up(x, y); }
  void advance_clock(std::chrono::milliseconds by) override { clock_.advance(by); }
  kiosk::Language language() const override { return translator_.language(); }
  bool write_screenshot(const std::filesystem::path& file, std::string* error) override {
    return platform_->write_png(file, error);
  }
  bool push_key(const std::string& sdl_name, bool down) override {
    return platform_->push_key(sdl_name, down);
  }
  void plug_headphones() override { platform_->push_audio_output_added(); }
  std::string last_keypad_key() const override { return std::string(platform_->last_keypad_key()); }
  int keypad_presses() const override { return platform_->keypad_presses(); }
  int headphones_plugged() const override { return platform_->headphones_plugged(); }
  std::string current_screen() const override { return navigator_.current().screen; }
  std::vector<std::string> screen_names() const override {
    std::vector<std::string> names;
    for (const auto& screen : screens_.all()) names.emplace_back(screen->name());
    return names;
  }

 private:
  bool setup();
  bool rebuild_fonts_if_needed();
  Screen& current_screen() { return screens_.at(navigator_.current().screen); }
  void apply(const kiosk::Intent& intent);
  // Whether `intent` would take the resident away from a screen that holds unsaved answers
  // (and has not been confirmed yet).
  bool leaves_unsaved(const kiosk::Intent& intent) const;
  void draw_leave_question(Ui& ui);
  Damage draw_frame(float dt);  // what changed in the picture
  void start_sync();
  // The end of a resident's session: everything they did is wiped and the attract screen shows.
  void end_session(const char* why, bool count = true);
  // Where the kiosk rests between residents: the attract screen, or the out-of-service message.
  kiosk::Route resting_route() const {
    return kiosk::Route{staff_.out_of_service() ? "out_of_service" : "attract", {}, {}};
  }
  void leave_staff_mode(const char* why);
  // Headphones plugged in, or a keypad key: speech mode starts (and a session, from the attract
  // screen). Keys then move and act through it.
  void start_speech_mode(const char* why);
  void keypad_key(kiosk::KeypadKey key);
  // The fleet's metrics file (kiosk/fleet/metrics.h), written on its own thread.
  void write_metrics(bool up);
  // A clean stop: STOPPING=1, the last metrics (up 0), the run state marked stopped.
  void stop_cleanly();
  // Unix seconds by the kiosk clock: real time plus what automation advanced.
  std::int64_t now_unix() const {
    return std::chrono::duration_cast<std::chrono::seconds>(
               (std::chrono::system_clock::now() + clock_.offset()).time_since_epoch())
        .count();
  }

  const kiosk::Options& options_;
  const kiosk::Config& config_;
  AppLinks links_;
  std::optional<kiosk::Config> reload_;
  kiosk::Translator translator_;
  kiosk::WidgetRegistry registry_;
  kiosk::Navigator navigator_;
  kiosk::Clock clock_;
  kiosk::RunQueue run_queue_;
  std::unique_ptr<Platform> platform_;
  ScenarioRunner* runner_;  // owned by run_kiosk: a scenario goes on across reloads
  Metrics metrics_;
  Fonts fonts_;
  std::vector<kiosk::Intent> intents_;
  kiosk::ListingsStatus listings_;
  std::filesystem::path data_dir_;
  kiosk::SessionTimer session_;
  kiosk::Clock::time_point session_began_{};  // for the session's length in the usage figures
  // Anonymous counts, written at most once a minute (kiosk/stats/usage.h); declared before the
  // screens and workers whose callbacks count, so it outlives them.
  kiosk::stats::UsageCounter usage_{data_dir_, [this] { return now_unix(); }};
  // Health for the fleet's monitoring: after usage_, whose figures its thread reads.
  kiosk::fleet::MetricsWriter metrics_writer_{config_.fleet.metrics_file};
  kiosk::fleet::RunState run_state_;  // this start counted (restarts after a crash)
  std::int64_t started_unix_ = 0;
  kiosk::fleet::ServiceNotifier notifier_;  // READY, the watchdog's pings, STOPPING
  // The staff entry, staff mode, the notice and out of service (kiosk/staff/staff_desk.h).
  kiosk::staff::StaffDesk staff_{data_dir_, config_.staff.pin_hash, clock_, run_queue_,
                                 [this] { return now_unix(); }};
  bool staff_mode_ = false;  // the panel's screens are open behind the right PIN
  // The PIN keypad opened from the resting screen, where no session's idle timer runs: staff
  // mode's own 2 minutes send it back there.
  bool pin_guard_ = false;
  std::optional<int> exit_code_;  // set when staff stop the kiosk for maintenance
  Metrics keyboard_metrics_;
  DamageTracker damage_;
  AccessController access_;  // the resident's settings, back to defaults after each session
  ScreenOff screen_off_;     // black while a resident listens; a touch or the session end lifts it
  // Headphones and the keypad (issue 17): the screen read aloud and used without seeing it.
  SpeechMode speech_mode_{translator_, access_};
  // Everything the visit creates, shared by the screens through their routes; wiped with the
  // session.
  kiosk::Visit visit_;
  bool end_question_ = false;  // "End your visit?" shows (ui/screens/end_visit.h)
  TextInput input_;
  // Sign-ups: sealed on submit, stored and delivered on the service's own thread.
  kiosk::SignupService signup_{kiosk::signup_settings(config_), data_dir_, run_queue_};
  // An intent that would leave a screen holding unsaved answers, waiting for "Leave?".
  std::optional<kiosk::Intent> pending_leave_;
  bool leave_confirmed_ = false;
  StaffLink staff_link_;  // what the staff panel sees of the app: the sync, the uptime
  ScreenServices services_{visit_, reader_, signup_, staff_,
                           staff_link_};  // the screens are built in the constructor's body
  ScreenRegistry screens_;
  // Background workers: declared after the screens whose callbacks they run, so they stop first.
  kiosk::ListingsReader reader_{data_dir_, run_queue_};
  std::unique_ptr<kiosk::PrintService> printer_;
  std::optional<kiosk::Clock::time_point> wake_at_;
  bool busy_ = false;
  bool first_sync_done_ = false;  // until then, scenarios wait: the listings are on their way
  bool listings_cached_ = false;  // ...unless the cache had listings: a stalled feed holds nothing
  std::unique_ptr<kiosk::SyncService> sync_;  // declared last: stopped first
  kiosk::FrameStats frame_stats_;
  Damage last_damage_;
  bool animating_ = false;
  // Set when a session ends or staff leave: once the kiosk is idle at rest (the last frames of
  // the session drawn, its answers still on their way dropped), free pages are handed back again.
  bool trim_when_idle_ = false;
};

bool App::setup() {
  if (auto error = translator_.load(kiosk::paths::resource_dir() / "locales")) {
    kiosk::log::error("cannot load the message catalogs: " + *error);
    return false;
  }
  translator_.set_language(options_.language.value_or(config_.kiosk.default_language));

  std::string error;
  platform_ =
      Platform::create({.windowed = options_.windowed, .title = config_.kiosk.name}, &error);
  if (!platform_) {
    kiosk::log::error(error);
    return false;
  }
  run_queue_.set_waker([this] { platform_->wake(); });
  if (links_.remote != nullptr) {
    links_.remote->set_waker([this] { platform_->wake(); });
    staff_link_.remote_config = [remote = links_.remote] { return remote->status(); };
  }
  staff_link_.queue = &run_queue_;
  staff_link_.data_dir = data_dir_;
  staff_link_.started = now_unix();
  staff_link_.sync_now = [this] {
    if (!sync_) return false;
    staff_link_.sync.running = true;  // until the service says how far it is
    sync_->sync_now();
    return true;
  };
  access_.start_speech();
  if (!config_.printer.queue.empty()) {
    printer_ = std::make_unique<kiosk::PrintService>(config_.printer.queue, run_queue_);
    printer_->check();
  }
  return rebuild_fonts_if_needed();
}

bool App::rebuild_fonts_if_needed() {
  const Metrics wanted =
      metrics_for(platform_->width(), platform_->height(), access_.settings().text_step);
  keyboard_metrics_ = metrics_for(platform_->width(), platform_->height());
  if (fonts_.body != nullptr && wanted.em_px == metrics_.em_px) return true;
  metrics_ = wanted;
  if (!build_fonts(fonts_, metrics_.em_px)) return false;
  platform_->reload_font_texture();
  kiosk::scrub::release_free_memory();  // the atlas's build buffers
  apply_theme(palette(access_.settings().high_contrast), metrics_.em_px);
  damage_.invalidate();
  kiosk::log::info("fonts: " + fonts_.family +
                   ", 1 em = " + std::to_string(static_cast<int>(metrics_.em_px)) + " px");
  return true;
}

void App::apply(const kiosk::Intent& intent) {
  if (access_.handle(intent)) return;
  if (leaves_unsaved(intent)) {
    pending_leave_ = intent;  // asked over the screen; the answer comes back as an intent
    return;
  }
  leave_confirmed_ = false;
  const kiosk::Route before = navigator_.current();
  const std::size_t depth_before = navigator_.depth();
  switch (intent.kind) {
    case kiosk::Intent::Kind::Open:
      navigator_.open(intent.route);
      break;
    case kiosk::Intent::Kind::Replace:
      navigator_.replace(intent.route);
      break;
    case kiosk::Intent::Kind::Back:
      navigator_.back();
      break;
    case kiosk::Intent::Kind::Home:
      navigator_.home();
      break;
    case kiosk::Intent::Kind::StartSession:
      if (staff_.out_of_service()) break;  // nothing starts a session while out of service
      if (staff_mode_) leave_staff_mode("a resident session starts");
      session_.begin(clock_.now());
      session_began_ = clock_.now();
      navigator_.home();
      kiosk::log::info("session started");
      break;
    case kiosk::Intent::Kind::EndSession:
      end_session("the resident is done");
      break;
    case kiosk::Intent::Kind::MoreTime:
      session_.more_time(clock_.now());
      break;
    case kiosk::Intent::Kind::StaffEnter:
      pin_guard_ = false;
      // Staff never see what a resident did: the session (if any) is wiped first, uncounted.
      if (session_.state() != kiosk::SessionTimer::State::Attract) end_session("staff", false);
      session_.end();
      staff_mode_ = true;
      staff_.mode().enter(clock_.now());
      navigator_.home();
      navigator_.open(kiosk::Route{"staff.panel", {}, {}});
      kiosk::log::info("staff mode started");
      break;
    case kiosk::Intent::Kind::StaffLeave:
      leave_staff_mode("staff left");
      break;
    case kiosk::Intent::Kind::ExitKiosk:
      kiosk::log::warn("staff stopped the kiosk for maintenance");
      kiosk::staff::note_maintenance_stop();
      exit_code_ = kiosk::staff::kExitForMaintenance;
      break;
    default:
      break;
  }
  if (intent.kind == kiosk::Intent::Kind::Open && before.screen == kiosk::Navigator::kHome &&
      navigator_.current() != before && !navigator_.current().screen.starts_with("staff.")) {
    usage_.journey(navigator_.current().screen);  // a journey begins on the home screen
  }
  if (intent.kind == kiosk::Intent::Kind::Open && intent.route.screen == "staff.pin" &&
      session_.state() == kiosk::SessionTimer::State::Attract && !staff_mode_) {
    pin_guard_ = true;
    staff_.mode().enter(clock_.now());
  } else if (pin_guard_ && navigator_.current().screen != "staff.pin") {
    pin_guard_ = false;  // the keypad was left (Back, or the right PIN)
    if (!staff_mode_) staff_.mode().end();
  }
  if (navigator_.current() != before) {
    // Back, or a route already on the stack: the screen keeps its place.
    const bool returning = navigator_.depth() < depth_before;
    current_screen().on_open(navigator_.current(), returning);
    access_.arrived();
    speech_mode_.new_screen(before.screen, navigator_.current().screen, returning);
    kiosk::log::debug("screen " + navigator_.current().screen);
  }
}

bool App::leaves_unsaved(const kiosk::Intent& intent) const {
  if (leave_confirmed_ || screens_.at(navigator_.current().screen).leave_question() == nullptr) {
    return false;
  }
  std::string_view to;
  switch (intent.kind) {
    case kiosk::Intent::Kind::Open:
    case kiosk::Intent::Kind::Replace:
      to = intent.route.screen;
      break;
    case kiosk::Intent::Kind::Back:
      to = navigator_.previous().screen;
      break;
    case kiosk::Intent::Kind::Home:
      to = kiosk::Navigator::kHome;
      break;
    default:
      return false;  // the end of the session wipes everything anyway, and asks its own question
  }
  return to != navigator_.current().screen;
}

void App::draw_leave_question(Ui& ui) {
  if (!pending_leave_) return;
  const Question* question = current_screen().leave_question();
  if (question == nullptr) {
    pending_leave_.reset();
    return;
  }
  switch (ask(ui, *question)) {
    case Answer::Yes:
      // What the screen held is wiped before the resident goes on.
      current_screen().reset();
      leave_confirmed_ = true;
      ui.intents.push_back(*pending_leave_);
      pending_leave_.reset();
      break;
    case Answer::No:
      pending_leave_.reset();
      break;
    case Answer::None:
      break;
  }
}

Damage App::draw_frame(float dt) {
  platform_->new_frame(dt);
  Ui ui{.metrics = metrics_,
        .palette = palette(access_.settings().high_contrast),
        .fonts = fonts_,
        .tr = translator_,
        .registry = registry_,
        .config = config_,
        .intents = intents_,
        .listings = listings_,
        .input = input_,
        .printer = printer_.get(),
        .now = now_unix(),
        .clock_now = clock_.now(),
        .delta_seconds = dt,
        .wants_animation_frame = false,
        .wake_at = std::nullopt,
        .busy = false,
        .keyboard_metrics = &keyboard_metrics_,
        .access = &access_.settings(),
        .speech = &access_.speech_focus(),
        .screens = &screens_,
        .end_question = &end_question_,
        .usage = &usage_,
        .staff = &staff_};
  speech_mode_.prepare(ui);
  registry_.begin_frame();
  ImGui::PushFont(fonts_.body);
  current_screen().draw(ui);
  draw_leave_question(ui);
  if (session_.state() == kiosk::SessionTimer::State::Warning) {
    draw_session_warning(ui, session_.seconds_left(clock_.now()));
  }
  registry_.begin_overlay();  // speech mode reads on under the screen-off layer
  screen_off_.draw(ui);
  if (const auto deadline = session_.next_deadline(clock_.now())) ui.wake_no_later_than(*deadline);
  if (const auto left =
          staff_mode_ || pin_guard_ ? staff_.mode().left(clock_.now()) : std::nullopt) {
    ui.wake_no_later_than(clock_.now() + *left);  // staff mode ends by itself
  }
  ImGui::PopFont();
  registry_.end_frame();
  speech_mode_.after_frame(ui, registry_.reading(),
                           translator_.text(current_screen().info().speech_intro), ui.busy,
                           screen_off_.on());
  ImGui::Render();
  access_.speak_after_frame(current_screen(), registry_);
  animating_ = ui.wants_animation_frame;
  wake_at_ = ui.wake_at;
  busy_ = ui.busy || (sync_ && !first_sync_done_ && !listings_cached_);
  return damage_.update(ImGui::GetDrawData(), ImGui::GetIO().DisplaySize);
}

void App::leave_staff_mode(const char* why) {
  staff_mode_ = false;
  staff_.mode().end();
  input_.blur();
  speech_mode_.end();  // staff used the keypad: the next resident starts without it
  screen_off_.set(false);
  for (const auto& screen : screens_.all()) {
    if (screen->name().starts_with("staff.")) screen->reset();
  }
  navigator_.home();
  navigator_.open(resting_route());
  damage_.invalidate();
  kiosk::scrub::release_free_memory();  // at rest again, as after a session
  trim_when_idle_ = true;
  kiosk::log::info(std::string("staff mode ended: ") + why);
}

void App::start_speech_mode(const char* why) {
  if (speech_mode_.active()) return;
  speech_mode_.start(why);
  if (session_.state() == kiosk::SessionTimer::State::Attract && !staff_mode_ && !pin_guard_ &&
      !staff_.out_of_service()) {
    intents_.push_back(kiosk::Intent::start_session());  // the tactile way to start (ADA 707.9)
  }
}

void App::keypad_key(kiosk::KeypadKey key) {
  if (!speech_mode_.active()) {
    start_speech_mode("a keypad key");
    if (!SpeechMode::acts_when_starting(key)) return;
  }
  if (session_.state() == kiosk::SessionTimer::State::Warning) {
    // "Are you still there?": any key answers it.
    intents_.push_back(kiosk::Intent::more_time());
    speech_mode_.announce(translator_.text("speech.announce.more_time"_msg));
    return;
  }
  speech_mode_.key(key, {.frame = registry_.reading(),
                         .input = input_,
                         .screen_off = screen_off_,
                         .intents = intents_});
}

void App::write_metrics(bool up) {
  if (!metrics_writer_.enabled()) return;
  const std::int64_t now = now_unix();
  kiosk::fleet::MetricsSnapshot snapshot;
  snapshot.up = up;
  snapshot.version = std::string(kiosk::version());
  snapshot.kiosk_id = config_.kiosk.id;
  snapshot.started = started_unix_;
  snapshot.listings = {{"jobs", listings_.jobs},
                       {"programs", listings_.programs},
                       {"events", listings_.events},
                       {"services", listings_.services}};
  snapshot.restarts = run_state_.restarts;
  snapshot.remote_config_version = config_.fleet.config_version;
  if (links_.remote != nullptr) {
    const kiosk::RemoteConfigStatus remote = links_.remote->status();
    snapshot.remote_config_version = remote.running_version;
    if (remote.last_check) {
      snapshot.remote_config_result = std::string(kiosk::result_name(remote.last_result));
      std::replace(snapshot.remote_config_result.begin(), snapshot.remote_config_result.end(), ' ',
                   '_');  // "up to date" → up_to_date, a label value without spaces
      snapshot.remote_config_checked = remote.last_check;
    }
    snapshot.remote_config_refused_version = remote.refused_version;
  }
  metrics_writer_.write(now, [snapshot, now, data_dir = data_dir_, usage = &usage_]() mutable {
    kiosk::fleet::add_stored_figures(snapshot, data_dir, now);
    snapshot.sessions_today = usage->report_now().today_figures.sessions;
    return snapshot;
  });
}

void App::stop_cleanly() {
  notifier_.stopping();
  usage_.flush();
  write_metrics(false);
  metrics_writer_.drain();
  if (auto error = kiosk::fleet::record_clean_stop(data_dir_)) kiosk::log::warn(*error);
  kiosk::log::info(frame_stats_.summary());
}

void App::end_session(const char* why, bool count) {
  if (count && session_.touched()) {  // counted in the language the resident ended in
    usage_.session_ended(
        std::chrono::duration_cast<std::chrono::seconds>(clock_.now() - session_began_).count(),
        translator_.language());
  }
  session_.end();
  end_question_ = false;
  pending_leave_.reset();
  // What the resident did, gone: typed text (bytes overwritten), filters, results, the saved
  // list, every screen's state, the keyboard, the language. Answers still on their way are
  // dropped by the screens' generation counters.
  input_.blur();
  visit_.wipe();
  reader_.forget_session();
  for (const auto& screen : screens_.all()) screen->reset();
  speech_mode_.end();  // before the voices forget: nothing it said stays
  access_.reset();
  screen_off_.set(false);
  navigator_.home();
  navigator_.open(resting_route());
  damage_.invalidate();
  // Short strings live inside stack frames; the frames of this session's typing and drawing are
  // below this one.
  kiosk::scrub::stack(std::size_t{128} * 1024);
  // What the session freed goes back to the system, so the kiosk stays its size day after day;
  // and again once it is idle, for what its last frames and late answers free.
  kiosk::scrub::release_free_memory();
  trim_when_idle_ = true;
  kiosk::log::info(std::string("session ended: ") + why);
}

void App::start_sync() {
  sync_ = std::make_unique<kiosk::SyncService>(
      kiosk::feed_specs(config_), kiosk::sync_options(config_, data_dir_), data_dir_,
      std::chrono::minutes(config_.feeds.refresh_minutes), run_queue_,
      [this](const std::vector<kiosk::FeedOutcome>& outcomes, const kiosk::ListingsStatus& status) {
        listings_ = status;
        first_sync_done_ = true;
        StaffLink::SyncSummary summary{.finished = now_unix()};
        for (const auto& outcome : outcomes) {
          switch (outcome.status) {
            case kiosk::FeedOutcome::Status::Updated:
              ++summary.updated;
              break;
            case kiosk::FeedOutcome::Status::Unchanged:
              ++summary.unchanged;
              break;
            case kiosk::FeedOutcome::Status::Failed:
              ++summary.failed;
              break;
            case kiosk::FeedOutcome::Status::Removed:
              break;
          }
        }
        staff_link_.last_sync = summary;
        kiosk::log::info("sync finished: " + std::to_string(summary.updated) + " updated, " +
                         std::to_string(summary.unchanged) + " unchanged, " +
                         std::to_string(summary.failed) + " failed");
      });
  sync_->on_progress([this](const kiosk::SyncProgress& progress) { staff_link_.sync = progress; });
  sync_->on_cached([this](const kiosk::ListingsStatus& before) {
    if (first_sync_done_) return;
    if (before.jobs + before.programs + before.events + before.services == 0) return;
    listings_ = before;
    listings_cached_ = true;
  });
  sync_->start();
}

int App::run() {
  const auto started = SteadyClock::now();
  started_unix_ = now_unix();
  if (!setup()) return 1;

  session_.begin(clock_.now());  // start-up shows home, as after a tap on the attract screen
  session_began_ = clock_.now();
  // Staff took it out of service before a restart: it stays so. Built again with a remote
  // configuration: it was at rest, and rests again.
  if (staff_.out_of_service() || links_.reloaded) {
    session_.end();
    navigator_.open(resting_route());
  }
  bool first_frame = true;
  int frames_wanted = 2;  // after any event, draw until the picture stops changing
  auto last_frame = SteadyClock::now();
  for (;;) {
    std::optional<std::chrono::milliseconds> timeout;  // nullopt: sleep until an event
    if (frames_wanted > 0 || animating_ || platform_->input_pending()) {
      timeout = std::chrono::milliseconds(0);
    } else if (runner_) {
      timeout = std::chrono::milliseconds(4);  // keep the scenario moving, gently
    } else if (wake_at_) {
      // A screen's timer (the pause after typing): sleep until then, not a moment longer.
      timeout = std::max(std::chrono::milliseconds(0),
                         std::chrono::ceil<std::chrono::milliseconds>(*wake_at_ - clock_.now()));
    }
    const auto wake_for_write = [&](std::optional<std::int64_t> write_at) {  // Unix seconds
      if (!write_at) return;
      const auto in =
          std::chrono::milliseconds(std::max<std::int64_t>(0, *write_at - now_unix()) * 1000);
      if (!timeout || in < *timeout) timeout = in;
    };
    wake_for_write(usage_.next_write());           // the counts wait a minute at most
    wake_for_write(metrics_writer_.next_write());  // the fleet's metrics: every minute
    // Asleep or not, the UI thread wakes in time for the watchdog's ping: only a frozen UI
    // misses it.
    if (const auto limit = notifier_.sleep_limit(SteadyClock::now())) {
      if (!timeout || *limit < *timeout) timeout = *limit;
    }
    if (trim_when_idle_ && frames_wanted <= 0 && !animating_ && !platform_->input_pending() &&
        session_.state() == kiosk::SessionTimer::State::Attract) {
      trim_when_idle_ = false;
      translator_.forget_compiled();
      release_draw_buffers();
      kiosk::scrub::release_free_memory();
      const auto heap = kiosk::scrub::heap_figures();
      const auto kb = [](std::size_t bytes) { return std::to_string(bytes / 1024); };
      kiosk::log::info("at rest: heap " + kb(heap.in_use) + " kB in use, " + kb(heap.free) +
                       " kB free, " + kb(heap.mapped) + " kB in blocks of their own");
    }
    const PumpResult events = platform_->pump(timeout);
    notifier_.ping_if_due(SteadyClock::now());
    usage_.flush_if_due();
    if (const auto write_at = metrics_writer_.next_write(); write_at && now_unix() >= *write_at) {
      write_metrics(true);
    }
    if (events.quit_requested) {
      if (events.signal || !platform_->fullscreen()) {
        if (session_.state() != kiosk::SessionTimer::State::Attract) end_session("the kiosk stops");
        break;
      }
      kiosk::log::info("ignoring a request to close the window: this is a kiosk");
    }
    if (events.resized && !rebuild_fonts_if_needed()) return 1;
    if (events.resized) damage_.invalidate();  // resized or exposed: draw it all again
    if (events.input || events.resized || events.woke) frames_wanted = std::max(frames_wanted, 2);
    if (run_queue_.drain() > 0) frames_wanted = std::max(frames_wanted, 2);
    if (events.input) session_.touch(clock_.now(), events.press);
    if (events.headphones) start_speech_mode("headphones");
    for (const kiosk::KeypadKey key : events.keys) keypad_key(key);
    if (staff_mode_ || pin_guard_) {
      if (events.input) staff_.mode().touched(clock_.now());
      if (!staff_.mode().active(clock_.now())) {
        pin_guard_ = false;
        leave_staff_mode(staff_mode_ ? "2 minutes untouched" : "the PIN keypad was left alone");
        frames_wanted = std::max(frames_wanted, 2);
      }
    }
    switch (session_.update(clock_.now())) {
      case kiosk::SessionTimer::Event::Warn:
        kiosk::log::info("session idle: asking whether the resident is still there");
        speech_mode_.announce(translator_.format(
            "speech.announce.still_there"_msg,
            {{"seconds", static_cast<std::int64_t>(session_.seconds_left(clock_.now()))}}));
        frames_wanted = std::max(frames_wanted, 2);
        break;
      case kiosk::SessionTimer::Event::End:
        end_session("nobody touched the screen");
        frames_wanted = std::max(frames_wanted, 2);
        break;
      case kiosk::SessionTimer::Event::None:
        break;
    }

    const bool timer_due = wake_at_ && clock_.now() >= *wake_at_;
    if (timer_due) frames_wanted = std::max(frames_wanted, 1);
    const bool must_draw =
        frames_wanted > 0 || animating_ || platform_->input_pending() || runner_ != nullptr;
    if (!must_draw) continue;

    const auto now = SteadyClock::now();
    const float dt =
        std::clamp(std::chrono::duration<float>(now - last_frame).count(), 0.001f, 0.1f);
    last_frame = now;
    Damage damage = draw_frame(dt);
    const bool changed = damage.any;
    const bool render = changed || first_frame || (runner_ && runner_->wants_render());
    if (render && !changed) {
      damage.full = true;  // a picture asked for (a screenshot): the whole of it
      damage.min = ImVec2(0, 0);
      damage.max = ImGui::GetIO().DisplaySize;
    }
    if (render) platform_->render(damage);

    if (runner_) {
      runner_->after_frame(*this, {.registry = registry_,
                                   .changed = changed,
                                   .rendered = render,
                                   .input_pending = platform_->input_pending(),
                                   .busy = busy_,
                                   .min_target_px = metrics_.px(em::kMinTouchTarget),
                                   .now = SteadyClock::now()});
    }
    if (render) {
      platform_->present(damage);
      // Draw, render and present: in software GL the rasterising happens at the swap.
      frame_stats_.add(std::chrono::duration<double, std::milli>(SteadyClock::now() - now).count());
    }
    if (first_frame) {
      first_frame = false;
      start_sync();  // after the first frame is on screen, never before
      signup_.start();
      if (links_.remote != nullptr) {
        links_.remote->start(std::chrono::minutes(config_.fleet.config_refresh_minutes));
      }
      const auto ms =
          std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - started);
      kiosk::log::info("first frame after " + std::to_string(ms.count()) + " ms");
      // This start counted (restarts after an unclean stop), once the picture is up: the record
      // is written safely (fsync of the file and its folder), which on a slow SD card or a busy
      // disk can take longer than everything before the first frame. Then the metrics say it,
      // and only then does systemd hear the kiosk is ready.
      std::string run_state_error;
      run_state_ = kiosk::fleet::record_start(data_dir_, &run_state_error);
      if (!run_state_error.empty()) kiosk::log::warn("cannot record the start: " + run_state_error);
      if (run_state_.restarts > 0) {
        kiosk::log::info("restarts after an unclean stop so far: " +
                         std::to_string(run_state_.restarts));
      }
      write_metrics(true);
      notifier_.ready();
      kiosk::scrub::release_free_memory();  // the fonts' build and the start-up's scratch
    }

    frames_wanted = changed ? std::max(frames_wanted, 1) : frames_wanted - 1;
    std::vector<kiosk::Intent> intents;
    intents.swap(intents_);
    for (const auto& intent : intents) apply(intent);
    if (!intents.empty()) frames_wanted = std::max(frames_wanted, 2);
    notifier_.status(staff_mode_                                               ? "staff"
                     : staff_.out_of_service()                                 ? "out of service"
                     : session_.state() == kiosk::SessionTimer::State::Attract ? "attract"
                                                                               : "session");

    // A remote configuration accepted in the meantime is applied only at rest: no resident's
    // session, no staff.
    const bool at_rest = session_.state() == kiosk::SessionTimer::State::Attract && !staff_mode_ &&
                         !pin_guard_ && !exit_code_;
    if (at_rest && links_.remote != nullptr && links_.remote->has_accepted()) {
      reload_ = links_.remote->take_accepted();
    }
    if (reload_) {
      usage_.flush();
      kiosk::log::info(frame_stats_.summary());
      return 0;
    }
    if (exit_code_) {
      stop_cleanly();
      return *exit_code_;
    }
    if (runner_ && runner_->finished()) {
      stop_cleanly();
      return runner_->exit_code();
    }
  }
  stop_cleanly();
  kiosk::log::info("stopped");
  return 0;
}

}  // namespace

int run_kiosk(const kiosk::Options& options, const kiosk::Config& config) {
  // Before the app's worker threads start: they must never receive SIGTERM themselves.
  Platform::before_threads();
  std::unique_ptr<ScenarioRunner> runner;
  if (options.script) {
    auto parsed = kiosk::load_scenario(*options.script);
    if (!parsed.scenario) {
      kiosk::log::error(parsed.error);
      return 1;
    }
    runner = std::make_unique<ScenarioRunner>(std::move(*parsed.scenario), options.screenshot_dir);
  }
  // /etc's file, or the remote file stored by an earlier run when it is still valid.
  const auto data_dir = options.data_dir.value_or(kiosk::paths::default_data_dir());
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  kiosk::fleet::StartupConfig startup = kiosk::fleet::startup_config(config, data_dir, now);
  kiosk::fleet::RemoteConfigWatcher remote(config, data_dir, startup.status);
  kiosk::Config current = std::move(startup.config);
  bool reloaded = false;
  for (;;) {
    kiosk::use_time_zone(current.kiosk.time_zone);  // checked when the file was read
    std::optional<kiosk::Config> next;
    int code = 0;
    {
      App app(options, current, {.runner = runner.get(), .remote = &remote, .reloaded = reloaded});
      code = app.run();
      remote.set_waker({});  // before the app's window goes
      next = std::move(app.reload());
    }
    if (!next) return code;
    current = std::move(*next);
    reloaded = true;
    kiosk::log::info("remote configuration version " +
                     std::to_string(current.fleet.config_version) + " applied (kiosk " +
                     current.kiosk.id + ")");
  }
}

}  // namespace ui
