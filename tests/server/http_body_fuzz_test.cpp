// Bounded, seeded fuzzing of HTTP request bodies (fuzz/http_body_target.h)
// against a real `codeloom serve` process: the corpus in
// tests/data/fuzz/http_body/ and seeded mutations of it (JSON shapes with
// mutated values, deep nesting, huge numbers, invalid UTF-8), each POSTed to
// every POST endpoint. No 5xx, no lost connection, the server survives.
#include <gtest/gtest.h>

#include <chrono>

#include "http_body_target.h"
#include "server_process.h"
#include "support/mutator.h"

namespace codeloom::testing {
namespace {

std::string printable(const std::string& s) {
  std::string out;
  for (unsigned char c : s.substr(0, 400)) {
    if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      char b[8];
      std::snprintf(b, sizeof b, "\\x%02x", c);
      out += b;
    }
  }
  return out;
}

TEST(HttpBodyFuzz, EveryPostEndpointSurvivesMutatedBodies) {
  std::string err;
  auto srv = ServerProcess::start({"--model", server_test_model(), "--slots", "2", "--default-max-tokens", "1",
                                   "--max-tokens-limit", "2", "--max-n", "2", "--max-body-bytes", "65536",
                                   "--queue-size", "64", "--log-requests", "false"},
                                  &err);
  ASSERT_NE(srv, nullptr) << err;
  test::Mutator m(/*seed=*/1717, {"{", "}", "[", "]", "\"", ":", ",", "null", "true", "-0", "1e999999", "-1e999999",
                                  "1e-400", std::string(400, '9'), "18446744073709551616", "\"\\ud800\"", "\\u0000",
                                  "\xff", "\xc0\x80", "\xed\xa0\x80", "[[[[[[[[", "{\"a\":{\"a\":", "\"prompt\"",
                                  "\"messages\"", "\"input_prefix\"", "\"input_suffix\"", "\"input_extra\"",
                                  "\"max_tokens\"", "\"n_predict\"", "\"n\"", "\"stream\"", "\"stop\"", "\"role\"",
                                  "\"content\"", "\"suffix\"", "\"event\"", "\"response_fields\"", "\"logprobs\""});
  int failures = 0;
  const auto runs = test::fuzz_corpus(
      std::string(CODELOOM_TEST_DATA_DIR) + "/fuzz/http_body", m, /*iterations=*/3000, std::chrono::seconds(12),
      [&](const std::string& body) {
        const auto v = fuzz::http_body(srv->port(), body);
        if (!v.ok && ++failures <= 5) ADD_FAILURE() << v.detail << "\n  body: " << printable(body);
      });
  EXPECT_EQ(failures, 0);
  EXPECT_GE(runs, 50u);
  EXPECT_EQ(http_get(srv->port(), "/health").status, 200) << srv->log();
  std::printf("http_body fuzz: %zu bodies x 4 endpoints\n", runs);
}

}  // namespace
}  // namespace codeloom::testing
