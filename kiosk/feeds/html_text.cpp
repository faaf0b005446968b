#include "kiosk/feeds/html_text.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <optional>
#include <utility>
#include <vector>

#include "kiosk/base/utf8.h"
#include "kiosk/feeds/normalize.h"

namespace kiosk::feeds {
namespace {

// gumbo's tree builder is quadratic in nesting depth and frees its tree recursively, so a feed
// of "<i><i><i>…" could stall a sync for minutes or overflow the stack. Descriptions never need
// more than a few dozen levels: input past these limits is cut before gumbo sees it.
constexpr std::size_t kMaxHtmlBytes = std::size_t{512} * 1024;
constexpr int kMaxNesting = 256;
constexpr std::size_t kMaxActiveFormatting = 64;
// Our own walk skips anything deeper than this, whatever tree gumbo builds.
constexpr int kMaxWalkDepth = 512;

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";         // …
constexpr std::string_view kCellSeparator = " \xE2\x80\x94 ";  // " — "
constexpr std::string_view kDefusedLess = "\xE2\x80\xB9";      // ‹ (U+2039)

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_alpha(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0;
}

char lower_ascii(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

// Text that survived as text but looks like a tag ("&lt;b&gt;" in the source, or "<" and a
// letter joined once invisible characters between them were removed) would be markup again to
// any later consumer that is not careful, such as an HTML export. A description is never HTML,
// so "<" before a letter becomes "‹", which reads the same.
std::string defuse_markup(std::string s) {
  std::size_t pos = 0;
  while ((pos = s.find('<', pos)) != std::string::npos) {
    const char next = pos + 1 < s.size() ? s[pos + 1] : '\0';
    if (is_alpha(next) || next == '/' || next == '!' || next == '?') {
      s.replace(pos, 1, kDefusedLess);
      pos += kDefusedLess.size();
    } else {
      ++pos;
    }
  }
  return s;
}

// One display line: all whitespace (including newlines) collapsed to single spaces, then
// clean_text for control, bidi and zero-width characters and invalid UTF-8. gumbo turns bytes
// that are not text into U+FFFD; a "�" tells a resident nothing, so it goes too.
std::string finish_line(std::string_view raw) {
  std::string flat(raw);
  for (char& c : flat) {
    if (is_space(c)) c = ' ';
  }
  std::string line = clean_text(flat);
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  if (line.find(kReplacement) != std::string::npos) {
    std::string kept;
    std::size_t pos = 0;
    std::size_t hit = 0;
    while ((hit = line.find(kReplacement, pos)) != std::string::npos) {
      kept.append(line, pos, hit - pos);
      pos = hit + kReplacement.size();
    }
    kept.append(line, pos);
    line = clean_text(kept);  // the spaces around a removed character collapse again
  }
  return defuse_markup(std::move(line));
}

// Collects finished lines into blocks, dropping empty ones and enforcing the size cap.
class Collector {
 public:
  bool full() const { return full_; }

  void add(TextBlock::Type type, std::string_view raw) {
    close_list();
    std::string line = finish_line(raw);
    if (!admit(line)) return;
    out_.push_back(TextBlock{type, {std::move(line)}});
  }

  // A bullet of the open list; the list's block is created by its first non-empty bullet, so
  // an empty <ul> leaves nothing behind.
  void add_bullet(std::string_view raw) {
    std::string line = finish_line(raw);
    if (!admit(line)) return;
    if (!list_open_) {
      out_.push_back(TextBlock{TextBlock::Type::Bullets, {}});
      list_open_ = true;
    }
    out_.back().lines.push_back(std::move(line));
  }

  void close_list() { list_open_ = false; }

  RichText take() { return std::move(out_); }

 private:
  bool admit(std::string& line) {
    if (full_ || line.empty()) return false;
    if (total_ + line.size() > kMaxDescriptionBytes) {
      // A single long paragraph is kept whole up to the cap (the screen wraps it); past the cap
      // the description ends with an ellipsis so the cut is visible.
      const std::size_t room = kMaxDescriptionBytes - total_;
      full_ = true;
      if (room <= kEllipsis.size()) return false;
      line.resize(utf8::cut(line, room - kEllipsis.size()));
      while (!line.empty() && line.back() == ' ') line.pop_back();
      if (line.empty()) return false;
      line += kEllipsis;
    }
    total_ += line.size();
    return true;
  }

  RichText out_;
  bool list_open_ = false;
  bool full_ = false;
  std::size_t total_ = 0;
};

// ---- nesting estimate -------------------------------------------------------------------------

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool is_void_tag(std::string_view n) {
  return one_of(n, {"area",     "base", "basefont", "bgsound", "br",    "col",    "embed",
                    "frame",    "hr",   "image",    "img",     "input", "keygen", "link",
                    "menuitem", "meta", "param",    "source",  "track", "wbr"});
}

bool is_formatting_tag(std::string_view n) {
  return one_of(n, {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike",
                    "strong", "tt", "u"});
}

// Start tags that close an open element of the same group instead of nesting in it.
std::vector<std::string_view> closes_group(std::string_view n) {
  if (n == "p") return {"p"};
  if (n == "li") return {"li"};
  if (n == "dt" || n == "dd") return {"dt", "dd"};
  if (n == "option") return {"option"};
  if (n == "tr") return {"tr", "td", "th"};
  if (n == "td" || n == "th") return {"td", "th"};
  if (n == "tbody" || n == "thead" || n == "tfoot") return {"tbody", "thead", "tfoot", "tr"};
  return {};
}

// How many bytes of `html` to give gumbo: a rough model of the HTML tree builder that errs on
// the deep side (an element it cannot place counts as still open) and cuts the input at the
// first tag that would nest past kMaxNesting or keep more than kMaxActiveFormatting formatting
// elements alive (gumbo re-creates those for every paragraph: quadratic time again).
std::size_t nesting_safe_length(std::string_view html) {
  std::vector<std::pair<std::string, std::string>> open;    // tag, formatting key (or empty)
  std::vector<std::pair<std::string, std::string>> active;  // formatting elements still alive
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    const std::size_t tag_start = i;
    const bool end_tag = i + 1 < html.size() && html[i + 1] == '/';
    std::size_t j = i + (end_tag ? 2 : 1);
    if (j >= html.size() || !is_alpha(html[j])) {
      ++i;
      continue;
    }
    std::string name;
    while (j < html.size() && !is_space(html[j]) && html[j] != '/' && html[j] != '>') {
      name += lower_ascii(html[j]);
      ++j;
    }
    const std::size_t close = html.find('>', j);
    if (close == std::string_view::npos) break;  // an unfinished tag at the end: gumbo drops it
    i = close + 1;
    if (end_tag) {
      if (is_formatting_tag(name)) {
        // The adoption agency removes the formatting element wherever it is; the elements
        // around it only close when it is the innermost one.
        for (auto it = active.rbegin(); it != active.rend(); ++it) {
          if (it->first == name) {
            active.erase(std::next(it).base());
            break;
          }
        }
        if (!open.empty() && open.back().first == name) open.pop_back();
        continue;
      }
      for (std::size_t k = open.size(); k-- > 0;) {
        if (open[k].first == name) {
          open.resize(k);
          break;
        }
      }
      continue;
    }
    if (is_void_tag(name)) continue;
    const auto group = closes_group(name);
    for (std::size_t k = open.size(); k-- > 0;) {
      if (one_of(open[k].first, {"table", "ul", "ol", "dl", "select"})) break;
      if (std::find(group.begin(), group.end(), open[k].first) != group.end()) {
        open.resize(k);
        break;
      }
    }
    std::string key;
    if (is_formatting_tag(name)) {
      key = std::string(html.substr(tag_start + 1, close - tag_start - 1));
      // "Noah's Ark": at most three identical formatting elements stay active.
      if (std::count_if(active.begin(), active.end(),
                        [&key](const auto& a) { return a.second == key; }) >= 3) {
        const auto first = std::find_if(active.begin(), active.end(),
                                        [&key](const auto& a) { return a.second == key; });
        active.erase(first);
      }
      active.emplace_back(name, key);
      if (active.size() > kMaxActiveFormatting) return tag_start;
    }
    open.emplace_back(std::move(name), std::move(key));
    if (open.size() > static_cast<std::size_t>(kMaxNesting)) return tag_start;
  }
  return html.size();
}

// ---- the HTML walk ----------------------------------------------------------------------------

enum class Kind { Inline, Drop, Block, Break, Heading, List, Item, Table, Row, Cell, Caption, Pre };

Kind classify(const GumboElement& e) {
  // SVG and MathML carry no description text a resident needs, and their <title>/<desc> and
  // CDATA are a classic way to hide text from simple filters.
  if (e.tag_namespace != GUMBO_NAMESPACE_HTML) return Kind::Drop;
  switch (e.tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_META:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_IMAGE:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
      return Kind::Drop;
    case GUMBO_TAG_BR:
      return Kind::Break;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      return Kind::Heading;
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_DIR:
      return Kind::List;
    case GUMBO_TAG_LI:
      return Kind::Item;
    case GUMBO_TAG_TABLE:
      return Kind::Table;
    case GUMBO_TAG_TR:
      return Kind::Row;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return Kind::Cell;
    case GUMBO_TAG_CAPTION:
      return Kind::Caption;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
      return Kind::Pre;
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_MARQUEE:
    case GUMBO_TAG_MULTICOL:
      return Kind::Block;
    default:
      return Kind::Inline;  // a, span, strong, em, font, unknown tags, …: their text is kept
  }
}

bool is_blank_node(const GumboNode* n) {
  if (n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_COMMENT) return true;
  if (n->type != GUMBO_NODE_TEXT) return false;
  const char* t = n->v.text.text;
  return t == nullptr || trim(t).empty();
}

bool is_li(const GumboNode* n) {
  return n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_LI &&
         n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML;
}

class HtmlWalker {
 public:
  explicit HtmlWalker(Collector& out) : out_(out) {}

