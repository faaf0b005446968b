#include "kiosk/feeds/ctdl.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "kiosk/feeds/html_text.h"
#include "kiosk/store/store.h"
#include "kiosk/sync/sync.h"
#include "tests/unit/feed_test_support.h"
#include "tests/unit/temp_dir.h"

namespace kiosk::feeds {
namespace {

const std::string kSource = "https://registry.example.org/ctdl/programs.json";
constexpr std::int64_t kNow = 1793664000;  // 2026-11-03

using kiosk::testing::read_realdata;

ParsedFeed parse_ok(std::string_view body) {
  return kiosk::testing::parse_ok(parse_ctdl, body, kSource);
}
std::string parse_error(std::string_view body) {
  return kiosk::testing::parse_error(parse_ctdl, body, kSource);
}

const Program* named(const ParsedFeed& feed, std::string_view name) {
  const auto it = std::find_if(feed.programs.begin(), feed.programs.end(),
                               [&](const Program& p) { return p.name.en == name; });
  return it == feed.programs.end() ? nullptr : &*it;
}

constexpr const char* kNursingAssistant = R"json({
  "@context": "https://credreg.net/ctdl/schema/context/json",
  "@id": "https://credentialengineregistry.org/resources/ce-1111",
  "@type": "ceterms:LearningProgram",
  "ceterms:ctid": "ce-1111",
  "ceterms:name": {"en-US": "Nursing Assistant", "es": "Asistente de enfermer\u00eda"},
  "ceterms:description": {"en": "<p>Learn patient care.</p><ul><li>Vital signs</li><li>Safety</li></ul>",
                          "es-US": "Aprenda a cuidar pacientes."},
  "ceterms:inLanguage": ["en-US", "es"],
  "ceterms:offeredBy": [{"@type": "ceterms:CredentialOrganization",
                         "ceterms:name": {"en-US": "Miami Dade College"}}],
  "ceterms:estimatedDuration": [{"@type": "ceterms:DurationProfile", "ceterms:exactDuration": "P12W"}],
  "ceterms:estimatedCost": [
    {"@type": "ceterms:CostProfile", "ceterms:price": 1000, "ceterms:currency": "USD",
     "ceterms:directCostType": {"ceterms:targetNode": "costType:Tuition"}},
    {"@type": "ceterms:CostProfile", "ceterms:price": "$200.50", "ceterms:currency": "US Dollar",
     "ceterms:directCostType": {"ceterms:targetNode": "costType:TechnologyFee"}},
    {"@type": "ceterms:CostProfile", "ceterms:price": 99, "ceterms:currency": "EUR"}
  ],
  "ceterms:deliveryType": [{"@type": "ceterms:CredentialAlignmentObject",
                            "ceterms:targetNode": "deliveryType:InPerson",
                            "ceterms:targetNodeName": {"en-US": "In Person Only"}}],
  "ceterms:instructionalProgramType": [{
    "@type": "ceterms:CredentialAlignmentObject",
    "ceterms:framework": "https://nces.ed.gov/ipeds/cipcode/Default.aspx?y=56",
    "ceterms:frameworkName": {"en-US": "Classification of Instructional Programs"},
    "ceterms:codedNotation": "51.3902",
    "ceterms:targetNodeName": {"en-US": "Nursing Assistant/Aide and Patient Care Assistant/Aide"}}],
  "ceterms:occupationType": [
    {"@type": "ceterms:CredentialAlignmentObject", "ceterms:framework": "https://www.onetonline.org/",
     "ceterms:targetNode": "https://www.onetonline.org/link/summary/31-1131.00",
     "ceterms:targetNodeName": {"en-US": "Nursing Assistants"}},
    {"@type": "ceterms:CredentialAlignmentObject", "ceterms:codedNotation": "31-1132"}],
  "ceterms:entryCondition": [{"@type": "ceterms:ConditionProfile",
    "ceterms:description": {"en-US": "A high school diploma or GED."},
    "ceterms:condition": {"en-US": ["Age 18 or older", "A background check"]}}],
  "ceterms:availableAt": [{"@type": "ceterms:Place", "ceterms:name": {"en-US": "Medical Campus"},
    "ceterms:streetAddress": "950 NW 20th St", "ceterms:addressLocality": {"en-US": "Miami"},
    "ceterms:addressRegion": "FL", "ceterms:postalCode": "33127",
    "ceterms:addressCountry": {"en-US": "United States"}}],
  "ceterms:subjectWebpage": "https://www.mdc.edu/nursing-assistant",
  "ceterms:financialAssistance": [{"@type": "ceterms:FinancialAssistanceProfile",
    "ceterms:financialAssistanceType": [{"ceterms:targetNode": "financialAid:WIOA"}]}],
  "ceterms:expirationDate": "2027-06-30"
})json";

