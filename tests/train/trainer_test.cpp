#include "codeloom/train/trainer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "codeloom/embed/embeddings.h"
#include "codeloom/train/checkpoint.h"
#include "codeloom/train/item2vec_init.h"
#include "codeloom/train/run_log.h"
#include "train/byte_vocab.h"

namespace codeloom::train {
namespace {

using namespace codeloom::train::testing;

Recipe tiny_recipe() {
  auto r = load_recipe(std::string(CODELOOM_SOURCE_DIR) + "/recipes/tiny-test.toml");
  EXPECT_TRUE(r.ok()) << r.error().message;
  Recipe rc = *r;
  rc.model.vocab_size = kByteVocabSize;
  return rc;
}

std::string fresh_dir(const std::string& name) {
  auto d = std::filesystem::temp_directory_path() / ("codeloom-train-" + std::to_string(::getpid())) / name;
  std::filesystem::remove_all(d);
  return d.string();
}

struct Data {
  PackedSequences train, val;
};

Data tiny_data(const Recipe& r) {
  Vocabulary v = byte_vocabulary();
  return {pack_documents(synthetic_corpus(400), r.data, v, 1), pack_documents(synthetic_corpus(40, 3), r.data, v, 2)};
}

std::vector<LogPoint> train_points(const std::string& dir) {
  auto pts = read_log(dir + "/train.jsonl");
  EXPECT_TRUE(pts.ok());
  return pts.ok() ? *pts : std::vector<LogPoint>{};
}

TEST(Trainer, LossFallsAndArtifactsAreWritten) {
  Recipe r = tiny_recipe();
  r.train.steps = 30;
  Data d = tiny_data(r);
  const std::string dir = fresh_dir("basic");
  auto s = run_training(r, d.train, d.val, {.out_dir = dir, .progress = false});
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->steps, 30);
  EXPECT_GT(s->tokens_per_s, 0);
  auto pts = train_points(dir);
  ASSERT_FALSE(pts.empty());
  EXPECT_EQ(pts.front().type, "train");
  EXPECT_NEAR(pts.front().loss, std::log(261.0), 0.5);  // random init predicts ~uniformly
  EXPECT_LT(s->last_loss, 2.5);                        // the synthetic code is very regular
  EXPECT_GT(s->val_loss, 0);
  EXPECT_LT(s->val_loss, 3.0);
  int vals = 0;
  for (const LogPoint& p : pts) vals += p.type == "val";
  EXPECT_EQ(vals, 2);  // eval_every 20 and the last step
  EXPECT_TRUE(std::filesystem::exists(dir + "/loss.svg"));
  std::ifstream svg(dir + "/loss.svg");
  std::string text((std::istreambuf_iterator<char>(svg)), {});
  EXPECT_NE(text.find("<polyline"), std::string::npos);
  auto ck = load_checkpoint(dir + "/checkpoint.clck");
  ASSERT_TRUE(ck.ok()) << ck.error().message;
  EXPECT_EQ(ck->step, 30);
  EXPECT_EQ(ck->data_position, 30 * 8);
  EXPECT_NE(ck->find_model("blk.1.ffn_down.weight"), nullptr);
  EXPECT_EQ(ck->find_model("blk.0.attn_k.weight")->shape, (std::vector<std::int64_t>{32, 64}));  // 2 kv heads × 16
}

// Stop after 7 steps, resume, and compare with an uninterrupted run: on CPU
// with the same thread count the trajectory is bit-exact.
TEST(Trainer, ResumeReproducesTheUninterruptedRun) {
  Recipe r = tiny_recipe();
  r.train.steps = 14;
  r.train.eval_every = 5;
  Data d = tiny_data(r);
  const std::string full = fresh_dir("full"), split = fresh_dir("split");
  ASSERT_TRUE(run_training(r, d.train, d.val, {.out_dir = full, .progress = false}).ok());
  auto first = run_training(r, d.train, d.val, {.out_dir = split, .stop_after = 7, .progress = false});
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->steps, 7);
  auto second = run_training(r, d.train, d.val, {.out_dir = split, .resume = true, .progress = false});
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second->steps, 14);
  auto a = train_points(full), b = train_points(split);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].type, b[i].type);
    EXPECT_EQ(a[i].step, b[i].step);
    EXPECT_EQ(a[i].loss, b[i].loss) << "record " << i << " step " << a[i].step;  // bit-exact
  }
  auto ca = load_checkpoint(full + "/checkpoint.clck"), cb = load_checkpoint(split + "/checkpoint.clck");
  ASSERT_TRUE(ca.ok() && cb.ok());
  for (std::size_t i = 0; i < ca->model.size(); ++i) EXPECT_EQ(ca->model[i].data, cb->model[i].data) << ca->model[i].name;
}

