// Printing benchmark (packaging/dev.sh bench): the time and memory to render one printout page
// as PDF with cairo and pango, and the PDF's size, for a job in Spanish (one QR code), an event
// (two codes, one of them iCalendar text) and a page cut to fit (a very long description).
// Prints a Markdown section for BENCHMARKS.md. Timings are measured here, never asserted in tests.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "kiosk/print/printout.h"
#include "tests/bench/bench_report.h"

namespace {

using Clock = std::chrono::steady_clock;
using Block = kiosk::Printout::Block;

// A /proc/self/status field in kB (VmRSS: now; VmHWM: the peak so far).
long status_kb(const std::string& field) {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(field + ":", 0) == 0) return std::stol(line.substr(field.size() + 1));
  }
  return -1;
}

kiosk::Printout job() {
  kiosk::Printout p;
  p.header = "Biblioteca Principal · Miami-Dade Public Library System";
  p.title = "Auxiliar de enfermería certificado (CNA)";
  p.subtitle = "Jackson Health System · Miami";
  p.facts = {{"Salario", "$18.50 por hora"},
             {"Horario", "Tiempo completo, noches y fines de semana"},
             {"Dónde", "1611 NW 12th Ave, Miami, FL 33136"},
             {"Publicado", "hace 3 días"}};
  p.blocks = {
      {Block::Type::Heading, {"Descripción"}},
      {Block::Type::Paragraph,
       {"Ayude a los pacientes con el baño, la comida y moverse con seguridad. Tome los signos "
        "vitales y avise a la enfermera de cualquier cambio. ¿Le gusta cuidar a las personas? "
        "¡Este trabajo es para usted!"}},
      {Block::Type::Heading, {"Lo que piden"}},
      {Block::Type::Bullets,
       {"Certificado de CNA de Florida vigente", "RCP (BLS) al día", "Inglés y español"}}};
  const std::string link = "https://example.org/sample/jobs/job-0042?lang=es";
  p.codes = {{"Solicitar por internet", link, link}};
  p.footer =
      "Impreso el 7 dic 2026 a las 10:15. Workforce.Miami: ayuda gratis para encontrar "
      "trabajo y capacitación.";
  return p;
}

kiosk::Printout event() {
  kiosk::Printout p = job();
  p.title = "Feria de empleo de salud";
  p.facts = {{"Cuándo", "jueves, 10 de diciembre, de 10:00 a. m. a 2:00 p. m."},
             {"Dónde", "Miami Dade College, Wolfson Campus"},
             {"Costo", "Gratis"}};
  const std::string ical =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//workforce-kiosk//EN\r\nBEGIN:VEVENT\r\n"
      "UID:event-0007@workforce-kiosk\r\nDTSTAMP:20261207T151500Z\r\n"
      "DTSTART;TZID=America/New_York:20261210T100000\r\n"
      "DTEND;TZID=America/New_York:20261210T140000\r\nSUMMARY:Feria de empleo de salud\r\n"
      "LOCATION:300 NE 2nd Ave\\, Miami\\, FL 33132\r\n"
      "URL:https://example.org/sample/events/event-0007\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
  p.codes = {{"Agregar a mi calendario", ical, "Apunte la cámara de su teléfono al código."},
             {"Más información", "https://example.org/sample/events/event-0007",
              "https://example.org/sample/events/event-0007"}};
  return p;
}

kiosk::Printout overlong() {
  kiosk::Printout p = job();
  std::string text;
  for (int i = 0; i < 200; ++i) text += "Una descripción muy larga del puesto de trabajo. ";
  p.blocks.push_back({Block::Type::Paragraph, {text}});
  p.blocks.push_back({Block::Type::Bullets, std::vector<std::string>(100, "Otro requisito")});
  return p;
}

double ms(Clock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

using bench::percentile;

}  // namespace

int main() {
  constexpr int kRounds = 100;
  const long rss_start = status_kb("VmRSS");
  const auto first_start = Clock::now();
  const std::string first = kiosk::render_pdf(job());
  const double first_ms = ms(Clock::now() - first_start);
  const long hwm_first = status_kb("VmHWM");
  const long rss_first = status_kb("VmRSS");

  struct Case {
    const char* name;
    kiosk::Printout page;
    std::vector<double> times;
    std::size_t bytes = 0;
  };
  std::vector<Case> cases = {
      {"job in Spanish, one QR code", job(), {}, 0},
      {"event, two QR codes (iCalendar and link)", event(), {}, 0},
      {"job with a very long description, cut with \"…\"", overlong(), {}, 0}};
  for (int round = 0; round < kRounds; ++round) {
    for (Case& c : cases) {
      const auto start = Clock::now();
      const std::string pdf = kiosk::render_pdf(c.page);
      c.times.push_back(ms(Clock::now() - start));
      c.bytes = pdf.size();
    }
  }
  const long rss_end = status_kb("VmRSS");
  const long hwm_end = status_kb("VmHWM");

  std::ostringstream md;
  md << bench::heading("Printing")
     << "One page rendered as PDF by `kiosk::render_pdf` (cairo, pango, the Noto fonts), in "
        "process, "
     << kRounds << " rounds after a first page (`tests/bench/printout_bench.cpp`).\n\n"
     << "| what | figure |\n|---|---|\n"
     << "| first page of the process (fontconfig's cache of the Noto folders read, fonts opened) | "
     << first_ms << " ms, " << first.size() << " bytes |\n";
  for (const Case& c : cases) {
    md << "| " << c.name << " | p50 " << percentile(c.times, 50) << " ms, p95 "
       << percentile(c.times, 95) << " ms, max " << percentile(c.times, 100) << " ms; PDF "
       << c.bytes << " bytes |\n";
  }
  md << "| memory: resident set before the first page → after it (peak) | " << rss_start / 1024
     << " → " << rss_first / 1024 << " MiB (peak " << hwm_first / 1024 << " MiB) |\n"
     << "| memory after " << 3 * kRounds << " more pages (peak) | " << rss_end / 1024
     << " MiB (peak " << hwm_end / 1024 << " MiB) |\n\n";
  std::cout << md.str() << std::endl;
  if (const char* out = std::getenv("KIOSK_BENCH_MD")) std::ofstream(out) << md.str();
  return 0;
}
