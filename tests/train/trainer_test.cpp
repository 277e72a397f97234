#include "codeloom/train/trainer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "codeloom/train/checkpoint.h"
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

TEST(Trainer, Item2VecInitIsRefusedUntilTheEmbedModuleExists) {
  Recipe r = tiny_recipe();
  r.init.item2vec = "vectors.bin";
  Data d = tiny_data(r);
  auto s = run_training(r, d.train, d.val, {.out_dir = fresh_dir("i2v"), .progress = false});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kUnsupported);
  EXPECT_FALSE(std::filesystem::exists(fresh_dir("i2v")));
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
