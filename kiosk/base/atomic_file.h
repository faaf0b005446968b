// Writing a file so that a crash or a SIGKILL leaves the old file or the new one, never a part:
// a temporary file beside it (named "." + name + kPartialMarker + a unique tail), fsync, rename,
// fsync of the directory. Sealed sign-ups are written this way (outbox export, the intake
// receiver's store).
#pragma once

#include <sys/types.h>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// What a temporary file's name holds: a reader of the folder can tell (and remove) one left by a
// crash.
inline constexpr std::string_view kPartialMarker = ".part-";

// nullopt on success, else one sentence. The file gets `mode` (before the umask).
std::optional<std::string> write_file_atomically(const std::filesystem::path& file,
                                                 std::string_view bytes, mode_t mode = 0640);

// The same through a temporary file named by the caller, in the same folder (one left by a crash
// is overwritten): for readers that pick files by their ending, such as node_exporter's textfile
// collector, which reads NAME.prom and never NAME.prom.tmp. One writer per `temp` at a time.
std::optional<std::string> write_file_atomically_via(const std::filesystem::path& file,
                                                     const std::filesystem::path& temp,
                                                     std::string_view bytes, mode_t mode = 0644);

// A small state file written that way, read back: at most max_bytes + 1 bytes (more than
// max_bytes: not a file of ours), nothing when it does not exist or cannot be read.
std::optional<std::string> read_small_file(const std::filesystem::path& file,
                                           std::size_t max_bytes);

}  // namespace kiosk
