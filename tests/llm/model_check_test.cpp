// Malformed models never abort the process (issue 17): every case of
// tests/data/llm/bad_models.txt edits a real tiny GGUF and probes it the way
// `codeloom model info` and `codeloom complete` use a model, in a child
// process, so a libllama abort shows up as a failing case, not a dead test.
#include <gtest/gtest.h>

#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "gguf_target.h"
#include "support/gguf_edit.h"
#include "support/run_forked.h"
#include "support/tiny_model.h"

namespace codeloom::llm {
namespace {

namespace fs = std::filesystem;

struct BadModelCase {
  int line = 0;
  std::vector<std::string> archs;
  std::vector<std::string> edits;
  std::string expected;
};

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t p; (p = s.find(sep, start)) != std::string::npos; start = p + sep.size()) {
    out.push_back(trim(s.substr(start, p - start)));
  }
  out.push_back(trim(s.substr(start)));
  return out;
}

std::string with_arch(std::string s, const std::string& arch) {
  for (std::size_t p; (p = s.find("{arch}")) != std::string::npos;) s.replace(p, 6, arch);
  return s;
}

std::vector<BadModelCase> load_cases() {
  std::ifstream in(std::string(CODELOOM_TEST_DATA_DIR) + "/llm/bad_models.txt");
  EXPECT_TRUE(in) << "tests/data/llm/bad_models.txt missing";
  std::vector<BadModelCase> cases;
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    const auto cols = split(line, " | ");
    EXPECT_EQ(cols.size(), 4u) << "line " << n << ": " << line;
    if (cols.size() != 4) continue;
    cases.push_back({n, split(cols[0], ","), split(cols[1], " ; "), cols[2]});
  }
  return cases;
}

std::string tiny_model(const std::string& arch) {
  testing::TinyModelOptions o;
  o.vocab = "deepseek-coder";
  o.arch = arch;
  auto p = testing::tiny_model_path(o);
  EXPECT_TRUE(p) << p.error().message;
  return p ? *p : std::string();
}

class ModelCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::make_temp_dir("codeloom-modelcheck");
    ASSERT_FALSE(dir_.empty());
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Applies the edits one after another (each rewrites the file).
  std::string edited(const std::string& src, const std::vector<std::string>& edits, const std::string& arch) {
    std::string from = src;
    for (std::size_t i = 0; i < edits.size(); ++i) {
      const std::string to = dir_ + "/edit" + std::to_string(counter_++) + ".gguf";
      auto e = testing::parse_gguf_edit(with_arch(edits[i], arch));
      EXPECT_TRUE(e) << e.error().message;
      if (!e) return {};
      Status s = testing::write_edited_gguf(from, *e, to);
      EXPECT_TRUE(s) << s.error().message;
      if (!s) return {};
      from = to;
    }
    return from;
  }

  std::string dir_;
  int counter_ = 0;
};

// The unedited model, rewritten with zero weights, loads and decodes: the
// edits below are the only reason a case fails.
TEST_F(ModelCheck, UneditedModelsLoadAndDecode) {
  for (const std::string arch : {"llama", "qwen2"}) {
    const std::string path = edited(tiny_model(arch), {"set general.name str unedited"}, arch);
    auto r = testing::run_forked([&] { return fuzz::probe_model_file(path); });
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(r->signal, 0) << arch << ": child died of signal " << r->signal;
    EXPECT_EQ(r->output.rfind("ok " + arch, 0), 0u) << r->output;
  }
}

TEST_F(ModelCheck, EveryCaseIsAClearErrorNotAnAbort) {
  const auto cases = load_cases();
  ASSERT_GE(cases.size(), 20u);
  for (const auto& c : cases) {
    for (const auto& arch : c.archs) {
      SCOPED_TRACE("bad_models.txt:" + std::to_string(c.line) + " (" + arch + ")");
      const std::string path = edited(tiny_model(arch), c.edits, arch);
      ASSERT_FALSE(path.empty());
      auto r = testing::run_forked([&] { return fuzz::probe_model_file(path); });
      ASSERT_TRUE(r) << r.error().message;
      EXPECT_EQ(r->signal, 0) << "the process died of signal " << r->signal << " (" << strsignal(r->signal)
                              << ") instead of returning an error";
      EXPECT_FALSE(r->timed_out);
      if (r->signal != 0) continue;
      const std::string expected = with_arch(c.expected, arch);
      EXPECT_EQ(r->output.rfind("error ", 0), 0u) << "loaded: " << r->output;
      EXPECT_NE(r->output.find(expected), std::string::npos) << "expected '" << expected << "' in: " << r->output;
      EXPECT_EQ(r->output.find('\n'), std::string::npos) << "one line: " << r->output;
    }
  }
}

}  // namespace
}  // namespace codeloom::llm
