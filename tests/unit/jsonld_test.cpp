#include "kiosk/feeds/jsonld.h"

#include <set>

#include "kiosk/feeds/normalize.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace kiosk::feeds {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

ParsedFeed parsed(std::string_view body) {
  auto r = parse_jsonld(body, "test://feed");
  if (auto* e = std::get_if<ParseError>(&r)) {
    ADD_FAILURE() << e->reason;
    return {};
  }
  return std::get<ParsedFeed>(std::move(r));
}

TEST(JsonLd, BilingualJobWithEverything) {
  const auto feed = parsed(R"({"@context":"https://schema.org","@graph":[{
    "@type":"JobPosting","identifier":{"@type":"PropertyValue","name":"x","value":"job-1"},
    "title":[{"@value":"Medical Assistant","@language":"en"},{"@value":"Asistente médico","@language":"es"}],
    "description":[{"@value":"<p>Help patients.</p><ul><li>Vitals</li></ul>","@language":"en"},
                   {"@value":"<p>Ayude a pacientes.</p>","@language":"es"}],
    "datePosted":"2026-11-03","validThrough":"2027-01-31T23:59:59-05:00",
    "employmentType":["FULL_TIME","PART_TIME"],
    "hiringOrganization":{"@type":"Organization","name":"Bayfront Clinic"},
    "jobLocation":{"@type":"Place","address":{"@type":"PostalAddress","addressLocality":"Hialeah","addressRegion":"FL","postalCode":"33012","addressCountry":"United States"}},
    "baseSalary":{"@type":"MonetaryAmount","currency":"USD","value":{"@type":"QuantitativeValue","minValue":"18.50","maxValue":21,"unitText":"HOUR"}},
    "educationRequirements":{"@type":"EducationalOccupationalCredential","credentialCategory":"high school"},
    "experienceRequirements":{"@type":"OccupationalExperienceRequirements","monthsOfExperience":6},
    "skills":["Vital signs","Scheduling"],
    "industry":"Health care and social assistance","occupationalCategory":"31-9092.00",
    "url":"https://example.org/sample/jobs/job-1","inLanguage":"en",
    "additionalProperty":[{"@type":"PropertyValue","name":"sampleData","value":true},
                          {"@type":"PropertyValue","name":"workplaceType","value":"hybrid"},
                          {"@type":"PropertyValue","name":"skillsEs","value":["Signos vitales"]}]}]})");
  ASSERT_EQ(feed.jobs.size(), 1u);
  const Job& j = feed.jobs[0];
  EXPECT_EQ(j.id, "job-1");
  EXPECT_EQ(j.title.en, "Medical Assistant");
  EXPECT_EQ(j.title.es, "Asistente médico");
  ASSERT_EQ(j.description.en.size(), 2u);
  EXPECT_EQ(j.description.en[1].type, TextBlock::Type::Bullets);
  EXPECT_EQ(j.description.es[0].lines[0], "Ayude a pacientes.");
  EXPECT_EQ(j.employment_types, kFullTime | kPartTime);
  EXPECT_EQ(j.employer, "Bayfront Clinic");
  ASSERT_EQ(j.locations.size(), 1u);
  EXPECT_EQ(j.locations[0].country, "US");
  EXPECT_EQ(j.pay.min, 18.5);
  EXPECT_EQ(j.pay.max, 21);
  EXPECT_EQ(j.pay.unit, PayUnit::Hour);
  EXPECT_TRUE(j.no_degree);
  EXPECT_EQ(j.experience_months, 6);
  EXPECT_EQ(j.industry, Industry::Health);
  EXPECT_EQ(j.workplace, Workplace::Hybrid);
  EXPECT_TRUE(j.sample);
  ASSERT_EQ(j.skills.size(), 2u);
  ASSERT_EQ(j.skills_es.size(), 1u);
  EXPECT_EQ(j.skills_es[0], "Signos vitales");  // shown to Spanish readers, searched by all
  EXPECT_EQ(j.posted, parse_date("2026-11-03"));
}

TEST(JsonLd, ArraysSingleObjectsAndQuirks) {
  const auto feed =
      parsed(R"([{"@type":"JobPosting","title":"Cook &amp; Prep","url":"https://e.org/1",
      "employmentType":"Full-time","baseSalary":"100000","description":"&lt;p&gt;Escaped &amp;amp; HTML&lt;/p&gt;",
      "jobLocation":[{"@type":"Place","address":{"addressLocality":"UNAVAILABLE","addressRegion":"FL"}},
                     {"@type":"Place","additionalProperty":{"@type":"PropertyValue","value":"TELECOMMUTE"}}]},
      {"@type":"Thing","name":"ignored"}])");
  ASSERT_EQ(feed.jobs.size(), 1u);
  const Job& j = feed.jobs[0];
  EXPECT_EQ(j.title.en, "Cook & Prep");
  EXPECT_EQ(j.employment_types, kFullTime);
  EXPECT_EQ(j.pay.min, 100000);
  EXPECT_EQ(j.pay.unit, PayUnit::Year);
  EXPECT_EQ(j.workplace, Workplace::Remote);
  ASSERT_FALSE(j.description.en.empty());
  EXPECT_EQ(j.description.en[0].lines[0], "Escaped & HTML");
  EXPECT_EQ(j.locations[0].city, "");   // the placeholder is dropped
  EXPECT_FALSE(feed.warnings.empty());  // the Thing was noted
}

