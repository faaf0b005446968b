#include "ui/screens/staff_panel_screen.h"

#include <algorithm>
#include <array>
#include <chrono>

#include "kiosk/base/log.h"
#include "kiosk/base/run_queue.h"
#include "kiosk/base/version.h"
#include "kiosk/base/worker.h"
#include "kiosk/i18n/time_zone.h"
#include "kiosk/search/listings_reader.h"
#include "kiosk/signup/signup_service.h"
#include "kiosk/staff/staff_desk.h"
#include "kiosk/store/store.h"

namespace ui {

using namespace kiosk::literals;
using Clock = std::chrono::system_clock;

namespace {

constexpr auto kRefreshEvery = std::chrono::seconds(15);
constexpr auto kNetworkTimeout = std::chrono::milliseconds(3000);
constexpr std::uint64_t kLowDiskBytes = 1024ull * 1024 * 1024;  // under 1 GB: say so

Clock::time_point at(std::int64_t unix) {
  return Clock::time_point(std::chrono::seconds(unix));
}

kiosk::MsgKey kind_name(const std::string& kind) {
  if (kind == "programs") return "staff.panel.kind.programs"_msg;
  if (kind == "events") return "staff.panel.kind.events"_msg;
  if (kind == "services") return "staff.panel.kind.services"_msg;
  if (kind == "faq") return "staff.panel.kind.faq"_msg;
  return "staff.panel.kind.jobs"_msg;
}

kiosk::MsgKey problem_key(kiosk::staff::FeedProblem problem) {
  switch (problem) {
    case kiosk::staff::FeedProblem::Unreachable:
      return "staff.panel.feed.unreachable"_msg;
    case kiosk::staff::FeedProblem::Refused:
      return "staff.panel.feed.refused"_msg;
    case kiosk::staff::FeedProblem::NotAFeed:
      return "staff.panel.feed.not_a_feed"_msg;
    case kiosk::staff::FeedProblem::TooBig:
      return "staff.panel.feed.too_big"_msg;
    case kiosk::staff::FeedProblem::Key:
      return "staff.panel.feed.key"_msg;
    case kiosk::staff::FeedProblem::DiskFull:
      return "staff.panel.feed.disk_full"_msg;
    case kiosk::staff::FeedProblem::None:
    case kiosk::staff::FeedProblem::Other:
      break;
  }
  return "staff.panel.feed.other"_msg;
}

// Every URL the kiosk reaches out to: its feeds and the sign-up server.
std::vector<std::string> network_urls(const kiosk::Config& config) {
  std::vector<std::string> urls;
  for (const auto* list : {&config.feeds.jobs, &config.feeds.programs, &config.feeds.events,
                           &config.feeds.services, &config.feeds.faq}) {
    for (const auto& feed : *list) urls.push_back(feed.url);
  }
  if (!config.signup.endpoint.empty()) urls.push_back(config.signup.endpoint);
  return urls;
}

// One line of status text, in the scroll area (paragraph() with a colour of its own).
void line(Ui& ui, std::string_view text, float width, bool problem = false) {
  if (problem) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = draw_problem(ui, {}, text, pos, width);
    ImGui::Dummy(ImVec2(width, h));
    ImGui::SetCursorScreenPos(ImVec2(pos.x, ImGui::GetCursorScreenPos().y));
  } else {
    paragraph(ui, text, ui.fonts.body, ui.palette.text, width);
  }
  vertical_gap(ui, em::kParagraphGap * 0.4f);
}

void heading(Ui& ui, kiosk::MsgKey key, float width) {
  paragraph(ui, ui.t(key), ui.fonts.heading, ui.palette.text, width, kiosk::Role::Heading);
  vertical_gap(ui, em::kParagraphGap * 0.5f);
}

}  // namespace

StaffPanelScreen::StaffPanelScreen(const ScreenInfo& info, kiosk::ListingsReader& reader,
                                   kiosk::SignupService& signup, StaffLink& link)
    : Screen(info),
      reader_(reader),
      signup_(signup),
      link_(link),
      worker_(std::make_unique<kiosk::Worker>()) {}

