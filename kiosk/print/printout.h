// A printable one-page summary (a job now; programs and events later), rendered as PostScript
// for CUPS. The caller passes text already in the resident's language; this file only lays it
// out: title, facts, paragraphs, the QR code of the link and the link itself under it.
#pragma once

#include <string>
#include <vector>

namespace kiosk {

struct Printout {
  struct Fact {
    std::string label;  // "Pay"
    std::string value;  // "$18.50 an hour"
  };
  struct Block {
    enum class Type { Heading, Paragraph, Bullets };
    Type type = Type::Paragraph;
    std::vector<std::string> lines;
  };

  std::string header;    // kiosk name and place, small, at the top
  std::string title;     // job title, large
  std::string subtitle;  // employer
  std::vector<Fact> facts;
  std::vector<Block> blocks;  // what the job is, what it asks; cut to fit one page
  std::string link_label;     // "Apply on your phone or computer:"
  std::string link;           // encoded in the QR and printed under it
  std::string footer;         // "Printed on … at …"
};

// A complete PostScript document of one page (US Letter), text in UTF-8 converted to
// ISO-8859-1 (what the standard fonts carry; anything else becomes '?'). Lines wrap at word
// boundaries; what does not fit on the page is cut at a whole line and ends with "…".
std::string render_postscript(const Printout& printout);

}  // namespace kiosk
