#include "kiosk/match/matcher.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include "kiosk/base/wipe.h"
#include "kiosk/feeds/html_text.h"
#include "kiosk/match/skills.h"
#include "kiosk/model/enums.h"
#include "kiosk/signup/form.h"
#include "kiosk/store/word_forms.h"

namespace kiosk {

bool MatchProfile::empty() const {
  return skills.empty() && industries.empty() && education.empty() && hours == HoursWanted::Any &&
         !paid_training;
}

void MatchProfile::clear() {
  for (auto* list : {&skills, &industries}) {
    for (auto& key : *list) wipe(key);
    list->clear();
  }
  wipe(education);
  hours = HoursWanted::Any;
  paid_training = false;
}

namespace {

// [SECTION] Words: a listing's text as folded words, and phrases looked up in them.

using Phrase = std::vector<std::string>;  // folded words

std::vector<std::string> folded_words(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& w : split_words(text, SIZE_MAX)) {
    if (std::string f = fold_word(w); !f.empty()) out.push_back(std::move(f));
  }
  return out;
}

std::vector<Phrase> phrases_of(std::string_view words) {
  std::vector<Phrase> out;
  for (const auto p : skill_phrases(words)) {
    if (Phrase phrase = folded_words(p); !phrase.empty()) out.push_back(std::move(phrase));
  }
  return out;
}

// The words of one listing, with where each stands, so a phrase is found without scanning.
class Words {
 public:
  void add(std::string_view text) {
    for (auto& w : folded_words(text)) {
      words_.push_back(std::move(w));
    }
    words_.emplace_back();  // texts never run into each other
  }
  void index() {
    at_.clear();
    for (std::size_t i = 0; i < words_.size(); ++i) {
      if (!words_[i].empty()) at_[words_[i]].push_back(i);
    }
  }
  bool has(const Phrase& phrase) const {
    if (phrase.size() == 1) return has_last(phrase[0]);
    const auto it = at_.find(phrase[0]);
    if (it == at_.end()) return false;
    for (const std::size_t start : it->second) {
      if (start + phrase.size() > words_.size()) continue;
      bool all = true;
      for (std::size_t k = 1; k < phrase.size() && all; ++k) {
        all = k + 1 == phrase.size() ? same_or_plural(words_[start + k], phrase[k])
                                     : words_[start + k] == phrase[k];
      }
      if (all) return true;
    }
    return false;
  }
  bool has_any(const std::vector<Phrase>& phrases) const {
    return std::any_of(phrases.begin(), phrases.end(), [&](const Phrase& p) { return has(p); });
  }

 private:
  static bool same_or_plural(std::string_view word, std::string_view wanted) {
    return word == wanted ||
           (word.size() > wanted.size() && word.starts_with(wanted) &&
            (word.substr(wanted.size()) == "s" || word.substr(wanted.size()) == "es"));
  }
  bool has_last(const std::string& w) const {
    return at_.contains(w) || at_.contains(w + "s") || at_.contains(w + "es");
  }