StaffPanelScreen::~StaffPanelScreen() {
  ++*generation_;
  worker_->stop();
}

void StaffPanelScreen::on_open(const kiosk::Route& /*route*/, bool returning) {
  refresh_due_ = true;
  if (!returning) scroll_.reset();
}

void StaffPanelScreen::reset() {
  ++*generation_;  // answers on their way are dropped
  data_ = Data{};
  result_ = Result{};
  refresh_due_ = true;
  asking_exit_ = false;
  sync_asked_ = false;
  next_refresh_.reset();
  scroll_.reset();
}

template <class T>
void StaffPanelScreen::run_off_thread(std::function<T()> work, std::function<void(T)> done) {
  kiosk::RunQueue* queue = link_.queue;
  if (queue == nullptr) return;
  worker_->post([work = std::move(work), done = std::move(done), queue, generation = generation_,
                 asked = *generation_]() mutable {
    T answer = work();
    queue->post([done = std::move(done), answer = std::move(answer), generation, asked]() mutable {
      if (*generation == asked) done(std::move(answer));
    });
  });
}

void StaffPanelScreen::refresh(Ui& ui) {
  refresh_due_ = false;
  next_refresh_ = ui.clock_now + kRefreshEvery;
  const std::uint64_t asked = *generation_;
  auto generation = generation_;
  reader_.with_store([this, generation, asked](kiosk::Store* store) {
    std::vector<kiosk::staff::FeedHealth> feeds;
    if (store != nullptr) feeds = kiosk::staff::feed_health(*store);
    return [this, generation, asked, feeds = std::move(feeds)]() mutable {
      if (*generation != asked) return;
      data_.feeds = std::move(feeds);
      data_.feeds_read = true;
    };
  });
  const std::filesystem::path data_dir = link_.data_dir;
  std::vector<std::filesystem::path> roots(ui.config.staff.usb_roots.begin(),
                                           ui.config.staff.usb_roots.end());
  run_off_thread<std::pair<std::optional<std::uint64_t>, std::vector<std::filesystem::path>>>(
      [data_dir, roots] {
        return std::make_pair(kiosk::staff::free_bytes(data_dir),
                              kiosk::staff::removable_drives("/proc/self/mounts", roots));
      },
      [this](auto answer) {
        data_.free_bytes = answer.first;
        data_.drives = std::move(answer.second);
      });
  kiosk::stats::UsageCounter* usage = ui.usage;
  if (usage != nullptr) {
    run_off_thread<kiosk::stats::UsageReport>(
        [usage] { return usage->report_now(); },
        [this](kiosk::stats::UsageReport r) { data_.usage = std::move(r); });
  }
  run_off_thread<kiosk::staff::NetworkReport>(
      [urls = network_urls(ui.config)] {
        return kiosk::staff::check_network(urls, kNetworkTimeout);
      },
      [this](kiosk::staff::NetworkReport r) { data_.network = std::move(r); });
}

