#include "reuselens/language.hpp"

#include <string>

#include "reuselens/normalize.hpp"
#include "reuselens/tokenize.hpp"
#include "test_util.hpp"

namespace reuselens {
namespace {

std::string code_of(const std::string& text) { return std::string(language_code(guess_language(text))); }

TEST(GuessLanguage, TellsLanguagesByTheirFunctionWords) {
  EXPECT_EQ(code_of("Russia, which is building up a military presence in Syria, was quick to say that Moscow was "
                    "also ready for talks with the United States."),
            "en");
  EXPECT_EQ(code_of("Russland, das seine militärische Präsenz in Syrien ausbaut, erklärte rasch, Moskau sei auch "
                    "zu Gesprächen mit den Vereinigten Staaten bereit."),
            "de");
  EXPECT_EQ(code_of("La Russie, qui renforce sa présence militaire en Syrie, s'est empressée de dire que Moscou "
                    "était aussi prête à des discussions avec les États-Unis."),
            "fr");
  EXPECT_EQ(code_of("Rusia, que está aumentando su presencia militar en Siria, se apresuró a decir que Moscú "
                    "también estaba dispuesta a mantener conversaciones con los Estados Unidos."),
            "es");
  EXPECT_EQ(code_of("La Russia, che sta rafforzando la sua presenza militare in Siria, si è affrettata a dire che "
                    "anche Mosca era pronta a colloqui con gli Stati Uniti."),
            "it");
  EXPECT_EQ(code_of("A Rússia, que está a reforçar a sua presença militar na Síria, apressou-se a dizer que "
                    "Moscovo também estava pronta para conversações com os Estados Unidos."),
            "pt");
  EXPECT_EQ(code_of("Rusland, dat zijn militaire aanwezigheid in Syrië uitbreidt, zei snel dat Moskou ook klaar "
                    "was voor gesprekken met de Verenigde Staten."),
            "nl");
  EXPECT_EQ(code_of("Rusland, som er ved at opbygge en militær tilstedeværelse i Syrien, var hurtig til at sige, at "
                    "Moskva også var klar til samtaler med USA, siger en af regeringens talsmænd. Han havde ikke "
                    "noget imod det."),
            "da");
  EXPECT_EQ(code_of("Russland, som bygger opp en militær tilstedeværelse i Syria, var raskt ute med å si at Moskva "
                    "også var klar for samtaler med USA. Han hadde ikke noe imot det, sa hun etter møtet."),
            "no");
  EXPECT_EQ(code_of("Ryssland, som bygger upp en militär närvaro i Syrien, var snabbt att säga att Moskva också var "
                    "redo för samtal med USA. Han hade inget emot det, sade hon efter mötet."),
            "sv");
  EXPECT_EQ(code_of("Venäjä, joka kasvattaa sotilaallista läsnäoloaan Syyriassa, kiirehti sanomaan, että Moskova on "
                    "myös valmis neuvotteluihin Yhdysvaltojen kanssa. Hänen mukaansa se ei ole ongelma."),
            "fi");
  EXPECT_EQ(code_of("Oroszország, amely katonai jelenlétét építi Szíriában, gyorsan kijelentette, hogy Moszkva is kész "
                    "a tárgyalásokra az Egyesült Államokkal. Azt mondta, hogy ez nem probléma."),
            "hu");
  EXPECT_EQ(code_of("Rusia, care își consolidează prezența militară în Siria, s-a grăbit să spună că Moscova este de "
                    "asemenea pregătită pentru discuții cu Statele Unite. El a spus că acest lucru nu este o problemă."),
            "ro");
  EXPECT_EQ(code_of("Rusia, yang sedang membangun kehadiran militer di Suriah, dengan cepat mengatakan bahwa Moskow "
                    "juga siap untuk melakukan pembicaraan dengan Amerika Serikat. Dia mengatakan hal itu bukan "
                    "masalah."),
            "id");
}

TEST(GuessLanguage, WhenInDoubtEnglish) {
  EXPECT_EQ(guess_language(""), kEnglish);
  EXPECT_EQ(guess_language("Syria 2015 Kerry Moscow"), kEnglish);                 // no function word at all
  EXPECT_EQ(guess_language("Москва — столица России."), kEnglish);                // Cyrillic is told by script
  EXPECT_EQ(guess_language("叙利亚 俄罗斯 美国"), kEnglish);
  // Place names: "Los" five times is one word of Spanish in a list of English ones.
  EXPECT_EQ(guess_language("Dental Insurance Los Altos\nDental Insurance Los Altos Hills\nDental Insurance Los "
                           "Gatos\nDental Insurance San Jose\nLos Banos\nLos Gatos"),
            kEnglish);
  // One-letter words are no evidence: "d" and "l" are French, but also the ends of "%3D" and "L.A.".
  EXPECT_EQ(guess_language("jump%3Bdcopt%3Dist%3Bsect%3Dheadlines L A d l m n s t y c j D L"), kEnglish);
  // A German quotation inside an English article leaves the article English.
  EXPECT_EQ(code_of("The chancellor said on Monday that the talks were not over. \"Wir sind noch nicht am Ende, "
                    "und wir werden weiter reden\", she told reporters in Berlin, where the leaders of the "
                    "coalition had met for the whole of the weekend."),
            "en");
}

TEST(GuessLanguage, ReadsOnlyTheStartOfAHugeText) {
  std::string text;
  while (text.size() < 100 * 1024) text += "Die Regierung und der Präsident haben sich nicht geäußert. ";
  const std::string german = text;
  while (text.size() < 400 * 1024) text += "The government and the president did not comment on it. ";
  EXPECT_EQ(language_code(guess_language(german)), "de");
  EXPECT_EQ(language_code(guess_language(text)), "de");  // the English tail is past the sample
  // The 64 KB mark falls inside a two-byte letter ("ä") of a word that begins
  // before it: that word counts, whole; the German words after it do not.
  std::string cut(64 * 1024 - 1, 'x');
  cut += "ä und der die nicht auch";
  EXPECT_EQ(guess_language(cut), kEnglish);
  EXPECT_EQ(tokenize(cut).language, kEnglish);
  EXPECT_EQ(language_code(guess_language("und der die nicht auch " + cut)), "de");
}

TEST(Language, CodesNamesAndTheLanguageOfAWord) {
  EXPECT_EQ(language_code(kEnglish), "en");
  EXPECT_EQ(language_code(russian()), "ru");
  EXPECT_EQ(language_from_code("xx"), kEnglish);
  const Language de = language_from_code("de");
  EXPECT_NE(de, kEnglish);
  EXPECT_STREQ(stemmer_name(kEnglish), "english");
  EXPECT_STREQ(stemmer_name(de), "german");
  EXPECT_STREQ(stemmer_name(russian()), "russian");
  EXPECT_EQ(word_language("kerry", de), de);
  EXPECT_EQ(word_language(normalize_word("Präsident"), kEnglish), kEnglish);
  EXPECT_EQ(word_language(normalize_word("Москва"), de), russian());
  EXPECT_EQ(word_language(normalize_word("Αθήνα"), de), kNoLanguage);
  EXPECT_EQ(word_language("2015", de), kNoLanguage);
}

TEST(Language, FunctionWordsOfEachLanguage) {
  const Language de = language_from_code("de"), fr = language_from_code("fr");
  EXPECT_TRUE(is_function_word("the", kEnglish));
  EXPECT_FALSE(is_function_word("und", kEnglish));
  EXPECT_TRUE(is_function_word("und", de));
  EXPECT_FALSE(is_function_word("the", de));
  EXPECT_TRUE(is_function_word(normalize_word("daß"), de));  // listed as "daß", normalized "dass"
  EXPECT_TRUE(is_function_word(normalize_word("à"), fr));
  EXPECT_FALSE(is_function_word("präsident", de));
  // Cyrillic words are Russian's in a text of any language.
  EXPECT_TRUE(is_function_word(normalize_word("и"), kEnglish));
  EXPECT_TRUE(is_function_word(normalize_word("что"), de));
  EXPECT_FALSE(is_function_word(normalize_word("москва"), kEnglish));
  EXPECT_FALSE(is_function_word(normalize_word("και"), kEnglish));  // Greek: no list
}

}  // namespace
}  // namespace reuselens