TEST(Ctdl, LearningProgramFields) {
  const ParsedFeed feed = parse_ok(kNursingAssistant);
  ASSERT_EQ(feed.programs.size(), 1u);
  EXPECT_TRUE(feed.warnings.empty());
  const Program& p = feed.programs[0];
  EXPECT_EQ(p.id, "ce-1111");
  EXPECT_EQ(p.source, kSource);
  EXPECT_EQ(p.name.en, "Nursing Assistant");
  EXPECT_EQ(p.name.es,
            "Asistente de enfermer\xC3\xAD"
            "a");
  EXPECT_EQ(blocks_to_plain(p.description.en), "Learn patient care.\nVital signs\nSafety");
  ASSERT_EQ(p.description.en.size(), 2u);
  EXPECT_EQ(p.description.en[1].type, TextBlock::Type::Bullets);
  EXPECT_EQ(blocks_to_plain(p.description.es), "Aprenda a cuidar pacientes.");
  EXPECT_EQ(p.provider, "Miami Dade College");
  EXPECT_EQ(p.language, "en,es");
  EXPECT_EQ(p.duration_weeks, 12);
  EXPECT_EQ(p.cost, 1200.5);  // tuition and a fee; the cost in euros is left out
  EXPECT_EQ(p.format, ProgramFormat::InPerson);
  EXPECT_EQ(p.cip_codes, (std::vector<std::string>{"51.3902"}));
  EXPECT_EQ(p.occupation_codes, (std::vector<std::string>{"31-1131.00", "31-1132"}));
  EXPECT_EQ(p.occupation_code, "31-1131.00");
  EXPECT_EQ(p.industry, Industry::Health);
  EXPECT_EQ(p.type, ProgramType::Classroom);
  EXPECT_FALSE(p.paid_while_learning);
  EXPECT_TRUE(p.wioa_eligible);
  EXPECT_EQ(p.prerequisites.en,
            "A high school diploma or GED.; Age 18 or older; A background check");
  ASSERT_EQ(p.locations.size(), 1u);
  EXPECT_EQ(p.locations[0].name, "Medical Campus");
  EXPECT_EQ(p.locations[0].street, "950 NW 20th St");
  EXPECT_EQ(p.locations[0].city, "Miami");
  EXPECT_EQ(p.locations[0].postal_code, "33127");
  EXPECT_EQ(p.locations[0].country, "US");
  EXPECT_EQ(p.url, "https://www.mdc.edu/nursing-assistant");
  EXPECT_EQ(p.valid_through, 1814313600);  // 2027-06-30
}