void StaffPanelScreen::draw_content(Ui& ui, ImVec2 pos, ImVec2 size) {
  if (refresh_due_ || (next_refresh_ && ui.clock_now >= *next_refresh_)) refresh(ui);
  if (next_refresh_) ui.wake_no_later_than(*next_refresh_);
  // A sync staff asked for has ended: its result replaces "Syncing…".
  if (sync_asked_ && !link_.sync.running && link_.last_sync &&
      link_.last_sync->finished >= sync_asked_at_) {
    sync_asked_ = false;
    result_.kind = Result::Kind::Synced;
    refresh_due_ = true;
  }

  ImGui::SetCursorScreenPos(pos);
  paragraph(ui, ui.t("staff.panel.title"_msg), ui.fonts.title, ui.palette.text, size.x,
            kiosk::Role::Heading);
  const float top = ImGui::GetCursorScreenPos().y + ui.px(em::kParagraphGap) * 0.5f;
  const float gap = ui.px(em::kGap);
  const bool wide = size.x >= ui.px(em::kTwoPaneMinWidth);
  const float indicator = ui.px(em::kScrollIndicatorWidth + 1.0f);
  ImVec2 area_pos(pos.x, top);
  ImVec2 area_size(size.x - indicator, pos.y + size.y - top);
  if (wide) {
    // Landscape: the actions in a column on the right, the status scrolling on the left.
    const float actions_w = std::min(ui.px(24.0f), size.x * 0.4f);
    draw_actions(ui, ImVec2(pos.x + size.x - actions_w, top), actions_w, true);
    area_size.x = size.x - actions_w - gap - indicator;
  } else {
    // Portrait: the actions first, two to a row, then the status.
    draw_actions(ui, ImVec2(pos.x, top), size.x, true);
    const float h = actions_height(ui, size.x, true) + gap;
    area_pos.y += h;
    area_size.y -= h;
  }
  area_size.y = std::max(0.0f, area_size.y);
  const float width = std::min(area_size.x, ui.px(em::kMaxTextWidth));
  scroll_.begin(ui, "staff.scroll", area_pos, area_size);
  draw_status(ui, width);
  draw_feeds(ui, width);
  draw_outbox(ui, width);
  draw_usage(ui, width);
  draw_problems(ui, width);
  scroll_.end(ui);

  if (asking_exit_) {
    static constexpr Question kExit{"staff.exit", "staff.exit.title"_msg, "staff.exit.body"_msg,
                                    "staff.exit.yes"_msg, "staff.exit.no"_msg};
    switch (ask(ui, kExit)) {
      case Answer::Yes:
        asking_exit_ = false;
        ui.intents.push_back(kiosk::Intent::of(kiosk::Intent::Kind::ExitKiosk));
        break;
      case Answer::No:
        asking_exit_ = false;
        break;
      case Answer::None:
        break;
    }
  }
}

float StaffPanelScreen::actions_height(Ui& ui, float width, bool two_columns) const {
  const float bh = ui.px(em::kButtonHeight);
  const float gap = ui.px(em::kGap) * 0.5f;
  const int rows = two_columns ? 4 : 7;
  const std::string text = result_text(ui);
  const float result_h =
      text.empty() ? 0.0f : wrapped_height(ui.fonts.body, text, width) + ui.px(em::kParagraphGap);
  return static_cast<float>(rows) * (bh + gap) + result_h;
}