TEST(Trainer, CorruptCheckpointIsNotLoaded) {
  Recipe r = tiny_recipe();
  r.train.steps = 4;
  Data d = tiny_data(r);
  const std::string dir = fresh_dir("corrupt");
  ASSERT_TRUE(run_training(r, d.train, d.val, {.out_dir = dir, .stop_after = 2, .progress = false}).ok());
  const std::string p = dir + "/checkpoint.clck";
  {
    std::fstream f(p, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(std::filesystem::file_size(p) - 100));
    f.write("\x7f", 1);
  }
  auto s = run_training(r, d.train, d.val, {.out_dir = dir, .resume = true, .progress = false});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kCorrupt);
  EXPECT_NE(s.error().message.find("checksum"), std::string::npos) << s.error().message;
}

TEST(Trainer, ResumeWithAnotherModelShapeIsRefused) {
  Recipe r = tiny_recipe();
  r.train.steps = 2;
  Data d = tiny_data(r);
  const std::string dir = fresh_dir("shape");
  ASSERT_TRUE(run_training(r, d.train, d.val, {.out_dir = dir, .progress = false}).ok());
  Recipe other = r;
  other.model.ffn_dim = 96;
  auto s = run_training(other, d.train, d.val, {.out_dir = dir, .resume = true, .progress = false});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("ffn_dim"), std::string::npos) << s.error().message;
}

// bf16 autocast (f32 master weights) must learn as well as f32 on the tiny model.
TEST(Trainer, Bf16AutocastTracksF32) {
  Recipe r = tiny_recipe();
  r.train.steps = 20;
  Data d = tiny_data(r);
  auto f32 = run_training(r, d.train, d.val, {.out_dir = fresh_dir("f32"), .progress = false});
  r.train.precision = "bf16";
  auto bf16 = run_training(r, d.train, d.val, {.out_dir = fresh_dir("bf16"), .progress = false});
  ASSERT_TRUE(f32.ok() && bf16.ok());
  std::printf("val loss after 20 steps: f32 %.4f, bf16 %.4f\n", f32->val_loss, bf16->val_loss);
  EXPECT_NEAR(bf16->val_loss, f32->val_loss, 0.05 * f32->val_loss);
}

std::vector<std::string> byte_texts() {
  std::vector<std::string> t;
  for (int b = 0; b < 256; ++b) t.emplace_back(1, static_cast<char>(b));
  for (const char* s : {"<cl|fim_prefix>", "<cl|fim_suffix>", "<cl|fim_middle>", "<cl|fim_pad>", "<cl|eot>"})
    t.emplace_back(s);
  return t;
}

// Item2Vec vectors for a few byte tokens, dimension 8 (the tiny model is wider: projected).
std::string write_byte_item2vec(const std::string& dir) {
  embed::Embeddings e;
  e.dim = 8;
  e.tokens = {"(", ")", ":", "+", "x", "=", "no-such-byte-token"};
  e.counts.assign(e.tokens.size(), 1);
  for (std::size_t i = 0; i < e.tokens.size(); ++i)
    for (int d = 0; d < e.dim; ++d) e.vectors.push_back(std::sin(static_cast<float>(i * 13 + d * 5 + 1)));
  e.build_index();
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/bytes.c2v";
  EXPECT_TRUE(embed::save(e, path).ok());
  return path;
}

const TensorRecord* token_embd(const Checkpoint& ck) {
  for (const auto& t : ck.model)
    if (t.name == "token_embd.weight") return &t;
  return nullptr;
}

