// `codeloom serve` against hostile and broken clients, over real loopback
// HTTP: malformed framing (a table of raw requests in
// tests/data/server/raw_requests.txt), compression bombs, oversized chunked
// bodies, slow clients (slowloris), connection caps, auth before routing and
// a port already in use.
#include <gtest/gtest.h>
#include <zlib.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <thread>
#include <vector>

#include "raw_http.h"
#include "server_process.h"
#include "support/run_process.h"

namespace codeloom::testing {
namespace {

using Clock = std::chrono::steady_clock;

class HostileClientsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string err;
    server_ = ServerProcess::start({"--model", server_test_model(), "--slots", "1", "--header-timeout-ms", "1500",
                                    "--body-timeout-ms", "1500"},
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
ServerProcess* HostileClientsTest::server_ = nullptr;

RawResponse exchange(int port, const std::string& request, int timeout_ms) {
  RawConn c(port);
  c.send_all(request);  // the server may answer and close before all of it is sent
  return c.read_response(timeout_ms);
}

TEST_F(HostileClientsTest, RawRequestTable) {
  const auto cases = load_raw_cases(std::string(CODELOOM_TEST_DATA_DIR) + "/server/raw_requests.txt");
  ASSERT_GE(cases.size(), 20u);
  for (const auto& c : cases) {
    const RawResponse r = exchange(port(), c.request, c.within_ms + 3000);
    EXPECT_EQ(r.status, c.status) << c.name << ": " << r.head << r.body;
    EXPECT_LT(r.ms, c.within_ms) << c.name;
    EXPECT_NE(r.body.find(c.needle), std::string::npos) << c.name << ": " << r.body;
    EXPECT_NE(r.body.find("\"error\""), std::string::npos) << c.name << ": " << r.body;
  }
  EXPECT_EQ(http_get(port(), "/health").status, 200);
}

// {"prompt":"aaaa…"} with `bytes` of a, compressed in the zlib (deflate) or gzip format.
std::string compressed_prompt(std::size_t bytes, bool gzip) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 9, Z_DEFLATED, gzip ? 31 : 15, 9, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out;
  char buf[1 << 16];
  auto feed = [&](const std::string& in, int flush) {
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    do {
      z.next_out = reinterpret_cast<Bytef*>(buf);
      z.avail_out = sizeof buf;
      deflate(&z, flush);
      out.append(buf, sizeof buf - z.avail_out);
    } while (z.avail_out == 0);
  };
  feed("{\"prompt\":\"", Z_NO_FLUSH);
  const std::string chunk(1 << 20, 'a');
  for (std::size_t done = 0; done < bytes; done += chunk.size()) feed(chunk, Z_NO_FLUSH);
  feed("\"}", Z_FINISH);
  deflateEnd(&z);
  return out;
}

std::string post_head(const std::string& path, std::size_t length, const std::string& extra) {
  return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + extra +
         "Content-Length: " + std::to_string(length) + "\r\n\r\n";
}

// Issue 17.3: a 204 KB deflate body made the server allocate 16 GB.
TEST_F(HostileClientsTest, CompressionBombsGet413WithoutMemoryGrowth) {
  const int pid = server_->pid();
  for (const bool gzip : {false, true}) {
    const std::string bomb = compressed_prompt(200u << 20, gzip);  // 200 MB of text
    ASSERT_LT(bomb.size(), 300u << 10);
    const long rss_before = rss_kb(pid), peak_before = peak_rss_kb(pid);
    const auto r = exchange(port(), post_head("/v1/completions", bomb.size(), gzip ? "Content-Encoding: gzip\r\n"
                                                                                   : "Content-Encoding: deflate\r\n") +
                                        bomb,
                            10000);
    EXPECT_EQ(r.status, 413) << r.body;
    EXPECT_NE(r.body.find("decompression"), std::string::npos) << r.body;
    EXPECT_LT(r.ms, 2000);
    EXPECT_LT(rss_kb(pid) - rss_before, 50 * 1024) << (gzip ? "gzip" : "deflate");
    EXPECT_LT(peak_rss_kb(pid) - peak_before, 50 * 1024) << (gzip ? "gzip" : "deflate");
  }
  // An honest compressed request is still decoded (the body reaches validation).
  const std::string small = compressed_prompt(0, true);
  const auto ok = exchange(port(), post_head("/v1/feedback", small.size(), "Content-Encoding: gzip\r\n") + small, 5000);
  EXPECT_EQ(ok.status, 400) << ok.body;
  EXPECT_NE(ok.body.find("'completion_id' is required"), std::string::npos) << ok.body;
}

// Issue 17.3: a 5 MB chunked body got 400 instead of 413.
TEST_F(HostileClientsTest, ChunkedBodyOverLimitGets413) {
  RawConn c(port());
  std::string req = "POST /v1/completions HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  const std::string piece(65536, 'a');
  for (int i = 0; i < 80; ++i) req += "10000\r\n" + piece + "\r\n";  // 5 MB
  req += "0\r\n\r\n";
  c.send_all(req);
  const RawResponse r = c.read_response(10000);
  EXPECT_EQ(r.status, 413) << r.head << r.body;
  EXPECT_LT(r.ms, 2000);
  EXPECT_NE(r.head.find("Connection: close"), std::string::npos) << r.head;
  // A small chunked request still works.
  const std::string body = R"({"event":"shown"})";
  char size[16];
  std::snprintf(size, sizeof size, "%zx", body.size());
  const auto ok = exchange(port(), "POST /v1/feedback HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n" +
                                       std::string(size) + "\r\n" + body + "\r\n0\r\n\r\n",
                           5000);
  EXPECT_EQ(ok.status, 400) << ok.body;
  EXPECT_NE(ok.body.find("'completion_id' is required"), std::string::npos) << ok.body;
}

TEST_F(HostileClientsTest, KeepAliveAndPipelinedRequests) {
  RawConn c(port());
  const std::string health = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n";
  const std::string feedback = R"({"event":"shown"})";
  ASSERT_TRUE(c.send_all(health + post_head("/v1/feedback", feedback.size(), "") + feedback + health));
  EXPECT_EQ(c.read_response(5000).status, 200);
  EXPECT_EQ(c.read_response(5000).status, 400);
  EXPECT_EQ(c.read_response(5000).status, 200);
  // Still open for another request.
  ASSERT_TRUE(c.send_all(health));
  EXPECT_EQ(c.read_response(5000).status, 200);
}

// Issue 17.4: 40 clients sending one header line per second made /health unreachable.
TEST(ServerSlowClients, SlowlorisDoesNotStarveHealth) {
  std::string err;
  auto srv = ServerProcess::start({"--model", server_test_model(), "--slots", "1", "--http-threads", "4"}, &err);
  ASSERT_NE(srv, nullptr) << err;
  const int port = srv->port();
  std::vector<std::unique_ptr<RawConn>> slow;
  for (int i = 0; i < 64; ++i) {
    slow.push_back(std::make_unique<RawConn>(port));
    ASSERT_GE(slow.back()->fd(), 0);
    slow.back()->send_all("POST /v1/completions HTTP/1.1\r\nHost: x\r\n");
  }
  std::vector<double> ms;
  const auto end = Clock::now() + std::chrono::seconds(3);
  auto next_line = Clock::now() + std::chrono::seconds(1);
  int line = 0;
  while (Clock::now() < end) {
    if (Clock::now() >= next_line) {  // one more header line per slow client per second
      for (auto& s : slow) s->send_all("X-Slow-" + std::to_string(line) + ": 1\r\n");
      ++line;
      next_line += std::chrono::seconds(1);
    }
    const auto t0 = Clock::now();
    const RawResponse r = exchange(port, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n", 5000);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    EXPECT_EQ(r.status, 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::sort(ms.begin(), ms.end());
  ASSERT_GE(ms.size(), 50u);
  const double p99 = ms[(ms.size() * 99 + 99) / 100 - 1];
  EXPECT_LT(p99, 100.0) << "median " << ms[ms.size() / 2] << " ms, max " << ms.back() << " ms";
}

TEST(ServerSlowClients, PerAddressConnectionCap) {
  std::string err;
  auto srv = ServerProcess::start({"--model", server_test_model(), "--slots", "1", "--max-connections-per-ip", "4"}, &err);
  ASSERT_NE(srv, nullptr) << err;
  std::vector<std::unique_ptr<RawConn>> idle;
  for (int i = 0; i < 4; ++i) idle.push_back(std::make_unique<RawConn>(srv->port()));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the gate has admitted them
  const auto refused = exchange(srv->port(), "GET /health HTTP/1.1\r\n\r\n", 2000);
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_NE(refused.body.find("--max-connections-per-ip"), std::string::npos) << refused.body;
  idle.pop_back();
  int status = 0;
  for (int i = 0; i < 50 && status != 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    status = exchange(srv->port(), "GET /health HTTP/1.1\r\n\r\n", 2000).status;
  }
  EXPECT_EQ(status, 200);
}

// Issue 17.7: lower-case "bearer" was refused; unknown paths answered 404 before the key check.
TEST(ServerAuth, SchemeCaseInsensitiveAndCheckedBeforeRouting) {
  std::string err;
  auto srv = ServerProcess::start({"--model", server_test_model(), "--slots", "1", "--api-key", "s3cret"}, &err);
  ASSERT_NE(srv, nullptr) << err;
  auto get = [&](const std::string& path, const std::string& auth) {
    return exchange(srv->port(), "GET " + path + " HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n", 5000);
  };
  EXPECT_EQ(get("/v1/models", "Authorization: bearer s3cret\r\n").status, 200);
  EXPECT_EQ(get("/v1/models", "Authorization: BEARER   s3cret\r\n").status, 200);
  EXPECT_EQ(get("/v1/models", "Authorization: Basic s3cret\r\n").status, 401);
  EXPECT_EQ(get("/v1/nothing", "").status, 401);
  EXPECT_EQ(get("/v1/nothing", "Authorization: Bearer wrong\r\n").status, 401);
  EXPECT_EQ(get("/v1/nothing", "Authorization: Bearer s3cret\r\n").status, 404);
  EXPECT_EQ(get("/health", "").status, 200);
  // A POST without the key is refused before its body is read.
  const std::string body = R"({"prompt":"x"})";
  const auto r = exchange(srv->port(), post_head("/v1/completions", body.size(), "") + body, 5000);
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.head.find("WWW-Authenticate: Bearer"), std::string::npos) << r.head;
}

// Issue 17.7: a second server on a port in use started silently (SO_REUSEPORT).
TEST(ServerStartup, PortInUseExitsWith2) {
  std::string err;
  auto first = ServerProcess::start({"--model", server_test_model(), "--slots", "1"}, &err);
  ASSERT_NE(first, nullptr) << err;
  ProcessOptions po;
  po.timeout_s = 60;
  const std::string db = (std::filesystem::temp_directory_path() /
                          ("codeloom-port-in-use-" + std::to_string(::getpid()) + ".db")).string();
  auto second = run_process({std::string(CODELOOM_BINARY_DIR) + "/bin/codeloom", "serve", "--host", "127.0.0.1",
                             "--port", std::to_string(first->port()), "--model", server_test_model(), "--slots", "1",
                             "--threads", "1", "--feedback-db", db},
                            po);
  ASSERT_TRUE(second);
  EXPECT_FALSE(second->timed_out);
  EXPECT_EQ(second->exit_code, 2) << second->err;
  EXPECT_NE(second->err.find("already in use"), std::string::npos) << second->err;
  EXPECT_EQ(http_get(first->port(), "/health").status, 200);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
}

}  // namespace
}  // namespace codeloom::testing