// A link goes into a QR code as it is (qr_fuzz holds every reader to it), so one with a space (or
// of another scheme) is no link; the next candidate is taken, as the other readers do.
TEST(JsonLd, LinksAreWebLinksWithoutSpaces) {
  const auto feed = parsed(R"({"@graph":[
      {"@type":"JobPosting","title":"Cook","url":"https://e.org/jobs/1 apply now","sameAs":"HTTPS://e.org/2"},
      {"@type":"JobPosting","title":"Driver","url":"https://e.org/jobs/\t3"},
      {"@type":"Service","name":"Bus fare","url":"https://e.org/bus",
       "availableChannel":{"serviceUrl":"tel:305-555-0100"}}]})");
  ASSERT_EQ(feed.jobs.size(), 2u);
  EXPECT_EQ(feed.jobs[0].apply_url, "HTTPS://e.org/2");
  EXPECT_EQ(feed.jobs[1].apply_url, "");
  ASSERT_EQ(feed.services.size(), 1u);
  EXPECT_EQ(feed.services[0].url, "https://e.org/bus");
}

TEST(JsonLd, RecordsWithoutTitleAreSkippedTheRestImport) {
  const auto feed = parsed(R"({"@graph":[{"@type":"JobPosting","url":"https://e.org/a"},
      {"@type":"JobPosting","title":"Welder","url":"https://e.org/b"}]})");
  EXPECT_EQ(feed.jobs.size(), 1u);
  ASSERT_FALSE(feed.warnings.empty());
  EXPECT_NE(feed.warnings[0].find("no a title"), std::string::npos);
}

TEST(JsonLd, BadDocumentsAreRefusedWithAReason) {
  auto r = parse_jsonld("{not json", "x");
  ASSERT_TRUE(std::holds_alternative<ParseError>(r));
  EXPECT_NE(std::get<ParseError>(r).reason.find("not valid JSON"), std::string::npos);
  r = parse_jsonld(R"({"@graph":[]})", "x");
  ASSERT_TRUE(std::holds_alternative<ParseError>(r));
  r = parse_jsonld("42", "x");
  ASSERT_TRUE(std::holds_alternative<ParseError>(r));
  r = parse_jsonld(R"({"@type":"JobPosting","title":{"deep":[1,2,{"x":null}]},"url":7})", "x");
  EXPECT_TRUE(std::holds_alternative<ParseError>(r) || std::holds_alternative<ParsedFeed>(r));
}

