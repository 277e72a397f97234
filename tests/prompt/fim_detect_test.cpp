// FIM format detection from vocabulary special tokens, one case per family.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "codeloom/prompt/fim_format.h"
#include "prompt/test_models.h"

namespace codeloom::prompt {
namespace {

struct DetectCase {
  std::string model;
  std::string family;       // expected spec name; "" = kUnsupported
  std::string prefix_text;  // expected token text of the prefix marker
  bool has_file_sep;
};

void PrintTo(const DetectCase& c, std::ostream* os) { *os << c.model; }

class FimDetect : public ::testing::TestWithParam<DetectCase> {};

TEST_P(FimDetect, FromVocabulary) {
  const DetectCase& c = GetParam();
  auto model = testing::named_model(c.model);
  ASSERT_TRUE(model) << model.error().message;
  auto f = detect_fim_format(**model);
  if (c.family.empty()) {
    ASSERT_FALSE(f) << "detected " << f->spec->name << " from token " << f->prefix << " '"
                    << (*model)->token_text(f->prefix) << "' in " << (*model)->info().path;
    EXPECT_EQ(f.error().code, ErrorCode::kUnsupported);
    EXPECT_NE(f.error().message.find("no fill-in-the-middle tokens"), std::string::npos);
    EXPECT_NE(f.error().message.find("omit the suffix"), std::string::npos);
    return;
  }
  ASSERT_TRUE(f) << f.error().message;
  EXPECT_EQ(f->spec->name, c.family);
  EXPECT_EQ((*model)->token_text(f->prefix), c.prefix_text);
  EXPECT_NE(f->suffix, llm::kNoToken);
  EXPECT_NE(f->middle, llm::kNoToken);
  EXPECT_EQ(f->file_sep != llm::kNoToken, c.has_file_sep);
  // Every FIM marker ends a completion.
  for (llm::Token t : {f->prefix, f->suffix, f->middle}) {
    EXPECT_NE(std::find(f->stop_tokens.begin(), f->stop_tokens.end(), t), f->stop_tokens.end());
  }
}

INSTANTIATE_TEST_SUITE_P(
    Families, FimDetect,
    ::testing::Values(
        DetectCase{"qwen-coder", "qwen2.5-coder", "<|fim_prefix|>", true},
        DetectCase{"codegemma", "codegemma", "<|fim_prefix|>", true},
        DetectCase{"deepseek-coder", "deepseek-coder", "<\xEF\xBD\x9C" "fim\xE2\x96\x81" "begin\xEF\xBD\x9C>", false},
        DetectCase{"starcoder", "starcoder", "<fim_prefix>", true},
        DetectCase{"codellama", "codellama", "\xE2\x96\x81<PRE>", false},
        DetectCase{"codeloom", "codeloom", "<cl|fim_prefix>", true},
        // Stock vocabularies without FIM tokens.
        DetectCase{"gpt-2", "", "", false},
        DetectCase{"llama-spm", "", "", false}),
    [](const auto& info) {
      std::string n = info.param.model;
      for (char& ch : n) if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
      return n;
    });

TEST(FimDetect, QwenAndCodeGemmaAreToldApartByFileTokens) {
  auto qwen = testing::named_model("qwen-coder");
  auto gemma = testing::named_model("codegemma");
  ASSERT_TRUE(qwen && gemma);
  auto fq = detect_fim_format(**qwen);
  auto fg = detect_fim_format(**gemma);
  ASSERT_TRUE(fq && fg);
  EXPECT_EQ(fq->spec->family, FimFamily::kQwenCoder);
  EXPECT_EQ((*qwen)->token_text(fq->repo_name), "<|repo_name|>");
  // Qwen2.5-Coder's real ids.
  EXPECT_EQ(fq->prefix, 151659);
  EXPECT_EQ(fq->middle, 151660);
  EXPECT_EQ(fq->suffix, 151661);
  EXPECT_EQ(fq->file_sep, 151664);
  EXPECT_EQ(fg->spec->family, FimFamily::kCodeGemma);
  EXPECT_EQ((*gemma)->token_text(fg->file_sep), "<|file_separator|>");
}

TEST(FimDetect, DetectionIgnoresTheFileName) {
  // The DeepSeek vocabulary written under a name that says "starcoder-qwen".
  auto opts = testing::named_model_options("deepseek-coder");
  opts.vocab_only = true;
  auto path = testing::tiny_model_path(opts);
  ASSERT_TRUE(path);
  std::string dir = testing::make_temp_dir("fimname");
  std::string renamed = dir + "/starcoder-qwen2.5-coder.gguf";
  std::filesystem::copy_file(*path, renamed);
  auto m = llm::Model::load(renamed, {.vocab_only = true});
  ASSERT_TRUE(m) << m.error().message;
  auto f = detect_fim_format(**m);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->spec->family, FimFamily::kDeepSeekCoder);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace codeloom::prompt
