// The printable summary: one PDF page whatever it is given, read back with poppler's tools
// (poppler-utils; each test skips without them): the text in Spanish and other scripts, the Noto
// fonts embedded, the cut with "…" above the box of codes, and each QR code drawn module for
// module where code_square says.
#include "kiosk/print/printout.h"

#include <sys/wait.h>
#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "kiosk/base/qr.h"

// Under LeakSanitizer (the asan preset, libFuzzer): fontconfig keeps the font patterns of its
// first use in caches of its own until the process ends; that is fontconfig's memory, not a leak
// of the page's (RSS stays flat over 1,000 pages: tests/bench/printout_bench.cpp).
extern "C" const char* __lsan_default_suppressions() {
  return "leak:libfontconfig.so\n";
}

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using Block = Printout::Block;

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size()))
    ++n;
  return n;
}

bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// Without white space: words beside a QR code wrap in a narrow column, links anywhere.
std::string squeezed(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c != ' ' && c != '\n' && c != '\f') out += c;
  }
  return out;
}

constexpr const char* kLink = "https://www.mdpls.org/jobs/12345?lang=es";

Printout spanish_printout() {
  Printout p;
  p.header = "Biblioteca Principal · Miami-Dade Public Library System";
  p.title = "Auxiliar de enfermería";
  p.subtitle = "Jackson Health System";
  p.facts = {{"Salario", "$18.50 por hora"}, {"Horario", "Tiempo completo, niño y pingüino"}};
  p.blocks = {{Block::Type::Heading, {"Descripción"}},
              {Block::Type::Paragraph, {"Ayude a los pacientes (adultos) con el baño."}},
              {Block::Type::Bullets, {"Certificado vigente", "Inglés y español"}},
              {Block::Type::Heading, {"¿Cómo solicitar?"}},
              {Block::Type::Paragraph, {"¡Escanee el código! Pregunte por “Ana” — cuesta 5 €."}}};
  p.codes = {{"Solicitar por internet", kLink, kLink}};
  p.footer = "Impreso el 3 de noviembre de 2026";
  return p;
}

// An event's two codes: the calendar entry and the link.
Printout event_printout() {
  Printout p;
  p.title = "Feria de empleo de verano";
  p.subtitle = "Miami Dade College";
  const std::string ical =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//workforce-kiosk//EN\r\nBEGIN:VEVENT\r\n"
      "UID:event-1@kiosk\r\nDTSTAMP:20261201T120000Z\r\n"
      "DTSTART;TZID=America/New_York:20261210T100000\r\n"
      "DTEND;TZID=America/New_York:20261210T140000\r\nSUMMARY:Feria de empleo de verano\r\n"
      "LOCATION:300 NE 2nd Ave\\, Miami\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  p.codes = {{"Agregar a mi calendario", ical, "Escanee con la cámara de su teléfono."},
             {"Más información", "https://example.org/events/1", "https://example.org/events/1"}};
  return p;
}

TEST(PrintoutTest, IsOneCompletePdf) {
  const std::string pdf = render_pdf(spanish_printout());
  EXPECT_EQ(pdf.rfind("%PDF-1.", 0), 0U);
  EXPECT_TRUE(pdf.ends_with("%%EOF\n"));
  EXPECT_EQ(count(pdf, "/Type /Page "), 1U) << "one page object";
  EXPECT_TRUE(contains(pdf, "/MediaBox [ 0 0 612 792 ]"));
  // No transparency group: CUPS would turn the page into an image on its way to PostScript.
  EXPECT_FALSE(contains(pdf, "/Transparency")) << pdf.substr(0, 2000);
}