void StaffPanelScreen::draw_actions(Ui& ui, ImVec2 pos, float width, bool two_columns) {
  kiosk::staff::StaffDesk* staff = ui.staff;
  const float bh = ui.px(em::kButtonHeight);
  const float gap = ui.px(em::kGap) * 0.5f;
  const int columns = two_columns ? 2 : 1;
  const float bw = (width - static_cast<float>(columns - 1) * gap) / static_cast<float>(columns);
  int index = 0;
  const auto next_pos = [&] {
    const int row = index / columns;
    const int col = index % columns;
    ++index;
    return ImVec2(pos.x + static_cast<float>(col) * (bw + gap),
                  pos.y + static_cast<float>(row) * (bh + gap));
  };
  const auto action = [&](const char* id, kiosk::MsgKey label, ButtonKind kind) {
    return button(ui, id, ui.t(label), next_pos(), ImVec2(bw, bh), kind);
  };

  if (action("staff.sync_now", "staff.action.sync"_msg, ButtonKind::Primary)) {
    if (link_.sync_now && link_.sync_now()) {
      sync_asked_ = true;
      sync_asked_at_ = ui.now;
      result_ = Result{};
    } else {
      result_.kind = Result::Kind::SyncWait;
    }
  }
  if (action("staff.send_now", "staff.action.send"_msg, ButtonKind::Outline)) {
    if (signup_.settings().endpoint.empty()) {
      result_.kind = Result::Kind::NoEndpoint;
    } else {
      result_.kind = Result::Kind::Sending;
      const std::uint64_t asked = *generation_;
      signup_.send_now([this, generation = generation_, asked](kiosk::SendReport r) {
        if (*generation != asked) return;
        result_.kind = r.reached ? Result::Kind::Sent : Result::Kind::SendUnreachable;
        result_.a = r.sent;
        result_.b = r.left;
        refresh_due_ = true;
      });
    }
  }
  if (action("staff.export", "staff.action.export"_msg, ButtonKind::Outline)) {
    if (data_.drives.empty()) {
      result_.kind = Result::Kind::NoDrive;
      refresh_due_ = true;  // look again: a drive may have just been plugged in
    } else {
      result_.kind = Result::Kind::Exporting;
      run_off_thread<kiosk::staff::ExportReport>(
          [data_dir = link_.data_dir, drive = data_.drives.front(), id = ui.config.kiosk.id,
           now = ui.now] { return kiosk::staff::export_outbox_to(data_dir, drive, id, now); },
          [this](const kiosk::staff::ExportReport& r) {
            result_.kind = r.ok ? Result::Kind::Exported : Result::Kind::ExportFailed;
            result_.a = r.files;
            result_.folder = r.folder.string();
          });
    }
  }
  if (action("staff.notice", "staff.action.notice"_msg, ButtonKind::Outline)) {
    ui.intents.push_back(kiosk::Intent::open("staff.notice"));
  }
  const bool out = staff != nullptr && staff->out_of_service();
  if (!out && action("staff.out_of_service", "staff.action.out"_msg, ButtonKind::Outline)) {
    if (staff != nullptr) staff->set_out_of_service(true);
    result_.kind = Result::Kind::OutOfService;
  }
  if (out && action("staff.in_service", "staff.action.in"_msg, ButtonKind::Primary)) {
    staff->set_out_of_service(false);
    result_.kind = Result::Kind::InService;
  }
  if (action("staff.exit_kiosk", "staff.action.exit"_msg, ButtonKind::Outline)) {
    asking_exit_ = true;
  }
  if (action("staff.leave", "staff.action.leave"_msg, ButtonKind::Primary)) {
    ui.intents.push_back(kiosk::Intent::of(kiosk::Intent::Kind::StaffLeave));
  }

  const std::string text = result_text(ui);
  if (!text.empty()) {
    const int rows = (index + columns - 1) / columns;
    const ImVec2 at(pos.x, pos.y + static_cast<float>(rows) * (bh + gap) + gap);
    const float h = draw_wrapped(ImGui::GetWindowDrawList(), ui.fonts.body, at,
                                 ui.palette.text.packed(), text, width);
    record(ui, "staff.result", kiosk::Role::Text, at, ImVec2(at.x + width, at.y + h), text);
  }
  if (link_.sync.running || result_.kind == Result::Kind::Sending ||
      result_.kind == Result::Kind::Exporting) {
    ui.busy = true;  // the answer is on its way: scenarios wait for it
  }
}

std::string StaffPanelScreen::result_text(Ui& ui) const {
  if (sync_asked_ || link_.sync.running) {
    if (!link_.sync.running || link_.sync.total == 0) return ui.t("staff.result.sync_start"_msg);
    return ui.tr.format("staff.result.syncing"_msg, {{"done", std::int64_t{link_.sync.done}},
                                                     {"total", std::int64_t{link_.sync.total}}});
  }
  switch (result_.kind) {
    case Result::Kind::None:
      return {};
    case Result::Kind::SyncWait:
      return ui.t("staff.result.sync_wait"_msg);
    case Result::Kind::Synced: {
      if (!link_.last_sync) return {};
      const auto& s = *link_.last_sync;
      return ui.tr.format("staff.result.synced"_msg, {{"updated", std::int64_t{s.updated}},
                                                      {"unchanged", std::int64_t{s.unchanged}},
                                                      {"failed", std::int64_t{s.failed}}});
    }
    case Result::Kind::Sending:
      return ui.t("staff.result.sending"_msg);
    case Result::Kind::Sent:
      return ui.tr.format("staff.result.sent"_msg, {{"sent", result_.a}, {"left", result_.b}});
    case Result::Kind::SendUnreachable:
      return ui.tr.format("staff.result.send_unreachable"_msg, {{"left", result_.b}});
    case Result::Kind::NoEndpoint:
      return ui.t("staff.result.no_endpoint"_msg);
    case Result::Kind::NoDrive:
      return ui.t("staff.result.no_drive"_msg);
    case Result::Kind::Exporting:
      return ui.t("staff.result.exporting"_msg);
    case Result::Kind::Exported:
      return ui.tr.format("staff.result.exported"_msg,
                          {{"files", result_.a}, {"folder", result_.folder}});
    case Result::Kind::ExportFailed:
      return ui.t("staff.result.export_failed"_msg);
    case Result::Kind::OutOfService:
      return ui.t("staff.result.out"_msg);
    case Result::Kind::InService:
      return ui.t("staff.result.in"_msg);
  }
  return {};
}

