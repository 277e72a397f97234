#include "codeloom/common/text.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace codeloom {
namespace {

TEST(Utf8, AcceptsValidText) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("def f(x):\n    return x  # ünïcödé → 😀\n"));
}

TEST(Utf8, RejectsMalformedSequencesWithOffset) {
  std::size_t off = 99;
  EXPECT_FALSE(is_valid_utf8(std::string("ab\xC3", 3), &off));  // truncated
  EXPECT_EQ(off, 2u);
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF", &off));  // overlong '/'
  EXPECT_EQ(off, 0u);
  EXPECT_FALSE(is_valid_utf8("x\xED\xA0\x80", &off));  // UTF-16 surrogate
  EXPECT_EQ(off, 1u);
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // > U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xFF"));
}

TEST(CheckText, BinaryAndInvalidUtf8HaveActionableMessages) {
  Status s = check_text(std::string("abc\0def", 7), "stdin");
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("binary"), std::string::npos);
  s = check_text("line1\nline2 \xFF\n", "input.py");
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("line 2"), std::string::npos);
  EXPECT_TRUE(check_text("plain", "x"));
}

TEST(ReadTextFile, ReportsMissingDirectoryAndTooLarge) {
  auto missing = read_text_file("/nonexistent/codeloom/file.py");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  auto dir = read_text_file(std::filesystem::temp_directory_path().string());
  ASSERT_FALSE(dir);
  EXPECT_EQ(dir.error().code, ErrorCode::kInvalidArgument);  // bad input: exit 2

  const auto path = std::filesystem::temp_directory_path() / "codeloom_text_test.py";
  { std::ofstream(path) << "print('hi')\n"; }
  auto ok = read_text_file(path.string());
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(*ok, "print('hi')\n");
  auto big = read_text_file(path.string(), 4);
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code, ErrorCode::kOutOfRange);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace codeloom