TEST(Trainer, Item2VecInitSetsTheMappedEmbeddingRows) {
  Recipe r = tiny_recipe();
  r.train.steps = 1;
  r.train.lr = 1e-9;  // one step barely moves the weights: what is saved is the initialization
  r.train.warmup_steps = 1;
  const std::string dir = fresh_dir("i2v");
  r.init.item2vec = write_byte_item2vec(fresh_dir("i2v-vectors"));
  Data d = tiny_data(r);
  const std::vector<std::string> texts = byte_texts();
  auto s = run_training(r, d.train, d.val, {.out_dir = dir, .progress = false, .token_texts = texts});
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(s->item2vec_mapped, 6);

  auto emb = embed::load(r.init.item2vec);
  ASSERT_TRUE(emb.ok());
  auto want = item2vec_init(*emb, texts, static_cast<int>(r.model.dim), static_cast<std::uint64_t>(r.train.seed), 0.02);
  ASSERT_TRUE(want.ok());
  auto ck = load_checkpoint(dir + "/checkpoint.clck");
  ASSERT_TRUE(ck.ok());
  const TensorRecord* embd = token_embd(*ck);
  ASSERT_NE(embd, nullptr);
  const auto dim = static_cast<std::size_t>(r.model.dim);
  for (unsigned char c : std::string("():+x=")) {
    for (std::size_t k = 0; k < dim; ++k)
      ASSERT_NEAR(embd->data[c * dim + k], want->rows[c * dim + k], 1e-6) << "byte '" << c << "' dim " << k;
  }

  // Without it the same seed gives other (random) rows.
  Recipe plain = r;
  plain.init.item2vec.clear();
  const std::string plain_dir = fresh_dir("i2v-plain");
  ASSERT_TRUE(run_training(plain, d.train, d.val, {.out_dir = plain_dir, .progress = false}).ok());
  auto ck0 = load_checkpoint(plain_dir + "/checkpoint.clck");
  ASSERT_TRUE(ck0.ok());
  const TensorRecord* embd0 = token_embd(*ck0);
  ASSERT_NE(embd0, nullptr);
  EXPECT_GT(std::abs(embd0->data['(' * dim] - embd->data['(' * dim]), 1e-5);
}

TEST(Trainer, Item2VecInitErrors) {
  Recipe r = tiny_recipe();
  r.train.steps = 1;
  Data d = tiny_data(r);
  r.init.item2vec = fresh_dir("i2v-missing") + "/missing.c2v";
  auto missing = run_training(r, d.train, d.val, {.out_dir = fresh_dir("i2v-e1"), .progress = false,
                                                  .token_texts = byte_texts()});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("init.item2vec"), std::string::npos) << missing.error().message;
  r.init.item2vec = write_byte_item2vec(fresh_dir("i2v-vectors2"));
  auto no_texts = run_training(r, d.train, d.val, {.out_dir = fresh_dir("i2v-e2"), .progress = false});
  ASSERT_FALSE(no_texts.ok());
  EXPECT_NE(no_texts.error().message.find("token texts"), std::string::npos) << no_texts.error().message;
}

TEST(Trainer, EvalOnlyReportsAccuracyWithoutTraining) {
  Recipe r = tiny_recipe();
  r.train.steps = 20;
  Data d = tiny_data(r);
  const std::string dir = fresh_dir("evalonly");
  auto trained = run_training(r, d.train, d.val, {.out_dir = dir, .progress = false});
  ASSERT_TRUE(trained.ok()) << trained.error().message;
  EXPECT_GT(trained->val_accuracy, 0.3);  // the synthetic code is very regular
  EXPECT_LE(trained->val_accuracy, 1.0);
  auto e = run_training(r, d.train, d.val, {.out_dir = dir, .resume = true, .progress = false, .eval_only = true});
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->steps, 20);
  EXPECT_DOUBLE_EQ(e->val_loss, trained->val_loss);
  EXPECT_DOUBLE_EQ(e->val_accuracy, trained->val_accuracy);
  EXPECT_GT(e->val_tokens, 0);
  auto pts = train_points(dir);
  EXPECT_EQ(pts.back().step, 20);  // nothing was trained or logged
  EXPECT_FALSE(run_training(r, d.train, d.val, {.out_dir = fresh_dir("evalonly-none"), .progress = false,
                                                .eval_only = true})
                   .ok());
}

TEST(Trainer, LearningRateSchedule) {
  TrainConfig t;
  t.lr = 1.0;
  t.min_lr = 0.1;
  t.warmup_steps = 10;
  t.steps = 110;
  EXPECT_DOUBLE_EQ(learning_rate(t, 0), 0.1);
  EXPECT_DOUBLE_EQ(learning_rate(t, 9), 1.0);
  EXPECT_DOUBLE_EQ(learning_rate(t, 10), 1.0);
  EXPECT_NEAR(learning_rate(t, 60), 0.55, 1e-12);  // half-way down the cosine
  EXPECT_NEAR(learning_rate(t, 110), 0.1, 1e-12);
}

}  // namespace
}  // namespace codeloom::train