  std::vector<std::string> words_;
  std::unordered_map<std::string, std::vector<std::size_t>> at_;
};

std::string plain(const LocalRichText& text) {
  return feeds::blocks_to_plain(text.en) + "\n" + feeds::blocks_to_plain(text.es);
}

// A program's own words: its name, what it awards and its description (never its
// prerequisites: what it asks is not what it gives).
Words program_words(const Program& p) {
  Words w;
  w.add(p.name.en);
  w.add(p.name.es);
  w.add(p.credential.en);
  w.add(p.credential.es);
  w.add(plain(p.description));
  w.index();
  return w;
}

// [SECTION] Skills compiled once per run: phrases, core occupations, their FTS5 expression.

struct CompiledSkill {
  const Skill* skill = nullptr;
  std::vector<Phrase> phrases;
  std::vector<std::string> socs;  // "31-1131"
  std::string fts;                // {title body skills} : ("cash register" * OR …)
};

// The phrases ORed, each also with its last word plural ("cash registers", "vendedores"): exact
// terms, which FTS5 reads lazily newest first, where a prefix would merge every word it starts.
std::string fts_of(const std::vector<Phrase>& phrases) {
  std::string any;
  for (const Phrase& p : phrases) {
    std::string quoted;
    for (std::size_t i = 0; i + 1 < p.size(); ++i) quoted += p[i] + " ";
    const std::string& last = p.back();
    std::vector<std::string> forms = {last};
    if (last.size() >= 3) {
      forms.push_back(last + "s");
      if (std::string_view("aeiou").find(last.back()) == std::string_view::npos) {
        forms.push_back(last + "es");
      }
    }
    for (const auto& form : forms) {
      any += (any.empty() ? "\"" : " OR \"") + quoted + form + "\"";
    }
  }
  return any.empty() ? any : "{title body skills} : (" + any + ")";
}

CompiledSkill compile(const Skill& skill) {
  CompiledSkill c;
  c.skill = &skill;
  c.phrases = phrases_of(skill.words);
  for (const auto soc : skill_phrases(skill.socs)) c.socs.emplace_back(soc);
  c.fts = fts_of(c.phrases);
  return c;
}

bool shares_soc(const std::vector<std::string>& codes, const std::vector<std::string>& socs) {
  return std::any_of(codes.begin(), codes.end(), [&](const std::string& code) {
    const std::string soc = occupations::soc_code(code);
    return !soc.empty() && std::find(socs.begin(), socs.end(), soc) != socs.end();
  });
}

// [SECTION] Schooling: what a listing asks for, against what the resident finished.

struct EducationWords {
  std::string_view key;    // kEducationLevels
  std::string_view asks;   // phrases in a posting's or a program's requirements
  std::string_view gives;  // phrases of a program that gets you there
};

// Highest first: the first level found from the top is what is asked (words naming two levels,
// "high school diploma; associate degree preferred", read as the higher: a gap said too often
// rather than missed).
constexpr std::array<EducationWords, 4> kEducationWords = {{
    {"graduate", "master|masters|master s degree|graduate degree|doctorate|phd|maestria",
     "master s degree|maestria"},
    {"bachelor",
     "bachelor|bachelors|bachelor s degree|4 year degree|licenciatura|bachillerato universitario",
     "bachelor s degree|licenciatura"},
    {"associate",
     "associate degree|associate s degree|associates degree|2 year degree|titulo asociado|grado "
     "asociado",
     "associate degree|associate in science|titulo asociado|grado asociado"},
    {"high_school", "high school|ged|hiset|diploma|escuela secundaria|secundaria|preparatoria",
     "ged|hiset|high school equivalency|high school diploma program|diploma de escuela "
     "secundaria|equivalencia de secundaria"},
}};

int education_rank(std::string_view key) {
  for (std::size_t i = 0; i < kEducationLevels.size(); ++i) {
    if (kEducationLevels[i].key == key) return static_cast<int>(i);
  }
  return -1;
}

// [SECTION] Candidates and scoring.

struct Scored {
  MatchResult result;
  std::vector<std::string> asks;  // credentials (skill keys) the listing asks for
  bool positive = false;          // some reason to show it at all
  double fit_sum = 0, weight_sum = 0;
};

struct Run {
  Store& store;
  const MatchProfile& profile;
  std::int64_t now;
  const occupations::Crosswalk& crosswalk;
  std::vector<CompiledSkill> chosen;       // the resident's skills, in table order
  std::vector<CompiledSkill> credentials;  // every credential in the table
  std::vector<Industry> industries;
  std::map<std::string, std::int64_t> closers;  // credential or level → programs closing it

  void add_keys(std::set<std::int64_t>& into, const std::vector<std::int64_t>& keys) const {
    into.insert(keys.begin(), keys.end());
  }

