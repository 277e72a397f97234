#include "codeloom/server/settings.h"

#include <gtest/gtest.h>

#include <set>

namespace codeloom::server {
namespace {

TEST(Settings, RegistryCoversEveryNameOnceWithDocsAndDefaults) {
  std::set<std::string> names;
  for (const auto& s : settings_registry()) {
    EXPECT_TRUE(names.insert(s.name).second) << s.name;
    EXPECT_FALSE(s.doc.empty()) << s.name;
    // Applying the rendered default back is a no-op (defaults are valid values).
    Settings fresh;
    if (!s.secret && !(s.type == SettingType::kString && s.default_value.empty())) {
      EXPECT_TRUE(apply_setting(fresh, s.name, s.default_value)) << s.name;
      EXPECT_EQ(setting_value(fresh, s.name), s.default_value) << s.name;
    }
  }
  EXPECT_TRUE(names.count("host") && names.count("slots") && names.count("api_key") && names.count("queue_size"));
  EXPECT_EQ(Settings().host, "127.0.0.1");  // loopback only unless asked
  EXPECT_EQ(flag_name("queue_size"), "--queue-size");
}

TEST(Settings, ApplyFromTextChecksTypesAndRanges) {
  Settings s;
  EXPECT_TRUE(apply_setting(s, "slots", "4"));
  EXPECT_EQ(s.slots, 4);
  EXPECT_TRUE(apply_setting(s, "log_requests", "false"));
  EXPECT_FALSE(s.log_requests);
  auto bad = apply_setting(s, "slots", "4x");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("'slots' must be an integer"), std::string::npos);
  auto range = apply_setting(s, "slots", "0");
  ASSERT_FALSE(range);
  EXPECT_NE(range.error().message.find("between 1 and 64"), std::string::npos);
  EXPECT_FALSE(apply_setting(s, "log_requests", "maybe"));
  EXPECT_FALSE(apply_setting(s, "nonsense", "1"));
  EXPECT_TRUE(apply_setting(s, "api_key", "k"));
  EXPECT_EQ(setting_value(s, "api_key"), "***");  // secrets are never rendered
}

TEST(Settings, ConfigJson) {
  Settings s;
  ASSERT_TRUE(apply_config_json(s, R"({"port": 9000, "host": "0.0.0.0", "log_requests": false})", "cfg"));
  EXPECT_EQ(s.port, 9000);
  EXPECT_EQ(s.host, "0.0.0.0");
  EXPECT_FALSE(s.log_requests);
  auto wrong_type = apply_config_json(s, R"({"port": "9000"})", "cfg");
  ASSERT_FALSE(wrong_type);
  EXPECT_NE(wrong_type.error().message.find("'port' must be an integer"), std::string::npos);
  EXPECT_FALSE(apply_config_json(s, R"({"port": 70000})", "cfg"));
  EXPECT_FALSE(apply_config_json(s, R"([1])", "cfg"));
  EXPECT_FALSE(apply_config_json(s, R"({"port": )", "cfg"));
  auto unknown = apply_config_json(s, R"({"prot": 1})", "cfg");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("unknown setting 'prot'"), std::string::npos);
  EXPECT_EQ(apply_config_file(s, "/nonexistent/serve.json").error().code, ErrorCode::kNotFound);
}

TEST(Settings, CrossChecks) {
  Settings s;
  s.default_max_tokens = 500;
  s.max_tokens_limit = 100;
  EXPECT_FALSE(validate(s));
  Settings order;
  order.fim_order = "suffix-first";
  auto e = validate(order);
  ASSERT_FALSE(e);
  EXPECT_NE(e.error().message.find("fim_order"), std::string::npos);
  Settings kv;
  kv.kv_cache_type = "q4";
  e = validate(kv);
  ASSERT_FALSE(e);
  EXPECT_NE(e.error().message.find("kv_cache_type"), std::string::npos);
  for (const char* t : {"auto", "f16", "bf16", "f32"}) {
    kv.kv_cache_type = t;
    EXPECT_TRUE(validate(kv)) << t;
  }
}

}  // namespace
}  // namespace codeloom::server