std::string StaffPanelScreen::since_text(Ui& ui, std::int64_t when) const {
  const bool today = kiosk::local_day(when) == kiosk::local_day(ui.now);
  return ui.tr.format(today ? "staff.panel.when.today"_msg : "staff.panel.when.earlier"_msg,
                      {{"when", at(when)}});
}

std::string StaffPanelScreen::age_text(Ui& ui, std::int64_t seconds) const {
  seconds = std::max<std::int64_t>(0, seconds);
  if (seconds < 3600) {
    return ui.tr.format("staff.panel.age.minutes"_msg,
                        {{"n", std::max<std::int64_t>(1, seconds / 60)}});
  }
  if (seconds < std::int64_t{48} * 3600)
    return ui.tr.format("staff.panel.age.hours"_msg, {{"n", seconds / 3600}});
  return ui.tr.format("staff.panel.age.days"_msg, {{"n", seconds / 86400}});
}

void StaffPanelScreen::draw_status(Ui& ui, float width) {
  heading(ui, "staff.panel.kiosk"_msg, width);
  line(ui, ui.tr.format("staff.panel.id"_msg, {{"id", ui.config.kiosk.id}}), width);
  if (!ui.config.kiosk.location.empty()) {
    line(ui, ui.tr.format("staff.panel.location"_msg, {{"location", ui.config.kiosk.location}}),
         width);
  }
  line(ui, ui.tr.format("staff.panel.version"_msg, {{"version", std::string(kiosk::version())}}),
       width);
  if (const auto remote = link_.remote_config ? std::optional(link_.remote_config()) : std::nullopt;
      remote && remote->last_result != kiosk::RemoteConfigStatus::Result::NotConfigured) {
    using Remote = kiosk::RemoteConfigStatus::Result;
    const char* result = !remote->last_check                       ? "other"
                         : remote->last_result == Remote::Applied  ? "applied"
                         : remote->last_result == Remote::Refused  ? "refused"
                         : remote->last_result == Remote::UpToDate ? "up_to_date"
                                                                   : "unreachable";
    line(ui,
         ui.tr.format("staff.panel.remote_config"_msg,
                      {{"version", remote->running_version}, {"result", std::string(result)}}),
         width,
         remote->last_result == Remote::Refused || remote->last_result == Remote::Unreachable);
  }
  const std::int64_t up = std::max<std::int64_t>(0, ui.now - link_.started);
  line(ui,
       ui.tr.format("staff.panel.uptime"_msg, {{"hours", up / 3600}, {"minutes", up % 3600 / 60}}),
       width);
  if (!data_.network) {
    line(ui, ui.t("staff.panel.network.checking"_msg), width);
  } else if (data_.network->hosts == 0) {
    line(ui, ui.t("staff.panel.network.none"_msg), width);
  } else if (data_.network->unreachable.empty()) {
    line(ui,
         ui.tr.format("staff.panel.network.ok"_msg,
                      {{"count", static_cast<std::int64_t>(data_.network->reachable)}}),
         width);
  } else {
    std::string hosts;
    for (const auto& host : data_.network->unreachable) hosts += (hosts.empty() ? "" : ", ") + host;
    line(ui,
         ui.tr.format("staff.panel.network.down"_msg,
                      {{"count", static_cast<std::int64_t>(data_.network->unreachable.size())},
                       {"hosts", hosts}}),
         width, true);
  }
  if (data_.free_bytes) {
    const double gb = static_cast<double>(*data_.free_bytes) / (1024.0 * 1024.0 * 1024.0);
    line(ui, ui.tr.format("staff.panel.disk"_msg, {{"gb", gb}}), width,
         *data_.free_bytes < kLowDiskBytes);
  }
  vertical_gap(ui, em::kSectionGap * 0.5f);
}

