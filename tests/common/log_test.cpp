#include "codeloom/common/log.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace codeloom {
namespace {

TEST(Log, SinkReceivesMessagesAtOrAboveLevelOnly) {
  std::vector<std::string> got;
  int evaluated = 0;
  auto count = [&] { ++evaluated; return 1; };
  log::set_sink([&](log::Level, std::string_view m) { got.emplace_back(m); });
  log::set_level(log::Level::kWarn);
  CODELOOM_LOG(kInfo, "hidden " << count());
  CODELOOM_LOG(kError, "shown " << 42);
  log::set_sink(nullptr);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0], "shown 42");
  EXPECT_EQ(evaluated, 0) << "messages below the level must not be formatted";
}

TEST(Log, ParseLevel) {
  log::Level l;
  EXPECT_TRUE(log::parse_level("debug", &l));
  EXPECT_EQ(l, log::Level::kDebug);
  EXPECT_FALSE(log::parse_level("verbose", &l));
}

}  // namespace
}  // namespace codeloom