TEST(Ctdl, GraphResolvesProvidersCredentialsAndBlankNodes) {
  const ParsedFeed feed = parse_ok(R"json({
    "@context": "https://credreg.net/ctdl/schema/context/json",
    "@graph": [
      {"@id": "https://example.org/org/1", "@type": "ceterms:CredentialOrganization",
       "ceterms:name": {"en-US": "Trade Union Training Trust"}},
      {"@id": "_:place1", "@type": "ceterms:Place", "ceterms:addressLocality": "Hialeah"},
      {"@id": "https://example.org/lp/1", "@type": ["ceterms:LearningProgram"],
       "ceterms:name": "Electrician Apprenticeship",
       "ceterms:ownedBy": ["https://example.org/org/1"],
       "ceterms:offeredBy": ["https://example.org/org/unknown"],
       "ceterms:availableAt": ["_:place1"],
       "ceterms:estimatedDuration": [{"ceterms:minimumDuration": "P3Y", "ceterms:maximumDuration": "P4Y"}],
       "ceterms:deliveryType": ["deliveryType:InPerson", "deliveryType:OnlineOnly"]},
      {"@id": "https://example.org/cred/1", "@type": "ceterms:JourneymanCertificate",
       "ceterms:name": {"en-US": "Journeyworker Electrician"},
       "ceterms:offeredBy": {"@id": "https://example.org/org/1"},
       "ceterms:requires": [{"@type": "ceterms:ConditionProfile",
         "ceterms:targetLearningOpportunity": [{"@id": "https://example.org/lp/1"}]}]},
      {"@id": "https://example.org/course/1", "@type": "ceterms:Course",
       "ceterms:name": {"es": "Ingl\u00e9s para el trabajo"}, "ceterms:inLanguage": "es",
       "ceterms:learningMethodType": [{"ceterms:targetNode": "learnMethod:WorkBased"}]},
      {"@type": "ceterms:AssessmentProfile", "ceterms:name": "Exam"}
    ]})json");
  ASSERT_EQ(feed.programs.size(), 3u);

  const Program* lp = named(feed, "Electrician Apprenticeship");
  ASSERT_NE(lp, nullptr);
  EXPECT_EQ(lp->id, "https://example.org/lp/1");          // no ctid: its @id
  EXPECT_EQ(lp->provider, "Trade Union Training Trust");  // offeredBy unknown: ownedBy
  EXPECT_EQ(lp->credential.en, "Journeyworker Electrician");
  EXPECT_EQ(lp->type, ProgramType::Apprenticeship);
  EXPECT_TRUE(lp->paid_while_learning);
  EXPECT_EQ(lp->duration_weeks, 208);  // the longest
  EXPECT_EQ(lp->format, ProgramFormat::Hybrid);
  ASSERT_EQ(lp->locations.size(), 1u);
  EXPECT_EQ(lp->locations[0].city, "Hialeah");
  EXPECT_EQ(lp->industry, Industry::Other);

  const Program* cert = named(feed, "Journeyworker Electrician");
  ASSERT_NE(cert, nullptr);
  EXPECT_EQ(cert->provider, "Trade Union Training Trust");
  EXPECT_EQ(cert->credential.en, "Journeyworker certificate");
  EXPECT_EQ(cert->credential.es, "Certificado de oficial");
  EXPECT_EQ(cert->type, ProgramType::Apprenticeship);

  const auto course = std::find_if(feed.programs.begin(), feed.programs.end(),
                                   [](const Program& p) { return !p.name.es.empty(); });
  ASSERT_NE(course, feed.programs.end());
  EXPECT_EQ(course->name.es, "Ingl\xC3\xA9s para el trabajo");
  EXPECT_TRUE(course->name.en.empty());
  EXPECT_EQ(course->language, "es");
  EXPECT_EQ(course->type, ProgramType::Ojt);  // work-based learning
  EXPECT_EQ(course->id, "https://example.org/course/1");

  ASSERT_EQ(feed.warnings.size(), 1u);
  EXPECT_NE(feed.warnings[0].find("1 resources of other CTDL types"), std::string::npos);
}

TEST(Ctdl, RegistryEnvelopesAndSearchResults) {
  const ParsedFeed envelopes = parse_ok(R"json([
    {"envelope_type": "resource_data", "envelope_ctid": "ce-2",
     "decoded_resource": {"@context": "https://credreg.net/ctdl/schema/context/json",
       "@type": "ceterms:Certificate", "ceterms:ctid": "ce-2", "ceterms:name": {"en": "CompTIA A+ Prep"}}},
    {"envelope_type": "resource_data",
     "decoded_resource": {"@graph": [{"@type": "ceterms:Course", "ceterms:ctid": "ce-3",
       "ceterms:name": {"en": "Forklift Safety"}}]}}
  ])json");
  ASSERT_EQ(envelopes.programs.size(), 2u);
  EXPECT_EQ(envelopes.programs[0].id, "ce-2");
  EXPECT_EQ(envelopes.programs[0].credential.en, "Certificate");
  EXPECT_EQ(envelopes.programs[1].name.en, "Forklift Safety");

  const ParsedFeed search = parse_ok(R"json({"data": [
      {"@type": "ceterms:LearningOpportunityProfile", "ceterms:name": "Welding I",
       "ceterms:offeredBy": [{"ceterms:name": {"en": "Lindsey Hopkins"}}]}],
    "extra": {"TotalResults": 1}})json");
  ASSERT_EQ(search.programs.size(), 1u);
  EXPECT_EQ(search.programs[0].id, "Lindsey Hopkins/Welding I");  // neither ctid nor @id
}

