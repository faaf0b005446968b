// A printable one-page summary of a listing (a job, a program, an event, a service), drawn with
// cairo and pango as PDF for CUPS. The caller passes text already in the resident's language;
// this file only lays it out: a header, the title, facts, paragraphs, and at the bottom a box
// with up to two QR codes, each with a label and a caption beside it.
#pragma once

#include <cstddef>
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
  // A QR code and the words beside it: the link to apply, an event for the phone's calendar.
  struct Code {
    std::string label;    // "Apply online", bold
    std::string data;     // what the code holds, byte for byte (a link, iCalendar text)
    std::string caption;  // under the label: the link itself, or how to use the code
  };
  static constexpr std::size_t kMaxCodes = 2;  // side by side; any after these are not printed

  std::string header;    // kiosk name and place, small, at the top
  std::string title;     // job title, large
  std::string subtitle;  // employer
  std::vector<Fact> facts;
  std::vector<Block> blocks;  // what the job is, what it asks; cut to fit one page
  std::vector<Code> codes;
  std::string footer;  // "Printed on … at …"
};

// A complete PDF of one US Letter page, the text in Noto Sans (other Noto families for other
// scripts) with the fonts embedded. Lines wrap at word boundaries (long words such as links
// anywhere); what does not fit above the codes is cut at a whole line that ends with "…".
// Any input gives a valid page: invalid UTF-8 prints as U+FFFD, control characters as spaces.
// Empty only when cairo itself fails (out of memory).
std::string render_pdf(const Printout& printout);

// Where render_pdf draws code `index` of `count` (quiet zone included): points from the page's
// top-left corner. For tests that read the page back.
struct PageSquare {
  double x = 0;
  double y = 0;
  double side = 0;
};
PageSquare code_square(std::size_t index, std::size_t count);

}  // namespace kiosk
