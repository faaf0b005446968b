// Printing through a real CUPS: a private cupsd (tests/integration/cups_queue.sh) on a unix
// socket in a temp directory, with a cups-pdf queue, so a printout goes all the way through
// CUPS's filters to a PDF whose text is read back. Skipped, with the reason, where CUPS, cups-pdf
// or pdftotext is not installed or the test does not run as root (cups-pdf's backend needs it).
#include "kiosk/print/printer.h"

#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <cups/cups.h>
#include <gtest/gtest.h>

#include "kiosk/print/printout.h"

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

int exit_status(int raw) {
  return raw != -1 && WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

bool have(const std::string& tool) {
  return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0;
}

// Standard output of a shell command, or nullopt when it fails.
std::optional<std::string> output_of(const std::string& command) {
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return std::nullopt;
  std::string out;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  if (exit_status(::pclose(pipe)) != 0) return std::nullopt;
  return out;
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string tail(const std::string& text, std::size_t n) {
  return text.size() > n ? text.substr(text.size() - n) : text;
}

// The script next to this file; ctest runs the tests from the source tree as well.
fs::path script_path() {
  const fs::path here = fs::path(__FILE__).parent_path() / "cups_queue.sh";
  if (fs::exists(here)) return here;
  return fs::current_path() / "tests" / "integration" / "cups_queue.sh";
}

// Points libcups of this thread at `server` (empty: the default), through CUPS_SERVER
// as the kiosk gets it in production; cupsSetServer(nullptr) drops the cached server and
// connection so the variable is read again.
void use_cups_server(const std::string& server) {
  if (server.empty()) {
    ::unsetenv("CUPS_SERVER");
  } else {
    ::setenv("CUPS_SERVER", server.c_str(), 1);
  }
  cupsSetServer(nullptr);
}

class PrintTest : public ::testing::Test {
 protected:
  // One private cupsd for the whole suite: starting it takes a fraction of a second, but the
  // queue and its PPD are the same for every test.
  static void SetUpTestSuite() {
    skip_.clear();
    failure_.clear();
    env_.clear();
    const char* previous = std::getenv("CUPS_SERVER");
    saved_server_ = previous != nullptr ? previous : "";
    if (!have("pdftotext")) {
      skip_ = "pdftotext is not installed (package poppler-utils)";
      return;
    }
    const fs::path script = script_path();
    if (!fs::exists(script)) {
      failure_ = "cannot find " + script.string();
      return;
    }
    // Short: a unix socket path must stay under 108 bytes.
    fs::path base = fs::temp_directory_path();
    if (base.string().size() > 40) base = "/tmp";
    dir_ = base / ("kiosk-cups-" + std::to_string(::getpid()));
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
    const std::string command = "sh " + shell_quote(script.string()) + " start " +
                                shell_quote(dir_.string()) + " " + std::to_string(::getpid()) +
                                " >" + shell_quote(dir_.string() + ".log") + " 2>&1";
    const int status = exit_status(std::system(command.c_str()));
    const std::string log = read_file(dir_.string() + ".log");
    fs::remove(dir_.string() + ".log", ignored);
    if (status == 77) {
      skip_ = read_file(dir_ / "skip");
      while (!skip_.empty() && (skip_.back() == '\n' || skip_.back() == ' ')) skip_.pop_back();
      return;
    }
    if (status != 0) {
      failure_ = "cups_queue.sh start failed (" + std::to_string(status) + "):\n" + log;
      return;
    }
    std::ifstream env(dir_ / "env");
    for (std::string line; std::getline(env, line);) {
      const auto eq = line.find('=');
      if (eq != std::string::npos) env_[line.substr(0, eq)] = line.substr(eq + 1);
    }
    if (env_["CUPS_SERVER"].empty() || env_["QUEUE"].empty() || env_["PDF_DIR"].empty()) {
      failure_ = "cups_queue.sh wrote an incomplete env file";
      return;
    }
    use_cups_server(env_["CUPS_SERVER"]);
  }

  static void TearDownTestSuite() {
    use_cups_server(saved_server_);
    if (dir_.empty()) return;
    const std::string command = "sh " + shell_quote(script_path().string()) + " stop " +
                                shell_quote(dir_.string()) + " >/dev/null 2>&1";
    EXPECT_EQ(exit_status(std::system(command.c_str())), 0) << "cups_queue.sh stop failed";
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
    dir_.clear();
  }

  void SetUp() override {
    if (!skip_.empty()) GTEST_SKIP() << "private CUPS not available: " << skip_;
    ASSERT_TRUE(failure_.empty()) << failure_;
  }

  // Only the PDFs this test made, identified by the token printed on them.
  void TearDown() override {
    for (const fs::path& file : created_) {
      std::error_code ignored;
      fs::remove(file, ignored);
    }
  }

  // The PDFs in cups-pdf's directory, with their modification times.
  static std::map<fs::path, fs::file_time_type> pdfs() {
    std::map<fs::path, fs::file_time_type> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(env_["PDF_DIR"], ec)) {
      if (entry.path().extension() != ".pdf") continue;
      out[entry.path()] = entry.last_write_time(ec);
    }
    return out;
  }

  // Waits for a PDF that is new or rewritten since `before` and whose text contains `token`
  // (cups-pdf names files after the document's title and job id, which other runs may share).
  std::optional<std::string> wait_for_pdf(const std::map<fs::path, fs::file_time_type>& before,
                                          const std::string& token, std::chrono::seconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
      for (const auto& [file, mtime] : pdfs()) {
        const auto old = before.find(file);
        if ((old != before.end() && old->second == mtime) || created_.count(file) != 0) continue;
        // Still being written by Ghostscript: pdftotext fails or the token is not there yet.
        const auto text =
            output_of("pdftotext -enc UTF-8 " + shell_quote(file.string()) + " - 2>/dev/null");
        if (text && text->find(token) != std::string::npos) {
          created_.insert(file);
          return text;
        }
      }
      std::this_thread::sleep_for(200ms);
    }
    return std::nullopt;
  }

  static std::string error_log() { return tail(read_file(dir_ / "log" / "error_log"), 3000); }

  static inline fs::path dir_;
  static inline std::string saved_server_;  // CUPS_SERVER before the suite, restored after
  static inline std::string skip_;
  static inline std::string failure_;
  static inline std::map<std::string, std::string> env_;
  std::set<fs::path> created_;
};

