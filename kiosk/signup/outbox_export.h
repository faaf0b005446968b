// Carrying sign-ups by hand: every sealed envelope waiting in the outbox copied into a folder, one
// <id>.sealed file each (the raw sealed bytes), written whole or not at all and flushed to the
// device. Nothing leaves the outbox: a copied envelope is still delivered (the intake server
// stores an Idempotency-Key once), so an export can never lose a sign-up. Shared by
// `workforce-kiosk outbox export DIR` and the staff panel's USB export (kiosk/staff/health.h).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk {

struct OutboxExport {
  std::vector<std::filesystem::path> files;  // written, oldest sign-up first
  std::string error;                         // one sentence when the export stopped; else empty
};

// `folder` and its missing parents are created (and their directories flushed). A data directory
// without an outbox has nothing to export. Stops at the first file it cannot write.
OutboxExport export_outbox(const std::filesystem::path& data_dir,
                           const std::filesystem::path& folder);

}  // namespace kiosk
