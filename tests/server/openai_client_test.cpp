// The official openai Python client against `codeloom serve` (completions,
// streaming, chat, typed errors). Installs openai into a venv under
// ~/.cache/codeloom/venv-openai from the Python registry; skipped with a
// message when the registry cannot be reached.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "server_process.h"
#include "support/run_process.h"

namespace codeloom::testing {
namespace {

std::string venv_dir() {
  const char* home = std::getenv("HOME");
  return std::string(home ? home : "/tmp") + "/.cache/codeloom/venv-openai";
}

TEST(OpenAiClient, CompletesAndStreams) {
  const std::string venv = venv_dir();
  const std::string python = venv + "/bin/python";
  if (!std::filesystem::exists(python)) {
    auto mk = run_process({"/usr/bin/python3", "-m", "venv", venv}, {.timeout_s = 120});
    ASSERT_TRUE(mk && mk->exit_code == 0) << (mk ? mk->err : mk.error().message);
  }
  auto has = run_process({python, "-c", "import openai"}, {.timeout_s = 60});
  if (!has || has->exit_code != 0) {
    auto pip = run_process({python, "-m", "pip", "install", "--quiet", "openai"}, {.timeout_s = 300});
    if (!pip || pip->exit_code != 0) {
      GTEST_SKIP() << "cannot install the openai client from the Python registry (offline?): "
                   << (pip ? pip->err : pip.error().message);
    }
  }
  std::string err;
  auto srv = ServerProcess::start({"--model", server_test_model(), "--slots", "2"}, &err);
  ASSERT_NE(srv, nullptr) << err;
  const std::string base = "http://127.0.0.1:" + std::to_string(srv->port()) + "/v1";
  auto r = run_process({python, std::string(CODELOOM_SOURCE_DIR) + "/tests/server/openai_client_check.py", base},
                       {.env = {"NO_PROXY=127.0.0.1", "no_proxy=127.0.0.1"}, .timeout_s = 300});
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->exit_code, 0) << r->out << r->err << "\nserver log:\n" << srv->log();
  EXPECT_NE(r->out.find("ok"), std::string::npos) << r->out;
}

}  // namespace
}  // namespace codeloom::testing
