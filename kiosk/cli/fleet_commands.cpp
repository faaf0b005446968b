// The technician's side of signed remote configuration: the signing key pair, signing a file,
// and checking a signed file (README, "Remote configuration, signed").
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "kiosk/base/atomic_file.h"
#include "kiosk/base/iso_time.h"
#include "kiosk/cli/cli.h"
#include "kiosk/config/config.h"
#include "kiosk/fleet/signed_config.h"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

int fail_with(const std::string& why) {
  std::cerr << "workforce-kiosk: " << why << '\n';
  return 1;
}

std::optional<std::string> read_config_text(const fs::path& file) {
  const auto text = read_small_file(file, fleet::kMaxSignedBytes);
  if (!text || text->size() > fleet::kMaxSignedBytes) return std::nullopt;
  return text;
}

}  // namespace

int run_signing_keygen(const Options& options) {
  const fs::path& dir = *options.out;
  if (auto error = fleet::write_signing_key_pair(dir)) return fail_with(*error);
  const auto pub = fleet::read_signing_public_key(dir / "signing.pub");
  if (!pub.key) return fail_with(pub.error);
  if (options.json) {
    const nlohmann::json out = {{"public_key", pub.text},
                                {"public_key_file", (dir / "signing.pub").string()},
                                {"secret_key_file", (dir / "signing.key").string()}};
    std::cout << out.dump() << '\n';
  } else {
    std::cout << "wrote " << (dir / "signing.pub").string() << " and "
              << (dir / "signing.key").string() << " (mode 0600)\n"
              << "put this line in each kiosk's kiosk.toml:\n"
              << "  [fleet] config_public_key = \"" << pub.text << "\"\n"
              << "signing.key signs remote configurations: keep it off the kiosks\n";
  }
  return 0;
}

int run_sign_config(const Options& options) {
  const fs::path& file = options.files.front();
  const auto text = read_config_text(file);
  if (!text) return fail_with("cannot read " + file.string() + " (or larger than 1 MiB)");
  if (fleet::split_signed(*text).parts) {
    return fail_with(file.string() + " is signed already (sign the file before its .signed copy)");
  }
  const ConfigResult checked = parse_config(*text, file.string());
  if (!checked.config) {
    for (const auto& e : checked.errors) std::cerr << e.to_string() << '\n';
    return fail_with("refusing to sign a configuration that does not pass check-config");
  }
  const SecretKeyResult key = fleet::read_signing_secret_key(*options.secret_key);
  if (!key.key) return fail_with(key.error);
  const auto signed_text = fleet::sign_text(*text, *key.key);
  if (!signed_text) return fail_with("cannot sign with " + options.secret_key->string());
  fs::path out = file;
  out += ".signed";
  if (auto error = write_file_atomically(out, *signed_text, 0644)) return fail_with(*error);
  const std::int64_t version = checked.config->fleet.config_version;
  if (options.json) {
    std::cout << nlohmann::json{{"file", out.string()}, {"config_version", version}}.dump() << '\n';
  } else {
    std::cout << "wrote " << out.string() << " ([fleet] config_version = " << version << ")\n";
  }
  return 0;
}

int run_check_signed_config(const Options& options) {
  const fs::path file = options.config.value_or(fs::path{});
  std::vector<std::string> problems;
  std::optional<Config> config;
  const auto pub = fleet::read_signing_public_key(*options.signed_by);
  const auto text = file.empty() ? std::nullopt : read_config_text(file);
  if (!pub.key) {
    problems.push_back(pub.error);
  } else if (!text) {
    problems.push_back(file.empty() ? "check-config --signed-by needs --config FILE.signed"
                                    : "cannot read " + file.string() + " (or larger than 1 MiB)");
  } else if (const auto split = fleet::split_signed(*text); !split.parts) {
    problems.push_back(file.string() + ": " + split.error);
  } else if (!fleet::signature_valid(*split.parts, *pub.key)) {
    problems.push_back(file.string() + ": the signature does not match " +
                       options.signed_by->string() +
                       " (the file was changed after it was signed, or signed with another key)");
  } else {
    ConfigResult result = parse_config(split.parts->body, file.string());
    for (const auto& e : result.errors) problems.push_back(e.to_string());
    config = std::move(result.config);
    const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    if (config && config->fleet.config_expires_unix && *config->fleet.config_expires_unix <= now) {
      problems.push_back(file.string() + ": expired at " +
                         iso_utc(*config->fleet.config_expires_unix) + " (kiosks refuse it)");
    }
  }
  if (options.json) {
    nlohmann::json out = {{"file", file.string()}, {"ok", problems.empty()}, {"signed", true}};
    out["errors"] = problems;
    if (config) out["config_version"] = config->fleet.config_version;
    std::cout << out.dump() << '\n';
  } else if (problems.empty()) {
    std::cout << file.string() << ": OK, signed by " << options.signed_by->string()
              << ", [fleet] config_version = " << config->fleet.config_version << '\n';
  } else {
    for (const auto& p : problems) std::cerr << p << '\n';
  }
  return problems.empty() ? 0 : 1;
}

}  // namespace kiosk