void StaffPanelScreen::draw_feeds(Ui& ui, float width) {
  heading(ui, "staff.panel.feeds"_msg, width);
  if (!data_.feeds_read) {
    line(ui, ui.t("staff.panel.reading"_msg), width);
  } else if (data_.feeds.empty()) {
    line(ui, ui.t("staff.panel.feeds.none"_msg), width, true);
  }
  for (const auto& feed : data_.feeds) {
    const std::string& kind = ui.t(kind_name(feed.kind));
    const std::int64_t records = feed.records;
    if (feed.status.empty() || !feed.last_attempt) {
      line(ui,
           ui.tr.format("staff.panel.feed.never"_msg, {{"kind", kind}, {"source", feed.source}}),
           width);
    } else if (feed.problem == kiosk::staff::FeedProblem::None) {
      line(ui,
           ui.tr.format("staff.panel.feed.ok"_msg,
                        {{"kind", kind},
                         {"source", feed.source},
                         {"records", records},
                         {"when", since_text(ui, feed.last_good.value_or(*feed.last_attempt))}}),
           width);
    } else {
      const std::int64_t since = feed.last_good.value_or(*feed.last_attempt);
      std::string text =
          ui.tr.format(problem_key(feed.problem),
                       {{"kind", kind}, {"source", feed.source}, {"since", since_text(ui, since)}});
      text += ' ';
      text += ui.tr.format("staff.panel.feed.kept"_msg, {{"records", records}});
      line(ui, text, width, true);
    }
  }
  if (link_.last_sync) {
    line(ui,
         ui.tr.format("staff.panel.last_sync"_msg,
                      {{"when", since_text(ui, link_.last_sync->finished)}}),
         width);
  }
  vertical_gap(ui, em::kSectionGap * 0.5f);
}

void StaffPanelScreen::draw_outbox(Ui& ui, float width) {
  heading(ui, "staff.panel.outbox"_msg, width);
  const kiosk::OutboxCounts counts = signup_.counts();
  if (counts.pending == 0) {
    line(ui, ui.t("staff.panel.outbox.none"_msg), width);
  } else {
    const std::int64_t age =
        counts.oldest_created ? ui.now - *counts.oldest_created : std::int64_t{0};
    line(ui,
         ui.tr.format("staff.panel.outbox.waiting"_msg,
                      {{"count", std::int64_t{counts.pending}}, {"age", age_text(ui, age)}}),
         width, age > std::int64_t{24} * 3600);
    if (counts.held > 0) {
      line(ui, ui.tr.format("staff.panel.outbox.held"_msg, {{"count", std::int64_t{counts.held}}}),
           width, true);
    }
  }
  if (signup_.settings().endpoint.empty() && signup_.accepting()) {
    line(ui, ui.t("staff.panel.outbox.no_endpoint"_msg), width);
  }
  line(ui,
       data_.drives.empty()
           ? ui.t("staff.panel.usb.none"_msg)
           : ui.tr.format("staff.panel.usb.found"_msg, {{"drive", data_.drives.front().string()}}),
       width);
  vertical_gap(ui, em::kSectionGap * 0.5f);
}