TEST(PrintoutTest, CodeSquaresSitSideBySideInTheMargins) {
  const PageSquare one = code_square(0, 1);
  EXPECT_EQ(one.x, 50);
  EXPECT_GE(one.side, 1.6 * 72) << "smaller than 1.6 inch";
  EXPECT_LE(one.side, 2.0 * 72);
  EXPECT_LE(one.y + one.side, 792 - 50);
  const PageSquare left = code_square(0, 2);
  const PageSquare right = code_square(1, 2);
  EXPECT_EQ(left.y, right.y);
  EXPECT_GE(right.x, left.x + left.side + 72) << "room for the first code's words";
  EXPECT_LE(right.x + right.side, 612 - 50);
}

// --- With poppler-utils: what the page really looks like -----------------------------------

bool have(const std::string& tool) {
  return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0;
}

// Runs a shell command; its standard output, and its exit status in *status.
std::string run(const std::string& command, int* status) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) {
    *status = -1;
    return out;
  }
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  const int raw = ::pclose(pipe);
  *status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return out;
}

class PrintoutPdfTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* tool : {"pdftotext", "pdfinfo", "pdffonts", "pdfimages", "pdftoppm"}) {
      if (!have(tool)) GTEST_SKIP() << tool << " is not installed (package poppler-utils)";
    }
    dir_ = fs::temp_directory_path() /
           ("kiosk-printout-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  // Renders the printout into a file; fails the test unless it is a PDF of one Letter page.
  fs::path render(const Printout& p, const std::string& name = "page.pdf") {
    const std::string pdf = render_pdf(p);
    const fs::path file = dir_ / name;
    std::ofstream(file, std::ios::binary) << pdf;
    int status = 0;
    const std::string info = tool("pdfinfo", file, &status);
    EXPECT_EQ(status, 0) << info;
    EXPECT_TRUE(std::regex_search(info, std::regex(R"(\nPages: +1\n)"))) << info;
    EXPECT_TRUE(contains(info, "612 x 792 pts (letter)")) << info;
    return file;
  }

  // A poppler tool's output on the file (its errors included, so a test sees them).
  std::string tool(const std::string& command, const fs::path& file, int* status,
                   const std::string& after = "") {
    return run(command + " '" + file.string() + "' " + after + " 2>&1", status);
  }

  std::string text_of(const Printout& p) {
    int status = 0;
    const std::string text = tool("pdftotext -enc UTF-8", render(p), &status, "-");
    EXPECT_EQ(status, 0) << text;
    return text;
  }

  std::size_t images_in(const Printout& p) {
    int status = 0;
    const std::string list = tool("pdfimages -list", render(p), &status);
    EXPECT_EQ(status, 0) << list;
    // Two header lines, then one line per image.
    std::size_t n = 0;
    std::istringstream lines(list);
    for (std::string line; std::getline(lines, line);) {
      if (std::regex_search(line, std::regex(R"(^\s*1\s+\d+\s+image\s)"))) ++n;
    }
    return n;
  }

  fs::path dir_;
};

TEST_F(PrintoutPdfTest, SpanishTextComesOutRight) {
  const std::string text = text_of(spanish_printout());
  for (const char* expected :
       {"Auxiliar de enfermería", "Jackson Health System", "Salario:", "$18.50 por hora",
        "niño y pingüino", "Descripción", "Ayude a los pacientes (adultos) con el baño.",
        "Certificado vigente", "Inglés y español", "¿Cómo solicitar?",
        "¡Escanee el código! Pregunte por “Ana” — cuesta 5 €.", "Solicitar por internet",
        "https://www.mdpls.org/jobs/12345?lang=es", "Biblioteca Principal · Miami-Dade",
        "Impreso el 3 de noviembre de 2026"})
    EXPECT_TRUE(contains(text, expected)) << expected << "\n" << text;
  // Nothing replaced: the only '?' on the page are the question mark and the link's.
  EXPECT_EQ(count(text, "?"), 2U) << text;
}

