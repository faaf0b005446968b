// What career-center staff steer from the kiosk itself, apart from any drawing: the hidden entry
// (the hold, the PIN checked off the UI thread, the lockout), staff mode, and the two things they
// leave behind for residents — a notice in both languages with an expiry, and "out of service".
// The notice and out of service are kept in DATA/staff_state.json (written atomically), so a
// restart or a power cut does not drop them; nothing a resident did is ever in it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "kiosk/base/clock.h"
#include "kiosk/staff/pin.h"
#include "kiosk/staff/staff_mode.h"

namespace kiosk {
class RunQueue;
class Worker;
}  // namespace kiosk

namespace kiosk::staff {

// The kiosk's exit status when staff stop it for maintenance ("Exit kiosk mode"): the service
// that runs it must not start it again (systemd: RestartPreventExitStatus=4).
inline constexpr int kExitForMaintenance = 4;
// The same said as a file, for a session in between that does not pass its child's exit status
// on (Debian's cage 0.1.4): when the environment names one in WORKFORCE_KIOSK_MAINTENANCE_FILE, it
// is written before the kiosk exits (packaging/session reads it, removes it and exits 4).
void note_maintenance_stop();

inline constexpr std::size_t kMaxNoticeBytes = 160;  // a banner of one or two lines

// A notice staff put up for residents, shown on every screen until `until` (Unix seconds). Either
// text may be empty: residents then read the other one in both languages.
struct Notice {
  std::string en;
  std::string es;
  std::int64_t until = 0;

  bool operator==(const Notice&) const = default;
};

// How long a notice stays up, as staff choose it on the panel.
enum class NoticeLength { OneHour, FourHours, EndOfDay, OneWeek };
// When a notice put up at `now` with that length comes down (EndOfDay: the kiosk's next local
// midnight).
std::int64_t notice_until(NoticeLength length, std::int64_t now);

class StaffDesk {
 public:
  // `now_unix` reads the kiosk clock as Unix seconds (automation moves it).
  StaffDesk(const std::filesystem::path& data_dir, std::string pin_hash, const Clock& clock,
            RunQueue& ui_queue, std::function<std::int64_t()> now_unix);
  ~StaffDesk();  // lets a PIN check in progress finish (its answer is dropped)
  StaffDesk(const StaffDesk&) = delete;
  StaffDesk& operator=(const StaffDesk&) = delete;

  // The hidden entry: does it exist at all ([staff] pin_hash set)?
  bool entry_configured() const { return gate_.configured(); }
  HoldDetector& hold() { return hold_; }

  // Checks `pin` on a worker thread (argon2id takes a good part of a second); `done` runs on the
  // UI thread with the gate's answer. The digits are copied into a buffer that wipes itself; the
  // caller wipes its own. While a check runs, another is refused (Locked is never said for it):
  // checking() tells the keypad to wait.
  void check_pin(std::string_view pin, std::function<void(PinGate::Result)> done);
  bool checking() const { return checking_; }
  bool locked() { return gate_.locked(); }
  std::chrono::seconds lock_left() { return gate_.lock_left(); }
  int failures() const { return gate_.failures(); }

  // Staff mode: entered after the right PIN; ended by leave, by 2 minutes untouched, or by a
  // resident session starting.
  StaffMode& mode() { return mode_; }

  // The notice residents see now (none when there is none or it has expired).
  const Notice* notice() const;
  void put_notice(Notice notice);
  void take_down_notice();

  bool out_of_service() const { return out_of_service_; }
  std::optional<std::int64_t> out_of_service_since() const { return out_since_; }
  void set_out_of_service(bool out);

  static constexpr std::string_view kFileName = "staff_state.json";

 private:
  void load();
  void save() const;

  std::filesystem::path file_;
  std::function<std::int64_t()> now_unix_;
  RunQueue& ui_queue_;
  PinGate gate_;
  HoldDetector hold_;
  StaffMode mode_;
  std::optional<Notice> notice_;
  bool out_of_service_ = false;
  std::optional<std::int64_t> out_since_;
  bool checking_ = false;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);  // answers after us are dropped
  std::unique_ptr<Worker> worker_;                              // declared last: stopped first
};

}  // namespace kiosk::staff