  void walk_children(const GumboNode* node, int depth) {
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
    const GumboVector& kids =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    // Lever and many editors write "<li>…</li><li>…</li>" with no <ul>: a run of such items is
    // one list, as a browser would show it.
    bool implicit_list = false;
    for (unsigned k = 0; k < kids.length && !out_.full(); ++k) {
      const auto* child = static_cast<const GumboNode*>(kids.data[k]);
      if (mode() == Mode::Flow && is_li(child) && !implicit_list) {
        flush_paragraph();
        implicit_list = true;
        ++list_depth_;
      } else if (implicit_list && !is_li(child) && !is_blank_node(child)) {
        end_list_level(true);
        implicit_list = false;
      }
      visit(child, depth + 1);
    }
    if (implicit_list) end_list_level(true);
  }

  void finish() {
    finish_row();
    end_line();
  }

 private:
  enum class Mode { Flow, Item, Heading, Cell };

  // A paragraph whose whole text is one <strong> or <b> run, short enough to be a heading.
  static bool bold_only_paragraph(const GumboNode* node) {
    if (node->v.element.tag != GUMBO_TAG_P) return false;
    const GumboVector& children = node->v.element.children;
    const GumboNode* bold = nullptr;
    for (unsigned i = 0; i < children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i]);
      if (child->type == GUMBO_NODE_WHITESPACE) continue;
      if (child->type != GUMBO_NODE_ELEMENT || bold != nullptr) return false;
      const GumboTag tag = child->v.element.tag;
      if (tag != GUMBO_TAG_STRONG && tag != GUMBO_TAG_B) return false;
      bold = child;
    }
    if (bold == nullptr) return false;
    const GumboVector& inner = bold->v.element.children;
    std::size_t length = 0;
    for (unsigned i = 0; i < inner.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(inner.data[i]);
      if (child->type != GUMBO_NODE_TEXT) return false;
      length += std::strlen(child->v.text.text);
    }
    return length > 0 && length <= 80;
  }