Printout spanish_printout(const std::string& token) {
  Printout p;
  p.header = "Biblioteca Principal · Miami-Dade Public Library System";
  p.title = "Auxiliar de enfermería " + token;  // the file name comes from the title
  p.subtitle = "Jackson Health System";
  p.facts = {{"Salario", "$18.50 por hora"}, {"Horario", "Noches y fines de semana"}};
  p.blocks = {{Printout::Block::Type::Heading, {"Descripción"}},
              {Printout::Block::Type::Paragraph, {"Ayude a los pacientes con el baño y la cena."}},
              {Printout::Block::Type::Heading, {"¿Cómo solicitar?"}},
              {Printout::Block::Type::Bullets, {"Escanee el código", "¡Buena suerte!"}}};
  p.codes = {{"Solicitar por internet", "https://www.mdpls.org/jobs/cna-123?lang=es",
              "https://www.mdpls.org/jobs/cna-123?lang=es"}};
  p.footer = "Impreso el 3 de noviembre de 2026 · " + token;
  return p;
}

TEST_F(PrintTest, SpanishPrintoutComesOutOfCupsAsPdf) {
  const std::string queue = env_["QUEUE"];
  std::string error;
  ASSERT_TRUE(printer_available(queue, &error)) << error << "\n" << error_log();

  // Unique to this run, printed on the page: how the test knows its PDF among others.
  const std::string token =
      "kpt" + std::to_string(::getpid()) + "x" + std::to_string(std::time(nullptr) % 1000000);
  const auto before = pdfs();
  const auto started = std::chrono::steady_clock::now();
  const auto id = print_document({.queue = queue,
                                  .title = "kiosk-print-test-" + token,
                                  .document = render_pdf(spanish_printout(token)),
                                  .mime_type = "application/pdf"},
                                 &error);
  ASSERT_TRUE(id.has_value()) << error << "\n" << error_log();
  EXPECT_GT(*id, 0);

  const auto text = wait_for_pdf(before, token, 30s);
  ASSERT_TRUE(text.has_value()) << "no PDF with " << token << " in " << env_["PDF_DIR"]
                                << " after 30 s\n"
                                << error_log();
  std::cout << "[          ] PDF after "
            << std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now() - started)
                   .count()
            << " ms\n";
  for (const char* expected :
       {"Auxiliar de enfermería", "Jackson Health System", "$18.50 por hora", "Descripción",
        "Ayude a los pacientes con el baño y la cena.", "¿Cómo solicitar?", "¡Buena suerte!",
        "Solicitar por internet", "https://www.mdpls.org/jobs/cna-123?lang=es",
        "Biblioteca Principal · Miami-Dade"})
    EXPECT_NE(text->find(expected), std::string::npos) << expected << "\n" << *text;
}