TEST(JsonLd, ProgramsEventsServicesFaq) {
  const auto feed = parsed(R"({"@graph":[
    {"@type":"WorkBasedProgram","identifier":"p1","name":[{"@value":"Electrician apprenticeship","@language":"en"},{"@value":"Aprendizaje de electricista","@language":"es"}],
     "programType":"apprenticeship","provider":{"@type":"Organization","name":"South Florida Trades"},
     "offers":{"@type":"Offer","price":"0"},"timeToComplete":"P4Y","educationalProgramMode":"in person",
     "trainingSalary":{"@type":"MonetaryAmountDistribution","currency":"USD","median":17.5,"unitText":"HOUR"},
     "additionalProperty":[{"@type":"PropertyValue","name":"wioaEligible","value":true},
       {"@type":"PropertyValue","name":"scheduleTimes","value":["Evening","weekend","never"]}]},
    {"@type":"EducationalOccupationalProgram","identifier":"p2","name":"Clase de computadoras",
     "inLanguage":"es","programPrerequisites":"Ninguno",
     "additionalProperty":{"@type":"PropertyValue","name":"schedule","value":"Martes y jueves, 6 a 8 p.m."}},
    {"@type":"Event","identifier":"e1","name":"Hiring fair","startDate":"2027-01-21T10:00:00-05:00",
     "location":{"@type":"Place","name":"Main Library","address":{"addressLocality":"Miami"}}},
    {"@type":"Service","identifier":"s1","name":"Bus passes","serviceType":"transportation",
     "availableChannel":{"@type":"ServiceChannel","servicePhone":{"@type":"ContactPoint","telephone":"+1-305-555-0100"}}},
    {"@type":"FAQPage","mainEntity":[{"@type":"Question","identifier":"q1","name":"How do I find a job?",
      "acceptedAnswer":{"@type":"Answer","text":"<p>Tap Find a job.</p>"}}]}]})");
  ASSERT_EQ(feed.programs.size(), 2u);
  const Program& p = feed.programs[0];
  EXPECT_EQ(p.type, ProgramType::Apprenticeship);
  EXPECT_EQ(p.name.es, "Aprendizaje de electricista");
  EXPECT_EQ(p.cost, 0);
  EXPECT_EQ(p.duration_weeks, 208);
  EXPECT_TRUE(p.paid_while_learning);
  EXPECT_EQ(p.wage.min, 17.5);
  EXPECT_TRUE(p.wioa_eligible);
  EXPECT_EQ(p.format, ProgramFormat::InPerson);
  EXPECT_EQ(p.schedule_times, kEvening | kWeekend);  // the feed's own words, unknown ones left
  EXPECT_TRUE(p.no_degree);                          // an apprenticeship asking for none
  const Program& classes = feed.programs[1];
  EXPECT_EQ(classes.type, ProgramType::Classroom);
  EXPECT_EQ(classes.schedule_times, kEvening);  // from the Spanish schedule text
  EXPECT_FALSE(classes.no_degree);              // classes say nothing: not claimed
  EXPECT_EQ(classes.language, "es");
  ASSERT_EQ(feed.events.size(), 1u);
  EXPECT_EQ(feed.events[0].place.city, "Miami");
  ASSERT_EQ(feed.services.size(), 1u);
  EXPECT_EQ(feed.services[0].phone, "+1-305-555-0100");
  ASSERT_EQ(feed.faq.size(), 1u);
  EXPECT_EQ(feed.faq[0].answer.en[0].lines[0], "Tap Find a job.");
}

TEST(JsonLd, RealWorldSamples) {
  const fs::path dir =
      fs::path(KIOSK_SOURCE_DIR) / ".." / "shared" / "realdata" / "jobposting_jsonld";
  if (!fs::exists(dir)) GTEST_SKIP() << "realdata is absent";
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".jsonld") continue;
    ++files;
    const auto feed = parsed(read(entry.path()));
    ASSERT_EQ(feed.jobs.size(), 1u) << entry.path();
    const Job& j = feed.jobs[0];
    EXPECT_FALSE(j.title.en.empty()) << entry.path();
    for (const auto& block : j.description.en) {
      for (const auto& line : block.lines) EXPECT_EQ(line.find('<'), std::string::npos) << line;
    }
  }
  EXPECT_GE(files, 3);
  const auto gupy = parsed(read(dir / "memed_gupy_frontend.jsonld"));
  EXPECT_EQ(gupy.jobs[0].workplace, Workplace::Remote);  // TELECOMMUTE hidden in additionalProperty
  const auto schema = parsed(read(dir / "schemaorg_eg-0028_basic.jsonld"));
  EXPECT_EQ(schema.jobs[0].employment_types, kFullTime);
  EXPECT_EQ(schema.jobs[0].pay.unit, PayUnit::Year);
  EXPECT_EQ(schema.jobs[0].occupation_code, "15-1132.00");
  EXPECT_FALSE(schema.jobs[0].no_degree);
}

TEST(JsonLd, SchemaOrgExamplesNeverCrash) {
  const fs::path dir =
      fs::path(KIOSK_SOURCE_DIR) / ".." / "shared" / "realdata" / "schemaorg_examples";
  if (!fs::exists(dir)) GTEST_SKIP() << "realdata is absent";
  int parsed_ok = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const auto r = parse_jsonld(read(entry.path()), entry.path().string());
    if (std::holds_alternative<ParsedFeed>(r)) ++parsed_ok;
  }
  EXPECT_GT(parsed_ok, 0);
}

