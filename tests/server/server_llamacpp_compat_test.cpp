// The llama.cpp-server behaviours editor clients depend on (issue 18), each
// checked against a real `codeloom serve` with the tiny test model. Requests
// that must generate use ignore_eos, so the old behaviour (e.g. n_predict
// ignored) cannot pass by an early end token.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "server_process.h"

namespace codeloom::testing {
namespace {

using nlohmann::json;

constexpr int kLimit = 40;       // --max-tokens-limit of the fixture's server
// Seeds whose 40 sampled tokens (tiny model, temperature 1) hold a newline and then text.
constexpr int kIndentSeed = 2;   // /infill of kInfill
constexpr int kLineSeed = 4;     // /v1/completions of "x = "

class CompatTest : public ::testing::Test {
 public:
  static int port() { return server_->port(); }

 protected:
  static void SetUpTestSuite() {
    std::string err;
    server_ = ServerProcess::start({"--model", server_test_model(), "--slots", "2", "--model-alias", "tiny",
                                    "--max-tokens-limit", std::to_string(kLimit), "--default-max-tokens", "16"},
                                   &err)
                  .release();
    ASSERT_NE(server_, nullptr) << err;
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static ServerProcess* server_;
};
ServerProcess* CompatTest::server_ = nullptr;

const char* kInfill = R"("input_prefix":"def add(a, b):\n","input_suffix":"\n\nprint(add(1, 2))\n","prompt":"    ")";

HttpResult infill(const std::string& fields) { return post_json(CompatTest::port(), "/infill", std::string("{") + kInfill + "," + fields + "}"); }

TEST_F(CompatTest, ModelIsIgnoredAsByLlamaCppsSingleModelServer) {
  // llama.vscode sends its ai_model default to /infill; OpenAI clients send their configured name.
  EXPECT_EQ(infill(R"("n_predict":2,"model":"google/gemini-2.5-flash")").status, 200);
  EXPECT_EQ(post_json(port(), "/v1/completions", R"({"prompt":"x","max_tokens":2,"model":"gpt-4"})").status, 200);
  EXPECT_EQ(post_json(port(), "/v1/chat/completions",
                      R"({"messages":[{"role":"user","content":"hi"}],"max_tokens":2,"model":"gpt-4"})")
                .status,
            200);
}

TEST(CompatStrictModel, StrictModelRejectsOtherModelsOnOpenAiEndpointsOnly) {
  std::string err;
  auto srv = ServerProcess::start({"--model", server_test_model(), "--slots", "1", "--model-alias", "tiny",
                                   "--strict-model", "true"},
                                  &err);
  ASSERT_TRUE(srv) << err;
  auto r = post_json(srv->port(), "/v1/completions", R"({"prompt":"x","max_tokens":2,"model":"gpt-4"})");
  EXPECT_EQ(r.status, 404) << r.body;
  EXPECT_EQ(r.json()["error"]["code"], "model_not_found");
  EXPECT_NE(r.body.find("strict-model"), std::string::npos) << r.body;
  EXPECT_EQ(post_json(srv->port(), "/v1/chat/completions",
                      R"({"messages":[{"role":"user","content":"hi"}],"max_tokens":2,"model":"gpt-4"})")
                .status,
            404);
  EXPECT_EQ(post_json(srv->port(), "/v1/completions", R"({"prompt":"x","max_tokens":2,"model":"tiny"})").status, 200);
  EXPECT_EQ(post_json(srv->port(), "/infill",
                      std::string("{") + kInfill + R"(,"n_predict":2,"model":"google/gemini-2.5-flash"})")
                .status,
            200);
}

std::string stops(int n) {
  json a = json::array();
  for (int i = 0; i < n; ++i) a.push_back("<stop" + std::to_string(i) + ">");
  return a.dump();
}

TEST_F(CompatTest, ManyStopStringsAreAccepted) {
  // Continue's autocomplete sends 12; llama.cpp has no limit; 256 is codeloom's bound.
  for (int n : {12, 256}) {
    auto r = post_json(port(), "/v1/completions", R"({"prompt":"x","max_tokens":2,"stop":)" + stops(n) + "}");
    EXPECT_EQ(r.status, 200) << n << " stop strings: " << r.body;
  }
  auto r = post_json(port(), "/v1/completions", R"({"prompt":"x","max_tokens":2,"stop":)" + stops(257) + "}");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_NE(r.body.find("at most 256"), std::string::npos) << r.body;
  EXPECT_EQ(r.json()["error"]["param"], "stop");
}

TEST_F(CompatTest, NCmplReturnsSeveralCompletions) {
  auto r = infill(R"("n_predict":6,"n_cmpl":3,"temperature":1.0,"seed":5)");
  ASSERT_EQ(r.status, 200) << r.body;
  const json a = r.json();
  ASSERT_TRUE(a.is_array()) << r.body;  // llama.cpp: an array when n_cmpl > 1
  ASSERT_GE(a.size(), 1u);
  ASSERT_LE(a.size(), 3u);
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i]["index"], i);
    EXPECT_TRUE(a[i]["content"].is_string());
  }
  EXPECT_TRUE(infill(R"("n_predict":2,"n_cmpl":1)").json().is_object());
  auto too_many = infill(R"("n_predict":2,"n_cmpl":9)");
  EXPECT_EQ(too_many.status, 400);
  EXPECT_EQ(too_many.json()["error"]["param"], "n_cmpl");
  // Streaming: every completion streams under its index and ends with its own final event.
  std::set<int> indices, finals;
  const int st = post_sse(port(), "/infill", std::string("{") + kInfill +
                                                 R"(,"n_predict":4,"n_cmpl":2,"ignore_eos":true,"temperature":1.0,"stream":true})",
                          [&](const std::string& d) {
                            const json e = json::parse(d);
                            indices.insert(e["index"].get<int>());
                            if (e["stop"].get<bool>()) finals.insert(e["index"].get<int>());
                            return true;
                          });
  EXPECT_EQ(st, 200);
  EXPECT_EQ(indices, (std::set<int>{0, 1}));
  EXPECT_EQ(finals, (std::set<int>{0, 1}));
}

