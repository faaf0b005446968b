// What a resident can say they can do: one table of skills, experience, credentials and
// languages. The sign-up's skill chips, the "What can you do?" chips and the matcher
// (kiosk/match/matcher.h) all read it, so a chip means the same thing everywhere.
//
// Each entry has a stable key (sealed sign-up envelopes carry it: never rename one), its words
// in locales/ (`skill.<key>`), a group for the screens, the words that show it in a listing
// (English and Spanish, matched folded: case and accents do not matter) and the SOC codes of
// the occupations where it is core.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/base/msg_key.h"
#include "kiosk/i18n/i18n.h"

namespace kiosk {

using literals::operator""_msg;

enum class SkillGroup { People, Office, Health, Food, Building, Driving, Credentials, Languages };

struct SkillGroupRow {
  SkillGroup group;
  std::string_view key;  // stable: chip ids on the screens
  MsgKey label;
};

inline constexpr std::array<SkillGroupRow, 8> kSkillGroups = {{
    {SkillGroup::People, "people", "skill.group.people"_msg},
    {SkillGroup::Office, "office", "skill.group.office"_msg},
    {SkillGroup::Health, "health", "skill.group.health"_msg},
    {SkillGroup::Food, "food", "skill.group.food"_msg},
    {SkillGroup::Building, "building", "skill.group.building"_msg},
    {SkillGroup::Driving, "driving", "skill.group.driving"_msg},
    {SkillGroup::Credentials, "credentials", "skill.group.credentials"_msg},
    {SkillGroup::Languages, "languages", "skill.group.languages"_msg},
}};

struct Skill {
  std::string_view key;  // stable: the sign-up envelope's value, the matcher's input
  MsgKey label;          // `skill.<key>`
  SkillGroup group;
  // The phrases that show it in a listing, '|' between them, both languages, any case and
  // accents: "cash register|cashier|caja registradora|cajero|cajera".
  std::string_view words;
  // SOC codes of occupations where it is core, '|' between them ("31-1131"): a job with that
  // occupation code shows it even when its words do not say so. May be empty.
  std::string_view socs = {};

  // A credential or licence a posting can ask for: what it lacks is a gap, and programs on
  // the kiosk can close it (kiosk/match/matcher.h).
  bool credential() const { return group == SkillGroup::Credentials; }
};

// Every skill, in the order chips show them (grouped). Defined in skills.cpp.
const std::vector<Skill>& skills();

// The entry with this key, or null.
const Skill* find_skill(std::string_view key);

// The phrases of an entry's `words` (or `socs`), split at '|'.
std::vector<std::string_view> skill_phrases(std::string_view words);

// A skill as a technician or a resident names it: its key ("cash_handling"), its label in
// either language ("Caja registradora", "cash register": case and accents do not matter), or
// one of its phrases ("cajero"). Null when nothing matches.
const Skill* skill_named(std::string_view name, Translator& tr);

// Whether the skill is found by what a resident typed into "Find a skill": every typed word
// (folded) begins a word of the label shown, or of one of its phrases in either language.
// `typed_words` are already folded (kiosk/store/word_forms.h fold_word).
bool skill_found_by(const Skill& skill, std::string_view label,
                    const std::vector<std::string>& typed_words);

}  // namespace kiosk