  std::vector<std::int64_t> browse(ListingKind kind, std::optional<Industry> industry,
                                   std::vector<std::string> socs, bool paid, int limit) const {
    SearchQuery q;
    q.kind = kind;
    q.now = now;
    q.limit = limit;
    q.industry = industry;
    q.occupations = std::move(socs);
    q.paid = paid;
    q.sort = SortOrder::Newest;
    std::vector<std::int64_t> keys;
    for (const auto& h : store.search(q).hits) keys.push_back(h.key);
    return keys;
  }

  std::set<std::int64_t> candidates(ListingKind kind) const {
    const bool jobs = kind == ListingKind::Job;
    std::set<std::int64_t> keys;
    const std::size_t n = std::min<std::size_t>(chosen.size(), 12);
    const int per_skill =
        n == 0 ? 0 : std::max(jobs ? 20 : 15, (jobs ? 200 : 120) / static_cast<int>(n));
    std::vector<std::string> socs;
    for (std::size_t i = 0; i < n; ++i) {
      add_keys(keys, store.newest_matching(kind, chosen[i].fts, now, per_skill));
      socs.insert(socs.end(), chosen[i].socs.begin(), chosen[i].socs.end());
    }
    // The newest showing two chosen skills at once (the best fits), beyond the windows above.
    if (n >= 2) {
      std::string pairs;
      for (std::size_t i = 0; i < std::min<std::size_t>(n, 6); ++i) {
        for (std::size_t j = i + 1; j < std::min<std::size_t>(n, 6); ++j) {
          pairs += (pairs.empty() ? "(" : " OR (") + chosen[i].fts + " AND " + chosen[j].fts + ")";
        }
      }
      add_keys(keys, store.newest_matching(kind, pairs, now, jobs ? 120 : 60));
    }
    if (!socs.empty()) add_keys(keys, browse(kind, std::nullopt, socs, false, 60));
    for (const Industry industry : industries) {
      const int per_field = std::max(20, (jobs ? 80 : 60) / static_cast<int>(industries.size()));
      add_keys(keys, browse(kind, industry, {}, false, per_field));
    }
    if (!jobs && profile.paid_training) add_keys(keys, browse(kind, std::nullopt, {}, true, 60));
    return keys;
  }

  // Programs on the kiosk that get a resident the credential (or the schooling): its words in
  // the program's name, what it awards or its description (never its prerequisites), or, for a
  // credential with core occupations, a program that leads there.
  bool program_gives(const Program& p, const std::vector<Phrase>& phrases,
                     const std::vector<std::string>& socs) const {
    if (program_words(p).has_any(phrases)) return true;
    return !socs.empty() && shares_soc(occupations::program_socs(p, crosswalk), socs);
  }

  std::int64_t count_closers(const std::string& what, const std::vector<Phrase>& phrases,
                             const std::vector<std::string>& socs,
                             std::set<std::int64_t>* keys_out = nullptr) {
    if (const auto it = closers.find(what); it != closers.end() && keys_out == nullptr) {
      return it->second;
    }
    std::set<std::int64_t> keys;
    add_keys(keys, store.newest_matching(ListingKind::Program, fts_of(phrases), now, 300));
    if (!socs.empty()) add_keys(keys, browse(ListingKind::Program, std::nullopt, socs, false, 300));
    std::int64_t count = 0;
    for (const auto key : keys) {
      const auto p = store.program(key);
      if (p && program_gives(*p, phrases, socs)) {
        ++count;
        if (keys_out != nullptr) keys_out->insert(key);
      }
    }
    closers[what] = count;
    return count;
  }

  bool holds(std::string_view skill_key) const {
    return std::find(profile.skills.begin(), profile.skills.end(), skill_key) !=
           profile.skills.end();
  }

  void add_part(Scored& s, double weight, double fit) const {
    s.weight_sum += weight;
    s.fit_sum += weight * fit;
  }

