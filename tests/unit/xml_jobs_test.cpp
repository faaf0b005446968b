#include "kiosk/feeds/xml_jobs.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "kiosk/feeds/bounds.h"
#include "kiosk/feeds/html_text.h"
#include "kiosk/feeds/normalize.h"
#include "kiosk/sync/sync.h"
#include "tests/unit/feed_test_support.h"
#include "tests/unit/temp_dir.h"

namespace kiosk::feeds {
namespace {

const std::string kSource = "https://feeds.example.org/jobs.xml";

using kiosk::testing::read_realdata;

ParsedFeed parse_ok(std::string_view body) {
  return kiosk::testing::parse_ok(parse_xml_jobs, body, kSource);
}

std::string parse_error(std::string_view body) {
  return kiosk::testing::parse_error(parse_xml_jobs, body, kSource);
}

// One <job> inside a <source>, with the fields given (already XML).
std::string feed_of(const std::string& fields) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<source><publisher>Test</publisher><job>" +
         fields + "</job></source>\n";
}

Job one_job(const std::string& fields) {
  const ParsedFeed feed = parse_ok(feed_of(fields));
  if (feed.jobs.size() != 1) {
    ADD_FAILURE() << "expected one job, got " << feed.jobs.size();
    return {};
  }
  return feed.jobs[0];
}

std::int64_t at(std::string_view iso) {
  return parse_date(iso).value();
}

TEST(XmlJobs, RealZipRecruiterSample) {
  const auto body = read_realdata("xmlfeed/ziprecruiter_organic_sample.xml");
  if (!body) GTEST_SKIP() << "the real samples are not on this machine";
  EXPECT_EQ(kiosk::detect_format(*body), kiosk::FeedFormat::Xml);
  const ParsedFeed feed = parse_ok(*body);
  ASSERT_EQ(feed.jobs.size(), 1u);
  EXPECT_TRUE(feed.warnings.empty());
  const Job& job = feed.jobs[0];
  EXPECT_EQ(job.title.en, "Auto Tech.");
  EXPECT_EQ(job.employer, "Euro Car Care,Inc");
  EXPECT_EQ(job.id, "a-unique-job-id-123");
  EXPECT_EQ(job.source, kSource);
  EXPECT_EQ(job.posted, at("2014-07-31T07:27:14Z"));
  ASSERT_EQ(job.locations.size(), 1u);
  EXPECT_EQ(job.locations[0].city, "Santa Monica");
  EXPECT_EQ(job.locations[0].region, "CA");
  EXPECT_EQ(job.locations[0].postal_code, "90755");
  EXPECT_EQ(job.locations[0].country, "US");
  EXPECT_EQ(job.industry, Industry::Construction);  // "Construction/Skilled Trade"
  EXPECT_EQ(job.workplace, Workplace::Onsite);
  ASSERT_EQ(job.description.en.size(), 1u);
  EXPECT_EQ(job.description.en[0].lines, std::vector<std::string>{"Test"});
  // Through the sync's entry point too: detected and read the same.
  const ParseResult any = kiosk::parse_feed(*body, kSource);
  ASSERT_TRUE(std::holds_alternative<ParsedFeed>(any));
  EXPECT_EQ(std::get<ParsedFeed>(any).jobs.at(0).title.en, "Auto Tech.");
}

TEST(XmlJobs, EveryField) {
  const Job job = one_job(R"(
    <title><![CDATA[Registered Nurse &amp; Charge Nurse]]></title>
    <date><![CDATA[Thu, 31 Jul 2014 07:27:14 PDT]]></date>
    <referencenumber>RN-2291</referencenumber>
    <url><![CDATA[https://jobs.example.org/rn-2291?src=indeed&reg=1]]></url>
    <company><![CDATA[Jackson Health System]]></company>
    <city>Miami</city>
    <state>Florida</state>
    <postalcode>33136</postalcode>
    <country>United States</country>
    <streetaddress>1611 NW 12th Ave</streetaddress>
    <description><![CDATA[<p>Care for patients.</p><ul><li>BLS</li><li>Bilingual</li></ul><script>x()</script>]]></description>
    <salary>$36 - $52 per hour</salary>
    <jobtype>Full-time, Part-time</jobtype>
    <category>Healthcare</category>
    <remotetype>Hybrid remote</remotetype>
    <expirationdate>2014-09-30</expirationdate>
    <education>Associate degree in nursing</education>
    <experience>2+ years</experience>)");
  EXPECT_EQ(job.title.en, "Registered Nurse & Charge Nurse");
  EXPECT_EQ(job.posted, at("2014-07-31T14:27:14Z"));
  EXPECT_EQ(job.id, "RN-2291");
  EXPECT_EQ(job.apply_url, "https://jobs.example.org/rn-2291?src=indeed&reg=1");  // not ®
  EXPECT_EQ(job.employer, "Jackson Health System");
  ASSERT_EQ(job.locations.size(), 1u);
  EXPECT_EQ(job.locations[0].street, "1611 NW 12th Ave");
  EXPECT_EQ(job.locations[0].city, "Miami");
  EXPECT_EQ(job.locations[0].region, "FL");
  EXPECT_EQ(job.locations[0].postal_code, "33136");
  EXPECT_EQ(job.locations[0].country, "US");
  ASSERT_EQ(job.description.en.size(), 2u);
  EXPECT_EQ(job.description.en[0].lines, std::vector<std::string>{"Care for patients."});
  EXPECT_EQ(job.description.en[1].type, TextBlock::Type::Bullets);
  EXPECT_EQ(job.description.en[1].lines, (std::vector<std::string>{"BLS", "Bilingual"}));
  EXPECT_EQ(job.pay.min, 36);
  EXPECT_EQ(job.pay.max, 52);
  EXPECT_EQ(job.pay.unit, PayUnit::Hour);
  EXPECT_EQ(job.pay.currency, "USD");
  EXPECT_EQ(job.employment_types, kFullTime | kPartTime);
  EXPECT_EQ(job.industry, Industry::Health);
  EXPECT_EQ(job.workplace, Workplace::Hybrid);
  EXPECT_EQ(job.valid_through, at("2014-09-30"));
  EXPECT_EQ(job.education.en, "Associate degree in nursing");
  EXPECT_FALSE(job.no_degree);
  EXPECT_EQ(job.experience_months, 24);
}

TEST(XmlJobs, ElementNamesAreCaseInsensitiveAndOtherBoardsNamesAreRead) {
  // Jooble-style: <jobs>, an id attribute, <name>, <link>, <region>, <pubdate>, <expire>.
  const ParsedFeed feed = parse_ok(R"(<jobs>
    <job id="J-77"><name>Line Cook</name><link>https://example.com/j/77</link>
      <region>Doral, FL</region><pubdate>07/31/2026</pubdate><expire>2026-08-31 00:00:00 UTC</expire>
      <Company>Versailles</Company><JobType>part time</JobType><BODY>Prep &amp; grill.</BODY></job>
  </jobs>)");
  ASSERT_EQ(feed.jobs.size(), 1u);
  const Job& job = feed.jobs[0];
  EXPECT_EQ(job.id, "J-77");
  EXPECT_EQ(job.title.en, "Line Cook");
  EXPECT_EQ(job.apply_url, "https://example.com/j/77");
  EXPECT_EQ(job.employer, "Versailles");
  ASSERT_EQ(job.locations.size(), 1u);
  EXPECT_EQ(job.locations[0].city, "Doral");
  EXPECT_EQ(job.locations[0].region, "FL");
  EXPECT_EQ(job.posted, at("2026-07-31"));
  EXPECT_EQ(job.valid_through, at("2026-08-31"));
  EXPECT_EQ(job.employment_types, kPartTime);
  ASSERT_EQ(job.description.en.size(), 1u);
  EXPECT_EQ(job.description.en[0].lines, std::vector<std::string>{"Prep & grill."});
}

TEST(XmlJobs, Dates) {
  const auto posted = [](const std::string& date) {
    return one_job("<title>T</title><date>" + date + "</date>").posted;
  };
  EXPECT_EQ(posted("2014-07-31T07:27:14"), at("2014-07-31T07:27:14Z"));
  EXPECT_EQ(posted("2014-07-31T07:27:14-04:00"), at("2014-07-31T11:27:14Z"));
  EXPECT_EQ(posted("Wed, 27 Aug 2014 01:49:49 GMT"), at("2014-08-27T01:49:49Z"));
  EXPECT_EQ(posted("Thu, 31 Jul 2014 07:27:14 EDT"), at("2014-07-31T11:27:14Z"));
  EXPECT_EQ(posted("31 Jul 2014 7:27 +0100"), at("2014-07-31T06:27:00Z"));
  EXPECT_EQ(posted("July 31, 2014"), at("2014-07-31"));
  EXPECT_EQ(posted("2014-07-31 07:27:14 UTC"), at("2014-07-31T07:27:14Z"));
  EXPECT_EQ(posted("7/31/2014"), at("2014-07-31"));
  EXPECT_EQ(posted("yesterday"), std::nullopt);
  EXPECT_EQ(posted(""), std::nullopt);
}

TEST(XmlJobs, SalaryText) {
  struct Case {
    const char* text;
    std::optional<double> min;
    std::optional<double> max;
    PayUnit unit;
  };
  const Case cases[] = {
      {"$17 - $19 per hour", 17, 19, PayUnit::Hour},
      {"$45,000/year", 45000, std::nullopt, PayUnit::Year},
      {"$45K - $55K a year", 45000, 55000, PayUnit::Year},
      {"Up to $20/hr", std::nullopt, 20, PayUnit::Hour},
      {"18.50 hourly", 18.5, std::nullopt, PayUnit::Hour},
      {"$50,000 to $60,000", 50000, 60000, PayUnit::Year},
      {"$20/hr + 401k", 20, std::nullopt, PayUnit::Hour},
      {"16", 16, std::nullopt, PayUnit::Hour},
      {"$3,000 - $3,500 monthly", 3000, 3500, PayUnit::Month},
      {"$19 \xe2\x80\x93 $21 an hour", 19, 21, PayUnit::Hour},
      {"Competitive", std::nullopt, std::nullopt, PayUnit::Unknown},
      {"$40,000 academic year, entrepreneurial", 40000, std::nullopt, PayUnit::Year},
  };
  for (const auto& c : cases) {
    const Job job = one_job(std::string("<title>T</title><salary>") + c.text + "</salary>");
    EXPECT_EQ(job.pay.min, c.min) << c.text;
    EXPECT_EQ(job.pay.max, c.max) << c.text;
    EXPECT_EQ(job.pay.unit, c.unit) << c.text;
  }
  EXPECT_EQ(one_job("<title>T</title><salary>&#8364;30,000 a year</salary>").pay.currency, "EUR");
  EXPECT_EQ(one_job("<title>T</title><salary>30000 EUR</salary>").pay.currency, "EUR");
  EXPECT_EQ(one_job("<title>T</title><salary>$40,000 academic year, entrepreneurial</salary>")
                .pay.currency,
            "USD");
}

TEST(XmlJobs, JobTypes) {
  const auto types = [](const std::string& text) {
    return one_job("<title>T</title><jobtype>" + text + "</jobtype>").employment_types;
  };
  EXPECT_EQ(types("fulltime"), kFullTime);
  EXPECT_EQ(types("Full-time, Part-time"), kFullTime | kPartTime);
  EXPECT_EQ(types("contract"), kContract);
  EXPECT_EQ(types("internship"), kInternship);
  EXPECT_EQ(types("temporary"), kTemporary);
  EXPECT_EQ(types("Per diem"), kTemporary);
  EXPECT_EQ(types("whenever"), 0);
}

TEST(XmlJobs, Workplace) {
  const auto workplace = [](const std::string& fields) {
    return one_job("<title>T</title>" + fields).workplace;
  };
  EXPECT_EQ(workplace("<remote>yes</remote>"), Workplace::Remote);
  EXPECT_EQ(workplace("<remotetype>Fully remote</remotetype>"), Workplace::Remote);
  EXPECT_EQ(workplace("<remotetype>Hybrid remote</remotetype>"), Workplace::Hybrid);
  EXPECT_EQ(workplace("<remotetype>Fully remote, no office</remotetype>"), Workplace::Remote);
  EXPECT_EQ(workplace("<remote>not remote</remote>"), Workplace::Onsite);
  EXPECT_EQ(workplace("<remotetype>On-site</remotetype>"), Workplace::Onsite);
  EXPECT_EQ(workplace("<remote>no</remote><city>Miami</city>"), Workplace::Onsite);
  EXPECT_EQ(workplace("<city>Miami</city><state>FL</state>"), Workplace::Onsite);
  EXPECT_EQ(workplace("<city>Remote</city>"), Workplace::Remote);
  EXPECT_EQ(workplace(""), Workplace::Unknown);
}

TEST(XmlJobs, Places) {
  const Job us = one_job("<title>T</title><city>Orlando</city><state>florida</state>");
  ASSERT_EQ(us.locations.size(), 1u);
  EXPECT_EQ(us.locations[0].region, "FL");
  EXPECT_EQ(us.locations[0].country, "US");
  const Job canada =
      one_job("<title>T</title><city>Toronto</city><state>Ontario</state><country>CA</country>");
  ASSERT_EQ(canada.locations.size(), 1u);
  EXPECT_EQ(canada.locations[0].region, "Ontario");
  EXPECT_EQ(canada.locations[0].country, "CA");
  const Job california = one_job("<title>T</title><city>Fresno</city><state>CA</state>");
  EXPECT_EQ(california.locations.at(0).region, "CA");
  EXPECT_EQ(california.locations.at(0).country, "US");
  EXPECT_TRUE(one_job("<title>T</title>").locations.empty());
}

TEST(XmlJobs, CategoriesEducationAndExperience) {
  EXPECT_EQ(one_job("<title>T</title><category>Restaurant - Food Service</category>").industry,
            Industry::Hospitality);
  EXPECT_EQ(one_job("<title>T</title><category>Software Development</category>").industry,
            Industry::Technology);
  EXPECT_EQ(one_job("<title>T</title><category>Retail</category>").industry, Industry::Other);
  EXPECT_EQ(one_job("<title>T</title>").industry, Industry::Unknown);
  const Job hs = one_job("<title>T</title><education>High school diploma or GED</education>");
  EXPECT_TRUE(hs.no_degree);
  EXPECT_EQ(one_job("<title>T</title><experience>6 months</experience>").experience_months, 6);
  EXPECT_EQ(one_job("<title>T</title><experience>1-3 years</experience>").experience_months, 12);
  EXPECT_EQ(one_job("<title>T</title><experience>Entry level</experience>").experience_months, 0);
  EXPECT_EQ(one_job("<title>T</title>").experience_months, std::nullopt);
}

TEST(XmlJobs, IdsFallBackAndJobsWithoutTitlesAreSkipped) {
  const ParsedFeed feed = parse_ok(R"(<source>
    <job><title>With url</title><url>https://example.com/a</url></job>
    <job><title>Neither</title><company>Acme</company><city>Miami</city></job>
    <job><referencenumber>7</referencenumber><description>no title</description></job>
    <job></job>
    <job><title>Only a link that is not a web link</title><url>javascript:alert(1)</url></job>
  </source>)");
  ASSERT_EQ(feed.jobs.size(), 3u);
  EXPECT_EQ(feed.jobs[0].id, "https://example.com/a");
  EXPECT_TRUE(feed.jobs[1].id.starts_with("x-")) << feed.jobs[1].id;
  EXPECT_TRUE(feed.jobs[2].apply_url.empty());
  EXPECT_FALSE(feed.jobs[2].id.empty());
  EXPECT_NE(feed.jobs[1].id, feed.jobs[2].id);
  // The same posting gets the same id in the next sync.
  EXPECT_EQ(one_job("<title>Neither</title><company>Acme</company><city>Miami</city>").id,
            feed.jobs[1].id);
  ASSERT_EQ(feed.warnings.size(), 2u);
  EXPECT_EQ(feed.warnings[0], "job #3 skipped: it has no title");
  EXPECT_EQ(parse_error("<source><job><city>Miami</city></job></source>"),
            "none of its 1 jobs has a title");
  EXPECT_EQ(parse_error("<source><publisher>x</publisher></source>"),
            "the XML feed holds no <job> elements");
}

TEST(XmlJobs, DescriptionWrittenAsElements) {
  const Job job = one_job(
      "<title>T</title><description><p class=\"x\">One</p><ul><li>A</li><li>B<br/>C</li></ul>"
      "</description><description>second ignored</description>");
  ASSERT_EQ(job.description.en.size(), 2u);
  EXPECT_EQ(job.description.en[0].lines, std::vector<std::string>{"One"});
  EXPECT_EQ(job.description.en[1].type, TextBlock::Type::Bullets);
  // Escaped HTML (no CDATA) and HTML escaped twice both read as HTML.
  const Job escaped = one_job("<title>T</title><description>&lt;p&gt;Hi&lt;/p&gt;</description>");
  EXPECT_EQ(escaped.description.en.at(0).lines, std::vector<std::string>{"Hi"});
  const Job twice =
      one_job("<title>T</title><description><![CDATA[&lt;p&gt;Hi&lt;/p&gt;]]></description>");
  EXPECT_EQ(twice.description.en.at(0).lines, std::vector<std::string>{"Hi"});
}

TEST(XmlJobs, SpanishPostings) {
  const Job job = one_job(
      "<title>Cocinero</title><language>es</language>"
      "<description>Preparar comida.</description>");
  EXPECT_EQ(job.language, "es");
  EXPECT_EQ(job.title.es, "Cocinero");
  EXPECT_TRUE(job.title.en.empty());
  EXPECT_EQ(job.description.es.size(), 1u);
}

TEST(XmlJobs, Detection) {
  EXPECT_TRUE(looks_like_xml_jobs("<source><job>"));
  EXPECT_TRUE(looks_like_xml_jobs("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- a feed -->\n<JOBS>"));
  EXPECT_TRUE(looks_like_xml_jobs("<?xml version=\"1.0\"?><feed><job id=\"1\">"));
  EXPECT_TRUE(looks_like_xml_jobs("<!DOCTYPE source [<!ENTITY a \"b\">]><source>"));
  EXPECT_FALSE(looks_like_xml_jobs("<?xml version=\"1.0\"?><rss><channel><item>"));
  EXPECT_FALSE(looks_like_xml_jobs("<!DOCTYPE html><html><body><job>"));
  EXPECT_FALSE(looks_like_xml_jobs("<html><head>"));
  EXPECT_FALSE(looks_like_xml_jobs("<?xml version=\"1.0\""));
  EXPECT_EQ(kiosk::detect_format("  <source>"), kiosk::FeedFormat::Xml);
  EXPECT_EQ(kiosk::detect_format("<!doctype html><html></html>"), kiosk::FeedFormat::Unknown);
  const ParseResult page =
      kiosk::parse_feed("<!DOCTYPE html><html><body>Sign in</body></html>", kSource);
  ASSERT_TRUE(std::holds_alternative<ParseError>(page));
  EXPECT_EQ(std::get<ParseError>(page).reason, "the address returned a web page, not a feed");
  const ParseResult rss = kiosk::parse_feed("<?xml version=\"1.0\"?><rss></rss>", kSource);
  ASSERT_TRUE(std::holds_alternative<ParseError>(rss));
  EXPECT_NE(std::get<ParseError>(rss).reason.find("an XML job feed"), std::string::npos);
}

std::string many_jobs(int count) {
  std::string body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<source>\n";
  for (int i = 0; i < count; ++i) {
    body += "<job><title><![CDATA[Cashier " + std::to_string(i) + "]]></title><referencenumber>" +
            std::to_string(i) +
            "</referencenumber><city>Hialeah</city><state>FL</state><description><![CDATA[<p>Job " +
            std::to_string(i) + "</p>]]></description><salary>$15 per hour</salary></job>\n";
  }
  return body + "</source>\n";
}

TEST(XmlJobs, StreamingEqualsParsingInMemory) {
  const std::string body = many_jobs(1234);
  const kiosk::testing::TempDir dir;
  const auto file = dir.path() / "feed.xml";
  std::ofstream(file, std::ios::binary) << body;
  std::vector<Job> streamed;
  std::size_t batches = 0;
  const auto result = stream_xml_jobs(file, kSource, [&](ParsedFeed& batch) {
    ++batches;
    EXPECT_LE(batch.jobs.size(), 500u);
    std::move(batch.jobs.begin(), batch.jobs.end(), std::back_inserter(streamed));
    batch = ParsedFeed{};
  });
  ASSERT_TRUE(std::holds_alternative<StreamSummary>(result));
  EXPECT_EQ(std::get<StreamSummary>(result).records, 1234u);
  EXPECT_EQ(batches, 3u);
  const ParsedFeed whole = parse_ok(body);
  ASSERT_EQ(streamed.size(), whole.jobs.size());
  for (std::size_t i = 0; i < streamed.size(); ++i) {
    EXPECT_EQ(streamed[i].id, whole.jobs[i].id);
    EXPECT_EQ(streamed[i].title.en, whole.jobs[i].title.en);
    EXPECT_EQ(streamed[i].locations.at(0).region, whole.jobs[i].locations.at(0).region);
    EXPECT_EQ(streamed[i].description.en.at(0).lines, whole.jobs[i].description.en.at(0).lines);
    EXPECT_EQ(streamed[i].pay.min, whole.jobs[i].pay.min);
  }
  EXPECT_EQ(streamed.back().title.en, "Cashier 1233");
  // A missing file and a sink that stops the import are reasons, not crashes.
  const auto missing = stream_xml_jobs(dir.path() / "absent.xml", kSource, [](ParsedFeed&) {});
  ASSERT_TRUE(std::holds_alternative<ParseError>(missing));
  const auto stopped = stream_xml_jobs(
      file, kSource, [](ParsedFeed&) { throw std::runtime_error("the import stopped"); });
  ASSERT_TRUE(std::holds_alternative<ParseError>(stopped));
  EXPECT_EQ(std::get<ParseError>(stopped).reason,
            "could not save the listings: the import stopped");
}

// ---- Hostile and broken documents: a reason each, never a crash, memory bounded --------------

TEST(XmlJobs, TruncatedDocumentIsAnErrorEvenAfterGoodJobs) {
  const std::string body = many_jobs(600);
  const std::string reason = parse_error(body.substr(0, body.size() - 40));
  EXPECT_NE(reason.find("not well-formed XML: the feed breaks off or is damaged after 599 jobs"),
            std::string::npos)
      << reason;
  EXPECT_NE(reason.find("line "), std::string::npos) << reason;
  EXPECT_EQ(parse_error("<source><job><title>A</title></job>"),
            parse_error("<source><job><title>A</title></job>"));  // stable wording
  EXPECT_NE(parse_error("<source><job><title>A</title></jab></source>").find("not well-formed"),
            std::string::npos);
}

TEST(XmlJobs, NothingReachesStderr) {
  ::testing::internal::CaptureStderr();
  (void)parse_xml_jobs("<source><job><title>A</title></job><", kSource);
  (void)parse_xml_jobs("<?xml version=\"1.0\" encoding=\"NO-SUCH-CHARSET\"?><source/>", kSource);
  (void)parse_xml_jobs("<source xmlns:a=\"x\"><b:job/></source>", kSource);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

TEST(XmlJobs, BillionLaughsIsRefusedNotExpanded) {
  std::string body = "<?xml version=\"1.0\"?>\n<!DOCTYPE source [\n<!ENTITY lol \"lol\">\n";
  body += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n";
  for (int i = 2; i <= 9; ++i) {
    body += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) body += "&lol" + std::to_string(i - 1) + ";";
    body += "\">\n";
  }
  body +=
      "]>\n<source><job><title>&lol9;</title><referencenumber>1</referencenumber>"
      "<description>&lol9;</description></job></source>\n";
  const ParseResult result = parse_xml_jobs(body, kSource);
  if (const auto* feed = std::get_if<ParsedFeed>(&result)) {
    // Entities stay references: nothing of them is in the text.
    for (const auto& job : feed->jobs) {
      EXPECT_EQ(job.title.en.find("lol"), std::string::npos);
      EXPECT_LT(blocks_to_plain(job.description.en).size(), 100u);
    }
  } else {
    EXPECT_FALSE(std::get<ParseError>(result).reason.empty());
  }
}

TEST(XmlJobs, ExternalEntitiesAreNeverRead) {
  const std::string body = R"(<?xml version="1.0"?>
<!DOCTYPE source [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> <!ENTITY % dtd SYSTEM "file:///etc/hostname"> %dtd; ]>
<source><job><title>Cook &xxe;</title><referencenumber>1</referencenumber><description>&xxe;</description></job></source>)";
  const ParseResult result = parse_xml_jobs(body, kSource);
  if (const auto* feed = std::get_if<ParsedFeed>(&result)) {
    ASSERT_EQ(feed->jobs.size(), 1u);
    EXPECT_EQ(feed->jobs[0].title.en, "Cook");
    EXPECT_EQ(blocks_to_plain(feed->jobs[0].description.en).find("root"), std::string::npos);
  } else {
    EXPECT_EQ(std::get<ParseError>(result).reason.find("root:"), std::string::npos);
  }
}

TEST(XmlJobs, HugeElementsAreCutOrRefused) {
  std::string big(10 * 1024 * 1024, 'a');
  for (std::size_t i = 100; i < big.size(); i += 100) big[i] = ' ';
  const ParseResult description = parse_xml_jobs(
      feed_of("<title>T</title><description><![CDATA[" + big + "]]></description>"), kSource);
  if (const auto* feed = std::get_if<ParsedFeed>(&description)) {
    ASSERT_EQ(feed->jobs.size(), 1u);
    EXPECT_LE(blocks_to_plain(feed->jobs[0].description.en).size(), kMaxDescriptionBytes + 8);
  } else {
    EXPECT_FALSE(std::get<ParseError>(description).reason.empty());
  }
  // A 2 MB title is kept to the raw bound (bound_records skips it later, with its reason).
  const std::string long_title(2 * 1024 * 1024, 'b');
  const Job job = one_job("<title>" + long_title + "</title>");
  EXPECT_LE(job.title.en.size(), kMaxRawValueBytes);
  // Many fields: only the first of each name is read, and not past the bound on children.
  std::string fields = "<title>T</title>";
  for (int i = 0; i < 5000; ++i) fields += "<salary>$" + std::to_string(i + 1) + "</salary>";
  EXPECT_EQ(one_job(fields).pay.min, 1);
}

TEST(XmlJobs, DeepNestingIsRefused) {
  std::string body = "<source><job><title>T</title><description>";
  for (int i = 0; i < 100000; ++i) body += "<d>";
  const std::string reason = parse_error(body);
  EXPECT_NE(reason.find("not well-formed XML"), std::string::npos) << reason;
}

TEST(XmlJobs, NotXml) {
  EXPECT_NE(parse_error("").find("not well-formed"), std::string::npos);
  EXPECT_NE(parse_error("{\"jobs\": []}").find("not well-formed"), std::string::npos);
  EXPECT_NE(parse_error("<<<<").find("not well-formed"), std::string::npos);
  EXPECT_NE(parse_error(std::string("<source>\0</source>", 18)).find("not well-formed"),
            std::string::npos);
}

TEST(XmlJobs, EncodingsBecomeUtf8) {
  // Declared ISO-8859-1: libxml2 converts "Técnico" to UTF-8.
  const ParsedFeed latin1 = parse_ok(
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><source><job><title>T\xe9"
      "cnico</title></job></source>");
  ASSERT_EQ(latin1.jobs.size(), 1u);
  EXPECT_EQ(latin1.jobs[0].title.en,
            "T\xc3\xa9"
            "cnico");
  const ParseResult through_sync = kiosk::parse_feed(
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><source><job><title>T\xe9"
      "cnico</title></job></source>",
      kSource);
  ASSERT_TRUE(std::holds_alternative<ParsedFeed>(through_sync));
  // Undeclared and not UTF-8: refused with a reason.
  EXPECT_NE(parse_error("<source><job><title>T\xe9"
                        "cnico</title></job></source>")
                .find("not well-formed XML"),
            std::string::npos);
  // Hidden characters never reach a title.
  const Job job = one_job("<title>A&#x202E;B&#x200B;C</title>");
  EXPECT_EQ(job.title.en, "ABC");
}

}  // namespace
}  // namespace kiosk::feeds
