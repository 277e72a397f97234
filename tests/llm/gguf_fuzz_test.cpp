// Bounded, seeded fuzzing of GGUF headers through the model-loading path of
// `codeloom model info` / `complete` (fuzz/gguf_target.h), each input in a
// child process so an abort is a reported finding, not a dead test binary.
// Seeds: tests/data/fuzz/gguf/ (header-only tiny models, plus every input that
// ever aborted). Mutations: half structure-aware (a header field set to a
// boundary value, tests/support/gguf_fields.h), half byte-level (mutator.h).
// A finding is saved under <build>/gguf-fuzz-findings/ to be added to the corpus.
#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "codeloom/common/log.h"
#include "gguf_target.h"
#include "support/gguf_fields.h"
#include "support/mutator.h"
#include "support/run_forked.h"
#include "support/tiny_model.h"

namespace codeloom::llm {
namespace {

namespace fs = std::filesystem;

std::uint64_t fnv1a(const std::string& s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

TEST(GgufFuzz, HeaderMutationsNeverAbort) {
  const fs::path corpus = fs::path(CODELOOM_TEST_DATA_DIR) / "fuzz" / "gguf";
  ASSERT_GE(test::corpus_files(corpus).size(), 2u) << corpus;
  const std::string dir = testing::make_temp_dir("codeloom-gguffuzz");
  ASSERT_FALSE(dir.empty());
  const std::string path = dir + "/input.gguf";
  const fs::path findings = fs::path(CODELOOM_BINARY_DIR) / "gguf-fuzz-findings";

  // Route ggml's log (the zero-fill parses headers too) into codeloom::log, then silence it.
  (void)Model::load(dir + "/absent.gguf");
  const log::Level old_level = log::level();
  log::set_level(log::Level::kOff);

  std::vector<std::string> seeds;
  for (const auto& p : test::corpus_files(corpus)) seeds.push_back(test::read_file_bytes(p));
  test::Mutator bytes(/*seed=*/20261203, {"GGUF", std::string("\0\0\0\0", 4), std::string("\xff\xff\xff\xff", 4)});
  std::mt19937_64 rng(7);
  std::size_t loaded = 0, header = 0, checked = 0, by_libllama = 0, other = 0, aborted = 0;
  std::string last_field;
  const auto one = [&](std::string input) {
    // 60%: a corpus file with 1-2 header fields set to boundary values (these
    // get past the GGUF reader); 40%: fuzz_corpus's byte-level mutation.
    if (rng() % 10 < 6) {
      input = seeds[rng() % seeds.size()];
      const auto fields = testing::gguf_fields(input);
      for (int k = 1 + static_cast<int>(rng() % 2); k > 0; --k) last_field = testing::mutate_gguf_field(input, fields, rng);
    } else {
      last_field = "(byte-level)";
    }
    auto r = testing::run_forked([&] { return fuzz::probe_gguf_bytes(input, path); }, /*timeout_s=*/60);
    ASSERT_TRUE(r) << r.error().message;
    if (r->signal != 0 || r->timed_out) {
      ++aborted;
      fs::create_directories(findings);
      char name[32];
      std::snprintf(name, sizeof name, "crash-%016llx.gguf", static_cast<unsigned long long>(fnv1a(input)));
      std::ofstream(findings / name, std::ios::binary) << input;
      ADD_FAILURE() << "input aborted the process (signal " << r->signal << (r->timed_out ? ", timed out" : "")
                    << "; last field mutation: " << last_field << "); saved as " << (findings / name).string()
                    << ": add it to tests/data/fuzz/gguf/ with the fix";
    } else if (r->output.rfind("ok", 0) == 0) {
      ++loaded;
    } else if (r->output.find("truncated") != std::string::npos || r->output.find("malformed") != std::string::npos ||
               r->output.find("GGUF") != std::string::npos) {
      ++header;  // refused by the container checks / ggml's GGUF reader
    } else if (r->output.find("libllama could not load") != std::string::npos) {
      ++by_libllama;  // passed the model checks, refused (gracefully) by libllama
    } else if (r->output.rfind("error ", 0) == 0) {
      ++checked;  // refused by the model checks (gguf_model_check.h)
    } else {
      ++other;  // session/prefill/push errors after a successful load
    }
  };
  const auto start = std::chrono::steady_clock::now();
  const std::size_t runs = test::fuzz_corpus(corpus, bytes, /*iterations=*/3000, std::chrono::seconds(15), one);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  log::set_level(old_level);
  std::printf("gguf fuzz: %zu inputs in %.1f s: %zu loaded and decoded; refused by the GGUF reader %zu, by the model "
              "checks %zu, by libllama %zu; later errors %zu; aborted %zu\n",
              runs, s, loaded, header, checked, by_libllama, other, aborted);
  EXPECT_GT(loaded, 0u) << "no input got through the checks: the corpus or the zero-fill is broken";
  EXPECT_GT(checked, 0u);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace codeloom::llm