TEST_F(PrintoutPdfTest, NamesInOtherScriptsPrint) {
  Printout p;
  p.title = "Nguyễn Thị Hương";
  p.subtitle = "Владимир Петров · Ελένη Παπαδοπούλου";
  p.blocks = {{Block::Type::Paragraph, {"Kreyòl ayisyen: Mèsi anpil. Português: São João."}},
              {Block::Type::Paragraph, {"محمد"}},
              {Block::Type::Paragraph, {"שרה"}}};
  const std::string text = text_of(p);
  for (const char* expected : {"Nguyễn Thị Hương", "Владимир Петров", "Ελένη Παπαδοπούλου",
                               "Mèsi anpil", "São João", "محمد", "שרה"})
    EXPECT_TRUE(contains(text, expected)) << expected << "\n" << text;
  EXPECT_FALSE(contains(text, "?")) << text;
}

TEST_F(PrintoutPdfTest, FontsAreNotoAndEmbedded) {
  Printout p = spanish_printout();
  p.blocks.push_back({Block::Type::Paragraph, {"Владимир محمد"}});
  int status = 0;
  const std::string fonts = tool("pdffonts", render(p), &status);
  ASSERT_EQ(status, 0) << fonts;
  std::istringstream lines(fonts);
  std::string line;
  std::getline(lines, line);  // the column names
  std::getline(lines, line);  // a rule
  std::size_t n = 0;
  bool bold = false;
  bool regular = false;
  for (; std::getline(lines, line); ++n) {
    std::smatch m;
    ASSERT_TRUE(std::regex_search(
        line, m, std::regex(R"(^\S+\+(\S+)\s.*\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$)")))
        << line;
    EXPECT_TRUE(m[1].str().starts_with("Noto")) << line;
    EXPECT_EQ(m[2], "yes") << "not embedded: " << line;
    if (m[1] == "NotoSans-Bold") bold = true;
    if (m[1] == "NotoSans-Regular") regular = true;
  }
  EXPECT_GT(n, 2U) << fonts;
  EXPECT_TRUE(bold) << fonts;
  EXPECT_TRUE(regular) << fonts;
}

TEST_F(PrintoutPdfTest, OneImagePerQrCode) {
  EXPECT_EQ(images_in(spanish_printout()), 1U);
  EXPECT_EQ(images_in(event_printout()), 2U);
  Printout three = event_printout();
  three.codes.push_back({"Third", "https://example.org/3", ""});
  EXPECT_EQ(images_in(three), 2U) << "at most two codes";
  Printout none = spanish_printout();
  none.codes.clear();
  EXPECT_EQ(images_in(none), 0U);
  // Both codes' words are on the page.
  const std::string text = text_of(event_printout());
  for (const char* expected : {"Agregar a mi calendario", "Escanee con la cámara de su teléfono.",
                               "Más información", "https://example.org/events/1"})
    EXPECT_TRUE(contains(squeezed(text), squeezed(expected))) << expected << "\n" << text;
}

TEST_F(PrintoutPdfTest, LinkTooLongForAQrCodeIsStillPrinted) {
  Printout p;
  p.title = "Cook";
  const std::string link = "https://example.org/" + std::string(3000, 'x');
  p.codes = {{"Apply online", link, link}};
  EXPECT_EQ(images_in(p), 0U);
  const std::string text = squeezed(text_of(p));
  EXPECT_TRUE(contains(text, "Applyonline")) << text;
  EXPECT_TRUE(contains(text, "https://example.org/xxx")) << text;
  EXPECT_TRUE(contains(text, "x…")) << "cut inside the box\n" << text;
  EXPECT_LT(count(text, "x"), 1000U) << text;
}

TEST_F(PrintoutPdfTest, EmptyFieldsAreSkippedAndLabelsGetOneColon) {
  Printout p;
  p.title = "Cook";
  p.header = "   ";
  p.facts = {{"Pay", ""}, {"Where", " "}};
  p.blocks = {{Block::Type::Heading, {""}}, {Block::Type::Paragraph, {"", "  "}}};
  p.codes = {{"", " \r\n", ""}};
  EXPECT_EQ(images_in(p), 0U);
  std::string text = text_of(p);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\f')) text.pop_back();
  EXPECT_EQ(text, "Cook");

  p.facts = {{"Pay", "$15"}, {"Where:", "Doral"}, {"", "no label"}};
  text = text_of(p);
  EXPECT_TRUE(contains(text, "Pay:")) << text;
  EXPECT_TRUE(contains(text, "Where:")) << text;
  EXPECT_FALSE(contains(text, "::")) << text;
  EXPECT_TRUE(contains(text, "no label")) << text;
}

