#include "kiosk/base/paths.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <system_error>

namespace kiosk::paths {

namespace fs = std::filesystem;

namespace {
constexpr const char* kInstalledDataDir = "/var/lib/workforce-kiosk";
}  // namespace

fs::path resource_dir() {
  // NOLINTNEXTLINE(concurrency-mt-unsafe): read at start-up, before any thread exists
  if (const char* env = std::getenv("WORKFORCE_KIOSK_RESOURCES"); env != nullptr && *env != '\0') {
    return env;
  }
  std::error_code ec;
  fs::path installed = KIOSK_SHARE_DIR;
  if (fs::is_directory(installed / "locales", ec)) return installed;
  return KIOSK_SOURCE_DIR;
}

fs::path default_config() {
  std::error_code ec;
  fs::path etc = "/etc/workforce-kiosk/kiosk.toml";
  if (fs::is_regular_file(etc, ec)) return etc;
  return resource_dir() / "config" / "kiosk.toml";
}

fs::path default_data_dir() {
  // Under systemd (StateDirectory=workforce-kiosk): /var/lib/workforce-kiosk.
  // NOLINTNEXTLINE(concurrency-mt-unsafe): read at start-up, before any thread exists
  if (const char* dirs = std::getenv("STATE_DIRECTORY"); dirs != nullptr && *dirs == '/') {
    const std::string_view first(dirs, std::strcspn(dirs, ":"));  // several are ':'-separated
    return fs::path(first);
  }
  // The installed kiosk's folder, for its own user (`sudo -u workforce-kiosk workforce-kiosk
  // stats`); anyone else (root included) gets a folder of their own, so a technician's command
  // never leaves files the kiosk cannot write.
  struct stat st {};
  if (::stat(kInstalledDataDir, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == ::geteuid()) {
    return kInstalledDataDir;
  }
  // NOLINTNEXTLINE(concurrency-mt-unsafe): read at start-up, before any thread exists
  if (const char* state = std::getenv("XDG_STATE_HOME"); state != nullptr && *state == '/') {
    return fs::path(state) / "workforce-kiosk";
  }
  // NOLINTNEXTLINE(concurrency-mt-unsafe): read at start-up, before any thread exists
  if (const char* home = std::getenv("HOME"); home != nullptr && *home == '/') {
    return fs::path(home) / ".local" / "state" / "workforce-kiosk";
  }
  return fs::temp_directory_path() / "workforce-kiosk";
}

std::optional<std::string> ensure_private_dir(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return "cannot create " + dir.string() + ": " + ec.message();
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  if (ec) return "cannot restrict " + dir.string() + ": " + ec.message();
  return std::nullopt;
}

}  // namespace kiosk::paths