  Mode mode() const {
    if (cell_ > 0) return Mode::Cell;
    if (heading_ > 0) return Mode::Heading;
    if (list_depth_ > 0) return Mode::Item;
    return Mode::Flow;
  }

  void visit(const GumboNode* node, int depth) {
    if (depth > kMaxWalkDepth || out_.full()) return;
    switch (node->type) {
      case GUMBO_NODE_TEXT:
        text(node->v.text.text);
        break;
      case GUMBO_NODE_WHITESPACE:
        space();
        break;
      case GUMBO_NODE_ELEMENT:
        element(node, depth);
        break;
      default:
        break;  // comments, CDATA (foreign content only), <template> contents
    }
  }

  void element(const GumboNode* node, int depth) {
    const Kind kind = classify(node->v.element);
    const Mode m = mode();
    const bool inline_only = m == Mode::Cell || m == Mode::Heading;
    switch (kind) {
      case Kind::Drop:
        return;
      case Kind::Inline:
        walk_children(node, depth);
        return;
      case Kind::Break:
        boundary();
        return;
      case Kind::Block:
        if (m == Mode::Flow && bold_only_paragraph(node)) {
          // <p><strong>What you will do</strong></p>: how most postings write a heading.
          boundary();
          heading(node, depth);
          return;
        }
        boundary();
        walk_children(node, depth);
        boundary();
        return;
      case Kind::Pre:
        boundary();
        ++pre_;
        walk_children(node, depth);
        --pre_;
        boundary();
        return;
      case Kind::Heading:
        if (m != Mode::Flow) break;
        heading(node, depth);
        return;
      case Kind::List:
        if (inline_only) break;
        if (list_depth_ == 0) {
          flush_paragraph();
        } else {
          flush_item();  // the parent item's own text, before its sub-items
        }
        ++list_depth_;
        walk_children(node, depth);
        end_list_level(list_depth_ == 1);
        return;
      case Kind::Item:
        if (m != Mode::Item) break;
        flush_item();
        walk_children(node, depth);
        flush_item();
        return;
      case Kind::Table:
        if (inline_only) break;
        end_line();
        walk_children(node, depth);
        finish_row();
        return;
      case Kind::Row:
        if (inline_only) break;
        finish_row();
        walk_children(node, depth);
        finish_row();
        return;
      case Kind::Cell:
        if (inline_only) break;
        finish_cell();
        ++cell_;
        walk_children(node, depth);
        --cell_;
        finish_cell();
        return;
      case Kind::Caption:
        if (inline_only) break;
        finish_row();
        ++cell_;
        walk_children(node, depth);
        --cell_;
        finish_row();
        return;
    }
    // Structure that cannot apply where it stands (a list in a table cell, a heading in a list
    // item): its text stays, separated by spaces.
    space();
    walk_children(node, depth);
    space();
  }

