#include "kiosk/signup/outbox_export.h"

#include <fcntl.h>
#include <unistd.h>

#include <string_view>
#include <system_error>

#include "kiosk/base/atomic_file.h"
#include "kiosk/signup/outbox.h"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

// A new directory's entry lives in its parent: flushed, it survives the drive being pulled.
void flush_directory(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

OutboxExport export_outbox(const fs::path& data_dir, const fs::path& folder) {
  OutboxExport out;
  std::optional<Outbox> box;
  if (fs::exists(Outbox::file_in(data_dir))) {
    try {
      box.emplace(data_dir);
    } catch (const sql::SqliteError& e) {
      out.error = "the outbox in " + data_dir.string() + " cannot be read: " + e.what();
      return out;
    }
  }
  std::vector<fs::path> created;  // deepest first
  std::error_code ec;
  for (fs::path p = folder; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
    created.push_back(p);
    if (p == p.parent_path()) break;
  }
  fs::create_directories(folder, ec);
  if (ec) {
    out.error = "cannot create " + folder.string() + ": " + ec.message();
    return out;
  }
  for (const fs::path& dir : created) flush_directory(dir.parent_path());
  try {
    const std::vector<OutboxEntry> entries = box ? box->list() : std::vector<OutboxEntry>{};
    for (const auto& e : entries) {
      const auto sealed = box->sealed(e.id);
      if (!sealed) continue;  // delivered meanwhile
      const fs::path file = folder / (e.id + ".sealed");
      const std::string_view bytes(reinterpret_cast<const char*>(sealed->data()), sealed->size());
      if (auto error = write_file_atomically(file, bytes, 0600)) {
        out.error = *error;
        return out;
      }
      out.files.push_back(file);
    }
  } catch (const sql::SqliteError& e) {
    out.error = std::string("cannot read the outbox: ") + e.what();
  }
  return out;
}

}  // namespace kiosk