TEST(JsonLd, FaqLinksToAJourney) {
  const auto feed = parsed(R"({"@type":"FAQPage","mainEntity":[
    {"@type":"Question","identifier":"q1","name":"What is an apprenticeship?",
     "additionalProperty":[{"@type":"PropertyValue","name":"sampleData","value":true},
       {"@type":"PropertyValue","name":"opens","value":"Programs.Search?program_type=apprenticeship",
        "description":[{"@value":"See apprenticeships","@language":"en"},{"@value":"Ver aprendizajes","@language":"es"}]}],
     "acceptedAnswer":{"@type":"Answer","text":"A paid job where you learn."}},
    {"@type":"Question","identifier":"q2","name":"Sign up?",
     "additionalProperty":{"@type":"PropertyValue","name":"opens","value":"signup"}},
    {"@type":"Question","identifier":"q3","name":"Bad links",
     "additionalProperty":[{"@type":"PropertyValue","name":"opens","value":"https://evil.example/x"}]},
    {"@type":"Question","identifier":"q4","name":"Two filters",
     "additionalProperty":[{"@type":"PropertyValue","name":"opens","value":"jobs.search?type=part_time=x"}]},
    {"@type":"Question","identifier":"q5","name":"No value",
     "additionalProperty":[{"@type":"PropertyValue","name":"opens","value":"jobs.search?type="}]},
    {"@type":"Question","identifier":"q6","name":"Object value",
     "additionalProperty":[{"@type":"PropertyValue","name":"opens","value":{"a":[1,2]}}, 7, "opens"]},
    {"@type":"Question","identifier":"q7","name":"Long",
     "additionalProperty":[{"@type":"PropertyValue","name":"opens","value":"jobs.searchxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}]},
    {"@type":"Question","identifier":"q8","name":"Markup",
     "additionalProperty":[{"@type":"PropertyValue","name":"opens","value":"jobs.search?type=<b>"}]}]})");
  ASSERT_EQ(feed.faq.size(), 8u);
  EXPECT_EQ(feed.faq[0].link.route, "programs.search");  // folded to lower case
  EXPECT_EQ(feed.faq[0].link.filter, "program_type=apprenticeship");
  EXPECT_EQ(feed.faq[0].link.label.en, "See apprenticeships");
  EXPECT_EQ(feed.faq[0].link.label.es, "Ver aprendizajes");
  EXPECT_TRUE(feed.faq[0].sample);
  EXPECT_EQ(feed.faq[1].link.route, "signup");
  EXPECT_TRUE(feed.faq[1].link.filter.empty());
  EXPECT_TRUE(feed.faq[1].link.label.empty());  // the kiosk's own words then
  for (std::size_t i = 2; i < feed.faq.size(); ++i) {
    EXPECT_TRUE(feed.faq[i].link.empty()) << feed.faq[i].id;
    EXPECT_TRUE(feed.faq[i].link.filter.empty()) << feed.faq[i].id;
  }
}

TEST(JsonLd, BundledSampleDataSet) {
  const fs::path dir = fs::path(KIOSK_SOURCE_DIR) / "assets" / "sample";
  const auto jobs = parsed(read(dir / "jobs.jsonld"));
  const auto programs = parsed(read(dir / "programs.jsonld"));
  const auto events = parsed(read(dir / "events.jsonld"));
  const auto services = parsed(read(dir / "services.jsonld"));
  const auto faq = parsed(read(dir / "faq.jsonld"));
  EXPECT_GE(jobs.jobs.size(), 150u);
  EXPECT_GE(programs.programs.size(), 40u);
  EXPECT_GE(events.events.size(), 12u);
  EXPECT_GE(services.services.size(), 12u);
  EXPECT_GE(faq.faq.size(), 20u);
  std::set<Industry> industries;
  int remote = 0;
  int part_time = 0;
  int no_degree = 0;
  int english_only = 0;
  int spanish_only = 0;
  for (const auto& j : jobs.jobs) {
    // Written in both languages, except a few posted in one only, as real feeds are (for
    // searching across languages): those carry no occupation code, most of them.
    EXPECT_TRUE(!j.title.en.empty() || !j.title.es.empty()) << j.id;
    EXPECT_FALSE(j.description.en.empty() && j.description.es.empty()) << j.id;
    english_only += j.title.es.empty() ? 1 : 0;
    spanish_only += j.title.en.empty() ? 1 : 0;
    EXPECT_TRUE(j.sample) << j.id;
    EXPECT_TRUE(j.pay.min.has_value()) << j.id;
    EXPECT_TRUE(j.apply_url.starts_with("https://example.org/sample/")) << j.id;
    industries.insert(j.industry);
    remote += j.workplace == Workplace::Remote ? 1 : 0;
    part_time += (j.employment_types & kPartTime) != 0 ? 1 : 0;
    no_degree += j.no_degree ? 1 : 0;
  }
  EXPECT_EQ(industries.size(), 7u);  // the six, and none named
  EXPECT_GE(english_only, 8);
  EXPECT_GE(spanish_only, 8);
  EXPECT_GT(remote, 5);
  EXPECT_GT(part_time, 10);
  EXPECT_GT(no_degree, 50);
  for (const auto& p : programs.programs) {
    EXPECT_NE(p.type, ProgramType::Unknown) << p.id;
    EXPECT_FALSE(p.name.es.empty()) << p.id;
  }
  for (const auto& f : faq.faq) EXPECT_FALSE(f.question.es.empty()) << f.id;
}

}  // namespace
}  // namespace kiosk::feeds
