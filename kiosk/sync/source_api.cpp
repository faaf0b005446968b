#include "kiosk/sync/source_api.h"

#include <strings.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <vector>

#include "kiosk/base/url.h"
#include "kiosk/feeds/bounds.h"

namespace kiosk {
namespace {

struct FormatInfo {
  FeedFormat format;
  std::string_view key;   // as `format` is written in kiosk.toml
  std::string_view name;  // for messages
};

constexpr std::array kFormats{
    FormatInfo{FeedFormat::JsonLd, "jsonld", "schema.org JSON-LD"},
    FormatInfo{FeedFormat::Greenhouse, "greenhouse", "Greenhouse"},
    FormatInfo{FeedFormat::Lever, "lever", "Lever"},
    FormatInfo{FeedFormat::Ashby, "ashby", "Ashby"},
    FormatInfo{FeedFormat::EtplCsv, "etpl", "ETPL CSV"},
    FormatInfo{FeedFormat::Ctdl, "ctdl", "CTDL"},
    FormatInfo{FeedFormat::Usajobs, "usajobs", "USAJOBS"},
    FormatInfo{FeedFormat::CareerOneStop, "careeronestop", "CareerOneStop"},
    FormatInfo{FeedFormat::Xml, "xml", "XML job feed"},
};

// A URL's query as name=value parts (as written, not decoded).
struct SplitUrl {
  std::string base;  // up to the '?'
  std::vector<std::string> params;
  std::string fragment;  // from the '#', when there is one
};

SplitUrl split(std::string_view url) {
  SplitUrl out;
  const auto hash = url.find('#');
  if (hash != std::string_view::npos) {
    out.fragment = std::string(url.substr(hash));
    url = url.substr(0, hash);
  }
  const auto question = url.find('?');
  out.base = std::string(url.substr(0, question));
  if (question == std::string_view::npos) return out;
  std::string_view query = url.substr(question + 1);
  while (!query.empty()) {
    const auto amp = query.find('&');
    if (amp != 0) out.params.emplace_back(query.substr(0, amp));
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return out;
}

std::string join(const SplitUrl& url) {
  std::string out = url.base;
  for (std::size_t i = 0; i < url.params.size(); ++i) out += (i == 0 ? "?" : "&") + url.params[i];
  return out + url.fragment;
}

bool param_named(std::string_view param, std::string_view name) {
  const auto eq = param.find('=');
  const std::string key(param.substr(0, eq));
  return strcasecmp(key.c_str(), std::string(name).c_str()) == 0;
}

// Sets name=value, replacing the parameter when the URL has it (any case).
void set_param(SplitUrl& url, std::string_view name, std::string_view value) {
  for (auto& p : url.params) {
    if (param_named(p, name)) {
      p = std::string(p.substr(0, p.find('='))) + "=" + std::string(value);
      return;
    }
  }
  url.params.push_back(std::string(name) + "=" + std::string(value));
}

bool has_param(const SplitUrl& url, std::string_view name) {
  return std::any_of(url.params.begin(), url.params.end(),
                     [name](const std::string& p) { return param_named(p, name); });
}

std::optional<std::int64_t> number(std::string_view s) {
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec != std::errc() || end != s.data() + s.size() || n < 0) return std::nullopt;
  return n;
}

// CareerOneStop's job search path: …/jobsearch/{userId}/{keyword}/{location}/{radius}/
// {sortColumns}/{sortOrder}/{startRecord}/{pageSize}/{days}. The parts after "jobsearch/".
struct JobSearchPath {
  std::string before;  // up to and with "/jobsearch/"
  std::vector<std::string> parts;
  std::string after;  // the query and fragment
};
constexpr std::size_t kStartRecord = 6;
constexpr std::size_t kPageSize = 7;

std::optional<JobSearchPath> job_search_path(std::string_view url) {
  constexpr std::string_view kMarker = "/jobsearch/";
  const auto at = url.find(kMarker);
  if (at == std::string_view::npos) return std::nullopt;
  JobSearchPath out;
  out.before = std::string(url.substr(0, at + kMarker.size()));
  std::string_view rest = url.substr(at + kMarker.size());
  const auto tail = rest.find_first_of("?#");
  if (tail != std::string_view::npos) {
    out.after = std::string(rest.substr(tail));
    rest = rest.substr(0, tail);
  }
  while (true) {
    const auto slash = rest.find('/');
    out.parts.emplace_back(rest.substr(0, slash));
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  return out;
}

}  // namespace

std::optional<FeedFormat> configured_format(std::string_view key) {
  for (const auto& f : kFormats) {
    if (f.key == key) return f.format;
  }
  return std::nullopt;  // "auto"
}

std::string_view format_name(FeedFormat format) {
  for (const auto& f : kFormats) {
    if (f.format == format) return f.name;
  }
  return "unknown";
}

bool paged_format(FeedFormat format) {
  return format == FeedFormat::Usajobs || format == FeedFormat::CareerOneStop;
}

std::string source_name(std::string_view url, std::optional<FeedFormat> format) {
  std::string name = feed_display_name(url);
  const std::string host = feed_source(url);
  if (name != host && "www." + name != host) return name;  // a service known by its name
  if (format && *format != FeedFormat::JsonLd && *format != FeedFormat::Unknown &&
      *format != FeedFormat::Xml && *format != FeedFormat::EtplCsv) {
    return std::string(format_name(*format)) + " (" + feed_source(url) + ")";
  }
  return feed_source(url);
}

std::string first_page_url(std::string_view url, FeedFormat format) {
  if (format != FeedFormat::Usajobs) return std::string(url);
  SplitUrl split_url = split(url);
  if (!has_param(split_url, "ResultsPerPage")) set_param(split_url, "ResultsPerPage", "500");
  return join(split_url);
}

std::optional<std::string> next_page_url(std::string_view first_url, FeedFormat format,
                                         int pages_read, std::int64_t records_read,
                                         const ParsedFeed& last) {
  if (last.size() == 0 && last.warnings.empty()) return std::nullopt;  // an empty page: the end
  if (last.source_pages && pages_read >= *last.source_pages) return std::nullopt;
  if (last.source_total && records_read >= *last.source_total) return std::nullopt;
  if (format == FeedFormat::Usajobs) {
    SplitUrl url = split(first_url);
    set_param(url, "Page", std::to_string(pages_read + 1));
    return join(url);
  }
  if (format == FeedFormat::CareerOneStop) {
    auto path = job_search_path(first_url);
    if (!path || path->parts.size() <= kPageSize) return std::nullopt;
    const auto start = number(path->parts[kStartRecord]);
    const auto size = number(path->parts[kPageSize]);
    if (!start || !size || *size == 0) return std::nullopt;
    path->parts[kStartRecord] = std::to_string(*start + *size * pages_read);
    std::string out = path->before;
    for (std::size_t i = 0; i < path->parts.size(); ++i)
      out += (i == 0 ? "" : "/") + path->parts[i];
    return out + path->after;
  }
  return std::nullopt;
}

std::optional<std::string> careeronestop_v1_url(std::string_view url) {
  constexpr std::string_view kV2 = "/v2/jobsearch/";
  const auto at = url.find(kV2);
  if (at == std::string_view::npos) return std::nullopt;
  return std::string(url.substr(0, at)) + "/v1/jobsearch/" +
         std::string(url.substr(at + kV2.size()));
}

std::string refusal_words(const FetchResult& result, std::string_view source, bool with_key) {
  const std::string code = " (" + std::to_string(result.http_code) + ")";
  const std::string who(source);
  const auto wait = [&]() -> std::string {
    if (!result.retry_after_s) return "";
    const long s = *result.retry_after_s;
    return s < 120 ? ", and to wait " + std::to_string(s) + " seconds"
                   : ", and to wait " + std::to_string((s + 59) / 60) + " minutes";
  };
  switch (result.http_code) {
    case 401:
    case 403:
      return with_key ? who + " refused the API key" + code +
                            ": check the key in the secrets file, or whether it has expired"
                      : who + " asks for an API key" + code +
                            ": give the feed its key in headers, kept in the secrets file";
    case 429:
      return who + " asked the kiosk to slow down (429 Too Many Requests" + wait() +
             "); the listings it has stay, and the next sync tries again";
    case 503:
      return who + " is busy or down for now (503" + wait() +
             "); the listings it has stay, and the next sync tries again";
    default:
      return result.error;
  }
}

}  // namespace kiosk