TEST_F(PrintoutPdfTest, ControlCharactersAndDecomposedAccents) {
  Printout p;
  p.blocks = {
      {Block::Type::Paragraph, {"cafe\u0301 tab\there\nnewline", "bad \xff\xfe utf8", "a\u00a0b"}}};
  const std::string text = text_of(p);
  EXPECT_TRUE(contains(text, "café tab here newline")) << text;
  EXPECT_TRUE(contains(text, "bad \uFFFD\uFFFD utf8")) << text;
}

std::string unescape(std::string html) {
  for (const auto& [entity, text] : {std::pair{"&lt;", "<"},
                                     {"&gt;", ">"},
                                     {"&quot;", "\""},
                                     {"&apos;", "'"},
                                     {"&#39;", "'"},
                                     {"&amp;", "&"}}) {
    for (std::size_t at = html.find(entity); at != std::string::npos;
         at = html.find(entity, at + 1))
      html.replace(at, std::string_view(entity).size(), text);
  }
  return html;
}

struct Word {
  double x0, y0, x1, y1;  // points, origin top left (pdftotext -bbox)
  std::string text;
};

TEST_F(PrintoutPdfTest, LongContentIsCutAboveTheCodesAndNothingLeavesThePage) {
  Printout p = spanish_printout();
  p.title =
      "Auxiliar de enfermería con un título larguísimo que ocupa varias líneas enteras "
      "porque nadie lo revisó antes de publicarlo en la bolsa de trabajo";
  p.header = std::string(60, 'h') + " " + std::string(100, 'h');
  p.footer = "Impreso " + std::string(400, 'f');
  std::string lorem;
  for (int i = 0; i < 120; ++i) lorem += "lorem ipsum dolor sit amet consectetur ";
  p.blocks.push_back({Block::Type::Paragraph, {lorem}});
  p.blocks.push_back({Block::Type::Paragraph, {std::string(700, 'z')}});
  p.blocks.push_back({Block::Type::Heading, {"Nunca visible"}});
  const double box_top = code_square(0, 1).y;

  int status = 0;
  const std::string html = tool("pdftotext -bbox", render(p), &status, "-");
  ASSERT_EQ(status, 0) << html;
  std::vector<Word> words;
  const std::regex word_re(
      R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>)re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), word_re);
       it != std::sregex_iterator(); ++it) {
    words.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]),
                     std::stod((*it)[4]), unescape((*it)[5])});
  }
  ASSERT_GT(words.size(), 50U);

  bool cut_with_ellipsis = false;
  std::size_t lorem_words = 0;
  for (const Word& w : words) {
    // Inside 0.5 inch of every edge.
    EXPECT_GE(w.x0, 36) << w.text;
    EXPECT_LE(w.x1, 612 - 36) << w.text;
    EXPECT_GE(w.y0, 36) << w.text;
    EXPECT_LE(w.y1, 792 - 36) << w.text;
    EXPECT_NE(w.text, "Nunca") << "text after the cut was printed";
    EXPECT_FALSE(w.text.starts_with("zzz")) << "the paragraph after the cut was printed";
    const bool in_box =
        w.text == "Solicitar" || w.text == "por" || w.text == "internet" || contains(kLink, w.text);
    const bool footer = w.text == "Impreso" || w.text.starts_with("fff");
    if (w.text.starts_with("lorem") || w.text.starts_with("ipsum") || w.text.starts_with("dolor") ||
        w.text.starts_with("sit") || w.text.starts_with("amet") ||
        w.text.starts_with("consectetur")) {
      ++lorem_words;
      EXPECT_LT(w.y1, box_top) << w.text << " overlaps the box of codes";
    } else if (w.y1 > box_top) {
      EXPECT_TRUE(in_box || footer) << w.text << " is below the top of the box of codes";
    }
    if (w.text.ends_with("\u2026") && w.y1 < box_top) cut_with_ellipsis = true;
  }
  EXPECT_TRUE(cut_with_ellipsis) << html;
  EXPECT_GT(lorem_words, 100U) << "the page is filled before the cut";
  EXPECT_LT(lorem_words, 600U) << "the paragraph was cut";
  // The header and footer are one line each, cut with "…".
  const std::string text = tool("pdftotext -enc UTF-8", dir_ / "page.pdf", &status, "-");
  EXPECT_TRUE(contains(text, "hhh\u2026")) << text;
  EXPECT_TRUE(contains(text, "fff\u2026")) << text;
}

