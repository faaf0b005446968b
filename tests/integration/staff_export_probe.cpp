// staff_export_probe DATA_DIR ROOT KIOSK_ID: the staff panel's USB export as the kiosk does it,
// for a test that runs this inside a mount namespace with a real file system mounted below ROOT:
// finds the drive in /proc/self/mounts, exports the outbox onto it, and counts what the drive
// then holds. Prints one JSON line; exits 0 when one drive was found and the export succeeded.
#include <ctime>
#include <iostream>

#include <nlohmann/json.hpp>

#include "kiosk/staff/health.h"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  if (argc != 4) {
    std::cerr << "usage: staff_export_probe DATA_DIR ROOT KIOSK_ID\n";
    return 2;
  }
  const auto drives = kiosk::staff::removable_drives("/proc/self/mounts", {fs::path(argv[2])});
  nlohmann::json out;
  out["drives"] = nlohmann::json::array();
  for (const auto& d : drives) out["drives"].push_back(d.string());
  if (drives.size() != 1) {
    std::cout << out.dump() << '\n';
    return 1;
  }
  const auto report =
      kiosk::staff::export_outbox_to(argv[1], drives.front(), argv[3], std::time(nullptr));
  int on_drive = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(report.folder, ec)) {
    if (entry.path().extension() == ".sealed") ++on_drive;
  }
  out["ok"] = report.ok;
  out["files"] = report.files;
  out["folder"] = report.folder.string();
  out["error"] = report.error;
  out["on_drive"] = on_drive;
  std::cout << out.dump() << '\n';
  return report.ok ? 0 : 1;
}
