// QR codes for "take it with you": a link encoded with libqrencode into a square of modules,
// drawn by the UI and by printouts alike.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace kiosk {

class QrCode {
 public:
  // Error correction: M for links (a scratched printout still reads); L for long text such
  // as a calendar event, whose code would otherwise grow too dense for a phone at arm's length.
  enum class Level { Low, Medium };
  // Encodes text (8-bit mode). nullopt when it does not fit or is empty.
  static std::optional<QrCode> encode(std::string_view text, Level level = Level::Medium);

  int size() const { return size_; }  // modules per side, without the quiet zone
  bool dark(int x, int y) const {
    return modules_[static_cast<std::size_t>(y) * static_cast<std::size_t>(size_) +
                    static_cast<std::size_t>(x)];
  }
  static constexpr int kQuietZone = 4;  // light modules around it, per the standard

 private:
  int size_ = 0;
  std::vector<bool> modules_;
};

}  // namespace kiosk