TEST(Ctdl, CostsDurationsAndCodesAreReadCarefully) {
  const ParsedFeed feed = parse_ok(R"json([
    {"@type": "ceterms:Course", "ceterms:name": "Aggregate",
     "ceterms:estimatedCost": [
       {"ceterms:price": 500, "ceterms:directCostType": {"ceterms:targetNode": "costType:Tuition"}},
       {"ceterms:price": 650, "ceterms:directCostType": [{"ceterms:targetNodeName": {"en": "Aggregate Cost"}}]}],
     "ceterms:estimatedDuration": [{"ceterms:exactDuration": "P30Y"}],
     "ceterms:instructionalProgramType": [
       {"ceterms:codedNotation": "15"},
       {"ceterms:framework": "https://example.org/other", "ceterms:codedNotation": "12.0501"},
       {"ceterms:codedNotation": "12.0503"},
       {"ceterms:frameworkName": "CIP 2020", "ceterms:targetNodeName": "470201 HVAC"}]},
    {"@type": "ceterms:Course", "ceterms:name": "Free",
     "ceterms:estimatedCost": {"ceterms:price": 0},
     "ceterms:estimatedDuration": {"ceterms:exactDuration": "about a month"}},
    {"@type": "ceterms:Course", "ceterms:name": "Negative",
     "ceterms:estimatedCost": [{"ceterms:price": -5}, {"ceterms:price": "call us"}]}
  ])json");
  ASSERT_EQ(feed.programs.size(), 3u);
  const Program* aggregate = named(feed, "Aggregate");
  ASSERT_NE(aggregate, nullptr);
  EXPECT_EQ(aggregate->cost, 650);
  EXPECT_EQ(aggregate->duration_weeks, 520);  // bounded
  // No framework and no dot: not a CIP code; another framework: not CIP.
  EXPECT_EQ(aggregate->cip_codes, (std::vector<std::string>{"12.0503", "47.0201"}));
  EXPECT_EQ(aggregate->industry, Industry::Hospitality);  // CIP 12.05, culinary
  EXPECT_EQ(named(feed, "Free")->cost, 0);
  EXPECT_FALSE(named(feed, "Free")->duration_weeks.has_value());
  EXPECT_FALSE(named(feed, "Negative")->cost.has_value());
}

TEST(Ctdl, JunkIsToleratedAndNamelessOrCeasedRecordsAreSkipped) {
  const ParsedFeed feed = parse_ok(R"json({"@graph": [
    {"@type": "ceterms:LearningProgram", "ceterms:name": {"en": "Good \u202eone\u0001"},
     "ceterms:description": {"en": {"nested": true}}, "ceterms:estimatedCost": "lots", "ceterms:deliveryType": 7,
     "ceterms:offeredBy": [null, 3, {"@id": 5}], "ceterms:estimatedDuration": [[["P1W"]]],
     "ceterms:occupationType": "not an alignment", "ceterms:inLanguage": [1, null, {"a": 1}],
     "ceterms:availableAt": [{"ceterms:name": []}], "ceterms:subjectWebpage": "javascript:alert(1)",
     "ceterms:instructionalProgramType": [{"ceterms:codedNotation": {"x": 1}}],
     "ceterms:requires": {"ceterms:description": {"en": ["x", ["deep", ["deeper"]]]}}},
    {"@type": "ceterms:Course", "ceterms:name": {"fr": ""}},
    {"@type": "ceterms:Course"},
    {"@type": "ceterms:Certificate", "ceterms:name": "Old",
     "ceterms:credentialStatusType": {"ceterms:targetNode": "credentialStat:Deprecated"}},
    {"@type": "ceterms:Course", "ceterms:name": "Closed",
     "ceterms:lifeCycleStatusType": {"ceterms:targetNode": "lifeCycle:Ceased"}},
    {"@type": 17, "ceterms:name": "Typeless"},
    "a string where a resource should be"
  ]})json");
  ASSERT_EQ(feed.programs.size(), 1u);
  const Program& p = feed.programs[0];
  EXPECT_EQ(p.name.en, "Good one");  // bidi override and control character gone
  EXPECT_TRUE(p.description.en.empty());
  EXPECT_FALSE(p.cost.has_value());
  EXPECT_EQ(p.format, ProgramFormat::Unknown);
  EXPECT_TRUE(p.provider.empty());
  EXPECT_TRUE(p.url.empty());
  EXPECT_TRUE(p.cip_codes.empty());
  EXPECT_EQ(p.prerequisites.en, "x; deep; deeper");
  EXPECT_TRUE(p.locations.empty());
  ASSERT_EQ(feed.warnings.size(), 5u);
  EXPECT_NE(feed.warnings[0].find("Course #2 skipped: it has no name"), std::string::npos);
  EXPECT_NE(feed.warnings[1].find("Course #3 skipped: it has no name"), std::string::npos);
  EXPECT_NE(feed.warnings[2].find("\"Old\" skipped: it is deprecated"), std::string::npos);
  EXPECT_NE(feed.warnings[3].find("\"Closed\" skipped: it is ceased"), std::string::npos);
  EXPECT_NE(feed.warnings[4].find("1 resources of other CTDL types"), std::string::npos);
}

