#include "kiosk/base/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <fstream>
#include <system_error>

namespace kiosk {

namespace {

// Writes `temp`, flushes it, renames it over `file` and flushes the folder.
std::optional<std::string> write_through(const std::filesystem::path& file,
                                         const std::filesystem::path& temp, std::string_view bytes,
                                         mode_t mode, int create_flags) {
  const std::filesystem::path dir = file.parent_path();
  const auto failed = [&](const char* what) {
    const int error = errno;
    ::unlink(temp.c_str());
    return std::string(what) + " " + temp.string() + ": " + std::generic_category().message(error);
  };
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | create_flags, mode);
  if (fd < 0) return failed("cannot create");
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      return failed("cannot write");
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    ::close(fd);
    return failed("cannot flush");
  }
  ::close(fd);
  if (::rename(temp.c_str(), file.c_str()) != 0) return failed("cannot rename");
  const int dir_fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> write_file_atomically(const std::filesystem::path& file,
                                                 std::string_view bytes, mode_t mode) {
  static std::atomic<unsigned> counter{0};
  const std::filesystem::path temp =
      file.parent_path() /
      ("." + file.filename().string() + std::string(kPartialMarker) + std::to_string(::getpid()) +
       "-" + std::to_string(counter.fetch_add(1)));
  return write_through(file, temp, bytes, mode, O_EXCL);
}

std::optional<std::string> write_file_atomically_via(const std::filesystem::path& file,
                                                     const std::filesystem::path& temp,
                                                     std::string_view bytes, mode_t mode) {
  return write_through(file, temp, bytes, mode, O_TRUNC);
}

std::optional<std::string> read_small_file(const std::filesystem::path& file,
                                           std::size_t max_bytes) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::string text(max_bytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

}  // namespace kiosk
