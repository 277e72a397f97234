// normalize_code cases as data: input -> expected.
#include <gtest/gtest.h>

#include "codeloom/data/normalize.h"

namespace codeloom::data {
namespace {

struct Case {
  const char* input;
  const char* expected;
};

TEST(Normalize, Cases) {
  const Case cases[] = {
      {"", ""},
      {"\n\n  \n", ""},
      {"x = 1", "x = 1\n"},
      {"\tif x:  \r\n\t\treturn 1\r\n", "        if x:\n                return 1\n"},
      {"\t  a\n      b\n", "          a\n      b\n"},  // GNU mix: tab = 8 columns
      {"a\r\rb\n", "a\n\nb\n"},
      {"\n\nf()\n\n\n", "f()\n"},
      {"  \tx\t= '\t'\t \n", "        x\t= '\t'\n"},  // to the next tab stop; inner tabs kept
      {"a\n\n\nb", "a\n\n\nb\n"},
  };
  for (const auto& c : cases) EXPECT_EQ(normalize_code(c.input), c.expected) << "input: " << c.input;
  EXPECT_EQ(normalize_code("\tx\n", {.tab_width = 4}), "    x\n");
}

TEST(Normalize, HashIsStableAndHexIsFixedWidth) {
  EXPECT_EQ(content_hash(""), 0xEF46DB3751D8E999ull);  // XXH64("", 0), the published test vector
  EXPECT_NE(content_hash("a"), content_hash("b"));
  EXPECT_EQ(hash_hex(0x1ull), "0000000000000001");
  EXPECT_EQ(hash_hex(0xEF46DB3751D8E999ull), "ef46db3751d8e999");
}

}  // namespace
}  // namespace codeloom::data
