// The n-gram model generates through the ordinary decoder: trained on code, it
// completes a line of it greedily and stops at the end of the line.
#include <gtest/gtest.h>

#include <filesystem>

#include "codeloom/decode/generate.h"
#include "codeloom/ngram/source.h"
#include "codeloom/tokenizer/gguf.h"
#include "codeloom/tokenizer/train.h"
#include "support/tiny_model.h"

namespace codeloom::ngram {
namespace {

TEST(NgramSource, CompletesALineItHasSeenThroughTheDecoder) {
  std::vector<std::string> texts;
  for (int i = 0; i < 30; ++i)
    texts.push_back("def f" + std::to_string(i) + "(items):\n    total = 0\n    for item in items:\n"
                    "        total += item.price * item.count\n    return total\n");
  tokenizer::TrainOptions to;
  to.vocab_size = 400;
  auto tok = tokenizer::train_bpe(tokenizer::count_words(texts, 1), to);
  ASSERT_TRUE(tok);
  std::vector<std::vector<std::int32_t>> seqs;
  for (const auto& t : texts) {
    auto ids = tok->encode(t);
    ids.insert(ids.begin(), tok->specials().eot);
    ids.push_back(tok->specials().eot);
    seqs.push_back(ids);
  }
  auto lm = KneserNey::train(seqs, tok->vocab_size(), {4});
  ASSERT_TRUE(lm);
  const std::string dir = codeloom::testing::make_temp_dir("ngramsrc");
  ASSERT_TRUE(tokenizer::write_vocab_gguf(*tok, dir + "/v.gguf"));
  auto vocab = llm::Model::load(dir + "/v.gguf", {.vocab_only = true});
  ASSERT_TRUE(vocab) << vocab.error().message;

  NgramSource src(*lm, **vocab);
  auto prompt = tok->encode("def g(items):\n    total = 0\n    for item in items:\n        total +=");
  prompt.insert(prompt.begin(), tok->specials().eot);
  decode::GenerateOptions o;
  o.max_tokens = 32;
  o.sampling.temperature = 0;
  o.scope = decode::Scope::kLine;
  auto out = decode::generate(src, std::vector<llm::Token>(prompt.begin(), prompt.end()), o);
  ASSERT_TRUE(out) << out.error().message;
  ASSERT_EQ(out->size(), 1u);
  EXPECT_EQ((*out)[0].text, " item.price * item.count");
  EXPECT_EQ((*out)[0].finish, decode::FinishReason::kScope);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace codeloom::ngram
