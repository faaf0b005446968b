// The normalized listing records every feed format is turned into, and every screen reads.
// Text a resident reads is bilingual (English and Spanish where the source gives both); a
// description is a list of paragraphs and bullet lists, never HTML.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace kiosk {

enum class ListingKind { Job, Program, Event, Service, Faq };

// Text in both languages; either may be empty when the source has only one.
struct LocalText {
  std::string en;
  std::string es;

  bool empty() const { return en.empty() && es.empty(); }
  const std::string& in(bool spanish) const {
    return spanish && !es.empty() ? es : en.empty() ? es : en;
  }

  bool operator==(const LocalText&) const = default;
};

// One block of a description: a paragraph, a heading, or a bullet list.
struct TextBlock {
  enum class Type { Paragraph, Heading, Bullets };
  Type type = Type::Paragraph;
  std::vector<std::string> lines;  // one line for Paragraph/Heading, one per bullet

  bool operator==(const TextBlock&) const = default;
};
using RichText = std::vector<TextBlock>;

struct LocalRichText {
  RichText en;
  RichText es;

  bool operator==(const LocalRichText&) const = default;
};

struct Place {
  std::string name;  // "Jackson Memorial Hospital", a branch, or empty
  std::string street;
  std::string city;    // "Miami", "Hialeah", …
  std::string region;  // "FL"
  std::string postal_code;
  std::string country;  // ISO 3166-1 alpha-2 ("US"), normalized from names

  bool operator==(const Place&) const = default;
};

enum class Workplace { Unknown, Onsite, Remote, Hybrid };
enum class PayUnit { Unknown, Hour, Day, Week, Month, Year };

struct Pay {
  std::optional<double> min;
  std::optional<double> max;
  PayUnit unit = PayUnit::Unknown;
  std::string currency = "USD";

  bool operator==(const Pay&) const = default;
};

// Industries of the seeds; Other for anything the kiosk cannot place.
enum class Industry {
  Unknown,
  Health,
  Technology,
  Construction,
  Hospitality,
  CleanEnergy,
  Professional,
  Other
};

// Employment types as the kiosk's filters name them.
enum EmploymentType : std::uint8_t {
  kFullTime = 1 << 0,
  kPartTime = 1 << 1,
  kTemporary = 1 << 2,
  kInternship = 1 << 3,
  kContract = 1 << 4,
};

struct Job {
  std::string id;      // stable within its source (identifier, Greenhouse id, Lever id)
  std::string source;  // feed URL it came from
  LocalText title;
  std::string employer;
  LocalRichText description;
  Industry industry = Industry::Unknown;
  std::string occupation_code;        // O*NET-SOC or SOC when known ("29-1141.00")
  std::string occupation_series;      // a federal job's OPM occupational series ("0801")
  std::uint8_t employment_types = 0;  // EmploymentType bits
  Workplace workplace = Workplace::Unknown;
  std::vector<Place> locations;
  Pay pay;
  LocalText education;  // what the posting asks, as text ("High school diploma or GED")
  std::optional<int> experience_months;
  bool no_degree = false;                     // no college degree required
  std::vector<std::string> skills;            // as the source names them (usually English)
  std::vector<std::string> skills_es;         // Spanish names, when the source gives them
  std::optional<std::int64_t> posted;         // Unix seconds
  std::optional<std::int64_t> valid_through;  // Unix seconds; past it the posting disappears
  std::string apply_url;
  std::string language;  // BCP 47 of the posting ("en", "es"); empty when unknown
  bool sample = false;   // the bundled sample data set
  // The feeds (URLs as configured) that posted the same job again: filled when the job is read
  // from the cache (kiosk/store/duplicates.cpp), never stored with it.
  std::vector<std::string> also_posted;

  bool operator==(const Job&) const = default;
};

enum class ProgramType { Unknown, Apprenticeship, PreApprenticeship, Internship, Ojt, Classroom };
enum class ProgramFormat { Unknown, InPerson, Online, Hybrid };

// When a program meets, as the kiosk's filters name it.
enum ProgramSchedule : std::uint8_t {
  kDaytime = 1 << 0,
  kEvening = 1 << 1,
  kWeekend = 1 << 2,
};

