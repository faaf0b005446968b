// The printable summary: one complete page of PostScript whatever it is given, Spanish in the
// standard fonts' Latin-1, and (where Ghostscript and poppler are installed) proof that the
// page reads back right, is cut above the QR box and draws the QR code module for module.
#include "kiosk/print/printout.h"

#include <sys/wait.h>
#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "kiosk/base/qr.h"

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
              {Block::Type::Paragraph, {"¡Escanee el código!"}}};
  p.link_label = "Solicite en su teléfono:";
  p.link = "https://www.mdpls.org/jobs/12345?lang=es";
  p.footer = "Impreso el 3 de noviembre de 2026";
  return p;
}

TEST(PrintoutTest, IsOneCompletePageOfPostScript) {
  const std::string ps = render_postscript(spanish_printout());
  EXPECT_EQ(ps.rfind("%!PS-Adobe-3.0\n", 0), 0U);
  EXPECT_TRUE(contains(ps, "\n%%BoundingBox: 0 0 612 792\n"));
  EXPECT_TRUE(contains(ps, "\n%%Pages: 1\n"));
  EXPECT_TRUE(contains(ps, "\n%%EndComments\n"));
  EXPECT_TRUE(contains(ps, "<< /PageSize [612 792] >> setpagedevice"));
  EXPECT_EQ(count(ps, "%%Page: "), 1U);
  EXPECT_EQ(count(ps, "showpage"), 1U);
  EXPECT_EQ(count(ps, "%%EOF"), 1U);
  EXPECT_TRUE(ps.ends_with("%%EOF\n"));
  // Clean7Bit, as declared, and DSC's 255-character lines.
  for (const char c : ps) EXPECT_TRUE(c == '\n' || (c >= 0x20 && c < 0x7F)) << int(c);
  std::istringstream lines(ps);
  for (std::string line; std::getline(lines, line);) EXPECT_LE(line.size(), 255U) << line;
}

TEST(PrintoutTest, SpanishLettersAreLatin1OctalEscapes) {
  const std::string ps = render_postscript(spanish_printout());
  EXPECT_TRUE(contains(ps, "(Auxiliar de enfermer\\355a)"));   // í = 0xED
  EXPECT_TRUE(contains(ps, "(\\277C\\363mo solicitar?)"));     // ¿ = 0xBF, ó = 0xF3
  EXPECT_TRUE(contains(ps, "ni\\361o y ping\\374ino"));        // ñ = 0xF1, ü = 0xFC
  EXPECT_TRUE(contains(ps, "(\\241Escanee el c\\363digo!)"));  // ¡ = 0xA1
  EXPECT_TRUE(contains(ps, "(Descripci\\363n)"));
  EXPECT_TRUE(contains(ps, "(Biblioteca Principal \\267 Miami"));  // · = 0xB7
  // The fonts are re-encoded to carry those codes.
  EXPECT_TRUE(contains(ps, "ISOLatin1Encoding"));
  EXPECT_TRUE(contains(ps, "/Helvetica reencode"));
  EXPECT_TRUE(contains(ps, "/Helvetica-Bold reencode"));
  EXPECT_TRUE(contains(ps, "%%Title: Auxiliar de enfermeria\n"));  // DSC: plain ASCII
}

TEST(PrintoutTest, ParenthesesAndBackslashesAreEscaped) {
  Printout p;
  p.title = "Pay (USD) \\ hour) (";
  const std::string ps = render_postscript(p);
  EXPECT_TRUE(contains(ps, "(Pay \\(USD\\) \\\\ hour\\) \\()")) << ps;
}

TEST(PrintoutTest, CharactersOutsideLatin1HaveStandIns) {
  Printout p;
  p.blocks = {{Block::Type::Paragraph,
               {"it’s “quoted” – here — there…", "a\u00a0b\u202fc", "日本 Łódź ş",
                "cafe\u0301 soft\u00adhyphen tab\there\nnewline", "bad \xff\xfe utf8"}}};
  const std::string ps = render_postscript(p);
  EXPECT_TRUE(contains(ps, "(it's \"quoted\" - here - there...)")) << ps;
  EXPECT_TRUE(contains(ps, "(a b c)"));
  EXPECT_TRUE(contains(ps, "(?? ?\\363dz s)"));  // no Latin-1 letter: '?'; accents outside: base
  EXPECT_TRUE(contains(ps, "(caf\\351 softhyphen tab here newline)"));  // NFC; invisible; spaces
  EXPECT_TRUE(contains(ps, "(bad ?? utf8)"));
}

