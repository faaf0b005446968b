// [SECTION] Text: UTF-8 to the Latin-1 bytes the standard fonts carry, PostScript string literals
// [SECTION] The PostScript prolog: fonts, word wrapping, the flow that cuts at the QR box
// [SECTION] The page: geometry and the document around it
//
// The layout is done by the printer's PostScript interpreter, which knows the font metrics: C++
// decides what goes where in which order and hands over the text; `wrap` measures words with
// stringwidth, and `flowdraw` places whole lines until the next one would cross the limit above
// the QR box, then ends the last line with "...".
#include "kiosk/print/printout.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <locale>
#include <optional>
#include <sstream>
#include <string_view>

#include "kiosk/base/qr.h"

namespace kiosk {

namespace {

// [SECTION] Text ----------------------------------------------------------------------------------

// Characters outside Latin-1 that have a sensible stand-in. Anything else without one becomes
// '?', after trying its base letter ("ş" prints as "s").
std::optional<std::string_view> substitute(UChar32 c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
      return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      return "-";
    case 0x2026:
      return "...";
    case 0x2022:
    case 0x2023:
    case 0x2043:
    case 0x25CF:
    case 0x25E6:
      return "\xB7";  // middle dot, the nearest Latin-1 has to a bullet
    case 0x20AC:
      return "EUR";
    case 0x00A0:
    case 0x2002:
    case 0x2003:
    case 0x2004:
    case 0x2005:
    case 0x2006:
    case 0x2007:
    case 0x2008:
    case 0x2009:
    case 0x200A:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return " ";
    case 0x00AD:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
      return "";  // soft hyphen and zero-width characters: invisible
    default:
      return std::nullopt;
  }
}

bool is_combining_mark(UChar32 c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE20 && c <= 0xFE2F);
}

// UTF-8 (possibly decomposed, possibly invalid) to ISO-8859-1, with every control character
// turned into a space: a line of text on paper has no tabs or line breaks.
std::string to_latin1(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));  // invalid → U+FFFD
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status) != 0) {
    icu::UnicodeString composed = nfc->normalize(text, status);  // "e" + U+0301 → "é"
    if (U_SUCCESS(status) != 0) text = std::move(composed);
  }
  status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status) != 0) nfd = nullptr;

  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const UChar32 c = text.char32At(i);
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
      out += ' ';
    } else if (const auto sub = substitute(c)) {
      out += *sub;
    } else if (c <= 0xFF) {
      out += static_cast<char>(static_cast<unsigned char>(c));
    } else if (is_combining_mark(c)) {
      // A mark with no precomposed Latin-1 letter: keep the base letter alone.
    } else {
      icu::UnicodeString parts;
      if (nfd != nullptr && nfd->getDecomposition(c, parts) != 0 && parts.length() > 0 &&
          parts.char32At(0) < 0x80 && parts.char32At(0) >= 0x20) {
        out += static_cast<char>(parts.char32At(0));
      } else {
        out += '?';
      }
    }
  }
  return out;
}