  void skills_part(Scored& s, const Words& words, const std::vector<std::string>& codes,
                   MatchNote::Kind kind) const {
    MatchNote note;
    note.kind = kind;
    for (const CompiledSkill& c : chosen) {
      if (words.has_any(c.phrases) || shares_soc(codes, c.socs)) {
        note.skills.emplace_back(c.skill->key);
      }
    }
    if (chosen.empty()) return;
    const double want = static_cast<double>(std::min<std::size_t>(3, chosen.size()));
    add_part(s, 0.6, std::min(1.0, static_cast<double>(note.skills.size()) / want));
    if (!note.skills.empty()) {
      s.positive = true;
      s.result.reasons.push_back(std::move(note));
    }
  }

  void field_part(Scored& s, Industry industry) const {
    if (industries.empty()) return;
    const bool in = std::find(industries.begin(), industries.end(), industry) != industries.end();
    add_part(s, 0.2, in ? 1.0 : 0.0);
    if (in) {
      s.positive = true;
      MatchNote note;
      note.kind = MatchNote::Kind::Field;
      note.industry = industry;
      s.result.reasons.push_back(std::move(note));
    }
  }

  void education_gap(Scored& s, const std::string& asked) {
    const int have = education_rank(profile.education);
    const int need = education_rank(asked);
    if (have < 0 || need <= have) return;
    const auto* const words = std::find_if(kEducationWords.begin(), kEducationWords.end(),
                                           [&](const EducationWords& e) { return e.key == asked; });
    MatchNote note;
    note.kind = MatchNote::Kind::NeedsEducation;
    note.education = asked;
    note.count = count_closers("education." + asked, phrases_of(words->gives), {});
    s.result.gaps.push_back(std::move(note));
  }

  static Scored scored(ListingKind kind, std::int64_t key, const std::string& id,
                       const LocalText& title, const std::string& org) {
    Scored s;
    s.result.kind = kind;
    s.result.key = key;
    s.result.id = id;
    s.result.title = title;
    s.result.org = org;
    return s;
  }

  Scored score_job(std::int64_t key, const Job& job) {
    Scored s = scored(ListingKind::Job, key, job.id, job.title, job.employer);
    Words words;
    words.add(job.title.en);
    words.add(job.title.es);
    for (const auto& k : job.skills) words.add(k);
    for (const auto& k : job.skills_es) words.add(k);
    words.add(job.education.en);
    words.add(job.education.es);
    words.add(plain(job.description));
    if (job.language == "es") words.add("espanol");  // a posting in Spanish asks for it
    words.index();
    const std::vector<std::string> codes = job.occupation_code.empty()
                                               ? std::vector<std::string>{}
                                               : std::vector<std::string>{job.occupation_code};
    skills_part(s, words, codes, MatchNote::Kind::Skills);
    field_part(s, job.industry);
    if (profile.hours != HoursWanted::Any) {
      const std::uint8_t bit = profile.hours == HoursWanted::FullTime ? kFullTime : kPartTime;
      const bool offers = (job.employment_types & bit) != 0;
      add_part(s, 0.1, offers ? 1.0 : 0.0);
      if (offers) {
        MatchNote note;
        note.kind = MatchNote::Kind::Hours;
        note.hours = profile.hours;
        s.result.reasons.push_back(std::move(note));
      }
    }
    // Gaps: credentials asked for and not tapped, then schooling.
    for (const CompiledSkill& c : credentials) {
      if (!words.has_any(c.phrases) && !shares_soc(codes, c.socs)) continue;
      s.asks.emplace_back(c.skill->key);
      if (holds(c.skill->key)) continue;
      MatchNote note;
      note.kind = MatchNote::Kind::NeedsCredential;
      note.skills = {std::string(c.skill->key)};
      note.count = count_closers(std::string(c.skill->key), c.phrases, c.socs);
      s.result.gaps.push_back(std::move(note));
    }
    if (const std::string asked = education_asked(job.education.en + " " + job.education.es);
        !asked.empty()) {
      education_gap(s, asked);
    }
    return s;
  }