void StaffPanelScreen::draw_usage(Ui& ui, float width) {
  heading(ui, "staff.panel.usage"_msg, width);
  line(ui, ui.t("staff.panel.usage.note"_msg), width);
  if (!data_.usage) {
    line(ui, ui.t("staff.panel.reading"_msg), width);
    return;
  }
  const kiosk::stats::UsageReport& r = *data_.usage;
  using Figures = kiosk::stats::Figures;
  struct Row {
    kiosk::MsgKey label;
    std::int64_t (*value)(const Figures&);
  };
  static constexpr std::array<Row, 10> kRows = {{
      {"staff.usage.sessions"_msg, [](const Figures& f) { return f.sessions; }},
      {"staff.usage.minutes"_msg,
       [](const Figures& f) {
         return f.sessions > 0 ? (f.session_seconds / f.sessions + 30) / 60 : std::int64_t{0};
       }},
      {"staff.usage.english"_msg, [](const Figures& f) { return f.sessions_en; }},
      {"staff.usage.spanish"_msg, [](const Figures& f) { return f.sessions_es; }},
      {"staff.usage.journeys"_msg, [](const Figures& f) { return f.journeys; }},
      {"staff.usage.searches"_msg, [](const Figures& f) { return f.searches; }},
      {"staff.usage.empty"_msg, [](const Figures& f) { return f.searches_empty; }},
      {"staff.usage.signups"_msg, [](const Figures& f) { return f.signups; }},
      {"staff.usage.qr"_msg, [](const Figures& f) { return f.qr_shown; }},
      {"staff.usage.prints"_msg, [](const Figures& f) { return f.prints; }},
  }};
  // A table: the figure's name, then today, 7 days, 30 days, right-aligned numbers.
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImFont* font = ui.fonts.body;
  const float row_h = font->FontSize * 1.5f;
  const float col_w = std::min(ui.px(7.5f), width * 0.2f);
  const float label_w = width - 3 * col_w;
  const std::array<const Figures*, 3> columns = {&r.today_figures, &r.last_7_days, &r.last_30_days};
  const std::array<kiosk::MsgKey, 3> column_names = {
      "staff.usage.today"_msg, "staff.usage.week"_msg, "staff.usage.month"_msg};
  // `spoken`: what the registry (and speech) says for it; a bare number means nothing aloud.
  const auto right = [&](std::string_view text, float x_right, float y, ImFont* f, Color c,
                         std::string_view id, std::string_view spoken) {
    const float w =
        f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
    const ImVec2 p(x_right - w, y);
    draw->AddText(f, f->FontSize, p, c.packed(), text.data(), text.data() + text.size());
    record(ui, id, kiosk::Role::Text, p, ImVec2(x_right, y + f->FontSize), spoken);
  };
  float y = origin.y;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    right(ui.t(column_names[c]), origin.x + label_w + col_w * static_cast<float>(c + 1), y,
          ui.fonts.small, ui.palette.text_muted, {}, ui.t(column_names[c]));
  }
  y += row_h;
  for (std::size_t i = 0; i < kRows.size(); ++i) {
    const Row& row = kRows[i];
    if (i % 2 == 0) {
      draw->AddRectFilled(ImVec2(origin.x, y - row_h * 0.15f),
                          ImVec2(origin.x + width, y + row_h * 0.85f), ui.palette.surface.packed());
    }
    const std::string& label = ui.t(row.label);
    draw_text_lines(draw, font, label, ImVec2(origin.x + ui.px(0.3f), y), label_w - ui.px(0.3f), 1,
                    ui.palette.text.packed());
    record(ui, {}, kiosk::Role::Text, ImVec2(origin.x, y),
           ImVec2(origin.x + label_w, y + font->FontSize), label);
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const std::string id = "staff.usage." + std::to_string(i) + "." + std::to_string(c);
      const std::string value = std::to_string(row.value(*columns[c]));
      right(value, origin.x + label_w + col_w * static_cast<float>(c + 1) - ui.px(0.3f), y, font,
            ui.palette.text, id,
            ui.tr.format("staff.usage.cell"_msg,
                         {{"figure", label}, {"period", ui.t(column_names[c])}, {"value", value}}));
    }
    y += row_h;
  }
  ImGui::Dummy(ImVec2(width, y - origin.y));
  ImGui::SetCursorScreenPos(ImVec2(origin.x, ImGui::GetCursorScreenPos().y));
  vertical_gap(ui, em::kParagraphGap);
  draw_chart(ui, width);
  vertical_gap(ui, em::kSectionGap * 0.5f);
}