  void heading(const GumboNode* node, int depth) {
    flush_paragraph();
    ++heading_;
    walk_children(node, depth);
    --heading_;
    out_.add(TextBlock::Type::Heading, buf_);
    buf_.clear();
  }

  void text(const char* t) {
    if (t == nullptr) return;
    // Once the line is far past what the cap lets through, more text cannot show.
    if (buf_.size() > 2 * kMaxDescriptionBytes) return;
    if (pre_ == 0) {
      buf_ += t;
      return;
    }
    std::string_view rest(t);
    std::size_t nl = 0;
    while ((nl = rest.find('\n')) != std::string_view::npos) {
      buf_ += rest.substr(0, nl);
      boundary();
      rest.remove_prefix(nl + 1);
    }
    buf_ += rest;
  }

  void space() {
    if (!buf_.empty() && buf_.back() != ' ') buf_ += ' ';
  }

  // A block edge or a <br>: a new paragraph in running text, a space inside a list item,
  // heading or table cell (which stay one line each).
  void boundary() {
    if (mode() == Mode::Flow) {
      flush_paragraph();
    } else {
      space();
    }
  }

  // Closes whatever line is being built, in any context.
  void end_line() {
    switch (mode()) {
      case Mode::Flow:
        flush_paragraph();
        break;
      case Mode::Item:
        flush_item();
        break;
      default:
        space();
        break;
    }
  }

  void flush_paragraph() {
    out_.add(TextBlock::Type::Paragraph, buf_);
    buf_.clear();
  }

  void flush_item() {
    out_.add_bullet(buf_);
    buf_.clear();
  }

  void end_list_level(bool outermost) {
    flush_item();
    --list_depth_;
    if (outermost) out_.close_list();
  }

  void finish_cell() {
    std::string cell = finish_line(buf_);
    if (!cell.empty()) row_.push_back(std::move(cell));
    buf_.clear();
  }

  void finish_row() {
    finish_cell();
    if (row_.empty()) return;
    std::string line;
    for (const auto& cell : row_) {
      if (!line.empty()) line += kCellSeparator;
      line += cell;
    }
    row_.clear();
    if (list_depth_ > 0) {
      out_.add_bullet(line);  // a table inside a list item stays in the list
    } else {
      out_.add(TextBlock::Type::Paragraph, line);
    }
  }

  Collector& out_;
  std::string buf_;
  std::vector<std::string> row_;
  int list_depth_ = 0;
  int heading_ = 0;
  int cell_ = 0;
  int pre_ = 0;
};

// ---- entities ---------------------------------------------------------------------------------

// Latin-1 names for U+00A0…U+00FF, in code point order.
constexpr std::array<std::string_view, 96> kLatin1Names = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",
    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn",
    "sup2",   "sup3",   "acute",  "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",
    "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde",
    "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",   "Igrave",
    "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde",
    "Ouml",   "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",
    "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil",
    "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute", "icirc",  "iuml",   "eth",
    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave",
    "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml",
};

