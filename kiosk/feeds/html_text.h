// Job and program descriptions arrive as HTML (Greenhouse, Lever, JSON-LD) or as plain text
// (CSV exports). The kiosk never renders HTML: everything becomes paragraphs, headings and bullet
// lists of clean text, so markup, scripts and hidden characters from a feed cannot reach a screen.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "kiosk/model/model.h"

namespace kiosk::feeds {

// Most text one description may produce; longer ones are cut (with "…") at this many bytes.
inline constexpr std::size_t kMaxDescriptionBytes = std::size_t{64} * 1024;

// HTML through a real HTML5 parser (gumbo). Paragraph-level elements become paragraphs, <h1>-<h6>
// headings, each <ul>/<ol> one bullet list (nested lists flattened into it), table rows
// paragraphs with the cells joined by " — ". Script, style, embedded objects and comments are
// dropped with their content; links keep their text and lose their URL.
RichText html_to_blocks(std::string_view html);

// Plain text: blank lines separate paragraphs; lines starting "- ", "* ", "• ", "· " or "1. "
// are bullets, consecutive ones forming one list.
RichText text_to_blocks(std::string_view text);

// html_to_blocks when the text contains HTML tags, text_to_blocks otherwise.
RichText description_blocks(std::string_view text);

// True when the text contains something that is clearly an HTML tag (<p, <br, <li, </…>, …).
bool looks_like_html(std::string_view text);

// Decodes one level of HTML character references: named ones (amp, lt, gt, quot, apos, nbsp,
// the Latin-1 letters and common punctuation), decimal and hex. Unknown ones stay as written.
// For feeds that escape their HTML once more than they should (Greenhouse's "content").
std::string decode_html_entities(std::string_view text);

// Every line of every block joined with '\n', for full-text search.
std::string blocks_to_plain(const RichText& blocks);

}  // namespace kiosk::feeds