void StaffPanelScreen::draw_chart(Ui& ui, float width) {
  const kiosk::stats::UsageReport& r = *data_.usage;
  std::int64_t most = 0;
  for (const auto& day : r.days) most = std::max(most, day.figures.sessions);
  paragraph(ui, ui.tr.format("staff.usage.chart"_msg, {{"most", most}}), ui.fonts.body,
            ui.palette.text, width);
  vertical_gap(ui, em::kParagraphGap * 0.4f);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float chart_h = ui.px(6.0f);
  const float label_h = ui.fonts.small->FontSize * 1.2f;
  const auto n = static_cast<float>(std::max<std::size_t>(1, r.days.size()));
  const float slot = width / n;
  const float bar = std::max(1.0f, slot * 0.7f);
  const float base = origin.y + chart_h;
  draw->AddLine(ImVec2(origin.x, base), ImVec2(origin.x + width, base), ui.palette.border.packed(),
                std::max(1.0f, ui.px(em::kBorderWidth) / 2));
  for (std::size_t i = 0; i < r.days.size(); ++i) {
    const std::int64_t v = r.days[i].figures.sessions;
    const float x = origin.x + slot * static_cast<float>(i) + (slot - bar) / 2;
    if (v > 0 && most > 0) {
      const float h =
          std::max(ui.px(0.15f), chart_h * static_cast<float>(v) / static_cast<float>(most));
      const bool today = r.days[i].day == r.today;
      draw->AddRectFilled(ImVec2(x, base - h), ImVec2(x + bar, base),
                          (today ? ui.palette.primary : ui.palette.accent).packed());
    }
  }
  // The first and the last day under the bars: the chart's span, in the active language.
  const std::string first =
      ui.tr.format("staff.usage.day"_msg,
                   {{"when", at((r.days.empty() ? r.today : r.days.front().day) * 86400 + 43200)}});
  const std::string last = ui.t("staff.usage.today"_msg);
  draw->AddText(ui.fonts.small, ui.fonts.small->FontSize, ImVec2(origin.x, base + ui.px(0.2f)),
                ui.palette.text_muted.packed(), first.c_str());
  const float lw =
      ui.fonts.small->CalcTextSizeA(ui.fonts.small->FontSize, FLT_MAX, 0, last.c_str()).x;
  draw->AddText(ui.fonts.small, ui.fonts.small->FontSize,
                ImVec2(origin.x + width - lw, base + ui.px(0.2f)), ui.palette.text_muted.packed(),
                last.c_str());
  record(ui, "staff.usage.chart", kiosk::Role::Image, origin,
         ImVec2(origin.x + width, base + label_h),
         ui.tr.format("staff.usage.chart.spoken"_msg,
                      {{"today", r.today_figures.sessions}, {"most", most}}));
  ImGui::Dummy(ImVec2(width, chart_h + label_h + ui.px(0.2f)));
  ImGui::SetCursorScreenPos(ImVec2(origin.x, ImGui::GetCursorScreenPos().y));
}

void StaffPanelScreen::draw_problems(Ui& ui, float width) {
  heading(ui, "staff.panel.problems"_msg, width);
  const auto recent = kiosk::log::recent();
  if (recent.empty()) {
    line(ui, ui.t("staff.panel.problems.none"_msg), width);
    return;
  }
  line(ui, ui.t("staff.panel.problems.note"_msg), width);
  // Newest first: what went wrong last is what staff ask about.
  for (std::size_t i = recent.size(); i-- > 0;) {
    const kiosk::log::Entry& entry = recent[i];
    paragraph(ui, since_text(ui, entry.unix) + " — " + entry.message, ui.fonts.small,
              entry.level == kiosk::log::Level::Error ? ui.palette.error : ui.palette.text_muted,
              width);
    vertical_gap(ui, em::kParagraphGap * 0.3f);
  }
}

}  // namespace ui
