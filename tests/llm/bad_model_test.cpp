// Every way a model file can be wrong gives a one-line error with the right
// code, and never aborts the process (each case runs in this test process).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>

#include "codeloom/common/log.h"
#include "test_models.h"

namespace codeloom::llm {
namespace {

namespace fs = std::filesystem;

class BadModel : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::make_temp_dir("codeloom-badmodel");
    ASSERT_FALSE(dir_.empty());
    testing::TinyModelOptions o;
    o.vocab = "deepseek-coder";  // ~10 MB: cheap to copy and cut
    auto p = testing::tiny_model_path(o);
    ASSERT_TRUE(p) << p.error().message;
    std::ifstream in(*p, std::ios::binary);
    good_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    ASSERT_GT(good_.size(), 1000000u);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& bytes) {
    const std::string p = dir_ + "/" + name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  static void expect_error(const std::string& path, ErrorCode code, const std::string& needle) {
    auto m = Model::load(path);
    ASSERT_FALSE(m) << path << " loaded but should not have";
    EXPECT_EQ(m.error().code, code) << error_code_name(m.error().code) << ": " << m.error().message;
    EXPECT_NE(m.error().message.find(needle), std::string::npos) << m.error().message;
    EXPECT_EQ(m.error().message.find('\n'), std::string::npos) << "one line: " << m.error().message;
  }

  std::string dir_;
  std::string good_;
};

TEST_F(BadModel, GoodCopyLoads) {
  auto m = Model::load(write("good.gguf", good_));
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_EQ((*m)->info().architecture, "llama");
}

TEST_F(BadModel, MissingDirectoryEmpty) {
  expect_error(dir_ + "/nope.gguf", ErrorCode::kNotFound, "does not exist");
  expect_error(dir_, ErrorCode::kInvalidArgument, "is a directory");
  expect_error(write("empty.gguf", ""), ErrorCode::kCorrupt, "empty");
}

TEST_F(BadModel, NotGguf) {
  expect_error(write("readme.gguf", "version https://git-lfs.github.com/spec/v1\noid sha256:abc\n"),
               ErrorCode::kCorrupt, "not a GGUF file");
  expect_error(write("lfs.gguf", "version https://git-lfs.github.com/spec/v1\n"), ErrorCode::kCorrupt, "text file");
  std::string flipped = good_;
  flipped[0] = 'X';
  expect_error(write("flipped.gguf", flipped), ErrorCode::kCorrupt, "bad magic");
  std::string ggjt = good_;
  ggjt.replace(0, 4, "tjgg");
  expect_error(write("ggjt.bin", ggjt), ErrorCode::kCorrupt, "pre-GGUF");
  expect_error(write("zeros.gguf", std::string(4096, '\0')), ErrorCode::kCorrupt, "not a GGUF file");
  expect_error(write("short.gguf", "GG"), ErrorCode::kCorrupt, "truncated");
}

TEST_F(BadModel, UnsupportedVersions) {
  for (unsigned char v : {0, 1, 4, 99}) {
    std::string bytes = good_;
    bytes[4] = static_cast<char>(v);
    const std::string name = std::to_string(v) + "v.gguf";  // (not "v" + ...: GCC 12 -Wrestrict false positive)
    expect_error(write(name, bytes), ErrorCode::kCorrupt, "unsupported GGUF version");
  }
  std::string swapped = good_;  // version 3 written big-endian
  swapped[4] = 0;
  swapped[7] = 3;
  expect_error(write("be.gguf", swapped), ErrorCode::kCorrupt, "unsupported GGUF version");
}

TEST_F(BadModel, TruncatedAtManyOffsets) {
  // Header, key/value metadata (tokenizer arrays), tensor infos and tensor data.
  const std::size_t n = good_.size();
  for (std::size_t cut : {std::size_t{5}, std::size_t{8}, std::size_t{15}, std::size_t{23}, std::size_t{64},
                          std::size_t{5000}, n / 20, n / 9, n / 2, n - 4096, n - 1}) {
    expect_error(write("cut" + std::to_string(cut) + ".gguf", good_.substr(0, cut)), ErrorCode::kCorrupt,
                 "truncated");
  }
}

TEST_F(BadModel, CorruptCountsAndGarbage) {
  std::string huge_kv = good_;  // n_kv (u64 at offset 16) absurdly large
  for (int i = 16; i < 24; ++i) huge_kv[static_cast<std::size_t>(i)] = static_cast<char>(0x7f);
  expect_error(write("kv.gguf", huge_kv), ErrorCode::kCorrupt, "malformed");
  std::string huge_tensors = good_;  // n_tensors (u64 at offset 8)
  for (int i = 8; i < 16; ++i) huge_tensors[static_cast<std::size_t>(i)] = static_cast<char>(0xff);
  expect_error(write("nt.gguf", huge_tensors), ErrorCode::kCorrupt, "malformed");
  std::string garbage = good_.substr(0, 8);
  for (int i = 0; i < 100000; ++i) garbage.push_back(static_cast<char>((i * 2654435761u) >> 13));
  expect_error(write("garbage.gguf", garbage), ErrorCode::kCorrupt, "model file");
}

TEST(LlamaLogging, RoutedIntoCodeloomLog) {
  std::mutex mu;
  std::vector<std::string> lines;
  log::set_sink([&](log::Level, std::string_view m) {
    std::lock_guard<std::mutex> lock(mu);
    lines.emplace_back(m);
  });
  const log::Level old = log::level();
  log::set_level(log::Level::kDebug);
  testing::TinyModelOptions o;
  o.vocab = "starcoder";
  auto p = testing::tiny_model_path(o);
  ASSERT_TRUE(p);
  auto m = Model::load(*p);
  log::set_level(old);
  log::set_sink(nullptr);
  ASSERT_TRUE(m) << m.error().message;
  bool saw_llama = false;
  for (const auto& l : lines) saw_llama = saw_llama || l.rfind("llama: ", 0) == 0;
  EXPECT_TRUE(saw_llama) << lines.size() << " lines";
}

}  // namespace
}  // namespace codeloom::llm