// The page as 8-bit gray pixels at `dpi`.
struct Raster {
  int width = 0;
  int height = 0;
  std::vector<unsigned char> pixels;
  unsigned char at(int x, int y) const {
    return pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                  static_cast<std::size_t>(x)];
  }
};

Raster read_pgm(const fs::path& file) {
  Raster r;
  std::ifstream in(file, std::ios::binary);
  auto token = [&in] {
    std::string t;
    while (in >> t && t[0] == '#') in.ignore(1 << 20, '\n');
    return t;
  };
  if (token() != "P5") return r;
  r.width = std::stoi(token());
  r.height = std::stoi(token());
  if (std::stoi(token()) != 255) return {};
  in.get();
  r.pixels.resize(static_cast<std::size_t>(r.width) * static_cast<std::size_t>(r.height));
  in.read(reinterpret_cast<char*>(r.pixels.data()), static_cast<std::streamsize>(r.pixels.size()));
  if (!in.good()) return {};
  return r;
}

TEST_F(PrintoutPdfTest, QrCodesAreDrawnModuleForModuleAndTheMarginsStayWhite) {
  const Printout p = event_printout();
  // Poppler smooths images scaled up less than 4 times whatever the PDF says (Ghostscript, as
  // CUPS uses it, does not): 300 dpi makes each module at least 6 pixels.
  constexpr int kDpi = 300;
  int status = 0;
  const fs::path stem = dir_ / "page";
  const std::string log = run("pdftoppm -gray -r " + std::to_string(kDpi) + " -singlefile '" +
                                  render(p).string() + "' '" + stem.string() + "' 2>&1",
                              &status);
  ASSERT_EQ(status, 0) << log;
  const Raster page = read_pgm(stem.string() + ".pgm");
  ASSERT_EQ(page.width, 612 * kDpi / 72);
  ASSERT_EQ(page.height, 792 * kDpi / 72);
  const double scale = kDpi / 72.0;

  for (std::size_t i = 0; i < p.codes.size(); ++i) {
    const auto qr = QrCode::encode(p.codes[i].data);
    ASSERT_TRUE(qr.has_value());
    const PageSquare square = code_square(i, p.codes.size());
    const int total = qr->size() + 2 * QrCode::kQuietZone;
    const double module = square.side / total;
    int mismatches = 0;
    for (int row = -QrCode::kQuietZone; row < qr->size() + QrCode::kQuietZone; ++row) {
      for (int col = -QrCode::kQuietZone; col < qr->size() + QrCode::kQuietZone; ++col) {
        const bool inside = row >= 0 && col >= 0 && row < qr->size() && col < qr->size();
        const bool dark = inside && qr->dark(col, row);
        const double cx = square.x + (col + QrCode::kQuietZone + 0.5) * module;
        const double cy = square.y + (row + QrCode::kQuietZone + 0.5) * module;
        const bool seen_dark =
            page.at(static_cast<int>(cx * scale), static_cast<int>(cy * scale)) < 128;
        if (seen_dark != dark) ++mismatches;
      }
    }
    EXPECT_EQ(mismatches, 0) << "code " << i << ", " << qr->size() << " modules";
  }
  // Nothing drawn (text, box, codes) within half an inch of the edges.
  const int edge = 36 * kDpi / 72;
  int outside = 0;
  for (int y = 0; y < page.height; ++y) {
    for (int x = 0; x < page.width; ++x) {
      const bool margin = x < edge || y < edge || x >= page.width - edge || y >= page.height - edge;
      if (margin && page.at(x, y) < 250) ++outside;
    }
  }
  EXPECT_EQ(outside, 0);
}