TEST_F(CompatTest, NPredictZeroOnlyEvaluatesThePromptOnEveryEndpoint) {
  auto i = infill(R"("n_predict":0,"ignore_eos":true)");
  ASSERT_EQ(i.status, 200) << i.body;
  EXPECT_EQ(i.json()["tokens_predicted"], 0);
  EXPECT_EQ(i.json()["content"], "");
  EXPECT_GT(i.json()["tokens_evaluated"].get<int>(), 0);
  // llama.vim's instruct warm-up.
  auto c = post_json(port(), "/v1/chat/completions",
                     R"({"messages":[{"role":"user","content":"add a docstring"}],"n_predict":0,"ignore_eos":true})");
  ASSERT_EQ(c.status, 200) << c.body;
  EXPECT_EQ(c.json()["usage"]["completion_tokens"], 0) << c.body;
  EXPECT_EQ(c.json()["choices"][0]["message"]["content"], "");
  auto p = post_json(port(), "/v1/completions", R"({"prompt":"x = ","n_predict":0,"max_tokens":9,"ignore_eos":true})");
  ASSERT_EQ(p.status, 200) << p.body;
  EXPECT_EQ(p.json()["usage"]["completion_tokens"], 0) << p.body;  // n_predict wins over max_tokens, as llama.cpp
}

TEST_F(CompatTest, LimitAboveTheCapIsLoweredNotRejected) {
  // Continue sends max_tokens 4096 for models it does not know.
  auto p = post_json(port(), "/v1/completions", R"({"prompt":"x = ","max_tokens":4096,"ignore_eos":true})");
  ASSERT_EQ(p.status, 200) << p.body;
  EXPECT_EQ(p.json()["usage"]["completion_tokens"], kLimit);
  auto i = infill(R"("n_predict":100000,"ignore_eos":true)");
  ASSERT_EQ(i.status, 200) << i.body;
  EXPECT_EQ(i.json()["tokens_predicted"], kLimit);
  EXPECT_EQ(i.json()["generation_settings"]["n_predict"], kLimit);
}

TEST_F(CompatTest, LoraOnlyAsAnEmptyList) {
  EXPECT_EQ(infill(R"("n_predict":1,"lora":[])").status, 200);
  auto r = infill(R"("n_predict":1,"lora":[{"id":0,"scale":0.5}])");
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.json()["error"]["param"], "lora");
  EXPECT_NE(r.body.find("no adapters loaded"), std::string::npos) << r.body;
  auto chat = post_json(port(), "/v1/chat/completions",
                        R"({"messages":[{"role":"user","content":"hi"}],"lora":[{"id":0,"scale":0.5}]})");
  EXPECT_EQ(chat.status, 400) << chat.body;
  EXPECT_EQ(infill(R"("n_predict":1,"lora":3)").status, 400);
}