struct Program {
  std::string id;
  std::string source;
  LocalText name;
  std::string provider;
  LocalRichText description;
  std::string occupation_code;                // the first of occupation_codes, or empty
  std::vector<std::string> occupation_codes;  // SOC or O*NET-SOC codes the source names
  std::vector<std::string> cip_codes;         // CIP 2020 codes of what it teaches ("51.3801")
  std::optional<double> cost;                 // USD; 0 for free
  std::optional<int> duration_weeks;
  LocalText schedule;               // "Evenings, Monday to Thursday"
  std::uint8_t schedule_times = 0;  // ProgramSchedule bits, read from the schedule or the feed
  LocalText credential;             // what completing it earns
  LocalText prerequisites;
  Pay wage;              // while learning, when paid
  std::string language;  // of instruction ("en", "es", "en,es")
  std::vector<Place> locations;
  std::optional<std::int64_t> start_date;
  std::optional<std::int64_t> valid_through;
  std::string url;  // contact or apply
  ProgramType type = ProgramType::Unknown;
  Industry industry = Industry::Unknown;
  ProgramFormat format = ProgramFormat::Unknown;
  bool paid_while_learning = false;
  bool no_degree = false;  // no college degree needed to join
  bool wioa_eligible = false;
  bool taa_eligible = false;
  bool sample = false;

  bool operator==(const Program&) const = default;
};

// Kinds of events, as the kiosk's filters name them (several may be chosen at once).
enum EventType : std::uint8_t {
  kHiringFair = 1 << 0,
  kCareerFair = 1 << 1,
  kWorkshop = 1 << 2,
  kInfoSession = 1 << 3,
};

// What a support service helps with (schema.org serviceType, as the kiosk's filters name it).
enum class ServiceNeed {
  Unknown,
  Transportation,
  ChildCare,
  DigitalLiteracy,
  CareerCoaching,
  LanguageClasses,
  ResumeHelp,
  InterviewClothing,
  LegalAid,
  MentalHealth,
  FinancialCoaching,
  FoodAssistance,
  HousingHelp,
};

struct Event {
  std::string id;
  std::string source;
  std::string type;  // hiring_fair, career_fair, workshop, info_session (EventType keys), …
  LocalText name;
  LocalRichText description;
  std::string organizer;
  std::optional<std::int64_t> start;
  std::optional<std::int64_t> end;
  Place place;
  bool online = false;
  bool free = true;
  std::string url;
  bool sample = false;

  bool operator==(const Event&) const = default;
};

// When a service is open on some days of the week (schema.org OpeningHoursSpecification, or
// an openingHours line such as "Mo-Fr 09:00-17:00"): local time at the service's place.
struct OpeningHours {
  std::uint8_t days = 0;  // bit 0 Monday … bit 6 Sunday
  int opens = 0;          // minutes after midnight
  int closes = 0;         // minutes after midnight; 24:00 is 1440

  bool operator==(const OpeningHours&) const = default;
};

struct Service {
  std::string id;
  std::string source;
  std::string type;  // transportation, child_care, … (ServiceNeed keys)
  LocalText name;
  LocalRichText description;
  std::string provider;
  LocalText eligibility;
  LocalText hours;                          // as the source words it, when it does
  std::vector<OpeningHours> opening_hours;  // when it says so in a form the kiosk reads
  std::string phone;
  std::string url;
  Place place;
  bool sample = false;

  bool operator==(const Service&) const = default;
};

// Where an answer leads on this kiosk: a screen's stable name and, for a listing browser, one
// filter as `search --filter` names it. The kiosk opens it only when such a screen exists.
struct FaqLink {
  std::string route;   // "programs.search", "jobs.search", "signup", "help", …
  std::string filter;  // "program_type=apprenticeship", or empty
  LocalText label;     // the button: "See apprenticeships" (empty: the kiosk's own words)

  bool empty() const { return route.empty(); }

  bool operator==(const FaqLink&) const = default;
};

struct FaqEntry {
  std::string id;
  std::string source;
  std::string topic;  // jobs, training, apprenticeship, support, account, …
  LocalText question;
  LocalRichText answer;
  FaqLink link;  // the journey the answer points at (additionalProperty `opens`), if any
  bool sample = false;

  bool operator==(const FaqEntry&) const = default;
};

// What a parser hands back: the records of one feed, or why it could not read it.
struct ParsedFeed {
  std::vector<Job> jobs;
  std::vector<Program> programs;
  std::vector<Event> events;
  std::vector<Service> services;
  std::vector<FaqEntry> faq;
  std::vector<std::string> warnings;  // records skipped and why (the rest still import)
  // Paged sources (USAJOBS, CareerOneStop) say on each page how much the whole answer holds;
  // the sync asks for the next page while there is more (and [feeds] max_pages allows).
  std::optional<std::int64_t> source_total;  // listings matched over all pages
  std::optional<std::int64_t> source_pages;  // pages in all, when the source says
  // The source answered, but with counts and no list of listings (CareerOneStop's count-only
  // responses): zero records import, and the sync says so instead of failing.
  bool counts_only = false;

  std::size_t size() const {
    return jobs.size() + programs.size() + events.size() + services.size() + faq.size();
  }
};

struct ParseError {
  std::string reason;  // one sentence for the technician's log and `sync --json`
};

using ParseResult = std::variant<ParsedFeed, ParseError>;

}  // namespace kiosk