// Collapses runs of spaces and trims, so empty-looking fields count as empty.
std::string tidy(std::string_view utf8, std::size_t max_bytes) {
  const std::string latin1 = to_latin1(utf8);
  std::string out;
  out.reserve(std::min(latin1.size(), max_bytes));
  for (const char c : latin1) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    if (out.size() >= max_bytes) break;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// A PostScript string literal: ( ) \ escaped, everything outside printable ASCII as \ooo, and a
// backslash-newline (which the interpreter ignores) before DSC's 255-character line limit.
std::string ps_string(std::string_view latin1) {
  std::string out = "(";
  std::size_t line = 0;
  for (const char ch : latin1) {
    const auto c = static_cast<unsigned char>(ch);
    if (line >= 200) {
      out += "\\\n";
      line = 0;
    }
    if (c == '(' || c == ')' || c == '\\') {
      out += '\\';
      out += ch;
      line += 2;
    } else if (c < 0x20 || c >= 0x7F) {
      out += '\\';
      out += static_cast<char>('0' + ((c >> 6) & 7));
      out += static_cast<char>('0' + ((c >> 3) & 7));
      out += static_cast<char>('0' + (c & 7));
      line += 4;
    } else {
      out += ch;
      line += 1;
    }
  }
  out += ')';
  return out;
}

// Plain ASCII for DSC comments (%%Title), which other programs (pstops, cups-pdf) read as text:
// accented Latin-1 letters lose their accents, other bytes become spaces.
std::string ascii_fold(std::string_view latin1) {
  // 0xC0..0xFF
  constexpr std::string_view kFold =
      "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo ouuuuyty";
  static_assert(kFold.size() == 64);
  std::string out;
  for (const char ch : latin1) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0xC0) {
      out += kFold[c - 0xC0];
    } else if (c >= 0x20 && c < 0x7F && c != '\\') {
      out += ch;
    } else {
      out += ' ';
    }
  }
  const std::size_t start = out.find_first_not_of(" (");  // "(" first would make it a PS string
  return start == std::string::npos ? std::string() : out.substr(start);
}

