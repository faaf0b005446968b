// The staff panel (`staff.panel`), behind the PIN: whether the kiosk works (its feeds, its
// sign-ups waiting, the network, the disk, recent warnings), what staff can fix from here (sync,
// send, copy sign-ups to USB, a notice, out of service, exit kiosk mode) and how the kiosk is
// used (anonymous counts, a bar per day). Everything it reads comes off the UI thread; nothing a
// resident did is on it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/fleet/remote_config.h"
#include "kiosk/staff/health.h"
#include "kiosk/stats/usage.h"
#include "kiosk/sync/sync_service.h"
#include "ui/screens/screen.h"

namespace kiosk {
class ListingsReader;
class RunQueue;
class SignupService;
class Worker;
}  // namespace kiosk

namespace ui {

// What the app shares with the panel: the sync it runs, and where things are.
struct StaffLink {
  kiosk::RunQueue* queue = nullptr;  // answers from the panel's worker come back through it
  std::filesystem::path data_dir;
  std::int64_t started = 0;        // Unix seconds the kiosk started (uptime)
  std::function<bool()> sync_now;  // false while the sync service has not started
  kiosk::SyncProgress sync;        // kept current by the app
  struct SyncSummary {
    std::int64_t finished = 0;
    int updated = 0, unchanged = 0, failed = 0;
  };
  std::optional<SyncSummary> last_sync;  // the last sync that ended
  // The signed remote configuration's state (kiosk/fleet/remote_config.h); thread-safe to call.
  std::function<kiosk::RemoteConfigStatus()> remote_config;
};

class StaffPanelScreen final : public Screen {
 public:
  StaffPanelScreen(const ScreenInfo& info, kiosk::ListingsReader& reader,
                   kiosk::SignupService& signup, StaffLink& link);
  ~StaffPanelScreen() override;

  void on_open(const kiosk::Route& route, bool returning) override;
  void reset() override;

 protected:
  void draw_content(Ui& ui, ImVec2 pos, ImVec2 size) override;

 private:
  // What the panel last read (each part arrives on its own).
  struct Data {
    std::vector<kiosk::staff::FeedHealth> feeds;
    bool feeds_read = false;
    std::optional<kiosk::staff::NetworkReport> network;
    std::optional<std::uint64_t> free_bytes;
    std::vector<std::filesystem::path> drives;
    std::optional<kiosk::stats::UsageReport> usage;
  };
  // The last thing an action did, said under the buttons in the active language.
  struct Result {
    enum class Kind {
      None,
      SyncWait,
      Synced,
      Sending,
      Sent,
      SendUnreachable,
      NoEndpoint,
      NoDrive,
      Exporting,
      Exported,
      ExportFailed,
      OutOfService,
      InService,
    } kind = Kind::None;
    std::int64_t a = 0, b = 0;  // counts: sent/left, files
    std::string folder;         // where the export went
  };

  void refresh(Ui& ui);
  void draw_actions(Ui& ui, ImVec2 pos, float width, bool two_columns);
  float actions_height(Ui& ui, float width, bool two_columns) const;
  void draw_status(Ui& ui, float width);
  void draw_feeds(Ui& ui, float width);
  void draw_outbox(Ui& ui, float width);
  void draw_usage(Ui& ui, float width);
  void draw_chart(Ui& ui, float width);
  void draw_problems(Ui& ui, float width);
  std::string result_text(Ui& ui) const;
  std::string since_text(Ui& ui, std::int64_t when) const;
  std::string age_text(Ui& ui, std::int64_t seconds) const;
  // Posts `work` to the panel's worker; `done` gets its answer on the UI thread, unless the panel
  // was reset (or left) meanwhile.
  template <class T>
  void run_off_thread(std::function<T()> work, std::function<void(T)> done);

  kiosk::ListingsReader& reader_;
  kiosk::SignupService& signup_;
  StaffLink& link_;
  Data data_;
  Result result_;
  bool refresh_due_ = true;
  bool asking_exit_ = false;
  bool sync_asked_ = false;  // "Sync now" was tapped: the next sync's end is the answer
  std::int64_t sync_asked_at_ = 0;
  std::optional<kiosk::Clock::time_point> next_refresh_;
  std::shared_ptr<std::uint64_t> generation_ = std::make_shared<std::uint64_t>(0);
  ScrollArea scroll_;
  std::unique_ptr<kiosk::Worker> worker_;  // declared last: stopped first
};

}  // namespace ui
