#include "kiosk/store/duplicates.h"

#include <strings.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>
#include <vector>

#include "kiosk/base/url.h"
#include "kiosk/store/occupation_vocabulary.h"
#include "kiosk/store/record_json.h"
#include "kiosk/store/store.h"

namespace kiosk {
namespace {

// Query parameters that say where a click came from, not which job it is.
bool tracking_param(std::string_view name) {
  if (name.size() >= 4 && strncasecmp(name.data(), "utm_", 4) == 0) return true;
  static constexpr std::string_view kTracking[] = {
      "ref",  "src",     "source", "gh_src", "lever-source", "trk", "postingchannelid",
      "from", "campaign"};
  return std::any_of(std::begin(kTracking), std::end(kTracking), [name](std::string_view t) {
    return name.size() == t.size() && strncasecmp(name.data(), t.data(), t.size()) == 0;
  });
}

constexpr std::size_t kEmployerWords = 12;

// same_employer() of names already folded.
bool same_folded_employer(const std::string& fa, const std::string& fb) {
  if (fa.empty() || fb.empty()) return false;
  const std::string& shorter = fa.size() <= fb.size() ? fa : fb;
  const std::string& longer = fa.size() <= fb.size() ? fb : fa;
  return longer == shorter || (longer.size() > shorter.size() && longer.starts_with(shorter) &&
                               longer[shorter.size()] == ' ');
}

// Union-find over a sync's jobs, where a group holds at most one job of each feed.
class Groups {
 public:
  explicit Groups(const std::vector<int>& feeds) : parent_(feeds.size()), feeds_(feeds.size()) {
    std::iota(parent_.begin(), parent_.end(), std::size_t{0});
    for (std::size_t i = 0; i < feeds.size(); ++i) feeds_[i] = {feeds[i]};
  }
  std::size_t root(std::size_t i) {
    while (parent_[i] != i) i = parent_[i] = parent_[parent_[i]];
    return i;
  }
  void join(std::size_t a, std::size_t b) {
    a = root(a);
    b = root(b);
    if (a == b) return;
    for (const int f : feeds_[b]) {
      if (std::find(feeds_[a].begin(), feeds_[a].end(), f) != feeds_[a].end()) return;
    }
    if (feeds_[a].size() < feeds_[b].size()) std::swap(a, b);
    parent_[b] = a;
    feeds_[a].insert(feeds_[a].end(), feeds_[b].begin(), feeds_[b].end());
    feeds_[b].clear();
  }