  Scored score_program(std::int64_t key, const Program& p,
                       const std::map<std::string, std::int64_t>& asked_by_jobs) {
    Scored s = scored(ListingKind::Program, key, p.id, p.name, p.provider);
    const Words words = program_words(p);
    const std::vector<std::string> codes = occupations::program_socs(p, crosswalk);
    skills_part(s, words, codes, MatchNote::Kind::ProgramSkills);
    // A certificate the matched jobs ask for and the resident lacks: this program gets it.
    for (const CompiledSkill& c : credentials) {
      const auto asked = asked_by_jobs.find(std::string(c.skill->key));
      if (asked == asked_by_jobs.end() || holds(c.skill->key)) continue;
      if (!program_gives(p, c.phrases, c.socs)) continue;
      MatchNote note;
      note.kind = MatchNote::Kind::Gives;
      note.skills = {std::string(c.skill->key)};
      note.count = asked->second;
      s.result.reasons.push_back(std::move(note));
      s.positive = true;
      if (!chosen.empty()) {                 // counts as half a skills match, at least
        const double skill_fit = s.fit_sum;  // the skills part is the only one so far
        if (skill_fit < 0.6 * 0.5) s.fit_sum = 0.6 * 0.5;
      }
      break;
    }
    field_part(s, p.industry);
    if (profile.paid_training) {
      add_part(s, 0.1, p.paid_while_learning ? 1.0 : 0.0);
      if (p.paid_while_learning) {
        MatchNote note;
        note.kind = MatchNote::Kind::PaidTraining;
        s.result.reasons.push_back(std::move(note));
      }
    }
    if (const std::string asked = education_asked(p.prerequisites.en + " " + p.prerequisites.es);
        !asked.empty()) {
      education_gap(s, asked);
    }
    return s;
  }
};

double final_score(const Scored& s) {
  if (s.weight_sum <= 0) return 0;
  const double gaps = static_cast<double>(std::min<std::size_t>(2, s.result.gaps.size()));
  const double score = std::clamp(s.fit_sum / s.weight_sum - 0.15 * gaps, 0.0, 1.0);
  return std::round(score * 1000.0) / 1000.0;
}

bool ranks_before(const MatchResult& a, const MatchResult& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.kind != b.kind) return a.kind == ListingKind::Job;
  if (a.id != b.id) return a.id < b.id;
  return a.key < b.key;
}

}  // namespace

std::string education_asked(std::string_view text) {
  Words words;
  words.add(text);
  words.index();
  for (const EducationWords& e : kEducationWords) {
    if (words.has_any(phrases_of(e.asks))) return std::string(e.key);
  }
  return {};
}

