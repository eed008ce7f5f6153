#include "domain/text.h"

#include <gtest/gtest.h>

namespace campana::domain {
namespace {

std::string Name(std::string_view raw) {
  auto result = CheckDisplayName(raw);
  return result.ok() ? "ok: " + result.value()
                     : "rejected: " + result.rejection().message;
}

TEST(DisplayNameTest, AcceptsAndTrims) {
  EXPECT_EQ(Name("Ana"), "ok: Ana");
  EXPECT_EQ(Name("  José María \t"), "ok: José María");
  EXPECT_EQ(Name("李小龍"), "ok: 李小龍");
  EXPECT_EQ(Name("Zoë 👩🏽‍💻"),
            "ok: Zoë 👩🏽‍💻");  // emoji with a joiner are visible
}

TEST(DisplayNameTest, CountsCodePointsNotBytes) {
  const std::string forty_n(40, 'n');
  EXPECT_EQ(Name(forty_n), "ok: " + forty_n);
  EXPECT_EQ(Name(forty_n + "n"),
            "rejected: the name is longer than 40 characters");
  std::string forty_enye;
  for (int i = 0; i < 40; ++i) forty_enye += "ñ";  // 80 bytes, 40 code points
  EXPECT_EQ(Name(forty_enye), "ok: " + forty_enye);
}

TEST(DisplayNameTest, RejectsEmptyInvisibleAndControl) {
  EXPECT_EQ(Name(""), "rejected: the name is empty");
  EXPECT_EQ(Name("   "), "rejected: the name is empty");
  EXPECT_EQ(Name("\u200b\u200b"),
            "rejected: the name has no visible characters");
  EXPECT_EQ(Name("\u3164"),
            "rejected: the name has no visible characters");  // Hangul filler
  EXPECT_EQ(Name("\xc2\xad\u2060"),
            "rejected: the name has no visible characters");
  EXPECT_EQ(Name("Ana\nBeto"),
            "rejected: the name contains a control character");
  EXPECT_EQ(Name(std::string("A\0B", 3)),
            "rejected: the name contains a control character");
  EXPECT_EQ(Name("Ana\x7f"), "rejected: the name contains a control character");
}

TEST(DisplayNameTest, RejectsTextDirectionOverrides) {
  // U+202E turns "Ana gpj.exe" around on screen; names must read as typed.
  EXPECT_EQ(Name("Ana\u202egpj.exe"),
            "rejected: the name contains a text-direction control character");
  EXPECT_EQ(Name("\u2066x"),
            "rejected: the name contains a text-direction control character");
}

TEST(DisplayNameTest, RejectsInvalidUtf8) {
  EXPECT_EQ(Name("\xff"), "rejected: the name is not valid UTF-8");
  EXPECT_EQ(Name("\xc0\xaf"),
            "rejected: the name is not valid UTF-8");  // overlong '/'
  EXPECT_EQ(Name("\xed\xa0\x80"),
            "rejected: the name is not valid UTF-8");  // a surrogate
  EXPECT_EQ(Name("Ana\xe2\x82"),
            "rejected: the name is not valid UTF-8");  // truncated
  EXPECT_EQ(CheckDisplayName("\xff").rejection().code,
            RejectionCode::kInvalidName);
}

TEST(TextTest, AllowsLineBreaksButNotOtherControls) {
  auto ok = CheckText("una idea\notra idea", 100, "the answer");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok.value(), "una idea\notra idea");
  auto bell = CheckText("ding\a", 100, "the answer");
  ASSERT_FALSE(bell.ok());
  EXPECT_EQ(bell.rejection().Describe(),
            "InvalidArgument: the answer contains a control character");
  EXPECT_EQ(CheckText("abcdef", 5, "the answer").rejection().message,
            "the answer is longer than 5 characters");
}

TEST(TextTest, OptionalTextMayBeEmptyButNotInvisible) {
  EXPECT_EQ(CheckOptionalText("", 10, "the cell").value(), "");
  EXPECT_EQ(CheckOptionalText(" \n\u3000 ", 10, "the cell").value(), "")
      << "only white space: cleared";
  EXPECT_EQ(CheckOptionalText("  ya  ", 10, "the cell").value(), "ya");
  EXPECT_EQ(CheckOptionalText("\u200b", 10, "the cell").rejection().message,
            "the cell has no visible characters");
  EXPECT_EQ(CheckOptionalText("\xff", 10, "the cell").rejection().message,
            "the cell is not valid UTF-8");
  EXPECT_EQ(
      CheckOptionalText("abcdefghijk", 10, "the cell").rejection().message,
      "the cell is longer than 10 characters");
}

TEST(DisplayNameTest, NeedsALetterOrDigitAndMayNotBeARole) {
  std::string braille_blanks;
  for (int i = 0; i < 40; ++i) braille_blanks += "\u2800";
  EXPECT_EQ(Name(braille_blanks),
            "rejected: the name has no visible characters");
  EXPECT_EQ(Name("\u2800x\u2800"), "ok: \u2800x\u2800");
  EXPECT_EQ(Name("..."), "rejected: the name has no letter or digit");
  EXPECT_EQ(Name("\u2605\u2605"), "rejected: the name has no letter or digit");
  EXPECT_EQ(Name("\U0001F600"), "rejected: the name has no letter or digit");
  EXPECT_EQ(Name("7"), "ok: 7");
  EXPECT_EQ(Name("Facilitador"),
            "rejected: the name is a role's; choose your own name");
  EXPECT_EQ(Name("  PROYECTOR "),
            "rejected: the name is a role's; choose your own name");
  EXPECT_EQ(Name("Anfitri\u00f3n"),
            "rejected: the name is a role's; choose your own name");
  EXPECT_EQ(Name("F.a.c.i.l.i.t.a.d.o.r"),
            "rejected: the name is a role's; choose your own name");
  EXPECT_EQ(Name("Facilitadora Ana"), "ok: Facilitadora Ana");
  // Vietnamese stacks two marks on a letter; Zalgo dozens.
  EXPECT_EQ(Name("Nguye\u0302\u0303n"), "ok: Nguye\u0302\u0303n");
  EXPECT_EQ(Name("Z\u0300\u0301\u0302\u0303\u0304algo"),
            "rejected: the name has too many accents on one letter");
}

TEST(NameFoldTest, IgnoresCaseAccentsAndInvisibleCharacters) {
  EXPECT_EQ(NameFold("Jos\u00e9  P\u00c9REZ"), NameFold("jose perez"));
  EXPECT_EQ(NameFold("Ana\u200b"), NameFold("ana"));
  EXPECT_NE(NameFold("Ana"), NameFold("Ana B"));
  EXPECT_EQ(NameFold("\xff"), "\xff") << "invalid UTF-8 folds to itself";
}

}  // namespace
}  // namespace campana::domain
