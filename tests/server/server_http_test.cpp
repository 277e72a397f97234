// Black-box HTTP tests against a real `codeloom serve` on loopback with a tiny
// random-weight model (real Qwen vocabulary with FIM tokens).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <chrono>
#include <thread>

#include "server_process.h"
#include "support/run_process.h"
#include "support/tiny_model.h"

namespace codeloom::testing {
namespace {

using nlohmann::json;

class ServerHttpTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string err;
    server_ = ServerProcess::start({"--model", server_test_model(), "--slots", "2", "--model-alias", "tiny",
                                    "--max-body-bytes", "65536"},
                                   &err)
                  .release();
    ASSERT_NE(server_, nullptr) << err;
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  int port() const { return server_->port(); }
  static ServerProcess* server_;
};
ServerProcess* ServerHttpTest::server_ = nullptr;

TEST_F(ServerHttpTest, HealthModelsMetrics) {
  auto h = http_get(port(), "/health");
  ASSERT_EQ(h.status, 200) << h.body;
  EXPECT_EQ(h.json()["status"], "ok");
  EXPECT_EQ(h.json()["slots_idle"], 2);
  auto m = http_get(port(), "/v1/models");
  ASSERT_EQ(m.status, 200);
  EXPECT_EQ(m.json()["object"], "list");
  EXPECT_EQ(m.json()["data"][0]["id"], "tiny");
  EXPECT_EQ(m.json()["data"][0]["meta"]["fim"], true);
  auto mt = http_get(port(), "/metrics");
  ASSERT_EQ(mt.status, 200);
  EXPECT_NE(mt.content_type.find("text/plain"), std::string::npos);
  for (const char* name : {"codeloom_requests_total{endpoint=\"/health\",status=\"200\"}", "codeloom_queue_depth",
                           "codeloom_slots_busy", "codeloom_prefix_cache_hit_ratio", "codeloom_tokens_per_second",
                           "# TYPE codeloom_request_duration_seconds histogram"}) {
    EXPECT_NE(mt.body.find(name), std::string::npos) << name;
  }
}

TEST_F(ServerHttpTest, CompletionWithNCandidatesAndLogprobs) {
  auto r = post_json(port(), "/v1/completions",
                     R"({"model":"tiny","prompt":"def add(a, b):","max_tokens":6,"n":3,"logprobs":1,"seed":7})");
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = r.json();
  EXPECT_EQ(j["object"], "text_completion");
  EXPECT_EQ(j["id"].get<std::string>().rfind("cmpl-", 0), 0u);
  ASSERT_GE(j["choices"].size(), 2u);  // distinct random samples; duplicates are merged
  ASSERT_LE(j["choices"].size(), 3u);
  for (const auto& c : j["choices"]) {
    EXPECT_TRUE(c["text"].is_string());
    EXPECT_EQ(c["finish_reason"], "length");
    ASSERT_TRUE(c["logprobs"].is_object());
    EXPECT_EQ(c["logprobs"]["token_logprobs"].size(), 6u);
    for (const auto& lp : c["logprobs"]["token_logprobs"]) EXPECT_LE(lp.get<double>(), 0.0);
  }
  EXPECT_EQ(j["usage"]["completion_tokens"].get<int>(), 6 * static_cast<int>(j["choices"].size()));
}

TEST_F(ServerHttpTest, FimWithSuffixAndPromptCacheReuse) {
  const std::string body = R"({"prompt":"def add(a, b):\n    ","suffix":"\n\nprint(add(1, 2))\n","max_tokens":4,"temperature":0,"user":"u1"})";
  auto a = post_json(port(), "/v1/completions", body);
  ASSERT_EQ(a.status, 200) << a.body;
  auto b = post_json(port(), "/v1/completions", body);
  ASSERT_EQ(b.status, 200) << b.body;
  // Same prompt again: greedy gives the same text and the prompt comes from the slot's cache.
  EXPECT_EQ(a.json()["choices"][0]["text"], b.json()["choices"][0]["text"]);
  EXPECT_EQ(b.json()["usage"]["prompt_tokens_details"]["cached_tokens"], b.json()["usage"]["prompt_tokens"]);
}

TEST_F(ServerHttpTest, StreamingMatchesNonStreamingGreedy) {
  const std::string base = R"("prompt":"int main() {","max_tokens":12,"temperature":0)";
  auto plain = post_json(port(), "/v1/completions", "{" + base + "}");
  ASSERT_EQ(plain.status, 200) << plain.body;
  std::string streamed;
  int chunks = 0;
  bool done = false;
  std::string finish;
  const int status = post_sse(port(), "/v1/completions", "{" + base + R"(,"stream":true})", [&](const std::string& d) {
    if (d == "[DONE]") {
      done = true;
      return true;
    }
    const json j = json::parse(d);
    EXPECT_EQ(j["object"], "text_completion");
    streamed += j["choices"][0]["text"].get<std::string>();
    if (!j["choices"][0]["finish_reason"].is_null()) finish = j["choices"][0]["finish_reason"];
    ++chunks;
    return true;
  });
  EXPECT_EQ(status, 200);
  EXPECT_TRUE(done);
  EXPECT_GT(chunks, 2);
  EXPECT_EQ(finish, "length");
  EXPECT_EQ(streamed, plain.json()["choices"][0]["text"].get<std::string>());
}

TEST_F(ServerHttpTest, StreamingWithNCandidates) {
  std::map<int, std::string> texts;
  std::map<int, std::string> finish;
  const int status = post_sse(port(), "/v1/completions",
                              R"({"prompt":"x = ","max_tokens":5,"n":3,"stream":true,"seed":3})", [&](const std::string& d) {
                                if (d == "[DONE]") return true;
                                const json j = json::parse(d);
                                const int i = j["choices"][0]["index"];
                                texts[i] += j["choices"][0]["text"].get<std::string>();
                                if (!j["choices"][0]["finish_reason"].is_null()) finish[i] = j["choices"][0]["finish_reason"];
                                return true;
                              });
  EXPECT_EQ(status, 200);
  EXPECT_EQ(texts.size(), 3u);
  EXPECT_EQ(finish.size(), 3u);
}

TEST_F(ServerHttpTest, ChatCompletionAndStream) {
  const std::string body = R"({"messages":[{"role":"system","content":"You write code."},{"role":"user","content":"add two numbers in python"}],"max_tokens":6})";
  auto r = post_json(port(), "/v1/chat/completions", body);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["object"], "chat.completion");
  EXPECT_EQ(r.json()["choices"][0]["message"]["role"], "assistant");
  EXPECT_TRUE(r.json()["choices"][0]["message"]["content"].is_string());
  bool role_first = false, done = false;
  int n = 0;
  post_sse(port(), "/v1/chat/completions", body.substr(0, body.size() - 1) + R"(,"stream":true})", [&](const std::string& d) {
    if (d == "[DONE]") {
      done = true;
      return true;
    }
    const json j = json::parse(d);
    EXPECT_EQ(j["object"], "chat.completion.chunk");
    if (n++ == 0) role_first = j["choices"][0]["delta"].value("role", "") == "assistant";
    return true;
  });
  EXPECT_TRUE(role_first);
  EXPECT_TRUE(done);
}

// The request and response shape llama.vim sends and reads (llama.cpp server's /infill).
TEST_F(ServerHttpTest, InfillLlamaCppFormat) {
  const json req = {{"input_prefix", "import os\n\ndef main():\n"},
                    {"input_suffix", "\n    return 0\n"},
                    {"input_extra", {{{"filename", "util.py"}, {"text", "def helper():\n    pass\n"}}}},
                    {"prompt", "    x = "},
                    {"n_predict", 8},
                    {"stop", json::array()},
                    {"n_indent", 4},
                    {"top_k", 40},
                    {"top_p", 0.9},
                    {"samplers", {"top_k", "top_p", "infill"}},
                    {"stream", false},
                    {"cache_prompt", true},
                    {"t_max_prompt_ms", 500},
                    {"t_max_predict_ms", 1000}};
  auto r = post_json(port(), "/infill", req.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const json j = r.json();
  for (const char* k : {"content", "stop", "model", "tokens_predicted", "tokens_evaluated", "generation_settings",
                        "has_new_line", "truncated", "stop_type", "stopping_word", "tokens_cached", "timings", "id_slot"}) {
    EXPECT_TRUE(j.contains(k)) << k;
  }
  EXPECT_TRUE(j["content"].is_string());
  EXPECT_EQ(j["stop"], true);
  for (const char* k : {"prompt_n", "prompt_ms", "prompt_per_second", "predicted_n", "predicted_ms", "predicted_per_second"}) {
    EXPECT_TRUE(j["timings"].contains(k)) << k;
  }
  // llama.vim asks for a subset with response_fields ("a/b" paths, keyed by the path).
  json sub = req;
  sub["response_fields"] = {"content", "timings/prompt_n", "tokens_cached", "truncated"};
  auto s = post_json(port(), "/infill", sub.dump());
  ASSERT_EQ(s.status, 200) << s.body;
  EXPECT_EQ(s.json().size(), 4u) << s.body;
  EXPECT_TRUE(s.json().contains("timings/prompt_n"));
  // Streaming: content deltas, then a final event with stop = true.
  sub.erase("response_fields");
  sub["stream"] = true;
  bool saw_stop = false;
  std::string text;
  post_sse(port(), "/infill", sub.dump(), [&](const std::string& d) {
    const json e = json::parse(d);
    text += e["content"].get<std::string>();
    saw_stop = saw_stop || e["stop"].get<bool>();
    return true;
  });
  EXPECT_TRUE(saw_stop);
  // Missing input_suffix: llama.cpp's message.
  auto bad = post_json(port(), "/infill", R"({"input_prefix":"x"})");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("input_suffix"), std::string::npos);
}

TEST_F(ServerHttpTest, BadRequestsGivePreciseErrors) {
  struct Case {
    const char* path;
    std::string body;
    int status;
    const char* needle;
  };
  const std::vector<Case> cases = {
      {"/v1/completions", "{\"prompt\": \"x\",", 400, "not valid JSON"},
      {"/v1/completions", "[1,2]", 400, "must be a JSON object"},
      {"/v1/completions", "", 400, "empty"},
      {"/v1/completions", R"({"max_tokens":3})", 400, "'prompt' is required"},
      {"/v1/completions", R"({"prompt":"x","max_tokens":"3"})", 400, "'max_tokens' must be an integer, got a string"},
      {"/v1/completions", R"({"prompt":"x","max_tokens":-1})", 400, "'max_tokens' must be between"},
      {"/v1/completions", R"({"prompt":"x","temperature":"hot"})", 400, "'temperature' must be a number"},
      {"/v1/completions", R"({"prompt":"x","top_p":1.5})", 400, "'top_p' must be between"},
      {"/v1/completions", R"({"prompt":"x","n":1000})", 400, "'n' must be between"},
      {"/v1/completions", R"({"prompt":"x","stream":"yes"})", 400, "'stream' must be true or false"},
      {"/v1/completions", R"({"prompt":"x","stop":[1]})", 400, "'stop' must be a string or an array of strings"},
      {"/v1/completions", R"({"prompt":["a","b"]})", 400, "exactly one string"},
      {"/v1/chat/completions", R"({"messages":"hi"})", 400, "'messages' must be a non-empty array"},
      {"/v1/chat/completions", R"({"messages":[{"role":"wizard","content":"x"}]})", 400, "role must be"},
      {"/v1/feedback", R"({"completion_id":"cmpl-x","event":"liked"})", 400, "'event' must be shown, accepted"},
      {"/v1/feedback", R"({"event":"shown"})", 400, "'completion_id' is required"},
      {"/infill", R"({"input_prefix":"a","input_suffix":"b","input_extra":[{"text":1}]})", 400, "input_extra"},
      // Issue 17.7: numbers no double holds gave 500 on every POST endpoint.
      {"/v1/completions", R"({"prompt":"x","temperature":1e999999})", 400, "too large to represent"},
      {"/v1/completions", R"({"prompt":"x","max_tokens":)" + std::string(5000, '7') + "}", 400, "too large to represent"},
      {"/v1/chat/completions", R"({"messages":[{"role":"user","content":"x"}],"top_p":-1e999999})", 400,
       "too large to represent"},
      {"/infill", R"({"input_prefix":"a","input_suffix":"b","n_predict":)" + std::string(5000, '9') + "}", 400,
       "too large to represent"},
      {"/v1/feedback", R"({"completion_id":"cmpl-x","event":"shown","timestamp_ms":1E+999999})", 400,
       "too large to represent"},
      {"/v1/completions", std::string(60000, '['), 400, "deeper than 128 levels"},
  };
  for (const auto& c : cases) {
    auto r = post_json(port(), c.path, c.body);
    EXPECT_EQ(r.status, c.status) << c.path << " " << c.body << " -> " << r.body;
    EXPECT_NE(r.body.find(c.needle), std::string::npos) << c.body << " -> " << r.body;
    EXPECT_TRUE(r.json().contains("error")) << r.body;
  }
  // An unknown "model" is not an error unless --strict-model (server_llamacpp_compat_test.cpp).
  auto wrong = post_json(port(), "/v1/completions", R"({"prompt":"x","max_tokens":"3"})");
  EXPECT_EQ(wrong.json()["error"]["param"], "max_tokens");
  // Larger than --max-body-bytes 65536.
  auto big = post_json(port(), "/v1/completions", R"({"prompt":")" + std::string(70000, 'a') + "\"}");
  EXPECT_EQ(big.status, 413) << big.body;
  auto none = http_get(port(), "/v2/nothing");
  EXPECT_EQ(none.status, 404);
  // Still serving after all that.
  EXPECT_EQ(http_get(port(), "/health").status, 200);
}