// [SECTION] The PostScript prolog ---------------------------------------------------------------
//
// Items are lines ready to draw: [dy size heading? [seg ...]], dy the distance from the previous
// baseline, seg = [font size x string maxwidth gray] (font /Dot: a bullet). Specs are what C++
// emits: [/title (..)] [/subtitle (..)] [/facts [(label) (value) ...]] [/heading (..)]
// [/para (..)] [/bullet (..)] [/linklabel (..)] [/link (..)].
constexpr std::string_view kProlog = R"PS(%%BeginProlog
/KioskDict 120 dict def
KioskDict begin
% ISOLatin1Encoding with a straight apostrophe, a hyphen (not a minus) and a grave accent.
/KioskEncoding ISOLatin1Encoding 256 array copy def
KioskEncoding 39 /quotesingle put
KioskEncoding 45 /hyphen put
KioskEncoding 96 /grave put
/reencode { % /newname /basefont -> -
  findfont dup length dict begin
    { 1 index /FID ne { def } { pop pop } ifelse } forall
    /Encoding KioskEncoding def
    currentdict
  end
  definefont pop
} bind def
/KioskSans /Helvetica reencode
/KioskSans-Bold /Helvetica-Bold reencode
/R { 1 rectfill } bind def % x y w -> -  one run of dark QR modules, one module high
/sw { stringwidth pop } bind def
/concat { % s1 s2 -> s1s2
  exch dup length 2 index length add string
  dup dup 4 2 roll copy length 4 -1 roll putinterval
} bind def
/isbreak { % char -> bool  (a long word such as a link may be broken before these)
  /ib exch def false (?&=-_.#) { ib eq or } forall
} bind def
/breakchars { % str maxw -> head tail  (head: the longest prefix that fits, at least 1 char,
  % backed off to a break point when there is one in its second half)
  /bmax exch def /bs exch def /bn bs length def
  % Doubling, then bisection: prefix blo fits (or is 1 char), prefix bhi does not (bn+1: none).
  /blo 1 def /bhi 1 def
  { /bhi bhi 2 mul def
    bhi bn gt { /bhi bn 1 add def exit } if
    bs 0 bhi getinterval sw bmax gt { exit } if
    /blo bhi def } loop
  { bhi blo sub 1 le { exit } if
    /bmid blo bhi add 2 idiv def
    bs 0 bmid getinterval sw bmax le { /blo bmid def } { /bhi bmid def } ifelse } loop
  /bk blo def
  bk bn lt {
    /bj bk def
    { bj bk 2 idiv le { /bj bk def exit } if
      bs bj 1 sub get 47 eq bs bj get 47 ne and { exit } if % after a slash, not inside "//"
      bs bj get isbreak { exit } if
      /bj bj 1 sub def } loop
    /bk bj def
  } if
  bs 0 bk getinterval bs bk bn bk sub getinterval
} bind def
/wrap { % str maxw -> [lines]  words filled into lines no wider than maxw, in the current font
  /wmax exch def /wrest exch def /wline () def
  [
  { wrest ( ) search
      { /wword exch def pop /wrest exch def /wmore true def }
      { /wword exch def /wrest () def /wmore false def } ifelse
    wword length 0 gt {
      wline length 0 eq { wword } { wline ( ) concat wword concat } ifelse
      dup sw wmax le
        { /wline exch def }
        { pop
          wline length 0 gt { wline } if
          /wline wword def
          { wline wmax breakchars
            dup length 0 eq { pop /wline exch def exit } if
            /wline exch def } loop
        } ifelse
    } if
    wmore not { exit } if
  } loop
  wline length 0 gt { wline } if
  ]
} bind def
/ellipsize { % str maxw -> str...  dropping whole words (or characters) until it fits
  /emax exch def /es exch def
  es length 0 gt { es emax breakchars pop /es exch def } if % no need to try what cannot fit
  { es (...) concat dup sw emax le es length 0 eq or { exit } if
    pop
    /ei es length 1 sub def
    { ei 0 le { exit } if es ei get 32 eq { exit } if /ei ei 1 sub def } loop
    ei 0 gt { es 0 ei getinterval } { es 0 es length 1 sub getinterval } ifelse /es exch def
  } loop
} bind def
/fitline { % str maxw -> str  (one line: cut with "..." when too wide)
  1 index sw 1 index le { pop } { ellipsize } ifelse
} bind def
/addlines { % [lines] font size x maxw leading before heading? gray -> items
  /al-gray exch def /al-head exch def /al-before exch def /al-lead exch def
  /al-max exch def /al-x exch def /al-size exch def /al-font exch def
  /al-first true def
  { /al-line exch def
    [ al-first { al-before al-lead add } { al-lead } ifelse al-size al-head
      [ [ al-font al-size al-x al-line al-max al-gray ] ] ]
    /al-first false def
  } forall
} bind def
/textspec { % str font size leading before heading? gray -> items  (wrapped at FX, FW)
  /ts-gray exch def /ts-head exch def /ts-before exch def /ts-lead exch def
  /ts-size exch def /ts-font exch def
  ts-font ts-size selectfont FW wrap
  ts-font ts-size FX FW ts-lead ts-before ts-head ts-gray addlines
} bind def
/BulletIndent 15 def
/SpecProcs 10 dict def
SpecProcs begin
/title { 1 get /KioskSans-Bold 21 25 8 false 0 textspec } bind def
/subtitle { 1 get /KioskSans 13 16 5 false 0.2 textspec } bind def
/heading { 1 get /KioskSans-Bold 12.5 15.5 13 true 0 textspec } bind def
/para { 1 get /KioskSans 11 14.5 6 false 0 textspec } bind def
/linklabel { 1 get /KioskSans-Bold 13 16 0 false 0 textspec } bind def
/link { 1 get /KioskSans 11 14 6 false 0 textspec } bind def
/bullet {
  /KioskSans 11 selectfont 1 get FW BulletIndent sub wrap
  /bu-first true def
  { /bu-line exch def
    [ bu-first { 4 14.5 add } { 14.5 } ifelse 11 false
      [ bu-first { [ /Dot 11 FX () 0 0 ] } if
        [ /KioskSans 11 FX BulletIndent add bu-line FW BulletIndent sub 0 ] ] ]
    /bu-first false def
  } forall
} bind def
/facts { % a table: labels in bold in a column as wide as the widest, values beside them
  1 get /fa-list exch def
  /KioskSans-Bold 11 selectfont
  /fa-lw 0 def
  0 2 fa-list length 1 sub { fa-list exch get sw dup fa-lw gt { /fa-lw exch def } { pop } ifelse } for
  fa-lw FW 0.35 mul gt { /fa-lw FW 0.35 mul def } if
  /fa-vx fa-lw 0 gt { FX fa-lw add 8 add } { FX } ifelse def
  /fa-vw FX FW add fa-vx sub def
  /fa-first true def
  0 2 fa-list length 1 sub {
    /fa-i exch def
    /KioskSans-Bold 11 selectfont fa-list fa-i get fa-lw wrap /fa-labels exch def
    /KioskSans 11 selectfont fa-list fa-i 1 add get fa-vw wrap /fa-values exch def
    /fa-rows fa-labels length fa-values length max def
    0 1 fa-rows 1 sub {
      /fa-r exch def
      [ fa-r 0 eq { fa-first { 12 } { 4 } ifelse 14.5 add } { 14.5 } ifelse 11 false
        [ fa-r fa-labels length lt { [ /KioskSans-Bold 11 FX fa-labels fa-r get fa-lw 0 ] } if
          fa-r fa-values length lt { [ /KioskSans 11 fa-vx fa-values fa-r get fa-vw 0 ] } if ] ]
    } for
    /fa-first false def
  } for
} bind def
end
/max { 2 copy lt { exch } if pop } bind def
/place { % items limit -> n  how many items fit between Y and limit
  /pl-lim exch def /pl-items exch def
  /pl-y Y def /pl-n 0 def
  pl-items {
    /pl-it exch def
    pl-y pl-it 0 get sub
    dup pl-it 1 get 0.25 mul sub pl-lim lt { pop exit } if
    /pl-y exch def /pl-n pl-n 1 add def
  } forall
  pl-n
} bind def
/drawitem { % item -> -  moves Y down and draws the item's segments
  /di exch def
  /Y Y di 0 get sub def
  di 3 get {
    /ds exch def
    ds 0 get /Dot eq {
      0 setgray newpath
      ds 2 get ds 1 get 0.2 mul add Y ds 1 get 0.31 mul add ds 1 get 0.15 mul 0 360 arc fill
    } {
      ds 5 get setgray
      ds 0 get ds 1 get selectfont ds 2 get Y moveto ds 3 get show
    } ifelse
  } forall
} bind def
/flowdraw { % items limit -> -  draws the items that fit; if some do not, the last ends in "..."
  /fd-lim exch def /fd-items exch def
  fd-items fd-lim place /fd-n exch def
  fd-n fd-items length lt {
    % never end on a heading whose text is cut away
    { fd-n 0 gt { fd-items fd-n 1 sub get 2 get } { false } ifelse
      { /fd-n fd-n 1 sub def } { exit } ifelse } loop
    fd-n 0 gt {
      /fd-segs fd-items fd-n 1 sub get 3 get def
      /fd-seg fd-segs fd-segs length 1 sub get def
      fd-seg 0 get fd-seg 1 get selectfont
      fd-seg 3 fd-seg 3 get fd-seg 4 get ellipsize put
    } if
  } if
  0 1 fd-n 1 sub { fd-items exch get drawitem } for
} bind def
/flow { % [specs] limit -> -  lays out specs at FX, FW from Y down to limit
  /fl-lim exch def
  [ exch { dup 0 get SpecProcs exch get exec } forall ]
  fl-lim flowdraw
} bind def
/itemsheight { % items -> h  the sum of their advances: first baseline to last, plus a leading
  0 exch { 0 get add } forall
} bind def
/header { % str -> -  small grey line and a hairline under it
  /KioskSans 9 selectfont 0.35 setgray
  LM HeaderY moveto TW fitline show
  0.7 setgray 0.6 setlinewidth newpath LM RuleY moveto RM RuleY lineto stroke
} bind def
/footer { % str -> -
  /KioskSans 8.5 selectfont 0.35 setgray
  LM FooterY moveto TW fitline show
} bind def
/box { % x y w h -> -  a rounded outline
  /bh exch def /bw exch def /by exch def /bx exch def
  0.6 setgray 0.8 setlinewidth newpath
  bx 6 add by moveto
  bx bw add by bx bw add by bh add 6 arcto 4 {pop} repeat
  bx bw add by bh add bx by bh add 6 arcto 4 {pop} repeat
  bx by bh add bx by 6 arcto 4 {pop} repeat
  bx by bx bw add by 6 arcto 4 {pop} repeat
  closepath stroke
} bind def
end
%%EndProlog
)PS";