// Robustness: fields that are huge, empty, invalid UTF-8, control characters, unpaired
// directional marks, combining marks in piles. Every page is a valid one-page PDF; a fixed seed
// so a failure can be replayed.
std::string random_field(std::mt19937& rng) {
  static const std::vector<std::string> kPieces = {"",          " ",
                                                   "\xff",      "\xc3",
                                                   "\xe2\x80",  "\xed\xa0\x80",
                                                   "\0",        "\t\n\r",
                                                   "é",         "ñ",
                                                   "e\u0301",   "\u0301",
                                                   "¿",         "“",
                                                   "€",         "日本",
                                                   "محمد",      "\u202e",
                                                   "\u200b",    "\ufeff",
                                                   "ﷺ",         "👩🏽‍🔧",
                                                   "(",         "\\",
                                                   "a",         "word ",
                                                   "https://x", "%PDF",
                                                   "\u00ad",    std::string(300, 'W'),
                                                   "\u2028"};
  std::string s;
  const int n = static_cast<int>(rng() % 12);
  for (int i = 0; i < n; ++i) s += kPieces[rng() % kPieces.size()];
  if (rng() % 20 == 0) s += std::string(200000 + rng() % 1000, static_cast<char>('a' + rng() % 3));
  if (rng() % 25 == 0) {
    for (int i = 0; i < 5000; ++i) s += static_cast<char>(rng() % 256);
  }
  return s;
}

TEST_F(PrintoutPdfTest, OddInputsStillMakeAValidPage) {
  const unsigned seed = 20261207;
  std::mt19937 rng(seed);
  for (int round = 0; round < 30; ++round) {
    Printout p;
    p.header = random_field(rng);
    p.title = random_field(rng);
    p.subtitle = random_field(rng);
    p.footer = random_field(rng);
    for (int i = static_cast<int>(rng() % 6); i > 0; --i)
      p.facts.push_back({random_field(rng), random_field(rng)});
    for (int i = static_cast<int>(rng() % 8); i > 0; --i) {
      Block b{static_cast<Block::Type>(rng() % 3), {}};
      for (int j = static_cast<int>(rng() % 4); j > 0; --j) b.lines.push_back(random_field(rng));
      p.blocks.push_back(std::move(b));
    }
    for (int i = static_cast<int>(rng() % 4); i > 0; --i)
      p.codes.push_back({random_field(rng), random_field(rng), random_field(rng)});
    const std::string name = "odd" + std::to_string(round) + ".pdf";
    const fs::path file = render(p, name);  // one Letter page, or the test fails
    int status = 0;
    const std::string text = tool("pdftotext -enc UTF-8", file, &status, "-");
    EXPECT_EQ(status, 0) << "seed " << seed << " round " << round << ": " << text;
    EXPECT_FALSE(contains(text, "Syntax Error")) << "seed " << seed << " round " << round;
  }
  // The extremes on their own.
  render(Printout{}, "empty.pdf");
  Printout huge;
  huge.title = std::string(1 << 20, 'W');  // no spaces: broken by characters
  huge.blocks = {{Block::Type::Bullets, std::vector<std::string>(5000, "Otro requisito")}};
  huge.facts = std::vector<Printout::Fact>(500, {"Label", std::string(7000, 'v')});
  const std::string text = text_of(huge);
  EXPECT_TRUE(contains(text, "WWWW\u2026")) << text;
}

}  // namespace
}  // namespace kiosk