std::vector<MatchResult> match_listings(Store& store, const MatchProfile& profile, std::int64_t now,
                                        std::size_t limit,
                                        const occupations::Crosswalk& crosswalk) {
  Run run{store, profile, now, crosswalk, {}, {}, {}, {}};
  for (const Skill& skill : skills()) {
    if (run.holds(skill.key)) run.chosen.push_back(compile(skill));
    if (skill.credential()) run.credentials.push_back(compile(skill));
  }
  for (const auto& key : profile.industries) {
    if (const auto industry = filter_value<Industry>(key)) run.industries.push_back(*industry);
  }
  std::sort(run.industries.begin(), run.industries.end());
  run.industries.erase(std::unique(run.industries.begin(), run.industries.end()),
                       run.industries.end());
  if (run.chosen.empty() && run.industries.empty()) return {};

  std::vector<Scored> jobs;
  for (const auto key : run.candidates(ListingKind::Job)) {
    const auto job = store.job(key);
    if (!job) continue;
    Scored s = run.score_job(key, *job);
    if (!s.positive) continue;
    s.result.score = final_score(s);
    jobs.push_back(std::move(s));
  }
  std::sort(jobs.begin(), jobs.end(),
            [](const Scored& a, const Scored& b) { return ranks_before(a.result, b.result); });
  // What the good fits among the jobs shown ask for: training that gives it is worth showing.
  std::map<std::string, std::int64_t> asked_by_jobs;  // credential → those jobs asking for it
  for (std::size_t i = 0; i < std::min(jobs.size(), limit); ++i) {
    if (jobs[i].result.score < 0.5) break;
    for (const auto& c : jobs[i].asks) ++asked_by_jobs[c];
  }
  std::set<std::int64_t> program_keys = run.candidates(ListingKind::Program);
  for (const CompiledSkill& c : run.credentials) {  // those that give what the jobs ask for
    if (asked_by_jobs.contains(std::string(c.skill->key)) && !run.holds(c.skill->key)) {
      run.count_closers(std::string(c.skill->key), c.phrases, c.socs, &program_keys);
    }
  }
  std::vector<Scored> programs;
  for (const auto key : program_keys) {
    const auto program = store.program(key);
    if (!program) continue;
    Scored s = run.score_program(key, *program, asked_by_jobs);
    if (s.positive) programs.push_back(std::move(s));
  }

  const auto ranked = [](std::vector<Scored>& list) {
    std::vector<MatchResult> out;
    for (Scored& s : list) {
      s.result.score = final_score(s);
      out.push_back(std::move(s.result));
    }
    std::sort(out.begin(), out.end(), ranks_before);
    return out;
  };
  std::vector<MatchResult> job_results = ranked(jobs);
  std::vector<MatchResult> program_results = ranked(programs);
  // Up to a third of the places for training, the rest for jobs (and training again when the
  // jobs run out).
  const std::size_t program_share =
      std::min(program_results.size(), std::max<std::size_t>(1, limit / 3));
  const std::size_t job_count =
      std::min(job_results.size(), limit - std::min(limit, program_share));
  const std::size_t program_count = std::min(program_results.size(), limit - job_count);
  std::vector<MatchResult> out(
      std::make_move_iterator(job_results.begin()),
      std::make_move_iterator(job_results.begin() + static_cast<std::ptrdiff_t>(job_count)));
  out.insert(out.end(), std::make_move_iterator(program_results.begin()),
             std::make_move_iterator(program_results.begin() +
                                     static_cast<std::ptrdiff_t>(program_count)));
  std::sort(out.begin(), out.end(), ranks_before);
  return out;
}

std::string describe(Translator& tr, const MatchNote& note) {
  const auto labels = [&] {
    std::string out;
    for (const auto& key : note.skills) {
      if (const Skill* s = find_skill(key)) out += (out.empty() ? "" : ", ") + tr.text(s->label);
    }
    return out;
  };
  const auto count = static_cast<std::int64_t>(note.skills.size());
  switch (note.kind) {
    case MatchNote::Kind::Skills:
      return tr.format("match.reason.skills"_msg, {{"count", count}, {"skills", labels()}});
    case MatchNote::Kind::ProgramSkills:
      return tr.format("match.reason.program_skills"_msg, {{"count", count}, {"skills", labels()}});
    case MatchNote::Kind::Field: {
      const auto* row = note.industry ? row_of(*note.industry) : nullptr;
      return tr.format("match.reason.field"_msg,
                       {{"field", row != nullptr ? tr.text(row->message) : std::string()}});
    }
    case MatchNote::Kind::Hours:
      return tr.text(note.hours == HoursWanted::PartTime ? "match.reason.part_time"_msg
                                                         : "match.reason.full_time"_msg);
    case MatchNote::Kind::PaidTraining:
      return tr.text("match.reason.paid"_msg);
    case MatchNote::Kind::Gives:
      return tr.format("match.reason.gives"_msg, {{"credential", labels()}, {"count", note.count}});
    case MatchNote::Kind::NeedsCredential:
      return tr.format("match.gap.credential"_msg,
                       {{"credential", labels()}, {"count", note.count}});
    case MatchNote::Kind::NeedsEducation: {
      std::string level;
      for (const Choice& c : kEducationLevels) {
        if (c.key == note.education) level = tr.text(c.label);
      }
      return tr.format("match.gap.education"_msg, {{"education", level}, {"count", note.count}});
    }
  }
  return {};
}

}  // namespace kiosk
