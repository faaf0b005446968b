// Fuzz target: the printout. The input is split at line breaks into the page's fields (header,
// title, subtitle, footer, then facts, blocks and codes in turn, a field's first byte choosing
// where it goes), so bytes of any kind reach pango and the QR encoder. Every input must give one
// complete PDF page.
#include <cstdint>
#include <string>
#include <string_view>

#include "kiosk/print/printout.h"

// Under LeakSanitizer (the asan preset, libFuzzer): fontconfig keeps the font patterns of its
// first use in caches of its own until the process ends; that is fontconfig's memory, not a leak
// of the page's (RSS stays flat over 1,000 pages: tests/bench/printout_bench.cpp).
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n";
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  kiosk::Printout p;
  std::size_t field = 0;
  for (std::size_t at = 0; at <= input.size(); ++field) {
    std::size_t end = input.find('\n', at);
    if (end == std::string_view::npos) end = input.size();
    const std::string text(input.substr(at, end - at));
    at = end + 1;
    const unsigned char kind = text.empty() ? 0 : static_cast<unsigned char>(text[0]);
    using Type = kiosk::Printout::Block::Type;
    switch (field < 4 ? field : 4 + kind % 5) {
      case 0:
        p.header = text;
        break;
      case 1:
        p.title = text;
        break;
      case 2:
        p.subtitle = text;
        break;
      case 3:
        p.footer = text;
        break;
      case 4:
        p.facts.push_back({text.substr(0, text.size() / 3), text.substr(text.size() / 3)});
        break;
      case 5:
        p.blocks.push_back({Type::Heading, {text}});
        break;
      case 6:
        p.blocks.push_back({Type::Bullets, {text, text}});
        break;
      case 7:
        p.codes.push_back({text.substr(0, 20), text, text});
        break;
      default:
        p.blocks.push_back({Type::Paragraph, {text}});
        break;
    }
  }
  const std::string pdf = kiosk::render_pdf(p);
  if (!pdf.starts_with("%PDF-1.") || !pdf.ends_with("%%EOF\n")) __builtin_trap();
  if (pdf.find("/Type /Page ") == std::string::npos) __builtin_trap();
  return 0;
}