TEST(Ctdl, FeedsWithoutProgramsAreRefusedWithAReason) {
  EXPECT_NE(parse_error("{\"@type\": \"ceterms:Course\"").find("not valid JSON"),
            std::string::npos);
  EXPECT_NE(parse_error("\"ceterms:Course\"").find("object or an array"), std::string::npos);
  EXPECT_NE(parse_error(R"({"@type": "ceterms:CredentialOrganization", "ceterms:name": "X"})")
                .find("no learning programs"),
            std::string::npos);
  EXPECT_NE(parse_error(R"([{"@type": "ceterms:Course"}, {"@type": "ceterms:Badge"}])")
                .find("none of its 2"),
            std::string::npos);
}

TEST(Ctdl, DetectedFromContent) {
  EXPECT_EQ(detect_format(kNursingAssistant), FeedFormat::Ctdl);
  EXPECT_EQ(detect_format(R"({"@context": "https://purl.org/ctdl/terms/", "@graph": []})"),
            FeedFormat::Ctdl);
  EXPECT_EQ(detect_format(R"({"@context": "https://schema.org", "@type": "Course"})"),
            FeedFormat::JsonLd);
  const ParseResult parsed = parse_feed(kNursingAssistant, kSource);
  ASSERT_TRUE(std::holds_alternative<ParsedFeed>(parsed));
  EXPECT_EQ(std::get<ParsedFeed>(parsed).programs.size(), 1u);
}

// ---- the real samples (Credential Engine's registry ingest examples) ---------------------------

struct RealSample {
  const char* file;
  std::vector<std::string> names;
};

const std::vector<RealSample>& real_samples() {
  static const std::vector<RealSample> kSamples = {
      {"Credential_1_Credential-1-graph.json", {"Bachelor of Science in Cybersecurity"}},
      {"Credential_1_Credential-1.json", {"Bachelor of Science in Cybersecurity"}},
      {"LearningProgram_1_Course-1a.json", {"Personal Growth Mastery"}},
      {"LearningProgram_1_Course-1b.json", {"Digital Skills Revolution"}},
      {"LearningProgram_1_Course-1c.json", {"Leadership and Innovation Excellence"}},
      {"LearningProgram_1_LearningProgram-1-graph.json",
       {"Lifelong Learning Accelerator", "Personal Growth Mastery", "Digital Skills Revolution",
        "Leadership and Innovation Excellence"}},
      {"LearningProgram_1_LearningProgram-1.json", {"Lifelong Learning Accelerator"}},
      {"LearningProgram_2_LearningProgram-2.json", {"Cybersecurity Program"}},
  };
  return kSamples;
}

TEST(CtdlRealData, EverySampleImportsWithItsNames) {
  std::size_t read = 0;
  for (const auto& sample : real_samples()) {
    const auto body = read_realdata(std::string("ctdl/") + sample.file);
    if (!body) continue;
    ++read;
    SCOPED_TRACE(sample.file);
    EXPECT_EQ(detect_format(*body), FeedFormat::Ctdl);
    const ParsedFeed feed = parse_ok(*body);
    std::vector<std::string> names;
    for (const auto& p : feed.programs) names.push_back(p.name.en);
    EXPECT_EQ(names, sample.names);
    for (const auto& p : feed.programs) {
      EXPECT_TRUE(p.id.starts_with("ce-")) << p.id;  // the registry's CTID
      EXPECT_FALSE(p.description.en.empty());
      EXPECT_FALSE(p.url.empty());
    }
  }
  if (read == 0) GTEST_SKIP() << "realdata not available";
}

TEST(CtdlRealData, FieldsOfTheSamples) {
  const auto program = read_realdata("ctdl/LearningProgram_1_LearningProgram-1.json");
  const auto course = read_realdata("ctdl/LearningProgram_1_Course-1a.json");
  const auto degree = read_realdata("ctdl/Credential_1_Credential-1.json");
  const auto cyber = read_realdata("ctdl/LearningProgram_2_LearningProgram-2.json");
  const auto org = read_realdata("ctdl/Organization_1_Organization-1.json");
  if (!program || !course || !degree || !cyber || !org) GTEST_SKIP() << "realdata not available";

  const Program p = parse_ok(*program).programs.at(0);
  EXPECT_EQ(p.id, "ce-23b0e606-545c-4383-8630-f97ec3b190fa");
  EXPECT_EQ(p.cost, 4485);
  EXPECT_EQ(p.duration_weeks, 39);             // P9M
  EXPECT_EQ(p.format, ProgramFormat::Hybrid);  // Blended Delivery
  EXPECT_EQ(p.language, "en");
  EXPECT_EQ(p.url, "https://example.com");
  EXPECT_NE(p.prerequisites.en.find("high school graduate"), std::string::npos);
  EXPECT_TRUE(p.provider.empty());  // the organization is another document

  const Program c = parse_ok(*course).programs.at(0);
  EXPECT_EQ(c.occupation_codes, (std::vector<std::string>{"15-1131.00", "15-1251.00"}));
  EXPECT_EQ(c.industry, Industry::Technology);
  EXPECT_EQ(c.format, ProgramFormat::Online);
  EXPECT_EQ(c.cost, 995);
  EXPECT_NE(c.prerequisites.en.find("High-school level of mathematics"), std::string::npos);

  const Program d = parse_ok(*degree).programs.at(0);
  EXPECT_EQ(d.credential.en, "Bachelor's degree");
  EXPECT_EQ(d.credential.es, "Licenciatura");
  EXPECT_TRUE(d.prerequisites.empty());  // a credential's "requires" is its curriculum

  const Program y = parse_ok(*cyber).programs.at(0);
  EXPECT_EQ(y.cost, 25000);
  EXPECT_EQ(y.format, ProgramFormat::Online);
  EXPECT_EQ(y.industry, Industry::Technology);  // "Information Security Manager"

  EXPECT_NE(parse_error(*org).find("no learning programs"), std::string::npos);
  EXPECT_EQ(detect_format(*org), FeedFormat::Ctdl);
}

TEST(CtdlRealData, ImportedSamplesAreFoundByTheirRealNames) {
  kiosk::testing::TempDir dir;
  Store store(dir.path(), Store::Mode::Writer);
  std::size_t feeds = 0;
  for (const auto& sample : real_samples()) {
    const auto body = read_realdata(std::string("ctdl/") + sample.file);
    if (!body) continue;
    const ParseResult parsed = parse_feed(*body, std::string("file:///ctdl/") + sample.file);
    ASSERT_TRUE(std::holds_alternative<ParsedFeed>(parsed)) << sample.file;
    FeedState state;
    state.url = std::string("file:///ctdl/") + sample.file;
    state.kind = "programs";
    store.replace_feed(state, std::get<ParsedFeed>(parsed), kNow);
    ++feeds;
  }
  if (feeds == 0) GTEST_SKIP() << "realdata not available";

  for (const auto& sample : real_samples()) {
    for (const auto& name : sample.names) {
      SearchQuery q;
      q.kind = ListingKind::Program;
      q.text = name;
      q.now = kNow;
      const SearchResult found = store.search(q);
      ASSERT_FALSE(found.hits.empty()) << name;
      EXPECT_EQ(found.hits[0].title, name);
      EXPECT_EQ(found.hits[0].kind, ListingKind::Program);
    }
  }
  SearchQuery typed;  // as a resident types it: lower case, the last word unfinished
  typed.kind = ListingKind::Program;
  typed.text = "cybersecurity prog";
  typed.now = kNow;
  const SearchResult found = store.search(typed);
  ASSERT_FALSE(found.hits.empty());
  EXPECT_EQ(found.hits[0].title, "Cybersecurity Program");
  // Software developers (15-1251): the course that names the occupation.
  SearchQuery by_code;
  by_code.kind = ListingKind::Program;
  by_code.occupations = {"15-1251"};
  by_code.now = kNow;
  const SearchResult coded = store.search(by_code);
  ASSERT_GE(coded.hits.size(), 1u);
  EXPECT_EQ(coded.hits[0].title, "Personal Growth Mastery");
}

}  // namespace
}  // namespace kiosk::feeds
