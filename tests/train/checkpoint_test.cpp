#include "codeloom/train/checkpoint.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace codeloom::train {
namespace {

std::string temp_path(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("codeloom-ckpt-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

Checkpoint sample() {
  Checkpoint ck;
  ck.recipe_toml = "[model]\ndim = 64\n";
  ck.step = 12;
  ck.data_position = 96;
  ck.tokens_seen = 6144;
  ck.world_size = 2;
  ck.rng_state = std::string("\x01\x00\x02", 3);
  ck.model.push_back({"token_embd.weight", {2, 3}, {1, 2, 3, 4, 5, -6.5f}});
  ck.model.push_back({"output_norm.weight", {3}, {1, 1, 1}});
  ck.optimizer.push_back({"token_embd.weight.exp_avg", {2, 3}, {0, 0, 0, 0, 0, 1e-9f}});
  return ck;
}

void flip_byte(const std::string& path, std::streamoff at) {
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  f.seekg(at);
  char c = 0;
  f.read(&c, 1);
  c = static_cast<char>(c ^ 0x10);
  f.seekp(at);
  f.write(&c, 1);
}

TEST(Checkpoint, RoundTrip) {
  const std::string p = temp_path("a.clck");
  ASSERT_TRUE(save_checkpoint(p, sample()).ok());
  auto ck = load_checkpoint(p);
  ASSERT_TRUE(ck.ok()) << ck.error().message;
  EXPECT_EQ(ck->version, kCheckpointVersion);
  EXPECT_EQ(ck->recipe_toml, sample().recipe_toml);
  EXPECT_EQ(ck->step, 12);
  EXPECT_EQ(ck->data_position, 96);
  EXPECT_EQ(ck->tokens_seen, 6144);
  EXPECT_EQ(ck->world_size, 2);
  EXPECT_EQ(ck->rng_state, sample().rng_state);
  ASSERT_EQ(ck->model.size(), 2u);
  EXPECT_EQ(ck->model[0].data, sample().model[0].data);
  EXPECT_EQ(ck->find_model("output_norm.weight")->shape, (std::vector<std::int64_t>{3}));
  EXPECT_EQ(ck->optimizer[0].data[5], 1e-9f);
  EXPECT_FALSE(std::filesystem::exists(p + ".tmp"));
}

TEST(Checkpoint, BitFlipIsDetectedByChecksum) {
  const std::string p = temp_path("b.clck");
  ASSERT_TRUE(save_checkpoint(p, sample()).ok());
  flip_byte(p, static_cast<std::streamoff>(std::filesystem::file_size(p) / 2));
  auto ck = load_checkpoint(p);
  ASSERT_FALSE(ck.ok());
  EXPECT_EQ(ck.error().code, ErrorCode::kCorrupt);
  EXPECT_NE(ck.error().message.find("checksum"), std::string::npos) << ck.error().message;
}

TEST(Checkpoint, TruncationAndGarbageAreCorrupt) {
  const std::string p = temp_path("c.clck");
  ASSERT_TRUE(save_checkpoint(p, sample()).ok());
  std::filesystem::resize_file(p, std::filesystem::file_size(p) - 5);
  auto ck = load_checkpoint(p);
  ASSERT_FALSE(ck.ok());
  EXPECT_EQ(ck.error().code, ErrorCode::kCorrupt);
  std::ofstream(temp_path("d.clck")) << "hello, not a checkpoint at all";
  auto g = load_checkpoint(temp_path("d.clck"));
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.error().code, ErrorCode::kCorrupt);
  auto m = load_checkpoint(temp_path("missing.clck"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().code, ErrorCode::kNotFound);
}

TEST(Checkpoint, NewerVersionIsUnsupported) {
  const std::string p = temp_path("e.clck");
  ASSERT_TRUE(save_checkpoint(p, sample()).ok());
  flip_byte(p, 8);  // the low byte of the u32 version: 1 → 17
  auto ck = load_checkpoint(p);
  ASSERT_FALSE(ck.ok());
  EXPECT_EQ(ck.error().code, ErrorCode::kUnsupported);
}

}  // namespace
}  // namespace codeloom::train
