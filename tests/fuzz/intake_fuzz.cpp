// Fuzz target: the reference intake receiver's handling of a POST (packaging/intake/receiver.h),
// everything after cpp-httplib has read the request. The first byte chooses the receiver (with a
// secret key, or without: then it stores any sealed-sized body) and whether the body is sealed to
// that key first (so the envelope check behind the seal is reached); then come the
// Idempotency-Key line, the Content-Type line and the body. Whatever arrives: a key other than
// letters, digits, '-' and '_' is refused and never names a file; a 201 stores exactly the body
// as STORE/KEY.sealed and the same POST again is answered the same, as a repeat; a refusal stores
// nothing; every answer is a JSON object; nothing else is ever left in the store.
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kiosk/signup/sealing.h"
#include "packaging/intake/receiver.h"

namespace {

namespace fs = std::filesystem;
using kiosk::intake::Receiver;

[[noreturn]] void fail() {
  std::abort();
}

struct Setup {
  Setup() : secret(kiosk::kSecretKeyBytes) {
    if (!kiosk::sodium_ready()) fail();
    unsigned char seed[crypto_box_SEEDBYTES] = {42};
    crypto_box_seed_keypair(pub.bytes.data(), secret.data(), seed);
    // Written on every input: a RAM disk when there is one.
    const fs::path base =
        fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    root = base / ("intake-fuzz-" + std::to_string(getpid()));
    fs::remove_all(root);
    fs::create_directories(root / "keyed");
    fs::create_directories(root / "open");
    kiosk::intake::ReceiverOptions keyed;
    keyed.store = root / "keyed";
    keyed.secret_key = kiosk::SecretBytes(
        std::string_view(reinterpret_cast<const char*>(secret.data()), kiosk::kSecretKeyBytes));
    keyed.quiet = true;
    kiosk::intake::ReceiverOptions open;
    open.store = root / "open";
    open.quiet = true;
    with_key = std::make_unique<Receiver>(std::move(keyed));
    without_key = std::make_unique<Receiver>(std::move(open));
  }
  ~Setup() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  kiosk::PublicKey pub;
  kiosk::SecretBytes secret;
  fs::path root;
  std::unique_ptr<Receiver> with_key;
  std::unique_ptr<Receiver> without_key;
};

bool good_key(std::string_view key) {
  return !key.empty() && key.size() <= 128 && std::ranges::all_of(key, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

std::string_view take_line(std::string_view& rest) {
  const std::size_t end = rest.find('\n');
  const std::string_view line = rest.substr(0, end);
  rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
  return line;
}

void check_answer(const Receiver::Answer& answer) {
  const auto j = nlohmann::json::parse(answer.body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) fail();
  switch (answer.status) {
    case 201:
    case 400:
    case 409:
    case 415:
    case 422:
    case 503:
      break;
    default:
      fail();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Setup setup;
  if (size == 0) return 0;
  const bool keyed = (data[0] & 1) != 0;
  const bool seal_first = (data[0] & 2) != 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string key(take_line(rest));
  const std::string content_type(take_line(rest));
  std::string body(rest);
  if (seal_first) {
    const auto sealed = kiosk::seal(body, setup.pub);
    body.assign(sealed.begin(), sealed.end());
  }
  Receiver& receiver = keyed ? *setup.with_key : *setup.without_key;
  const fs::path store = keyed ? setup.root / "keyed" : setup.root / "open";

  const Receiver::Answer answer = receiver.handle(key, content_type, body);
  check_answer(answer);
  if (!good_key(key) && answer.status != 400) fail();
  if (!content_type.starts_with("application/octet-stream") && answer.status != 400 &&
      answer.status != 415) {
    fail();
  }
  if (answer.replayed) fail();  // the store was empty: nothing to repeat

  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(store)) {
    ++files;
    if (answer.status != 201 || entry.path().filename() != key + ".sealed") fail();
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string stored{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (stored != body) fail();
  }
  if (answer.status == 201) {
    if (files != 1) fail();
    const auto j = nlohmann::json::parse(answer.body);
    if (j.value("received", std::string()) != key ||
        j.value("bytes", std::size_t{0}) != body.size()) {
      fail();
    }
    // The same POST again: the first receipt, as a repeat, and the file untouched.
    const Receiver::Answer again = receiver.handle(key, content_type, body);
    if (again.status != 201 || !again.replayed || again.body != answer.body) fail();
    fs::remove(store / (key + ".sealed"));
  } else if (files != 0) {
    fail();
  }
  return 0;
}
