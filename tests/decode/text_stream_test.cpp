#include <gtest/gtest.h>

#include "codeloom/decode/text_stream.h"

namespace codeloom::decode {
namespace {

TEST(Utf8Assembler, HoldsSplitCharactersAndReplacesInvalidBytes) {
  Utf8Assembler u;
  EXPECT_EQ(u.feed("a\xF0\x9F"), "a");
  EXPECT_EQ(u.pending(), "\xF0\x9F");
  EXPECT_EQ(u.feed("\x98"), "");
  EXPECT_EQ(u.feed("\x80!"), "\xF0\x9F\x98\x80!");
  EXPECT_EQ(u.pending(), "");
  EXPECT_EQ(u.feed("\x80x"), "\xEF\xBF\xBDx");          // lone continuation byte
  EXPECT_EQ(u.feed("\xC3("), "\xEF\xBF\xBD(");          // lead byte without its continuation
  EXPECT_EQ(u.feed("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(u.feed("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong
}

TEST(StopScanner, FindsEarliestStopAcrossAppends) {
  StopScanner s({"</code>", "\n\n"});
  EXPECT_FALSE(s.append("x = 1</co"));
  EXPECT_EQ(s.stable_size(), 5u);  // "</co" might still become "</code>"
  EXPECT_FALSE(s.append("mment"));
  EXPECT_EQ(s.stable_size(), s.text().size());
  EXPECT_FALSE(s.append("\n"));
  EXPECT_EQ(s.stable_size(), s.text().size() - 1);
  EXPECT_TRUE(s.append("\nmore</code>"));
  EXPECT_EQ(s.text(), "x = 1</comment");
  EXPECT_TRUE(s.stopped());
  EXPECT_TRUE(s.append("ignored"));
  EXPECT_EQ(s.text(), "x = 1</comment");
}

TEST(StopScanner, OverlappingAndEmptyStops) {
  StopScanner s({"", "aab", "ab"});
  EXPECT_FALSE(s.append("xa"));
  EXPECT_EQ(s.stable_size(), 1u);
  EXPECT_FALSE(s.append("a"));
  EXPECT_EQ(s.stable_size(), 1u);  // "aa" is a prefix of "aab"
  EXPECT_TRUE(s.append("b"));
  EXPECT_EQ(s.text(), "x");        // "aab" starts before "ab"
  StopScanner none({});
  EXPECT_FALSE(none.append("anything"));
  EXPECT_EQ(none.stable_size(), 8u);
}

}  // namespace
}  // namespace codeloom::decode
