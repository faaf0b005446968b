#include "kiosk/staff/staff_desk.h"

#include <algorithm>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "kiosk/base/atomic_file.h"
#include "kiosk/base/log.h"
#include "kiosk/base/run_queue.h"
#include "kiosk/base/utf8.h"
#include "kiosk/base/worker.h"
#include "kiosk/i18n/time_zone.h"

namespace kiosk::staff {
namespace {

constexpr std::size_t kMaxStateBytes = 4096;
constexpr std::int64_t kHour = 3600;

// Valid UTF-8, no control characters, at most kMaxNoticeBytes (a notice is typed on the kiosk's
// own keyboard, but the file could have been edited by hand).
bool sound_notice_text(std::string_view text) {
  return text.size() <= kMaxNoticeBytes && utf8::valid(text) &&
         std::ranges::none_of(
             text, [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

}  // namespace

std::int64_t notice_until(NoticeLength length, std::int64_t now) {
  switch (length) {
    case NoticeLength::OneHour:
      return now + kHour;
    case NoticeLength::FourHours:
      return now + kHour * 4;
    case NoticeLength::EndOfDay:
      // Tomorrow's midnight, found from a moment well inside tomorrow (a day is 23 to 25 hours).
      return local_time(local_time(now).midnight + kHour * 30).midnight;
    case NoticeLength::OneWeek:
      return now + kHour * 24 * 7;
  }
  return now + kHour;
}

void note_maintenance_stop() {
  // NOLINTNEXTLINE(concurrency-mt-unsafe): no thread changes the environment
  const char* file = std::getenv("WORKFORCE_KIOSK_MAINTENANCE_FILE");
  if (file == nullptr || *file != '/') return;
  if (auto error = write_file_atomically(file, "stopped by staff for maintenance\n", 0644)) {
    log::error("cannot leave the maintenance mark: " + *error);
  }
}

StaffDesk::StaffDesk(const std::filesystem::path& data_dir, std::string pin_hash,
                     const Clock& clock, RunQueue& ui_queue, std::function<std::int64_t()> now_unix)
    : file_(data_dir / kFileName),
      now_unix_(std::move(now_unix)),
      ui_queue_(ui_queue),
      gate_(data_dir / PinGate::kFileName, std::move(pin_hash), clock),
      worker_(std::make_unique<Worker>()) {
  load();
}

StaffDesk::~StaffDesk() {
  *alive_ = false;
  worker_->stop();
}

void StaffDesk::check_pin(std::string_view pin, std::function<void(PinGate::Result)> done) {
  if (checking_) return;
  if (const auto before = gate_.precheck()) {
    done(*before);
    return;
  }
  // The worker gets its own copy in a buffer that wipes itself; the hash is not secret.
  auto digits = std::make_shared<PinDigits>();
  for (const char c : pin) digits->add(c);
  checking_ = true;
  worker_->post([this, digits, hash = gate_.hash(), alive = alive_, done = std::move(done)] {
    const bool matched = verify_pin(hash, digits->view());
    digits->clear();
    ui_queue_.post([this, matched, alive, done] {
      if (!*alive) return;
      checking_ = false;
      done(gate_.record(matched));
    });
  });
}

const Notice* StaffDesk::notice() const {
  if (!notice_ || notice_->until <= now_unix_()) return nullptr;
  return &*notice_;
}

void StaffDesk::put_notice(Notice notice) {
  if (!sound_notice_text(notice.en) || !sound_notice_text(notice.es)) return;
  if (notice.en.empty() && notice.es.empty()) return;
  notice_ = std::move(notice);
  save();
  log::info("staff put up a notice until " + std::to_string(notice_->until));
}

void StaffDesk::take_down_notice() {
  if (!notice_) return;
  notice_.reset();
  save();
  log::info("staff took the notice down");
}

void StaffDesk::set_out_of_service(bool out) {
  if (out == out_of_service_) return;
  out_of_service_ = out;
  out_since_ = out ? std::optional<std::int64_t>(now_unix_()) : std::nullopt;
  save();
  log::info(out ? "staff took the kiosk out of service" : "staff put the kiosk back in service");
}

void StaffDesk::load() {
  const auto text = read_small_file(file_, kMaxStateBytes);
  if (!text) return;
  const auto state = text->size() <= kMaxStateBytes
                         ? nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false)
                         : nlohmann::json();
  if (!state.is_object()) {
    log::warn("the staff state file " + file_.string() +
              " is damaged: no notice and in service until staff set them again");
    return;
  }
  if (const auto out = state.find("out_of_service"); out != state.end() && out->is_boolean()) {
    out_of_service_ = out->get<bool>();
    const auto since = state.find("out_since");
    if (out_of_service_ && since != state.end() && since->is_number_integer()) {
      out_since_ = since->get<std::int64_t>();
    }
  }
  const auto n = state.find("notice");
  if (n != state.end() && n->is_object()) {
    const auto en = n->find("en");
    const auto es = n->find("es");
    const auto until = n->find("until");
    if (en != n->end() && en->is_string() && es != n->end() && es->is_string() &&
        until != n->end() && until->is_number_integer()) {
      Notice notice{en->get<std::string>(), es->get<std::string>(), until->get<std::int64_t>()};
      if (sound_notice_text(notice.en) && sound_notice_text(notice.es)) {
        notice_ = std::move(notice);
      } else {
        log::warn("the notice in " + file_.string() + " is damaged; it is not shown");
      }
    }
  }
}

void StaffDesk::save() const {
  nlohmann::json state = {{"out_of_service", out_of_service_}};
  if (out_since_) state["out_since"] = *out_since_;
  if (notice_) {
    state["notice"] = {{"en", notice_->en}, {"es", notice_->es}, {"until", notice_->until}};
  }
  if (auto error = write_file_atomically(file_, state.dump() + "\n", 0600)) {
    log::warn("cannot save the staff notice and service state: " + *error);
  }
}

}  // namespace kiosk::staff