constexpr std::array<std::pair<std::string_view, char32_t>, 45> kOtherNames = {{
    {"amp", '&'},       {"AMP", '&'},       {"lt", '<'},        {"LT", '<'},
    {"gt", '>'},        {"GT", '>'},        {"quot", '"'},      {"QUOT", '"'},
    {"apos", '\''},     {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018},
    {"rsquo", 0x2019},  {"sbquo", 0x201A},  {"ldquo", 0x201C},  {"rdquo", 0x201D},
    {"bdquo", 0x201E},  {"hellip", 0x2026}, {"bull", 0x2022},   {"euro", 0x20AC},
    {"trade", 0x2122},  {"dagger", 0x2020}, {"Dagger", 0x2021}, {"permil", 0x2030},
    {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"OElig", 0x152},   {"oelig", 0x153},
    {"Scaron", 0x160},  {"scaron", 0x161},  {"Yuml", 0x178},    {"fnof", 0x192},
    {"circ", 0x2C6},    {"tilde", 0x2DC},   {"ensp", 0x2002},   {"emsp", 0x2003},
    {"thinsp", 0x2009}, {"zwnj", 0x200C},   {"zwj", 0x200D},    {"lrm", 0x200E},
    {"rlm", 0x200F},    {"larr", 0x2190},   {"rarr", 0x2192},   {"check", 0x2713},
    {"minus", 0x2212},
}};

// What browsers make of &#128;…&#159;: the Windows-1252 characters those bytes meant.
constexpr std::array<char32_t, 32> kWindows1252 = {
    0x20AC, 0x81,   0x201A, 0x192,  0x201E, 0x2026, 0x2020, 0x2021, 0x2C6,  0x2030, 0x160,
    0x2039, 0x152,  0x8D,   0x17D,  0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x2DC,  0x2122, 0x161,  0x203A, 0x153,  0x9D,   0x17E,  0x178,
};

std::optional<char32_t> named_entity(std::string_view name) {
  for (std::size_t k = 0; k < kLatin1Names.size(); ++k) {
    if (kLatin1Names[k] == name) return static_cast<char32_t>(0xA0 + k);
  }
  for (const auto& [n, cp] : kOtherNames) {
    if (n == name) return cp;
  }
  return std::nullopt;
}

std::optional<char32_t> numeric_entity(std::string_view digits, bool hex) {
  if (digits.empty() || digits.size() > 8) return std::nullopt;
  std::uint32_t value = 0;
  for (const char c : digits) {
    int d = 0;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (hex && c >= 'a' && c <= 'f') {
      d = c - 'a' + 10;
    } else if (hex && c >= 'A' && c <= 'F') {
      d = c - 'A' + 10;
    } else {
      return std::nullopt;
    }
    value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
  }
  if (value >= 0x80 && value <= 0x9F) return kWindows1252[value - 0x80];
  if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return U'\uFFFD';
  }
  return static_cast<char32_t>(value);
}

// "- item", "• item", "3. item" → "item"; nullopt for a line that is not a bullet.
std::optional<std::string_view> bullet_text(std::string_view line) {
  for (const std::string_view marker : {"- ", "* ", "\xE2\x80\xA2", "\xC2\xB7", "\xE2\x80\x93 "}) {
    if (line.starts_with(marker)) return trim(line.substr(marker.size()));
  }
  std::size_t digits = 0;
  while (digits < line.size() && digits < 4 &&
         std::isdigit(static_cast<unsigned char>(line[digits])) != 0) {
    ++digits;
  }
  if (digits >= 1 && digits <= 3 && digits + 1 < line.size() &&
      (line[digits] == '.' || line[digits] == ')') && is_space(line[digits + 1])) {
    return trim(line.substr(digits + 2));
  }
  return std::nullopt;
}

// Whether `next` continues the line before it (text wrapped at a fixed width) rather than
// starting a new paragraph: the previous line did not end a sentence, and either it is long
// (wrapped) or the next one starts in lower case. "About Zoox\nZoox is…" stays two paragraphs.
bool continues(std::string_view prev, std::string_view next) {
  if (prev.empty() || next.empty()) return false;
  if (std::string_view(".!?:;").find(prev.back()) != std::string_view::npos) return false;
  return prev.size() >= 60 || std::islower(static_cast<unsigned char>(next.front())) != 0;
}

}  // namespace

