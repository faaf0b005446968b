// A cache as schema version 6 wrote it (the plain text and facet words beside each record, the
// URL of its feed in every row, an external-content index with prefixes), for the tests of the
// migrations: earlier versions are made from it by dropping what they did not have yet.
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "kiosk/model/model.h"
#include "kiosk/store/record_json.h"
#include "kiosk/store/sqlite.h"
#include "kiosk/store/store.h"

namespace kiosk::testing {

inline void write_version6_cache(const std::filesystem::path& data_dir, const std::string& url,
                                 const ParsedFeed& feed) {
  sql::Database db(Store::file_in(data_dir), sql::Database::Mode::ReadWrite);
  db.exec(R"sql(
CREATE TABLE feeds (url TEXT PRIMARY KEY, kind TEXT NOT NULL, etag TEXT NOT NULL DEFAULT '',
  last_modified TEXT NOT NULL DEFAULT '', content_hash TEXT NOT NULL DEFAULT '',
  last_attempt INTEGER, last_success INTEGER, last_confirmed INTEGER,
  status TEXT NOT NULL DEFAULT '', error TEXT NOT NULL DEFAULT '',
  records INTEGER NOT NULL DEFAULT 0);
CREATE TABLE listings (key INTEGER PRIMARY KEY, kind TEXT NOT NULL,
  feed TEXT NOT NULL REFERENCES feeds(url) ON DELETE CASCADE, id TEXT NOT NULL,
  title TEXT NOT NULL, org TEXT NOT NULL, body TEXT NOT NULL, skills TEXT NOT NULL,
  facets TEXT NOT NULL, title_en TEXT NOT NULL, title_es TEXT NOT NULL, industry TEXT NOT NULL,
  types INTEGER NOT NULL, workplace TEXT NOT NULL, no_degree INTEGER NOT NULL, pay_min REAL,
  pay_max REAL, pay_unit TEXT NOT NULL, pay_hourly REAL, program_type TEXT NOT NULL, cost REAL,
  paid INTEGER NOT NULL, city TEXT NOT NULL, posted INTEGER, valid_through INTEGER,
  start INTEGER, weeks INTEGER, sample INTEGER NOT NULL, detail TEXT NOT NULL,
  occupation TEXT NOT NULL DEFAULT '', apply_key TEXT NOT NULL DEFAULT '',
  same_key TEXT NOT NULL DEFAULT '', richness INTEGER NOT NULL DEFAULT 0, dup_of INTEGER);
CREATE UNIQUE INDEX listings_source ON listings(feed, kind, id);
CREATE INDEX listings_kind ON listings(kind, key);
CREATE INDEX listings_pay ON listings(kind, pay_hourly);
CREATE INDEX listings_dup ON listings(dup_of) WHERE dup_of IS NOT NULL;
CREATE VIRTUAL TABLE listings_fts USING fts5(title, org, body, skills, facets,
  content='listings', content_rowid='key', tokenize='unicode61 remove_diacritics 2',
  prefix='1 2 3');
CREATE TABLE vocab_meta (version TEXT NOT NULL);
CREATE TABLE vocab_occupations (code TEXT PRIMARY KEY, name_en TEXT NOT NULL,
  name_es TEXT NOT NULL, search_en TEXT NOT NULL, search_es TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE vocab_terms (term TEXT NOT NULL, code TEXT NOT NULL, weight INTEGER NOT NULL,
  PRIMARY KEY (term, code)) WITHOUT ROWID;
CREATE TABLE due (what TEXT PRIMARY KEY) WITHOUT ROWID;
PRAGMA user_version = 6;
)sql");
  sql::Statement feed_row(db,
                          "INSERT INTO feeds(url, kind, content_hash, records) "
                          "VALUES (?1, 'jobs', 'h1', ?2)");
  feed_row.bind(1, url).bind(2, static_cast<std::int64_t>(feed.jobs.size())).run();
  sql::Statement row(db, R"sql(
    INSERT INTO listings(key, kind, feed, id, title, org, body, skills, facets, title_en,
      title_es, industry, types, workplace, no_degree, pay_unit, program_type, paid, city,
      posted, valid_through, sample, detail)
    VALUES (?1, 'jobs', ?2, ?3, ?4, ?5, '', '', 'kindjobs', ?6, ?7, 'health', 1, 'onsite', 0,
      'hour', '', 0, 'Miami', ?8, ?9, 0, ?10))sql");
  std::int64_t key = 1;
  for (const Job& j : feed.jobs) {
    row.reset();
    row.bind(1, (j.posted.value_or(0) << 20) + key++).bind(2, url).bind(3, j.id);
    row.bind(4, j.title.en).bind(5, j.employer).bind(6, j.title.en).bind(7, j.title.es);
    row.bind(8, j.posted).bind(9, j.valid_through).bind(10, nlohmann::json(j).dump()).run();
  }
  db.exec("INSERT INTO listings_fts(listings_fts) VALUES ('rebuild')");
}

}  // namespace kiosk::testing