TEST_F(ServerHttpTest, FeedbackEventsAreAcknowledged) {
  auto c = post_json(port(), "/v1/completions", R"({"prompt":"x","max_tokens":2,"user":"alice"})");
  ASSERT_EQ(c.status, 200);
  const std::string id = c.json()["id"];
  for (const char* ev : {"shown", "accepted", "rejected", "edited"}) {
    json body = {{"completion_id", id}, {"event", ev}, {"user", "alice"}, {"candidate_index", 0},
                 {"accepted_text", "y = 1"}, {"timestamp_ms", 1795330000000LL}};
    auto r = post_json(port(), "/v1/feedback", body.dump());
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json()["ok"], true);
  }
  // Events must join a served completion.
  auto orphan = post_json(port(), "/v1/feedback", R"({"completion_id":"cmpl-never-served","event":"shown"})");
  EXPECT_EQ(orphan.status, 404) << orphan.body;
  EXPECT_EQ(orphan.json()["error"]["param"], "completion_id");
  json bad_index = {{"completion_id", id}, {"event", "accepted"}, {"candidate_index", 7}};
  auto out_of_range = post_json(port(), "/v1/feedback", bad_index.dump());
  EXPECT_EQ(out_of_range.status, 400) << out_of_range.body;
}

TEST_F(ServerHttpTest, ClientDisconnectCancelsGeneration) {
  const double cancelled_before = metric(port(), "codeloom_requests_cancelled_total");
  const double generated_before = metric(port(), "codeloom_generated_tokens_total");
  int events = 0;
  post_sse(port(), "/v1/completions", R"({"prompt":"x","max_tokens":1500,"stream":true,"temperature":1})",
           [&](const std::string&) { return ++events < 3; });  // hang up after 3 events
  // The slot frees up long before 1,500 tokens would have been generated.
  bool idle = false;
  for (int i = 0; i < 200 && !idle; ++i) {
    idle = http_get(port(), "/health").json()["slots_processing"] == 0;
    if (!idle) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_TRUE(idle);
  EXPECT_EQ(metric(port(), "codeloom_requests_cancelled_total"), cancelled_before + 1);
  EXPECT_LT(metric(port(), "codeloom_generated_tokens_total") - generated_before, 1500);
}

// Sends a non-streaming request on a raw socket and hangs up after `wait`
// without reading the response (an editor discarding a stale completion).
void post_and_hang_up(int port, const std::string& path, const std::string& body, std::chrono::milliseconds wait) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  const std::string req = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                          "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  ASSERT_EQ(send(fd, req.data(), req.size(), 0), static_cast<ssize_t>(req.size()));
  std::this_thread::sleep_for(wait);
  close(fd);
}