RichText html_to_blocks(std::string_view html) {
  Collector out;
  std::string_view input = html.substr(0, utf8::cut(html, kMaxHtmlBytes));
  input = input.substr(0, nesting_safe_length(input));
  GumboOutput* parsed = gumbo_parse_with_options(&kGumboDefaultOptions, input.data(), input.size());
  if (parsed == nullptr) return {};
  HtmlWalker walker(out);
  walker.walk_children(parsed->document, 0);
  walker.finish();
  gumbo_destroy_output(&kGumboDefaultOptions, parsed);
  return out.take();
}

RichText text_to_blocks(std::string_view text) {
  Collector out;
  enum class State { None, Paragraph, Bullet } state = State::None;
  std::string current;  // the paragraph or bullet being built
  const auto flush = [&] {
    if (state == State::Paragraph) out.add(TextBlock::Type::Paragraph, current);
    if (state == State::Bullet) out.add_bullet(current);
    current.clear();
  };
  std::size_t start = 0;
  while (start <= text.size() && !out.full()) {
    std::size_t end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = trim(text.substr(start, end - start));
    start = end + 1;
    if (end < text.size() && text[end] == '\r' && start < text.size() && text[start] == '\n') {
      ++start;
    }
    if (clean_text(line).empty()) {  // blank, or only invisible characters
      flush();
      out.close_list();
      state = State::None;
      continue;
    }
    if (const auto item = bullet_text(line)) {
      flush();
      state = State::Bullet;
      current = std::string(*item);
      continue;
    }
    if (state != State::None && continues(current, line)) {
      current += ' ';
      current += line;
      continue;
    }
    flush();
    out.close_list();
    state = State::Paragraph;
    current = std::string(line);
  }
  flush();
  return out.take();
}

bool looks_like_html(std::string_view text) {
  static constexpr std::array<std::string_view, 40> kTags = {
      "p",      "br",      "li",      "ul",         "ol",     "div",  "span", "strong",
      "em",     "b",       "i",       "u",          "a",      "h1",   "h2",   "h3",
      "h4",     "h5",      "h6",      "table",      "tr",     "td",   "th",   "img",
      "font",   "section", "article", "blockquote", "pre",    "hr",   "sup",  "sub",
      "center", "dl",      "script",  "style",      "iframe", "html", "body", "noscript"};
  std::size_t pos = 0;
  while ((pos = text.find('<', pos)) != std::string_view::npos) {
    ++pos;
    if (pos >= text.size()) break;
    if (text[pos] == '/' && pos + 1 < text.size() && is_alpha(text[pos + 1])) return true;
    if (text.substr(pos).starts_with("!--")) return true;
    std::string name;
    std::size_t k = pos;
    while (k < text.size() && std::isalnum(static_cast<unsigned char>(text[k])) != 0 &&
           name.size() < 12) {
      name += lower_ascii(text[k]);
      ++k;
    }
    if (name.empty() ||
        (k < text.size() && !is_space(text[k]) && text[k] != '>' && text[k] != '/')) {
      continue;
    }
    if (std::find(kTags.begin(), kTags.end(), name) != kTags.end()) return true;
  }
  return false;
}

RichText description_blocks(std::string_view text) {
  return looks_like_html(text) ? html_to_blocks(text) : text_to_blocks(text);
}

std::string decode_html_entities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t amp = text.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(text.substr(i));
      break;
    }
    out.append(text.substr(i, amp - i));
    i = amp + 1;
    // The longest reference is "&#x10FFFF;" or a name like "&frac34;": look no further than that.
    const std::size_t semi = text.substr(i, 12).find(';');
    if (semi == std::string_view::npos || semi == 0) {
      out += '&';
      continue;
    }
    const std::string_view body = text.substr(i, semi);
    std::optional<char32_t> cp;
    if (body[0] == '#') {
      const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
      cp = numeric_entity(body.substr(hex ? 2 : 1), hex);
    } else {
      cp = named_entity(body);
    }
    if (!cp) {
      out += '&';  // unknown: left as written
      continue;
    }
    utf8::append(out, *cp);
    i += semi + 1;
  }
  return out;
}

std::string blocks_to_plain(const RichText& blocks) {
  std::string out;
  for (const auto& block : blocks) {
    for (const auto& line : block.lines) {
      if (!out.empty()) out += '\n';
      out += line;
    }
  }
  return out;
}

}  // namespace kiosk::feeds
