// `workforce-kiosk provision`: a site's configuration from the default one. The text is edited,
// not regenerated, so every comment a technician reads stays where it was; the result is checked
// with the same validation the kiosk runs at start-up before anything is written.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include "kiosk/base/atomic_file.h"
#include "kiosk/base/paths.h"
#include "kiosk/base/wipe.h"
#include "kiosk/cli/cli.h"
#include "kiosk/cli/no_echo.h"
#include "kiosk/config/config.h"
#include "kiosk/signup/sealing.h"
#include "kiosk/staff/pin.h"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

// A TOML basic string: quotes, backslashes and control characters escaped.
std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char u[8];
          std::snprintf(u, sizeof u, "\\u%04X", static_cast<unsigned>(c));
          out += u;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

// Whether `line` sets `key` ("key = …"); `commented` also takes "# key = …".
bool sets(std::string_view line, std::string_view key, bool commented) {
  line = trim(line);
  if (commented && line.starts_with('#')) line = trim(line.substr(1));
  if (!line.starts_with(key)) return false;
  return trim(line.substr(key.size())).starts_with('=');
}

// Sets `key` in `[section]` to `value` (TOML text): replaces the line that sets it, else adds
// one under its commented example ("# pin_hash = …"), else under the section's header; a
// missing section is added at the end.
void set_key(std::vector<std::string>& lines, std::string_view section, std::string_view key,
             const std::string& value) {
  const std::string header = "[" + std::string(section) + "]";
  const std::string line = std::string(key) + " = " + value;
  std::size_t start = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (trim(lines[i]) == header) {
      start = i;
      break;
    }
  }
  if (start == lines.size()) {
    lines.emplace_back("");
    lines.push_back(header);
    lines.push_back(line);
    return;
  }
  std::size_t end = start + 1;
  while (end < lines.size() && !trim(lines[end]).starts_with('[')) ++end;
  for (std::size_t i = start + 1; i < end; ++i) {
    if (sets(lines[i], key, false)) {
      lines[i] = line;
      return;
    }
  }
  for (std::size_t i = start + 1; i < end; ++i) {
    if (sets(lines[i], key, true)) {
      lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(i + 1), line);
      return;
    }
  }
  lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(start + 1), line);
}

int refuse(const std::string& why) {
  std::cerr << "workforce-kiosk: provision: " << why << '\n';
  return 1;
}

}  // namespace

int run_provision(const Options& options, std::istream& in) {
  const fs::path source = options.config.value_or(paths::resource_dir() / "config" / "kiosk.toml");
  std::ifstream file(source, std::ios::binary);
  if (!file) return refuse("cannot read " + source.string());
  std::vector<std::string> lines;
  for (std::string line; std::getline(file, line);) lines.push_back(line);

  set_key(lines, "kiosk", "id", toml_string(*options.kiosk_id));
  set_key(lines, "kiosk", "location", toml_string(*options.location));
  if (options.language) {
    set_key(lines, "kiosk", "default_language", toml_string(language_code(*options.language)));
  }

  // The staff PIN: a line of digits on standard input (prompted, without echo, at a terminal).
  std::string pin = read_secret_line(
      in, "Staff PIN (4 to 8 digits; Enter alone: no staff entry): ", staff::kMaxPinDigits);
  if (!pin.empty()) {
    const bool valid = staff::valid_pin(pin);
    const auto hash = valid ? staff::hash_pin(pin) : std::nullopt;
    wipe(pin);
    if (!valid) return refuse("the staff PIN must be 4 to 8 digits (0-9)");
    if (!hash) return refuse("cannot hash the staff PIN (libsodium)");
    set_key(lines, "staff", "pin_hash", toml_string(*hash));
  } else {
    std::cerr << "workforce-kiosk: provision: no staff PIN given: staff cannot open their panel "
                 "until [staff] pin_hash is set (workforce-kiosk pin-hash)\n";
  }

  // The intake team's public key: theirs when DIR holds it, else a new pair made there (the
  // secret half goes to the intake team, never onto a kiosk).
  if (options.intake_keys) {
    const fs::path pub = *options.intake_keys / "intake.pub";
    std::error_code ec;
    if (!fs::exists(pub, ec)) {
      if (auto error = write_key_pair(*options.intake_keys)) return refuse(*error);
      std::cerr << "workforce-kiosk: provision: made a new intake key pair in "
                << options.intake_keys->string()
                << ": intake.key opens every sign-up; give it to the intake team and keep it off "
                   "the kiosk\n";
    }
    std::ifstream key_file(pub);
    std::string key;
    std::getline(key_file, key);
    set_key(lines, "signup", "public_key", toml_string(std::string(trim(key))));
  }

  std::ostringstream text;
  for (const auto& line : lines) text << line << '\n';
  const std::string out_name = options.out ? options.out->string() : std::string("(stdout)");
  const ConfigResult checked = parse_config(text.str(), out_name);
  if (!checked.config) {
    for (const auto& e : checked.errors) {
      std::cerr << "workforce-kiosk: provision: " << e.to_string() << '\n';
    }
    return refuse("the configuration would not be valid; nothing was written");
  }
  if (!options.out) {
    std::cout << text.str();
    return 0;
  }
  // Replacing a file keeps its owner, group and mode (/etc/workforce-kiosk/kiosk.toml is
  // root:workforce-kiosk 0640: the kiosk reads it, nobody else); a new file is 0640.
  struct stat before {};
  const bool existed = ::stat(options.out->c_str(), &before) == 0;
  const mode_t mode = existed ? (before.st_mode & 07777) : 0640;
  if (auto error = write_file_atomically(*options.out, text.str(), mode)) return refuse(*error);
  if (existed && ::geteuid() == 0 &&
      ::chown(options.out->c_str(), before.st_uid, before.st_gid) != 0) {
    return refuse("cannot give " + out_name + " back its owner");
  }
  ::chmod(options.out->c_str(), mode);  // the umask does not narrow it
  std::cerr << "workforce-kiosk: provision: wrote " << out_name << " for kiosk "
            << *options.kiosk_id << '\n';
  return 0;
}

}  // namespace kiosk
