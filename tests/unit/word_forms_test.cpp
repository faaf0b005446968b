#include "kiosk/store/word_forms.h"

#include <gtest/gtest.h>

#include "kiosk/store/store.h"

namespace kiosk {
namespace {

using Forms = std::vector<std::string>;

TEST(WordForms, FoldsAsTheIndexDoes) {
  EXPECT_EQ(fold_word("Técnico"), "tecnico");
  EXPECT_EQ(fold_word("NIÑO"), "nino");
  EXPECT_EQ(fold_word("PASANTÍA"), "pasantia");
  EXPECT_EQ(fold_word("\u201ccook\u201d"), "cook");  // curly quotes are not letters
  EXPECT_EQ(fold_word("Straße"), "straße");
}

TEST(WordForms, SpanishGenderAndNumber) {
  EXPECT_EQ(word_forms("cocinera"), (Forms{"cocinera", "cocineros", "cocineras", "cocinero"}));
  EXPECT_EQ(word_forms("meseros"), (Forms{"meseros", "meseras", "mesero", "mesera"}));
  EXPECT_EQ(word_forms("promotora"), (Forms{"promotora", "promotoras", "promotores", "promotor"}));
  EXPECT_EQ(word_forms("contador"), (Forms{"contador", "contadoras", "contadores", "contadora"}));
  EXPECT_EQ(word_forms("electricistas"), (Forms{"electricistas", "electricista"}));
  EXPECT_EQ(word_forms("ayudante"), (Forms{"ayudante", "ayudantes"}));
  EXPECT_EQ(word_forms("auxiliares"), (Forms{"auxiliares", "auxiliar"}));
  EXPECT_EQ(word_forms("chofer"), (Forms{"chofer", "choferes"}));
}

TEST(WordForms, ShortStemsAndEnglishStayAlone) {
  EXPECT_EQ(word_forms("pro"), (Forms{"pro"}));
  EXPECT_EQ(word_forms("hora"), (Forms{"hora", "horos", "horas", "horo"}));  // stem "hor"
  EXPECT_EQ(word_forms("mesa").size(), 4u);
  EXPECT_EQ(word_forms("cna"), (Forms{"cna"}));
  EXPECT_EQ(word_forms("nurse"), (Forms{"nurse", "nurses"}));
  EXPECT_EQ(word_forms("analyst"), (Forms{"analyst"}));
  for (const char* w : {"cocineras", "data", "promotores", "electricista", "auxiliar", "nurses"}) {
    EXPECT_LE(word_forms(w).size(), kMaxForms) << w;
  }
}

TEST(WordForms, PrefixesStayNarrow) {
  EXPECT_EQ(prefix_forms("cocinera"), (Forms{"cocinera*", "cocinero*"}));
  EXPECT_EQ(prefix_forms("cocineros"), (Forms{"cocineros*", "cocinero", "cocinera*"}));
  EXPECT_EQ(prefix_forms("cocin"), (Forms{"cocin*"}));
  EXPECT_EQ(prefix_forms("enfermer"), (Forms{"enfermer*"}));
  // "sal*" would find "salary" and "salud": the shorter form is taken whole.
  EXPECT_EQ(prefix_forms("sales"), (Forms{"sales*", "sal"}));
  EXPECT_EQ(prefix_forms("nurse"), (Forms{"nurse*"}));
  EXPECT_EQ(prefix_forms("pro"), (Forms{"pro*"}));
}

TEST(WordForms, FtsQueryOrsTheForms) {
  EXPECT_EQ(fts_query("cocinera"), "(\"cocinera\"* OR \"cocinero\"*)");
  EXPECT_EQ(fts_query("Meseras de"),
            "(\"meseras\" OR \"meseros\" OR \"mesero\" OR \"mesera\") AND \"de\"*");
  EXPECT_EQ(fts_query("java"), "(\"java\"* OR \"javo\"*)");
  EXPECT_EQ(fts_query("data"), "(\"data\"* OR \"dato\"*)");
  EXPECT_EQ(fts_query("pro"), "\"pro\"*");
  EXPECT_EQ(fts_query("nurse"), "\"nurse\"*");
  EXPECT_EQ(fts_query("\"NOT\" OR -x"), "\"NOT\" AND \"OR\" AND \"x\"*");
  // Eight words at most, each with at most kMaxForms forms.
  const std::string many = fts_query("cocineros meseras enfermeras promotoras a b c d e f g");
  EXPECT_EQ(std::count(many.begin(), many.end(), '"') / 2, 4 * 4 + 4);
}

TEST(WordForms, EditDistance) {
  EXPECT_EQ(edit_distance("enfermra", "enfermera", 2), 1u);
  EXPECT_EQ(edit_distance("cosinero", "cocinero", 2), 1u);
  EXPECT_EQ(edit_distance("cocniero", "cocinero", 2), 1u);  // a swap counts one
  EXPECT_EQ(edit_distance("nurse", "nurse", 2), 0u);
  EXPECT_EQ(edit_distance("abc", "xyz", 1), 2u);  // over the limit: limit + 1
  EXPECT_EQ(edit_distance("enfermera", "en", 2), 3u);
}

}  // namespace
}  // namespace kiosk
