#include "reuselens/language.hpp"

#include <string>
#include <utility>

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

// Languages whose lists come from Lucene's analyzers, and languages of other
// scripts: Cyrillic, Arabic script and Devanagari each serve more than one.
TEST(GuessLanguage, TellsLanguagesOfLucenesListsAndOtherScripts) {
  const std::pair<const char*, const char*> texts[] = {
      {"ca", "Rússia, que està reforçant la seva presència militar a Síria, es va afanyar a dir que Moscou també "
             "estava preparada per a converses amb els Estats Units. Ell va dir que això no és un problema."},
      {"eu", "Errusiak, Sirian bere presentzia militarra indartzen ari denak, azkar esan zuen Moskua ere prest "
             "zegoela Estatu Batuekin hitz egiteko. Bere ustez hori ez da arazo bat, eta horregatik ez dute ezer "
             "esan."},
      {"ga", "Bhí an Rúis, atá ag cur lena láithreacht mhíleata sa tSiria, sciobtha le rá go raibh Moscó réidh "
             "freisin le haghaidh cainte leis na Stáit Aontaithe. Dúirt sé nach fadhb é sin."},
      {"lt", "Rusija, kuri stiprina savo karinį buvimą Sirijoje, greitai pareiškė, kad Maskva taip pat yra "
             "pasirengusi deryboms su Jungtinėmis Valstijomis. Jis sakė, kad tai nėra problema."},
      {"tr", "Suriye'deki askeri varlığını artıran Rusya, Moskova'nın da ABD ile görüşmelere hazır olduğunu "
             "söylemekte acele etti. Bunun bir sorun olmadığını ve bu konuda çok şey yapılacağını söyledi."},
      {"cs", "Rusko, které buduje svou vojenskou přítomnost v Sýrii, rychle prohlásilo, že Moskva je také "
             "připravena na rozhovory se Spojenými státy. Řekl, že to není problém a že se o tom bude jednat."},
      {"ru", "Россия, которая наращивает военное присутствие в Сирии, поспешила заявить, что Москва также "
             "готова к переговорам с Соединенными Штатами. Он сказал, что это не проблема."},
      {"bg", "Русия, която изгражда военно присъствие в Сирия, побърза да каже, че Москва също е готова за "
             "преговори със Съединените щати. Той каза, че това не е проблем."},
      {"el", "Η Ρωσία, η οποία ενισχύει τη στρατιωτική της παρουσία στη Συρία, έσπευσε να πει ότι η Μόσχα "
             "είναι επίσης έτοιμη για συνομιλίες με τις Ηνωμένες Πολιτείες. Είπε ότι αυτό δεν είναι πρόβλημα."},
      {"hy", "Ռուսաստանը, որը ուժեղացնում է իր ռազմական ներկայությունը Սիրիայում, շտապեց ասել, որ Մոսկվան "
             "նույնպես պատրաստ է բանակցությունների Միացյալ Նահանգների հետ: Նա ասաց, որ դա խնդիր չէ:"},
      {"ar", "سارعت روسيا، التي تعزز وجودها العسكري في سوريا، إلى القول إن موسكو مستعدة أيضا لإجراء محادثات "
             "مع الولايات المتحدة. وقال إن هذا ليس مشكلة على الإطلاق."},
      {"fa", "روسیه که حضور نظامی خود را در سوریه تقویت می‌کند، به سرعت گفت که مسکو نیز برای گفتگو با ایالات "
             "متحده آماده است. او گفت که این مشکلی نیست."},
      {"hi", "रूस, जो सीरिया में अपनी सैन्य उपस्थिति बढ़ा रहा है, ने जल्दी से कहा कि मास्को भी संयुक्त राज्य "
             "अमेरिका के साथ बातचीत के लिए तैयार है। उसने कहा कि यह कोई समस्या नहीं है।"},
  };
  for (const auto& [code, text] : texts) EXPECT_EQ(code_of(text), code) << text;
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
  EXPECT_EQ(word_language("2015", de), kNoLanguage);
  EXPECT_EQ(word_language(normalize_word("ירושלים"), de), kNoLanguage);  // Hebrew: no list
  EXPECT_EQ(word_language(normalize_word("北京"), kEnglish), kNoLanguage);
}

TEST(Language, AWordsScriptSaysWhichLanguagesItMayBeOf) {
  const Language de = language_from_code("de"), el = language_from_code("el"), bg = language_from_code("bg"),
                 ar = language_from_code("ar"), fa = language_from_code("fa"), hi = language_from_code("hi"),
                 hy = language_from_code("hy");
  for (const Language l : {el, bg, ar, fa, hi, hy}) ASSERT_NE(l, kEnglish);
  // A script with one language: its words are of it in any text.
  EXPECT_EQ(word_language(normalize_word("Αθήνα"), de), el);
  EXPECT_EQ(word_language(normalize_word("Αθήνα"), kEnglish), el);
  EXPECT_EQ(word_language(normalize_word("Երևան"), kEnglish), hy);
  EXPECT_EQ(word_language(normalize_word("दिल्ली"), kEnglish), hi);
  // A script several languages write: the text's language when it is one of
  // them, else the script's first (Russian, Arabic).
  EXPECT_EQ(word_language(normalize_word("Москва"), bg), bg);
  EXPECT_EQ(word_language(normalize_word("Москва"), el), russian());
  EXPECT_EQ(word_language(normalize_word("تهران"), fa), fa);
  EXPECT_EQ(word_language(normalize_word("تهران"), kEnglish), ar);
  // Latin words in a text of another script are English.
  EXPECT_EQ(word_language("kerry", el), kEnglish);
  EXPECT_EQ(word_language("kerry", ar), kEnglish);
  // Stemmers: Snowball's where it has one, none for Bulgarian, Czech, Persian.
  EXPECT_STREQ(stemmer_name(el), "greek");
  EXPECT_STREQ(stemmer_name(ar), "arabic");
  EXPECT_STREQ(stemmer_name(hi), "hindi");
  EXPECT_EQ(stemmer_name(bg), nullptr);
  EXPECT_EQ(stemmer_name(fa), nullptr);
  EXPECT_EQ(stemmer_name(language_from_code("cs")), nullptr);
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
  // So are Greek words Greek's, and a Bulgarian text's Bulgarian's.
  EXPECT_TRUE(is_function_word(normalize_word("και"), kEnglish));
  EXPECT_TRUE(is_function_word(normalize_word("Και"), de));
  const Language bg = language_from_code("bg");
  EXPECT_TRUE(is_function_word(normalize_word("това"), bg));
  EXPECT_FALSE(is_function_word(normalize_word("това"), kEnglish));  // not a Russian word
  EXPECT_TRUE(is_function_word(normalize_word("في"), language_from_code("ar")));
  EXPECT_TRUE(is_function_word(normalize_word("में"), kEnglish));  // Hindi "in"
  EXPECT_FALSE(is_function_word(normalize_word("שלום"), kEnglish));  // Hebrew: no list
}

}  // namespace
}  // namespace reuselens