// [SECTION] The page ------------------------------------------------------------------------------

// US Letter, in points. Margins of 0.7 inch; the QR code is 1.9 inch square with its quiet zone.
constexpr double kPageW = 612;
constexpr double kPageH = 792;
constexpr double kMargin = 50;
constexpr double kLeft = kMargin;
constexpr double kRight = kPageW - kMargin;
constexpr double kHeaderY = kPageH - kMargin - 7;  // baseline of the 9 pt header
constexpr double kRuleY = kHeaderY - 8;
constexpr double kFooterY = kMargin;  // baseline of the 8.5 pt footer
constexpr double kBoxBottom = kFooterY + 20;
constexpr double kQrSide = 137;
constexpr double kBoxGap = 18;   // between the last line of text and the box
constexpr double kTextPad = 16;  // inside the box, around the text beside the code

// Caps on what C++ hands over: a page holds about 3,000 characters of body text, so more than
// this is cut by the flow anyway, and PostScript strings stop at 65,535 bytes.
constexpr std::size_t kMaxFieldBytes = 6000;
constexpr std::size_t kMaxBodyBytes = 9000;
constexpr std::size_t kMaxSpecs = 90;

// One spec per line: [/kind (text)].
void spec(std::ostream& out, std::string_view kind, const std::string& text) {
  out << "[/" << kind << ' ' << ps_string(text) << "]\n";
}

