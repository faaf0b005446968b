// Where the kiosk finds its read-only resources (locales, config, assets) and its data directory.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace kiosk::paths {

// The directory holding locales/, config/ and assets/: the installed share directory when it
// exists, otherwise the source tree the binary was built from. WORKFORCE_KIOSK_RESOURCES overrides.
std::filesystem::path resource_dir();

// The configuration used when --config is not given: /etc/workforce-kiosk/kiosk.toml when
// present, otherwise <resource_dir>/config/kiosk.toml.
std::filesystem::path default_config();

// The data directory used when --data-dir is not given: $STATE_DIRECTORY (systemd's
// StateDirectory=), /var/lib/workforce-kiosk for the kiosk's own user,
// $XDG_STATE_HOME/workforce-kiosk, or ~/.local/state/workforce-kiosk.
std::filesystem::path default_data_dir();

// Creates `dir` (and parents) with mode 0700. Returns an error sentence on failure.
std::optional<std::string> ensure_private_dir(const std::filesystem::path& dir);

}  // namespace kiosk::paths
