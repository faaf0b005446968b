#include "kiosk/base/qr.h"

#include <qrencode.h>

#include <memory>

namespace kiosk {

namespace {

struct QrFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};
using QrPtr = std::unique_ptr<QRcode, QrFree>;

}  // namespace

std::optional<QrCode> QrCode::encode(std::string_view text, Level level) {
  // Version 40 holds 2331 bytes at level M, 2953 at L; refuse anything bigger before
  // libqrencode spends time on it (it would fail with ERANGE anyway).
  const std::size_t kMaxBytes = level == Level::Low ? 2953 : 2331;
  if (text.empty() || text.size() > kMaxBytes) return std::nullopt;
  // encodeData, not encodeString8bit: the length is explicit, so text need not end in NUL.
  const QrPtr code(QRcode_encodeData(
      static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()),
      /*version=*/0, level == Level::Low ? QR_ECLEVEL_L : QR_ECLEVEL_M));
  if (!code || code->width <= 0 || code->data == nullptr) return std::nullopt;

  QrCode qr;
  qr.size_ = code->width;
  const auto count = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
  qr.modules_.resize(count);
  for (std::size_t i = 0; i < count; ++i)
    qr.modules_[i] = (code->data[i] & 1U) != 0;  // bit 0: dark
  return qr;
}

}  // namespace kiosk