TEST_F(ServerHttpTest, ClientDisconnectCancelsNonStreamingGeneration) {
  for (const char* path : {"/v1/completions", "/infill"}) {
    const double cancelled_before = metric(port(), "codeloom_requests_cancelled_total");
    const double generated_before = metric(port(), "codeloom_generated_tokens_total");
    const std::string body = std::string(path) == "/infill"
                                 ? R"({"input_prefix":"def f(x):\n","input_suffix":"\n","n_predict":1500,"temperature":1})"
                                 : R"({"prompt":"x","max_tokens":1500,"temperature":1})";
    post_and_hang_up(port(), path, body, std::chrono::milliseconds(200));
    bool idle = false;
    for (int i = 0; i < 200 && !idle; ++i) {
      idle = http_get(port(), "/health").json()["slots_processing"] == 0 &&
             metric(port(), "codeloom_requests_cancelled_total") == cancelled_before + 1;
      if (!idle) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_TRUE(idle) << path;
    EXPECT_EQ(metric(port(), "codeloom_requests_cancelled_total"), cancelled_before + 1) << path;
    EXPECT_LT(metric(port(), "codeloom_generated_tokens_total") - generated_before, 1500) << path;
  }
  // A client that stays gets its answer as before.
  auto ok = post_json(port(), "/v1/completions", R"({"prompt":"x","max_tokens":4})");
  EXPECT_EQ(ok.status, 200) << ok.body;
}

TEST(ServerOptions, ApiKeyRequiredExceptHealth) {
  std::string err;
  auto srv = ServerProcess::start({"--model", server_test_model(), "--slots", "1", "--api-key", "s3cret"}, &err);
  ASSERT_NE(srv, nullptr) << err;
  EXPECT_EQ(http_get(srv->port(), "/health").status, 200);
  auto no = http_get(srv->port(), "/v1/models");
  EXPECT_EQ(no.status, 401);
  EXPECT_EQ(no.json()["error"]["code"], "invalid_api_key");
  EXPECT_EQ(http_get(srv->port(), "/v1/models", "wrong!").status, 401);
  EXPECT_EQ(http_get(srv->port(), "/v1/models", "s3cret").status, 200);
  EXPECT_EQ(post_json(srv->port(), "/v1/completions", R"({"prompt":"x","max_tokens":1})", "s3cret").status, 200);
  // The key never appears in the log.
  EXPECT_EQ(srv->log().find("s3cret"), std::string::npos);
}

TEST(ServerOptions, QueueFullGives429WithRetryAfter) {
  std::string err;
  auto srv = ServerProcess::start(
      {"--model", server_test_model(), "--slots", "1", "--queue-size", "0", "--retry-after-s", "3"}, &err);
  ASSERT_NE(srv, nullptr) << err;
  const int port = srv->port();
  // Occupy the only slot with a long stream, hang up once the 429 was seen.
  std::atomic<bool> got_429{false};
  std::thread busy([&] {
    post_sse(port, "/v1/completions", R"({"prompt":"x","max_tokens":1900,"stream":true})",
             [&](const std::string&) { return !got_429.load(); });
  });
  bool running = false;
  for (int i = 0; i < 400 && !running; ++i) {
    running = http_get(port, "/health").json()["slots_processing"] == 1;
    if (!running) std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  ASSERT_TRUE(running);
  auto r = post_json(port, "/v1/completions", R"({"prompt":"y","max_tokens":1})");
  got_429 = true;
  busy.join();
  EXPECT_EQ(r.status, 429) << r.body;
  EXPECT_EQ(r.retry_after, "3");
  EXPECT_EQ(r.json()["error"]["type"], "rate_limit_error");
  EXPECT_GE(metric(port, "codeloom_requests_rejected_total"), 1);
}

// llama.cpp's ignore_eos: the completion runs to n_predict instead of ending
// at the model's end token. codeloom-tiny ends this middle after a few tokens.
TEST(ServerOptions, InfillIgnoreEosRunsToNPredict) {
  std::string err;
  auto srv = ServerProcess::start(
      {"--model", std::string(CODELOOM_SOURCE_DIR) + "/models/codeloom-tiny.gguf", "--slots", "1"}, &err);
  ASSERT_NE(srv, nullptr) << err;
  json req = {{"input_prefix", "def add(a, b):\n    return "}, {"input_suffix", "\n\nprint(add(1, 2))\n"},
              {"n_predict", 24}, {"temperature", 0}};
  auto plain = post_json(srv->port(), "/infill", req.dump());
  ASSERT_EQ(plain.status, 200) << plain.body;
  ASSERT_LT(plain.json()["tokens_predicted"].get<int>(), 24) << plain.body;
  EXPECT_EQ(plain.json()["stop_type"], "eos") << plain.body;
  req["ignore_eos"] = true;
  auto full = post_json(srv->port(), "/infill", req.dump());
  ASSERT_EQ(full.status, 200) << full.body;
  EXPECT_EQ(full.json()["tokens_predicted"], 24) << full.body;
  EXPECT_EQ(full.json()["stop_type"], "limit") << full.body;
  // The same greedy path up to where the plain completion ended.
  EXPECT_TRUE(full.json()["content"].get<std::string>().starts_with(plain.json()["content"].get<std::string>()));
  req["ignore_eos"] = "yes";
  EXPECT_EQ(post_json(srv->port(), "/infill", req.dump()).status, 400);
}

TEST(ServerOptions, SigtermDrainsInFlightRequests) {
  std::string err;
  auto srv = ServerProcess::start({"--model", server_test_model(), "--slots", "1"}, &err);
  ASSERT_NE(srv, nullptr) << err;
  const int port = srv->port();
  HttpResult result;
  std::thread client([&] {
    result = post_json(port, "/v1/completions", R"({"prompt":"x","max_tokens":300,"temperature":1})");
  });
  bool running = false;
  for (int i = 0; i < 400 && !running; ++i) {
    running = http_get(port, "/health").json()["slots_processing"] == 1;
    if (!running) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_TRUE(running);
  EXPECT_EQ(srv->stop(SIGTERM), 0) << srv->log();
  client.join();
  EXPECT_EQ(result.status, 200) << result.body;  // finished, not cut off
  EXPECT_EQ(result.json()["usage"]["completion_tokens"], 300);
}

TEST(ServerOptions, ConfigFileAndBadSettings) {
  const std::string dir = make_temp_dir("codeloom-serve-config");
  const std::string cfg = dir + "/serve.json";
  std::ofstream(cfg) << R"({"slots": 1, "model_alias": "from-config", "queue_size": 2})";
  std::string err;
  auto srv = ServerProcess::start({"--model", server_test_model(), "--config", cfg, "--model-alias", "from-flag"}, &err);
  ASSERT_NE(srv, nullptr) << err;
  // The flag wins over the file; the file's slots applied.
  EXPECT_EQ(http_get(srv->port(), "/v1/models").json()["data"][0]["id"], "from-flag");
  EXPECT_EQ(http_get(srv->port(), "/health").json()["slots_idle"], 1);
  srv.reset();

  std::ofstream(cfg) << R"({"slots": 1, "colour": "blue"})";
  auto bad = run_process({std::string(CODELOOM_BINARY_DIR) + "/bin/codeloom", "serve", "--config", cfg, "--model",
                          server_test_model()});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->exit_code, 2);
  EXPECT_NE(bad->err.find("unknown setting 'colour'"), std::string::npos) << bad->err;
  auto bad_flag = run_process({std::string(CODELOOM_BINARY_DIR) + "/bin/codeloom", "serve", "--slots", "many"});
  ASSERT_TRUE(bad_flag);
  EXPECT_EQ(bad_flag->exit_code, 2);
  EXPECT_NE(bad_flag->err.find("'slots' must be an integer"), std::string::npos) << bad_flag->err;
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace codeloom::testing
