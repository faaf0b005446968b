// The sign-up subcommands: keygen (the intake team's key pair) and outbox list, export and open.
// The kiosk's side (list, export) never reads a sign-up; only `outbox open`, run by the intake
// team with the secret key, does.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <iostream>
#include <system_error>

#include <nlohmann/json.hpp>

#include "kiosk/base/iso_time.h"
#include "kiosk/base/paths.h"
#include "kiosk/base/wipe.h"
#include "kiosk/cli/cli.h"
#include "kiosk/signup/envelope.h"
#include "kiosk/signup/outbox.h"
#include "kiosk/signup/outbox_export.h"
#include "kiosk/signup/sealing.h"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kMaxEnvelopeBytes = std::size_t{1} << 20;  // a sign-up is a few KB

int failure(const std::string& why) {
  std::cerr << "workforce-kiosk: " << why << '\n';
  return 1;
}

fs::path data_dir_of(const Options& options) {
  return options.data_dir.value_or(paths::default_data_dir());
}

// The outbox of the data directory, or nothing (with the reason printed) when it cannot be read.
// A data directory without an outbox yet has nothing waiting.
struct OpenedOutbox {
  std::optional<Outbox> box;
  bool failed = false;
};
OpenedOutbox open_outbox(const Options& options) {
  const fs::path dir = data_dir_of(options);
  OpenedOutbox out;
  if (!fs::exists(Outbox::file_in(dir))) return out;
  try {
    out.box.emplace(dir);
  } catch (const sql::SqliteError& e) {
    failure("the outbox in " + dir.string() + " cannot be read: " + e.what());
    out.failed = true;
  }
  return out;
}

// Writes the bytes to `file` whole or not at all: a temporary beside it, synced, then renamed.
std::optional<std::vector<unsigned char>> read_envelope(const fs::path& file, std::string* why) {
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  if (ec) {
    *why = "cannot read it: " + ec.message();
    return std::nullopt;
  }
  if (size > kMaxEnvelopeBytes) {
    *why = "too large for a sealed sign-up";
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  std::vector<unsigned char> bytes(size);
  if (!in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size))) {
    *why = "cannot read it";
    return std::nullopt;
  }
  return bytes;
}

}  // namespace

int run_keygen(const Options& options) {
  if (options.signing) return run_signing_keygen(options);
  const fs::path& dir = *options.out;
  if (auto error = write_key_pair(dir)) return failure(*error);
  std::ifstream in(dir / "intake.pub");
  std::string public_key;
  std::getline(in, public_key);
  if (options.json) {
    const nlohmann::json out = {{"public_key", public_key},
                                {"public_key_file", (dir / "intake.pub").string()},
                                {"secret_key_file", (dir / "intake.key").string()}};
    std::cout << out.dump() << '\n';
  } else {
    std::cout << "wrote " << (dir / "intake.pub").string() << " and "
              << (dir / "intake.key").string() << " (mode 0600)\n"
              << "put this line in each kiosk's kiosk.toml:\n"
              << "  [signup] public_key = \"" << public_key << "\"\n"
              << "intake.key opens every sign-up: keep it with the intake team, never on a "
                 "kiosk\n";
  }
  return 0;
}

int run_outbox_list(const Options& options) {
  OpenedOutbox opened = open_outbox(options);
  if (opened.failed) return 1;
  std::vector<OutboxEntry> entries;
  try {
    if (opened.box) entries = opened.box->list();
  } catch (const sql::SqliteError& e) {
    return failure(std::string("cannot list the outbox: ") + e.what());
  }
  if (options.json) {
    // In the contract's order: {"pending":N,"envelopes":[{"id":…,"created":…,"attempts":N}]}.
    using ordered = nlohmann::ordered_json;
    ordered list = ordered::array();
    for (const auto& e : entries) {
      list.push_back({{"id", e.id},
                      {"created", iso_utc(e.created)},
                      {"attempts", e.attempts},
                      {"held", e.held}});
    }
    ordered out = ordered::object();
    out["pending"] = entries.size();
    out["envelopes"] = std::move(list);
    std::cout << out.dump() << '\n';
    return 0;
  }
  std::cout << entries.size() << (entries.size() == 1 ? " sign-up" : " sign-ups") << " waiting in "
            << data_dir_of(options).string() << '\n';
  for (const auto& e : entries) {
    std::cout << "  " << e.id << "  created " << iso_utc(e.created) << "  attempts " << e.attempts;
    if (e.held) std::cout << "  held: refused with HTTP " << e.last_status;
    std::cout << '\n';
  }
  return 0;
}

int run_outbox_export(const Options& options) {
  const fs::path& out_dir = options.files.front();
  const OutboxExport exported = export_outbox(data_dir_of(options), out_dir);
  if (!exported.error.empty()) return failure(exported.error);
  nlohmann::json files = nlohmann::json::array();
  for (const fs::path& file : exported.files) files.push_back(file.string());
  if (options.json) {
    std::cout << nlohmann::json{{"exported", files.size()}, {"files", files}}.dump() << '\n';
  } else {
    std::cout << "exported " << files.size() << (files.size() == 1 ? " sign-up" : " sign-ups")
              << " to " << out_dir.string()
              << " (still sealed; they stay in the outbox until delivered)\n";
  }
  return 0;
}

int run_outbox_open(const Options& options) {
  const SecretKeyResult key = read_secret_key(*options.secret_key);
  if (!key.key) return failure(key.error);
  nlohmann::ordered_json signups = nlohmann::ordered_json::array();  // fields as they were written
  int failed = 0;
  for (const fs::path& file : options.files) {
    std::string why;
    const auto sealed = read_envelope(file, &why);
    std::optional<SecretBytes> plain;
    if (sealed) {
      plain = open_sealed(*sealed, *key.key);
      if (!plain) why = "not sealed to this key pair, or damaged";
    }
    if (plain) {
      if (auto problem = check_envelope_json(plain->view())) why = *problem;
    }
    if (!why.empty()) {
      std::cerr << "workforce-kiosk: " << file.string() << ": " << why << '\n';
      ++failed;
      continue;
    }
    signups.push_back(nlohmann::ordered_json::parse(plain->view()));
  }
  std::cout << signups.dump(2) << '\n';
  return failed == 0 ? 0 : 1;
}

}  // namespace kiosk
