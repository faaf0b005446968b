// Fuzz target: what the kiosk puts in its QR codes, and the encoder (kiosk/base/qr.h). The first
// byte chooses what the rest is:
//   0: text for the encoder, at level M or L. It encodes exactly when it is 1 to 2,331 (M) or
//      2,953 (L) bytes, into a square of a QR version's size whose finder and timing patterns
//      sit where a phone looks for them.
//   1: a feed (any format). Every link a listing keeps is a web link (http:// or https://, no
//      space or control byte) that fits a QR code, and its short form (what the screen shows) is
//      the end of it; every event with a start gives calendar text that passes
//      tests/fuzz/ics_checks.h.
//   2: a configuration file. When it is accepted, the sign-up's activation link made from its
//      [signup] activate_url and a fresh reference is an https:// link (or http:// to this
//      machine) without a "{reference}" left, without spaces, and fits a QR code.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "kiosk/base/qr.h"
#include "kiosk/config/config.h"
#include "kiosk/feeds/bounds.h"
#include "kiosk/feeds/ical.h"
#include "kiosk/feeds/normalize.h"
#include "kiosk/i18n/format.h"
#include "kiosk/signup/sealing.h"
#include "kiosk/signup/signup_service.h"
#include "kiosk/sync/sync.h"
#include "tests/fuzz/ics_checks.h"

namespace {

[[noreturn]] void fail() {
  std::abort();
}

void check_code(const kiosk::QrCode& qr) {
  const int n = qr.size();
  if (n < 21 || n > 177 || (n - 17) % 4 != 0) fail();
  // The three finder patterns: a dark 7x7 ring, a light ring inside, a dark 3x3 centre.
  for (const auto& [ox, oy] : {std::pair{0, 0}, std::pair{n - 7, 0}, std::pair{0, n - 7}}) {
    for (int y = 0; y < 7; ++y) {
      for (int x = 0; x < 7; ++x) {
        const int ring = std::max(std::abs(x - 3), std::abs(y - 3));
        if (qr.dark(ox + x, oy + y) != (ring != 2)) fail();
      }
    }
  }
  // The timing patterns between them alternate, dark first.
  for (int i = 8; i < n - 8; ++i) {
    if (qr.dark(i, 6) != (i % 2 == 0) || qr.dark(6, i) != (i % 2 == 0)) fail();
  }
}

void check_encoder(std::string_view text, kiosk::QrCode::Level level) {
  const std::size_t capacity = level == kiosk::QrCode::Level::Low ? 2953 : 2331;
  const auto qr = kiosk::QrCode::encode(text, level);
  if (qr.has_value() != (!text.empty() && text.size() <= capacity)) fail();
  if (qr) check_code(*qr);
}

// A link a listing keeps: what a phone opens from the code.
void check_link(const std::string& link, int& encoded) {
  if (link.empty()) return;
  const std::string head = kiosk::feeds::lower(std::string_view(link).substr(0, 8));
  if (!head.starts_with("http://") && !head.starts_with("https://")) fail();
  for (const char c : link) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) fail();
  }
  if (link.size() > kiosk::feeds::kUrlBytes) fail();
  if (!link.ends_with(kiosk::short_link(link))) fail();
  // Encoding costs a few milliseconds: the first few links of an input are enough.
  if (encoded < 3) {
    ++encoded;
    const auto qr = kiosk::QrCode::encode(link);
    if (!qr) fail();
    check_code(*qr);
  }
}

void check_feed(std::string_view body) {
  auto parsed = kiosk::parse_feed(body, "https://feeds.example.org/listings.json");
  auto* feed = std::get_if<kiosk::ParsedFeed>(&parsed);
  if (feed == nullptr) return;
  kiosk::feeds::SkippedRecords skipped;
  kiosk::feeds::bound_records(*feed, skipped);
  int encoded = 0;
  for (const auto& job : feed->jobs) check_link(job.apply_url, encoded);
  for (const auto& program : feed->programs) check_link(program.url, encoded);
  for (const auto& service : feed->services) check_link(service.url, encoded);
  int calendars = 0;
  for (const auto& event : feed->events) {
    check_link(event.url, encoded);
    if (!event.start || calendars >= 2) continue;
    ++calendars;
    const std::string place = kiosk::place_line(event.place);
    const std::string cal = kiosk::feeds::icalendar(event, event.name.en, place, 1796000000);
    if (cal.empty()) fail();  // a feed's date is always a calendar's
    kiosk::fuzz::check_icalendar(cal, event.name.en, place, event.url);
  }
}

void check_signup_link(std::string_view config_text) {
  const auto result = kiosk::parse_config(config_text, "fuzz.toml");
  if (!result.config) return;
  const std::string& url = result.config->signup.activate_url;
  if (url.empty()) return;
  const std::string reference = kiosk::make_reference();
  if (reference.size() != 9 || reference[4] != '-') fail();
  for (std::size_t i = 0; i < reference.size(); ++i) {
    if (i != 4 && std::string_view("0123456789ABCDEFGHJKMNPQRSTVWXYZ").find(reference[i]) ==
                      std::string_view::npos) {
      fail();
    }
  }
  const std::string link = kiosk::activate_link(url, reference);
  if (link.find("{reference}") != std::string::npos) fail();
  std::size_t slots = 0;
  for (auto at = url.find("{reference}"); at != std::string::npos;
       at = url.find("{reference}", at + 11))
    ++slots;
  if (link.size() != url.size() - slots * (11 - reference.size())) fail();
  if (!link.starts_with("https://") && !link.starts_with("http://")) fail();
  for (const char c : link) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) fail();
  }
  const auto qr = kiosk::QrCode::encode(link);
  if (!qr) fail();
  check_code(*qr);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 3) {
    case 0:
      check_encoder(
          rest, (data[0] & 0x80) != 0 ? kiosk::QrCode::Level::Low : kiosk::QrCode::Level::Medium);
      break;
    case 1:
      check_feed(rest);
      break;
    default:
      check_signup_link(rest);
      break;
  }
  return 0;
}