// The QR code as filled rectangles in module units, one per horizontal run of dark modules, the
// origin at the lower-left corner of the quiet zone.
void draw_qr(std::ostream& out, const QrCode& qr, double x, double y, double side) {
  const int n = qr.size();
  const int total = n + 2 * QrCode::kQuietZone;
  out << "gsave 0 setgray " << x << ' ' << y << " translate " << side / total << " dup scale\n";
  for (int row = 0; row < n; ++row) {
    const int py = total - 1 - (row + QrCode::kQuietZone);
    int col = 0;
    while (col < n) {
      if (!qr.dark(col, row)) {
        ++col;
        continue;
      }
      const int start = col;
      while (col < n && qr.dark(col, row)) ++col;
      out << start + QrCode::kQuietZone << ' ' << py << ' ' << col - start << " R\n";
    }
  }
  out << "grestore\n";
}

}  // namespace

std::string render_postscript(const Printout& printout) {
  std::ostringstream out;
  out.imbue(std::locale::classic());  // "14.5", whatever the process locale says

  const std::string header = tidy(printout.header, 400);
  const std::string title = tidy(printout.title, 1000);
  const std::string subtitle = tidy(printout.subtitle, 1000);
  const std::string link_label = tidy(printout.link_label, 400);
  const std::string footer = tidy(printout.footer, 400);
  // The link goes into the QR code byte for byte; the printed copy is its Latin-1 rendering.
  const std::string link_printed = tidy(printout.link, 2000);
  std::string_view link = printout.link;
  link.remove_prefix(std::min(link.size(), link.find_first_not_of(" \t\r\n")));
  link.remove_suffix(link.size() - std::min(link.size(), link.find_last_not_of(" \t\r\n") + 1));
  const std::optional<QrCode> qr = link_printed.empty() ? std::nullopt : QrCode::encode(link);
  const bool has_box = !link_printed.empty();

  const std::string dsc_title = ascii_fold(title.substr(0, 120));
  out << "%!PS-Adobe-3.0\n"
      << "%%Creator: workforce-kiosk\n"
      << "%%Title: " << (dsc_title.empty() ? "Printout" : dsc_title) << "\n"
      << "%%BoundingBox: 0 0 612 792\n"
      << "%%DocumentData: Clean7Bit\n"
      << "%%LanguageLevel: 2\n"
      << "%%DocumentNeededResources: font Helvetica Helvetica-Bold\n"
      << "%%DocumentMedia: Letter 612 792 0 () ()\n"
      << "%%Pages: 1\n"
      << "%%EndComments\n"
      << kProlog << "%%BeginSetup\n"
      << "<< /PageSize [612 792] >> setpagedevice\n"
      << "%%EndSetup\n"
      << "%%Page: 1 1\n"
      << "save\nKioskDict begin\n"
      << "/LM " << kLeft << " def /RM " << kRight << " def /TW " << kRight - kLeft << " def\n"
      << "/HeaderY " << kHeaderY << " def /RuleY " << kRuleY << " def /FooterY " << kFooterY
      << " def\n";

  if (!header.empty()) {
    out << ps_string(header) << " header\n/Y " << kRuleY << " def\n";
  } else {
    out << "/Y " << kPageH - kMargin + 12 << " def\n";
  }
  if (!footer.empty()) out << ps_string(footer) << " footer\n";

  // Everything above the box, in one flow that stops at a whole line.
  const double box_top = has_box ? kBoxBottom + kQrSide : kFooterY + 8.5;
  const double limit = box_top + kBoxGap;
  out << "/FX LM def /FW TW def\n[\n";
  if (!title.empty()) spec(out, "title", title);
  if (!subtitle.empty()) spec(out, "subtitle", subtitle);
  std::ostringstream facts;
  for (const Printout::Fact& fact : printout.facts) {
    const std::string value = tidy(fact.value, kMaxFieldBytes);
    if (value.empty()) continue;
    std::string label = tidy(fact.label, 200);
    if (!label.empty() && label.back() != ':') label += ':';
    facts << ps_string(label) << ' ' << ps_string(value) << '\n';
  }
  if (!facts.str().empty()) out << "[/facts [\n" << facts.str() << "]]\n";
  std::size_t body_bytes = 0;
  std::size_t specs = 0;
  for (const Printout::Block& block : printout.blocks) {
    const std::string_view kind = block.type == Printout::Block::Type::Heading   ? "heading"
                                  : block.type == Printout::Block::Type::Bullets ? "bullet"
                                                                                 : "para";
    for (const std::string& line : block.lines) {
      if (body_bytes >= kMaxBodyBytes || specs >= kMaxSpecs) break;
      const std::string text = tidy(line, kMaxFieldBytes);
      if (text.empty()) continue;
      spec(out, kind, text);
      body_bytes += text.size();
      ++specs;
    }
  }
  out << "] " << limit << " flow\n";

  if (has_box) {
    const double text_x = qr ? kLeft + kQrSide + 6 : kLeft + kTextPad;
    const double text_w = kRight - kTextPad - text_x;
    out << "LM " << kBoxBottom << " TW " << kQrSide << " box\n";
    if (qr) draw_qr(out, *qr, kLeft, kBoxBottom, kQrSide);
    // The label and the link beside the code: Y starts so that the block sits about in the
    // middle of the box when it is short, and the flow stops above the bottom padding.
    out << "/FX " << text_x << " def /FW " << text_w << " def\n[\n";
    if (!link_label.empty()) spec(out, "linklabel", link_label);
    spec(out, "link", link_printed);
    out << "]\n"
        << "[ exch { dup 0 get SpecProcs exch get exec } forall ]\n"
        << "dup itemsheight " << kQrSide - 2 * kTextPad << " exch sub 2 div 0 max "
        << box_top - kTextPad << " exch sub 10 add /Y exch def\n"
        << kBoxBottom + kTextPad - 4 << " flowdraw\n";
  }

  out << "end restore\n"
      << "showpage\n"
      << "%%PageTrailer\n"
      << "%%Trailer\n"
      << "%%EOF\n";
  return out.str();
}

}  // namespace kiosk