TEST(PrintoutTest, VeryLongDescriptionStaysOnOnePage) {
  Printout p = spanish_printout();
  std::string huge;
  while (huge.size() < 200000) huge += "Una descripción muy larga del puesto de trabajo. ";
  p.blocks.push_back({Block::Type::Paragraph, {huge, huge}});
  for (int i = 0; i < 500; ++i) p.blocks.push_back({Block::Type::Bullets, {"Otro requisito"}});
  const std::string ps = render_postscript(p);
  EXPECT_TRUE(contains(ps, "\n%%Pages: 1\n"));
  EXPECT_EQ(count(ps, "%%Page: "), 1U);
  EXPECT_EQ(count(ps, "showpage"), 1U);
  // What cannot fit is not even handed to the interpreter (and no string nears 64 KiB).
  EXPECT_LT(ps.size(), 80000U);
  EXPECT_LT(count(ps, "[/bullet "), 100U);
}

TEST(PrintoutTest, QrCodeOnlyWithALink) {
  Printout p = spanish_printout();
  const std::string with = render_postscript(p);
  EXPECT_GT(count(with, " R\n"), 20U);
  EXPECT_EQ(count(with, " box\n"), 1U);
  EXPECT_TRUE(contains(with, "(https://www.mdpls.org/jobs/12345?lang=es)"));

  p.link.clear();
  const std::string without = render_postscript(p);
  EXPECT_EQ(count(without, " R\n"), 0U);
  EXPECT_EQ(count(without, " box\n"), 0U);
  EXPECT_FALSE(contains(without, "[/link"));
  EXPECT_FALSE(contains(without, "[/linklabel"));
}

TEST(PrintoutTest, LinkTooLongForAQrCodeIsStillPrinted) {
  Printout p;
  p.link = "https://example.org/" + std::string(3000, 'x');
  const std::string ps = render_postscript(p);
  EXPECT_EQ(count(ps, " R\n"), 0U);
  EXPECT_EQ(count(ps, " box\n"), 1U);
  EXPECT_TRUE(contains(ps, "[/link (https://example.org/xxx"));
}

TEST(PrintoutTest, EmptyFieldsAreSkipped) {
  Printout p;
  p.title = "Cook";
  p.header = "   ";
  p.facts = {{"Pay", ""}, {"Where", " "}};
  p.blocks = {{Block::Type::Heading, {""}}, {Block::Type::Paragraph, {"", "  "}}};
  const std::string ps = render_postscript(p);
  EXPECT_TRUE(contains(ps, "[/title (Cook)]"));
  for (const char* absent :
       {"[/subtitle", "[/facts", "[/heading", "[/para", " header\n", " footer\n", " box\n", "Pay"})
    EXPECT_FALSE(contains(ps, absent)) << absent;
  // Labels get their colon once.
  p.facts = {{"Pay", "$15"}, {"Where:", "Doral"}, {"", "no label"}};
  const std::string with_facts = render_postscript(p);
  EXPECT_TRUE(contains(with_facts, "(Pay:) ($15)"));
  EXPECT_TRUE(contains(with_facts, "(Where:) (Doral)"));
  EXPECT_TRUE(contains(with_facts, "() (no label)"));
}

// --- With Ghostscript and poppler: what the page really looks like --------------------------

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

class PrintoutGhostscriptTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!have("gs")) GTEST_SKIP() << "gs (ghostscript) is not installed";
    dir_ = fs::temp_directory_path() /
           ("kiosk-printout-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (!dir_.empty()) fs::remove_all(dir_);
  }

  fs::path write(const std::string& name, const std::string& ps) {
    const fs::path file = dir_ / name;
    std::ofstream(file, std::ios::binary) << ps;
    return file;
  }

  // Ghostscript's text extraction of the page; fails the test on any PostScript error.
  std::string text_of(const std::string& ps) {
    const fs::path file = write("page.ps", ps);
    int status = 0;
    const std::string text =
        run("gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=txtwrite "
            "-sOutputFile=- '" +
                file.string() + "' 2>&1",
            &status);
    EXPECT_EQ(status, 0) << text;
    EXPECT_FALSE(contains(text, "Error")) << text;
    return text;
  }

  fs::path dir_;
};