TEST_F(CompatTest, PropsSlotsAndGenerationSettingsNCtx) {
  auto props = http_get(port(), "/props");
  ASSERT_EQ(props.status, 200) << props.body;
  const int n_ctx = props.json()["default_generation_settings"]["n_ctx"].get<int>();
  EXPECT_GT(n_ctx, 0);
  EXPECT_EQ(props.json()["total_slots"], 2);
  EXPECT_EQ(props.json()["model_alias"], "tiny");
  EXPECT_EQ(http_get(port(), "/v1/props?model=tiny&autoload=false").status, 200);  // llama.vscode's form
  auto slots = http_get(port(), "/slots");
  ASSERT_EQ(slots.status, 200) << slots.body;
  ASSERT_EQ(slots.json().size(), 2u);
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(slots.json()[i]["id"], i);
    EXPECT_EQ(slots.json()[i]["n_ctx"], n_ctx);
    EXPECT_EQ(slots.json()[i]["is_processing"], false);
  }
  auto r = infill(R"("n_predict":1)");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["generation_settings"]["n_ctx"], n_ctx);  // llama.vscode's status bar
}

// llama.cpp's n_indent rule, written independently of the server's: the cut
// after the indentation of the first later line that has too little of it.
std::string cut_by_indent(const std::string& text, int n_indent) {
  std::size_t nl = text.find('\n');
  while (nl != std::string::npos) {
    std::size_t pos = nl + 1;
    int indent = 0;
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos, ++indent;
    if (pos < text.size() && indent < n_indent) return text.substr(0, pos);
    nl = text.find('\n', pos);
  }
  return text;
}

// The same request with and without a field: the seed makes both sample the
// same tokens, so the one with the field must be the other cut where the
// field says — and the one without must need the cut (else the case proves nothing).
TEST_F(CompatTest, NIndentEndsTheCompletionAsLlamaCpp) {
  const std::string base = R"("n_predict":40,"ignore_eos":true,"temperature":1.0,"seed":)" + std::to_string(kIndentSeed);
  auto free_run = infill(base);
  ASSERT_EQ(free_run.status, 200) << free_run.body;
  const std::string full = free_run.json()["content"];
  const std::string expected = cut_by_indent(full, 100);
  ASSERT_LT(expected.size(), full.size()) << "the seed no longer gives a multi-line completion: " << json(full).dump();
  auto cut = infill(base + R"(,"n_indent":100)");
  ASSERT_EQ(cut.status, 200) << cut.body;
  EXPECT_EQ(cut.json()["content"], expected) << "from " << json(full).dump();
  EXPECT_EQ(cut.json()["generation_settings"]["n_indent"], 100);
}

TEST_F(CompatTest, LineScopeEndsAtTheEndOfTheLine) {
  const std::string base =
      R"({"prompt":"x = ","max_tokens":40,"ignore_eos":true,"temperature":1.0,"seed":)" + std::to_string(kLineSeed);
  auto free_run = post_json(port(), "/v1/completions", base + "}");
  ASSERT_EQ(free_run.status, 200) << free_run.body;
  const std::string full = free_run.json()["choices"][0]["text"];
  const std::size_t text_at = full.find_first_not_of(" \t\r\n");
  const std::size_t nl = text_at == std::string::npos ? std::string::npos : full.find('\n', text_at);
  ASSERT_NE(nl, std::string::npos) << "the seed no longer gives a multi-line completion: " << json(full).dump();
  std::string expected = full.substr(0, nl);
  if (!expected.empty() && expected.back() == '\r') expected.pop_back();
  auto line = post_json(port(), "/v1/completions", base + R"(,"codeloom_scope":"line"})");
  ASSERT_EQ(line.status, 200) << line.body;
  EXPECT_EQ(line.json()["choices"][0]["text"], expected) << "from " << json(full).dump();
}

TEST_F(CompatTest, CodeloomScopeAndLanguage) {
  auto no_lang = infill(R"("n_predict":4,"codeloom_scope":"block")");
  EXPECT_EQ(no_lang.status, 400) << no_lang.body;
  EXPECT_EQ(no_lang.json()["error"]["param"], "codeloom_scope");
  EXPECT_NE(no_lang.body.find("codeloom_language"), std::string::npos);
  EXPECT_EQ(infill(R"("n_predict":4,"codeloom_scope":"paragraph")").status, 400);
  EXPECT_EQ(infill(R"("n_predict":4,"codeloom_language":"cobol")").status, 400);
  // The language from the file name, else from input_extra's file names.
  EXPECT_EQ(infill(R"("n_predict":4,"codeloom_scope":"block","filename":"src/add.py")").status, 200);
  EXPECT_EQ(infill(R"("n_predict":4,"codeloom_scope":"block","input_extra":[{"filename":"lib/x.py","text":"x = 1\n"}])").status,
            200);
  EXPECT_EQ(post_json(port(), "/v1/completions",
                      R"({"prompt":"def f():\n","max_tokens":4,"codeloom_scope":"block","codeloom_language":"python"})")
                .status,
            200);
}

}  // namespace
}  // namespace codeloom::testing
