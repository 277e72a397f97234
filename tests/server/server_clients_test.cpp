// Editor clients unchanged against `codeloom serve`: the request bodies that
// llama.vim, llama.vscode and Continue send (taken from their sources; each
// sidecar names the commit and function) are replayed against a tiny-model
// server, and every response field that client reads must be there
// (tests/data/server/clients/<client>/<name>.json + <name>.expect.json).
// Also the llama.cpp-server behaviours those clients depend on, each a
// regression test of issue 18.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "server_process.h"

namespace codeloom::testing {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const fs::path kClients = fs::path(CODELOOM_TEST_DATA_DIR) / "server" / "clients";

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class ClientsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string err;
    // A small generation cap keeps the replay fast; Continue's max_tokens 4096 is lowered to it.
    server_ = ServerProcess::start({"--model", server_test_model(), "--slots", "2", "--model-alias", "tiny",
                                    "--max-tokens-limit", "48", "--default-max-tokens", "24"},
                                   &err)
                  .release();
    ASSERT_NE(server_, nullptr) << err;
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static int port() { return server_->port(); }
  static ServerProcess* server_;
};
ServerProcess* ClientsTest::server_ = nullptr;

// RFC 6901 lookup; nullptr when absent (json_pointer would throw).
const json* resolve(const json& doc, const std::string& pointer) {
  const json* cur = &doc;
  std::size_t at = 0;
  while (at < pointer.size()) {
    if (pointer[at] != '/') return nullptr;
    const std::size_t end = std::min(pointer.find('/', at + 1), pointer.size());
    std::string token;
    for (std::size_t i = at + 1; i < end; ++i) {
      if (pointer[i] == '~' && i + 1 < end) {
        token += pointer[++i] == '1' ? '/' : '~';
      } else {
        token += pointer[i];
      }
    }
    if (cur->is_object()) {
      auto it = cur->find(token);
      if (it == cur->end()) return nullptr;
      cur = &*it;
    } else if (cur->is_array() && !token.empty() && token.find_first_not_of("0123456789") == std::string::npos &&
               std::stoul(token) < cur->size()) {
      cur = &(*cur)[std::stoul(token)];
    } else {
      return nullptr;
    }
    at = end;
  }
  return cur;
}

// Checks one response document against the sidecar's pointers and equals.
void check_document(const json& doc, const json& expect, const std::string& what) {
  for (const auto& p : expect.value("pointers", json::array())) {
    EXPECT_NE(resolve(doc, p.get<std::string>()), nullptr) << what << ": no " << p << " in " << doc.dump();
  }
  const json equals = expect.value("equals", json::object());  // items() of a temporary would dangle
  for (const auto& [p, v] : equals.items()) {
    const json* got = resolve(doc, p);
    ASSERT_NE(got, nullptr) << what << ": no '" << p << "' in " << doc.dump();
    EXPECT_EQ(*got, v) << what << " at '" << p << "'";
  }
}

TEST_F(ClientsTest, GoldenRequestsOfEveryClient) {
  std::vector<fs::path> expects;
  for (const auto& e : fs::recursive_directory_iterator(kClients)) {
    if (e.path().string().ends_with(".expect.json")) expects.push_back(e.path());
  }
  std::sort(expects.begin(), expects.end());
  ASSERT_GE(expects.size(), 11u) << "golden client requests missing under " << kClients;
  std::set<std::string> clients;
  for (const auto& ep : expects) {
    const std::string name = ep.parent_path().filename().string() + "/" + ep.filename().string();
    SCOPED_TRACE(name);
    clients.insert(ep.parent_path().filename().string());
    const json expect = json::parse(read_text(ep), nullptr, false);
    ASSERT_TRUE(expect.is_object() && expect.contains("path") && expect.contains("source")) << "bad sidecar";
    const std::string path = expect["path"];
    const int status = expect.value("status", 200);
    if (expect.value("method", "POST") == "GET") {
      auto r = http_get(port(), path);
      ASSERT_EQ(r.status, status) << r.body;
      check_document(r.json(), expect, name);
      continue;
    }
    const fs::path req = ep.parent_path() / (ep.filename().string().substr(0, ep.filename().string().size() - 12) + ".json");
    const std::string body = read_text(req);
    ASSERT_FALSE(body.empty()) << "missing " << req;
    if (expect.value("stream", false)) {
      std::vector<json> events;
      const int st = post_sse(port(), path, body, [&](const std::string& d) {
        if (d != "[DONE]") events.push_back(json::parse(d, nullptr, false));
        return true;
      });
      ASSERT_EQ(st, status);
      ASSERT_FALSE(events.empty());
      for (const auto& ev : events) EXPECT_FALSE(ev.is_discarded() || ev.contains("error")) << ev.dump();
      // Each pointer must appear in some event (the text arrives in the deltas).
      for (const auto& p : expect.value("pointers", json::array())) {
        EXPECT_TRUE(std::any_of(events.begin(), events.end(),
                                [&](const json& ev) { return resolve(ev, p.get<std::string>()) != nullptr; }))
            << "no event holds " << p;
      }
      continue;
    }
    auto r = post_json(port(), path, body);
    ASSERT_EQ(r.status, status) << r.body;
    const json doc = r.json();
    if (expect.value("array", false)) {
      ASSERT_TRUE(doc.is_array() && !doc.empty()) << r.body;
      for (const auto& el : doc) check_document(el, expect, name);
    } else {
      ASSERT_TRUE(doc.is_object()) << r.body;
      check_document(doc, expect, name);
    }
  }
  EXPECT_EQ(clients, (std::set<std::string>{"continue", "llama.vim", "llama.vscode"}));
}

}  // namespace
}  // namespace codeloom::testing