TEST_F(PrintoutGhostscriptTest, SpanishTextComesOutRight) {
  const std::string text = text_of(render_postscript(spanish_printout()));
  for (const char* expected :
       {"Auxiliar de enfermería", "Jackson Health System", "Salario:", "$18.50 por hora",
        "niño y pingüino", "Descripción", "Ayude a los pacientes (adultos) con el baño.",
        "Certificado vigente", "Inglés y español", "¿Cómo solicitar?", "¡Escanee el código!",
        "Solicite en su teléfono:", "https://www.mdpls.org/jobs/12345?lang=es",
        "Biblioteca Principal · Miami-Dade", "Impreso el 3 de noviembre de 2026"})
    EXPECT_TRUE(contains(text, expected)) << expected << "\n" << text;
}

TEST_F(PrintoutGhostscriptTest, OddInputsStillMakeAValidPage) {
  Printout empty;
  text_of(render_postscript(empty));
  Printout odd;
  odd.title = std::string(400, 'W');  // no spaces: broken by characters
  odd.header = std::string(300, 'h') + " end";
  odd.footer = "x (y) \\ z";
  odd.facts = {{std::string(200, 'L'), std::string(200, 'v')}};
  odd.blocks = {{Block::Type::Heading, {std::string(3000, 'H')}},
                {Block::Type::Bullets, {std::string(2000, 'b')}}};
  odd.link = "https://example.org/" + std::string(2500, 'q');  // too long for a QR code
  odd.link_label = std::string(200, 'k');
  const std::string text = text_of(render_postscript(odd));
  EXPECT_TRUE(contains(text, "WWWW"));
  EXPECT_TRUE(contains(text, "x (y) \\ z"));
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

TEST_F(PrintoutGhostscriptTest, LongContentIsCutAboveTheQrBoxAndNothingLeavesThePage) {
  if (!have("ps2pdf") || !have("pdftotext")) GTEST_SKIP() << "ps2pdf or pdftotext missing";
  Printout p = spanish_printout();
  p.title =
      "Auxiliar de enfermería con un título larguísimo que ocupa varias líneas enteras "
      "porque nadie lo revisó antes de publicarlo en la bolsa de trabajo";
  p.header = std::string(60, 'h') + " " + std::string(100, 'h');
  p.footer = "Impreso " + std::string(150, 'f');
  p.link =
      "https://www.mdpls.org/" + std::string(180, 'k') + "?lang=es&page=" + std::string(60, 'p');
  std::string lorem;
  for (int i = 0; i < 120; ++i) lorem += "lorem ipsum dolor sit amet consectetur ";
  p.blocks.push_back({Block::Type::Paragraph, {lorem}});
  p.blocks.push_back({Block::Type::Paragraph, {std::string(700, 'z')}});
  p.blocks.push_back({Block::Type::Heading, {"Nunca visible"}});
  const std::string ps = render_postscript(p);

  // Where the box is, from the document itself: "x y w h box".
  std::smatch m;
  ASSERT_TRUE(std::regex_search(ps, m, std::regex(R"(\n\S+ (\S+) \S+ (\S+) box\n)")));
  const double box_top = 792 - (std::stod(m[1]) + std::stod(m[2]));

  const fs::path file = write("long.ps", ps);
  const fs::path pdf = dir_ / "long.pdf";
  int status = 0;
  run("ps2pdf '" + file.string() + "' '" + pdf.string() + "' 2>&1", &status);
  ASSERT_EQ(status, 0);
  const std::string html = run("pdftotext -bbox '" + pdf.string() + "' - 2>&1", &status);
  ASSERT_EQ(status, 0) << html;
  EXPECT_EQ(count(html, "<page "), 1U);

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
  for (const Word& w : words) {
    // Inside 0.5 inch of every edge.
    EXPECT_GE(w.x0, 36) << w.text;
    EXPECT_LE(w.x1, 612 - 36) << w.text;
    EXPECT_GE(w.y0, 36) << w.text;
    EXPECT_LE(w.y1, 792 - 36) << w.text;
    EXPECT_NE(w.text, "Nunca") << "text after the cut was printed";
    const bool in_box = w.text == "Solicite" || w.text == "en" || w.text == "su" ||
                        w.text.starts_with("tel") || contains(p.link, w.text);
    const bool footer = w.text == "Impreso" || w.text.starts_with("fff");
    if (w.text.starts_with("lorem") || w.text.starts_with("ipsum") || w.text.starts_with("dolor") ||
        w.text.starts_with("sit") || w.text.starts_with("amet") ||
        w.text.starts_with("consectetur") || w.text.starts_with("zzz")) {
      EXPECT_LT(w.y1, box_top) << w.text << " overlaps the QR box";
    } else if (w.y1 > box_top) {
      EXPECT_TRUE(in_box || footer) << w.text << " is below the top of the QR box";
    }
    if (w.text.ends_with("...") && w.y1 < box_top) cut_with_ellipsis = true;
  }
  EXPECT_TRUE(cut_with_ellipsis) << html;
  // The whole link is there, wrapped over several lines.
  std::string all;
  for (const Word& w : words) all += w.text;
  EXPECT_TRUE(contains(all, p.link));

  // Nothing drawn (rules, box, QR code) leaves the margins either.
  const std::string bbox =
      run("gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=bbox '" + file.string() + "' 2>&1", &status);
  ASSERT_TRUE(
      std::regex_search(bbox, m, std::regex(R"(%%HiResBoundingBox: (\S+) (\S+) (\S+) (\S+))")))
      << bbox;
  EXPECT_GE(std::stod(m[1]), 36);
  EXPECT_GE(std::stod(m[2]), 36);
  EXPECT_LE(std::stod(m[3]), 612 - 36);
  EXPECT_LE(std::stod(m[4]), 792 - 36);
}

TEST_F(PrintoutGhostscriptTest, QrCodeIsDrawnModuleForModule) {
  Printout p;
  p.link = "https://www.mdpls.org/jobs/12345?lang=es";
  const std::string ps = render_postscript(p);
  const auto qr = QrCode::encode(p.link);
  ASSERT_TRUE(qr.has_value());

  // Where the code is, from the document: "gsave 0 setgray x y translate module dup scale".
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      ps, m, std::regex(R"(gsave 0 setgray (\S+) (\S+) translate (\S+) dup scale)")));
  const double x = std::stod(m[1]);
  const double y = std::stod(m[2]);
  const double module = std::stod(m[3]);
  const int total = qr->size() + 2 * QrCode::kQuietZone;
  EXPECT_GE(module * total, 1.6 * 72) << "the code is smaller than 1.6 inch";
  EXPECT_LE(module * total, 2.0 * 72);

  const fs::path file = write("qr.ps", ps);
  const fs::path pgm = dir_ / "qr.pgm";
  constexpr int kDpi = 144;
  int status = 0;
  const std::string log =
      run("gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=pgmraw -r" + std::to_string(kDpi) +
              " -sOutputFile='" + pgm.string() + "' '" + file.string() + "' 2>&1",
          &status);
  ASSERT_EQ(status, 0) << log;
  std::ifstream in(pgm, std::ios::binary);
  // The header: "P5", width, height, maxval, separated by white space and "#" comment lines.
  auto token = [&in] {
    std::string t;
    while (in >> t && t[0] == '#') in.ignore(1 << 20, '\n');
    return t;
  };
  const std::string magic = token();
  const int width = std::stoi(token());
  const int height = std::stoi(token());
  const int maxval = std::stoi(token());
  in.get();
  ASSERT_EQ(magic, "P5");
  ASSERT_EQ(maxval, 255);
  ASSERT_EQ(width, 612 * kDpi / 72);
  ASSERT_EQ(height, 792 * kDpi / 72);
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height);
  in.read(reinterpret_cast<char*>(pixels.data()), static_cast<std::streamsize>(pixels.size()));
  ASSERT_TRUE(in.good()) << "read " << in.gcount() << " of " << pixels.size() << " pixel bytes ("
                         << magic << " " << width << "x" << height << " " << maxval << ")";
  const double scale = kDpi / 72.0;
  auto pixel = [&](double px_pt, double py_pt) {
    const int px = static_cast<int>(px_pt * scale);
    const int py = static_cast<int>((792 - py_pt) * scale);
    return pixels[static_cast<std::size_t>(py) * width + px];
  };
  int mismatches = 0;
  for (int row = -QrCode::kQuietZone; row < qr->size() + QrCode::kQuietZone; ++row) {
    for (int col = -QrCode::kQuietZone; col < qr->size() + QrCode::kQuietZone; ++col) {
      const bool inside = row >= 0 && col >= 0 && row < qr->size() && col < qr->size();
      const bool dark = inside && qr->dark(col, row);
      const double cx = x + (col + QrCode::kQuietZone + 0.5) * module;
      const double cy = y + (total - (row + QrCode::kQuietZone) - 0.5) * module;
      if ((pixel(cx, cy) < 128) != dark) ++mismatches;
    }
  }
  EXPECT_EQ(mismatches, 0);
}

}  // namespace
}  // namespace kiosk
