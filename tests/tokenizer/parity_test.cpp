// An exported codeloom tokenizer tokenizes exactly as libllama does: the
// tokenizer is written into a GGUF, loaded by libllama (through codeloom's llm
// module), and both tokenize >= 1,000 samples of real code plus edge cases.
#include <gtest/gtest.h>

#include <filesystem>

#include "codeloom/llm/model.h"
#include "codeloom/prompt/fim_format.h"
#include "codeloom/tokenizer/gguf.h"
#include "codeloom/tokenizer/train.h"
#include "corpus.h"
#include "support/tiny_model.h"

namespace codeloom::tokenizer {
namespace {

class TokenizerParity : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    TrainOptions o;
    o.vocab_size = 4000;
    auto t = train_bpe(count_words(testdata::golden_files(), 2), o);
    ASSERT_TRUE(t) << t.error().message;
    tok_ = new Tokenizer(std::move(t).value());
    dir_ = codeloom::testing::make_temp_dir("tokparity");
    path_ = dir_ + "/vocab.gguf";
    ASSERT_TRUE(write_vocab_gguf(*tok_, path_));
    llm::ModelOptions mo;
    mo.vocab_only = true;
    auto m = llm::Model::load(path_, mo);
    ASSERT_TRUE(m) << m.error().message;
    model_ = new std::shared_ptr<llm::Model>(std::move(m).value());
  }
  static void TearDownTestSuite() {
    delete model_;
    delete tok_;
    std::filesystem::remove_all(dir_);
  }
  static std::vector<std::int32_t> ours(std::string_view s, bool special) {
    return special ? tok_->encode_with_specials(s) : tok_->encode(s);
  }
  static std::vector<std::int32_t> llamas(std::string_view s, bool special) {
    auto v = (*model_)->tokenize(s, /*add_special=*/false, special);
    return {v.begin(), v.end()};
  }
  static inline Tokenizer* tok_ = nullptr;
  static inline std::shared_ptr<llm::Model>* model_ = nullptr;
  static inline std::string dir_, path_;
};

TEST_F(TokenizerParity, LlamaCppTokenizesEverySampleIdentically) {
  const auto samples = testdata::samples();
  ASSERT_GE(samples.size(), 1000u);
  std::size_t mismatches = 0;
  for (const std::string& s : samples) {
    const auto a = ours(s, false);
    const auto b = llamas(s, false);
    if (a != b && ++mismatches <= 5) ADD_FAILURE() << "tokenization differs for:\n" << s;
  }
  EXPECT_EQ(mismatches, 0u) << "of " << samples.size();
}

TEST_F(TokenizerParity, SpecialTokensParseAndDetokenizeIdentically) {
  for (const std::string& s : testdata::edge_cases()) {
    EXPECT_EQ(ours(s, true), llamas(s, true)) << s;
    const auto ids = ours(s, false);
    const std::vector<llm::Token> lt(ids.begin(), ids.end());
    EXPECT_EQ((*model_)->detokenize(lt), tok_->decode(ids)) << s;
  }
}

TEST_F(TokenizerParity, LlamaCppSeesTheFimAndEndOfGenerationTokens) {
  const llm::Model& m = **model_;
  const SpecialTokens& sp = tok_->specials();
  EXPECT_EQ(m.n_vocab(), tok_->vocab_size());
  EXPECT_EQ(m.fim_prefix(), sp.fim_prefix);
  EXPECT_EQ(m.fim_suffix(), sp.fim_suffix);
  EXPECT_EQ(m.fim_middle(), sp.fim_middle);
  EXPECT_EQ(m.fim_pad(), sp.fim_pad);
  EXPECT_EQ(m.fim_file_sep(), sp.file_sep);
  EXPECT_TRUE(m.is_eog(sp.eot));
  EXPECT_TRUE(m.adds_bos());  // <cl|eot>: every training document follows one
  EXPECT_EQ(m.bos(), sp.eot);
  for (std::int32_t id = tok_->vocab_size() - 9; id < tok_->vocab_size(); ++id) EXPECT_TRUE(m.is_control(id)) << id;
  // codeloom's prompt layer recognizes the model as a codeloom FIM family.
  auto fmt = prompt::detect_fim_format(m);
  ASSERT_TRUE(fmt) << fmt.error().message;
  EXPECT_EQ(fmt->spec->family, prompt::FimFamily::kCodeloom);
  EXPECT_EQ(fmt->prefix, sp.fim_prefix);
  EXPECT_EQ(fmt->middle, sp.fim_middle);
}

}  // namespace
}  // namespace codeloom::tokenizer