 private:
  std::vector<std::size_t> parent_;
  std::vector<std::vector<int>> feeds_;
};

}  // namespace

std::string apply_link_key(std::string_view url) {
  const auto authority = http_authority(url);
  if (!authority) return {};
  std::string host = authority->host;
  if (host.starts_with("www.")) host.erase(0, 4);
  const bool default_port = authority->port.empty() ||
                            (authority->scheme == "https" && authority->port == "443") ||
                            (authority->scheme == "http" && authority->port == "80");
  std::string out = default_port ? host : host + ":" + authority->port;
  std::string_view rest = url.substr(url.find("//") + 2);
  const auto slash = rest.find_first_of("/?#");
  rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  rest = rest.substr(0, rest.find('#'));
  std::string_view path = rest.substr(0, rest.find('?'));
  while (path.ends_with('/')) path.remove_suffix(1);
  out += path;
  if (const auto q = rest.find('?'); q != std::string_view::npos) {
    std::string_view query = rest.substr(q + 1);
    std::vector<std::string_view> kept;
    while (!query.empty()) {
      const auto amp = query.find('&');
      const std::string_view param = query.substr(0, amp);
      const auto eq = param.find('=');
      const bool empty_value = eq != std::string_view::npos && eq + 1 == param.size();
      if (!param.empty() && !empty_value && !tracking_param(param.substr(0, eq))) {
        kept.push_back(param);
      }
      if (amp == std::string_view::npos) break;
      query.remove_prefix(amp + 1);
    }
    std::sort(kept.begin(), kept.end());
    for (std::size_t i = 0; i < kept.size(); ++i) {
      out += (i == 0 ? "?" : "&") + std::string(kept[i]);
    }
  }
  return out;
}

std::string same_job_key(std::string_view title_en, std::string_view title_es,
                         std::string_view employer, std::string_view first_city) {
  const std::string title = fold_phrase(title_en.empty() ? title_es : title_en, 16);
  if (title.empty() || fold_phrase(employer, 1).empty()) return {};
  return title + "|" + fold_phrase(first_city, 4);
}

std::string same_job_key(const Job& job) {
  return same_job_key(job.title.en, job.title.es, job.employer,
                      job.locations.empty() ? std::string_view() : job.locations.front().city);
}

bool same_employer(std::string_view a, std::string_view b) {
  return same_folded_employer(fold_phrase(a, kEmployerWords), fold_phrase(b, kEmployerWords));
}

std::int64_t job_richness(const Job& job, std::size_t description_bytes) {
  std::int64_t facts = 0;
  facts += job.pay.min || job.pay.max ? 1 : 0;
  facts += job.employment_types != 0 ? 1 : 0;
  facts += job.locations.empty() ? 0 : 1;
  facts += job.posted ? 1 : 0;
  facts += job.valid_through ? 1 : 0;
  facts += job.education.empty() ? 0 : 1;
  facts += job.occupation_code.empty() ? 0 : 1;
  facts += job.apply_url.empty() ? 0 : 1;
  facts += job.skills.empty() ? 0 : 1;
  // The description first (in steps of 200 bytes, so a few bytes more do not outweigh a fact).
  return static_cast<std::int64_t>(description_bytes / 200) * 16 + facts;
}

bool Store::duplicates_due() {
  sql::Statement s(db_, "SELECT 1 FROM due WHERE what = 'duplicates'");
  return s.step();
}

std::int64_t Store::mark_duplicates() {
  struct Row {
    std::int64_t key;
    int feed;
    std::string apply_key;
    std::string same_key;
    std::optional<std::int64_t> posted;
    std::int64_t richness;
    std::string employer;  // folded once its bucket is compared
  };
  sql::Transaction tx(db_);
  db_.exec("UPDATE listings SET dup_of = NULL WHERE dup_of IS NOT NULL");
  db_.exec("DELETE FROM due WHERE what = 'duplicates'");  // done when this commits
  {
    // One feed of jobs: nothing to compare, and reading its 100,000 jobs would cost 0.5 s.
    sql::Statement feeds_with_jobs(db_,
                                   "SELECT count(*) FROM feeds WHERE kind = ?1 AND records > 0");
    feeds_with_jobs.bind(1, kind_key(ListingKind::Job));
    if (feeds_with_jobs.step() && feeds_with_jobs.int64(0) < 2) {
      tx.commit();
      return 0;
    }
  }
  std::vector<Row> rows;
  std::map<std::string, int> feed_numbers;
  {
    // The title-and-city key is made here, from the row's columns: kept in the cache, it was
    // 5 MB of 100,000 jobs (since schema version 7).
    sql::Statement s(db_,
                     "SELECT key, feed, apply_key, title_en, title_es, org, city, posted, richness "
                     "FROM listings WHERE kind = ?1");
    s.bind(1, kind_key(ListingKind::Job));
    while (s.step()) {
      std::string apply_key = s.text(2);
      std::string org = s.text(5);
      std::string same_key = same_job_key(s.text(3), s.text(4), org, s.text(6));
      if (apply_key.empty() && same_key.empty()) continue;
      const auto [it, added] =
          feed_numbers.emplace(s.text(1), static_cast<int>(feed_numbers.size()));
      rows.push_back({s.int64(0), it->second, std::move(apply_key), std::move(same_key),
                      s.opt_int64(7), s.int64(8), std::move(org)});
    }
  }
  if (feed_numbers.size() < 2) {  // one feed of jobs: nothing to compare
    tx.commit();
    return 0;
  }
  std::vector<int> feeds(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) feeds[i] = rows[i].feed;
  Groups groups(feeds);

  // The same apply link, when it leads to one job of its feed.
  std::unordered_map<std::string, std::vector<std::size_t>> by_link;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!rows[i].apply_key.empty()) by_link[rows[i].apply_key].push_back(i);
  }
  for (auto& [link, members] : by_link) {
    if (members.size() < 2) continue;
    std::map<int, int> per_feed;
    for (const auto i : members) ++per_feed[rows[i].feed];
    std::erase_if(members, [&](std::size_t i) { return per_feed[rows[i].feed] > 1; });
    for (std::size_t m = 1; m < members.size(); ++m) groups.join(members[0], members[m]);
  }
  // The same title and city, the same employer (one name may go on where the other stops:
  // "Veterans Health Administration" and "…, Department of Veterans Affairs"), posted within a
  // few days.
  std::unordered_map<std::string, std::vector<std::size_t>> by_text;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!rows[i].same_key.empty()) by_text[rows[i].same_key].push_back(i);
  }
  constexpr std::int64_t kWindow = kSameJobDays * 86400;
  // Each job is compared with at most this many after it: a bucket of thousands (one
  // employer's many openings of one title in one city) stays linear.
  constexpr std::size_t kMaxCompared = 64;
  for (auto& [text, members] : by_text) {
    if (members.size() < 2) continue;
    const int first_feed = rows[members.front()].feed;
    if (std::all_of(members.begin(), members.end(),
                    [&](std::size_t i) { return rows[i].feed == first_feed; })) {
      continue;  // one feed's jobs are all its own
    }
    for (const std::size_t i : members)
      rows[i].employer = fold_phrase(rows[i].employer, kEmployerWords);
    std::sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
      return rows[a].posted.value_or(0) < rows[b].posted.value_or(0);
    });
    for (std::size_t m = 0; m < members.size(); ++m) {
      const std::size_t last = std::min(members.size(), m + 1 + kMaxCompared);
      for (std::size_t n = m + 1; n < last; ++n) {
        const auto& a = rows[members[m]];
        const auto& b = rows[members[n]];
        if (a.posted && b.posted && *b.posted - *a.posted > kWindow) break;
        if (a.feed != b.feed && same_folded_employer(a.employer, b.employer)) {
          groups.join(members[m], members[n]);
        }
      }
    }
  }

  // Of each group, the richest record is shown (then the oldest key: the first posted).
  std::unordered_map<std::size_t, std::size_t> shown;  // root → row shown
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::size_t r = groups.root(i);
    const auto [it, added] = shown.emplace(r, i);
    if (added) continue;
    const Row& best = rows[it->second];
    if (rows[i].richness > best.richness ||
        (rows[i].richness == best.richness && rows[i].key < best.key)) {
      it->second = i;
    }
  }
  sql::Statement hide(db_, "UPDATE listings SET dup_of = ?1 WHERE key = ?2");
  std::int64_t hidden = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::size_t best = shown[groups.root(i)];
    if (best == i) continue;
    hide.reset();
    hide.bind(1, rows[best].key).bind(2, rows[i].key).run();
    ++hidden;
  }
  tx.commit();
  return hidden;
}

std::vector<std::string> Store::also_posted(std::int64_t key) {
  std::vector<std::string> feeds;
  sql::Statement s(db_,
                   "SELECT DISTINCT f.url FROM listings l JOIN feeds f ON f.id = l.feed "
                   "WHERE l.dup_of = ?1 ORDER BY f.url");
  s.bind(1, key);
  while (s.step()) feeds.push_back(s.text(0));
  return feeds;
}

}  // namespace kiosk
