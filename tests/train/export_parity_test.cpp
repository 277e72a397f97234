// GGUF export parity: a tiny model trained here, exported, loaded by
// codeloom's llm module (libllama), must give the logits libtorch gives
// (f32: max |Δ| < 1e-3 on 20 sequences, identical greedy continuations).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "codeloom/llm/model.h"
#include "codeloom/llm/session.h"
#include "codeloom/train/export.h"
#include "codeloom/train/reference.h"
#include "codeloom/train/trainer.h"
#include "train/byte_gguf_vocab.h"

namespace codeloom::train {
namespace {

using namespace codeloom::train::testing;

class ExportParity : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = (std::filesystem::temp_directory_path() / ("codeloom-export-" + std::to_string(::getpid()))).string();
    std::filesystem::remove_all(dir_);
    auto r = load_recipe(std::string(CODELOOM_SOURCE_DIR) + "/recipes/tiny-test.toml");
    ASSERT_TRUE(r.ok());
    Recipe rc = *r;
    rc.model.vocab_size = kByteVocabSize;
    rc.train.steps = 20;
    Vocabulary v = byte_vocabulary();
    auto s = run_training(rc, pack_documents(synthetic_corpus(400), rc.data, v, 1),
                          pack_documents(synthetic_corpus(40, 3), rc.data, v, 2), {.out_dir = dir_, .progress = false});
    ASSERT_TRUE(s.ok()) << s.error().message;
    auto ck = load_checkpoint(dir_ + "/checkpoint.clck");
    ASSERT_TRUE(ck.ok());
    ckpt_ = new Checkpoint(std::move(*ck));
  }
  static void TearDownTestSuite() {
    delete ckpt_;
    std::filesystem::remove_all(dir_);
  }

  // 20 sequences of the synthetic corpus (FIM-formatted ones included), ≤ 60 tokens.
  static std::vector<std::vector<TokenId>> sequences() {
    DataConfig d;
    d.seq_len = 60;
    PackedSequences p = pack_documents(synthetic_corpus(60, 11), d, byte_vocabulary(), 5);
    std::vector<std::vector<TokenId>> out;
    for (std::int64_t i = 0; i < 20 && i < p.rows(); ++i) {
      std::vector<TokenId> row(p.row(i), p.row(i) + 20 + i * 2);  // lengths 20..58
      out.push_back(row);
    }
    return out;
  }

  struct Parity {
    double max_abs = 0;
    bool greedy_equal = true;
  };

  static Parity compare(ExportType type) {
    Parity res;
    const std::string path = dir_ + "/model.gguf";
    Status s = export_gguf(*ckpt_, path, {.type = type}, write_byte_gguf_vocab);
    EXPECT_TRUE(s.ok()) << s.error().message;
    auto model = llm::Model::load(path);
    EXPECT_TRUE(model.ok()) << model.error().message;
    if (!model.ok()) return res;
    EXPECT_EQ((*model)->info().architecture, "llama");
    EXPECT_EQ((*model)->n_vocab(), kByteVocabSize);
    auto ref = ReferenceModel::create(*ckpt_);
    EXPECT_TRUE(ref.ok());
    const auto V = static_cast<std::size_t>(kByteVocabSize);
    for (const auto& seq : sequences()) {
      // An f32 KV cache: the comparison is about the exported weights.
      auto sess = llm::Session::create(*model, {.n_ctx = 128, .n_threads = 2, .kv_type = llm::KvType::kF32});
      EXPECT_TRUE(sess.ok());
      auto want = (*ref)->logits(seq);
      EXPECT_TRUE(want.ok());
      // Logits at every position: prefill the first token, then push one at a time.
      EXPECT_TRUE((*sess)->prefill(std::span(seq).first(1)).ok());
      for (std::size_t t = 0; t < seq.size(); ++t) {
        if (t > 0) {
          EXPECT_TRUE((*sess)->push(seq[t]).ok());
        }
        auto got = (*sess)->logits();
        for (std::size_t k = 0; k < V; ++k)
          res.max_abs = std::max(res.max_abs, static_cast<double>(std::abs(got[k] - (*want)[t * V + k])));
      }
      // Greedy continuation, 8 tokens, in both engines.
      std::vector<TokenId> a = seq, b = seq;
      for (int n = 0; n < 8; ++n) {
        auto got = (*sess)->logits();
        const TokenId ta = static_cast<TokenId>(std::max_element(got.begin(), got.end()) - got.begin());
        a.push_back(ta);
        EXPECT_TRUE((*sess)->push(ta).ok());
        auto l = (*ref)->logits(b);
        const float* last = l->data() + (b.size() - 1) * V;
        b.push_back(static_cast<TokenId>(std::max_element(last, last + V) - last));
      }
      res.greedy_equal = res.greedy_equal && a == b;
    }
    return res;
  }

  static std::string dir_;
  static Checkpoint* ckpt_;
};

std::string ExportParity::dir_;
Checkpoint* ExportParity::ckpt_ = nullptr;

TEST_F(ExportParity, F32LogitsAndGreedyMatchLibtorch) {
  Parity p = compare(ExportType::kF32);
  std::printf("f32: max |logit diff| = %.3g\n", p.max_abs);
  EXPECT_LT(p.max_abs, 1e-3);
  EXPECT_TRUE(p.greedy_equal);
}

TEST_F(ExportParity, F16AndQ8_0StayClose) {
  Parity h = compare(ExportType::kF16);
  Parity q = compare(ExportType::kQ8_0);
  std::printf("f16: max |logit diff| = %.3g, greedy equal %d; q8_0: %.3g, greedy equal %d\n", h.max_abs,
              h.greedy_equal, q.max_abs, q.greedy_equal);
  EXPECT_LT(h.max_abs, 0.05);
  EXPECT_LT(q.max_abs, 0.25);
}

TEST_F(ExportParity, Q8_0IsSmallerThanF32) {
  ASSERT_TRUE(export_gguf(*ckpt_, dir_ + "/a.gguf", {.type = ExportType::kF32}, write_byte_gguf_vocab).ok());
  ASSERT_TRUE(export_gguf(*ckpt_, dir_ + "/b.gguf", {.type = ExportType::kQ8_0}, write_byte_gguf_vocab).ok());
  EXPECT_LT(std::filesystem::file_size(dir_ + "/b.gguf") * 3, std::filesystem::file_size(dir_ + "/a.gguf"));
}

TEST(Export, TypeNamesAndBadCheckpoints) {
  EXPECT_TRUE(parse_export_type("q8_0").ok());
  EXPECT_FALSE(parse_export_type("q4_k").ok());
  Checkpoint empty;
  empty.recipe_toml = "[model]\ndim = 64\n";
  Status s = export_gguf(empty, "/tmp/never.gguf", {}, nullptr);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kCorrupt);
}

}  // namespace
}  // namespace codeloom::train