TEST_F(PrintTest, MissingQueueFailsCleanly) {
  std::string error;
  EXPECT_FALSE(printer_available("nope", &error));
  EXPECT_EQ(error, "printer nope not found");

  error.clear();
  const auto id = print_document({.queue = "nope",
                                  .title = "kiosk-print-test",
                                  .document = render_pdf(Printout{}),
                                  .mime_type = "application/pdf"},
                                 &error);
  EXPECT_FALSE(id.has_value());
  EXPECT_EQ(error, "printer nope not found");
  // And the server is still fine afterwards.
  EXPECT_TRUE(printer_available(env_["QUEUE"], &error)) << error;
}

TEST_F(PrintTest, QueueRejectingJobsFailsCleanly) {
  if (!have("cupsreject") || !have("cupsaccept")) GTEST_SKIP() << "cupsreject is not installed";
  const std::string queue = env_["QUEUE"];
  const std::string server = "CUPS_SERVER=" + shell_quote(env_["CUPS_SERVER"]) + " ";
  ASSERT_EQ(std::system((server + "cupsreject -r kiosk-test " + queue).c_str()), 0);
  std::string error;
  const auto id = print_document({.queue = queue,
                                  .title = "kiosk-print-test",
                                  .document = render_pdf(Printout{}),
                                  .mime_type = "application/pdf"},
                                 &error);
  EXPECT_EQ(std::system((server + "cupsaccept " + queue).c_str()), 0);
  EXPECT_FALSE(id.has_value());
  EXPECT_EQ(error.rfind("cannot create a job on " + queue + ": ", 0), 0U) << error;
}

TEST(PrinterTest, BadQueueNamesNeverReachCups) {
  for (const std::string& name :
       {std::string(), std::string("two words"), std::string("a/b"), std::string("a#b"),
        std::string(128, 'q'), std::string("tab\t")}) {
    std::string error;
    EXPECT_FALSE(printer_available(name, &error)) << name;
    EXPECT_EQ(error, "invalid printer queue name");
    error.clear();
    EXPECT_FALSE(print_document({.queue = name,
                                 .title = "t",
                                 .document = render_pdf(Printout{}),
                                 .mime_type = "application/pdf"},
                                &error));
    EXPECT_EQ(error, "invalid printer queue name");
  }
}

// Without a server at all (a socket nobody listens on): refusals with a reason, no hang.
TEST(PrinterTest, UnreachableServerFailsCleanly) {
  const fs::path socket =
      fs::temp_directory_path() / ("kiosk-no-cups-" + std::to_string(::getpid())) / "cups.sock";
  const char* previous = std::getenv("CUPS_SERVER");
  const std::string saved = previous != nullptr ? previous : "";
  use_cups_server(socket.string());
  const auto started = std::chrono::steady_clock::now();
  std::string error;
  EXPECT_FALSE(printer_available("kiosk-pdf", &error));
  EXPECT_EQ(error, "cannot reach the print server " + socket.string());
  error.clear();
  EXPECT_FALSE(print_document({.queue = "kiosk-pdf",
                               .title = "t",
                               .document = render_pdf(Printout{}),
                               .mime_type = "application/pdf"},
                              &error));
  EXPECT_EQ(error, "cannot reach the print server " + socket.string());
  EXPECT_LT(std::chrono::steady_clock::now() - started, 10s);
  use_cups_server(saved);
}

}  // namespace
}  // namespace kiosk
