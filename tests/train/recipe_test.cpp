#include "codeloom/train/recipe.h"

#include <gtest/gtest.h>

namespace codeloom::train {
namespace {

const std::string kValid = R"(
[recipe]
name = "t"
[model]
dim = 64
n_layers = 2
n_heads = 4
n_kv_heads = 2
context = 128
vocab_size = 300
[data]
seq_len = 64
fim_rate = 0.5
[train]
steps = 10
lr = 1e-3
min_lr = 1e-4
)";

std::string with(const std::string& from, const std::string& to) {
  std::string s = kValid;
  const auto pos = s.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  return s.replace(pos, from.size(), to);
}

std::string error_of(const std::string& toml) {
  auto r = parse_recipe(toml, "r.toml");
  EXPECT_FALSE(r.ok());
  return r.ok() ? "" : r.error().message;
}

TEST(Recipe, ParsesValues) {
  auto r = parse_recipe(kValid, "r.toml");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->name, "t");
  EXPECT_EQ(r->model.dim, 64);
  EXPECT_EQ(r->model.kv_heads(), 2);
  EXPECT_EQ(r->model.head_dim(), 16);
  EXPECT_EQ(r->model.hidden_dim(), 192);  // 8/3·64 = 170 → 192
  EXPECT_DOUBLE_EQ(r->train.lr, 1e-3);
  EXPECT_EQ(r->train.batch_size, 8);  // default
  EXPECT_EQ(r->source, kValid);
}

TEST(Recipe, UnknownKeyIsNamed) {
  const std::string e = error_of(with("dim = 64", "dim = 64\nwidth = 3"));
  EXPECT_NE(e.find("unknown key 'model.width'"), std::string::npos) << e;
  EXPECT_NE(e.find("r.toml"), std::string::npos) << e;
  EXPECT_NE(error_of(kValid + "[optimizer]\nx = 1\n").find("'optimizer'"), std::string::npos);
}

TEST(Recipe, ImpossibleShapesNameTheKey) {
  EXPECT_NE(error_of(with("n_heads = 4", "n_heads = 3")).find("model.dim (64) must be divisible by model.n_heads (3)"),
            std::string::npos);
  EXPECT_NE(error_of(with("n_kv_heads = 2", "n_kv_heads = 3")).find("model.n_kv_heads (3) must divide"),
            std::string::npos);
  EXPECT_NE(error_of(with("dim = 64", "dim = 36")).find("odd"), std::string::npos);  // 36/4 = 9
  EXPECT_NE(error_of(with("seq_len = 64", "seq_len = 256")).find("data.seq_len (256) exceeds model.context (128)"),
            std::string::npos);
  EXPECT_NE(error_of(with("steps = 10", "steps = 0")).find("train.steps must be > 0"), std::string::npos);
  EXPECT_NE(error_of(with("fim_rate = 0.5", "fim_rate = 1.5")).find("data.fim_rate"), std::string::npos);
  EXPECT_NE(error_of(with("min_lr = 1e-4", "min_lr = 1e-2")).find("train.min_lr"), std::string::npos);
}

TEST(Recipe, WrongTypesAndSyntax) {
  EXPECT_NE(error_of(with("dim = 64", "dim = \"64\"")).find("model.dim must be an integer"), std::string::npos);
  EXPECT_NE(error_of(with("dim = 64", "dim = 64.5")).find("model.dim must be an integer"), std::string::npos);
  EXPECT_NE(error_of(with("[train]", "[train]\nprecision = \"fp8\"")).find("train.precision"), std::string::npos);
  EXPECT_NE(error_of("[model\ndim=1").find("not valid TOML"), std::string::npos);
  auto missing = load_recipe("/nonexistent/recipe.toml");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST(Recipe, ParameterCount) {
  ModelConfig m;
  m.dim = 64;
  m.n_layers = 2;
  m.n_heads = 4;
  m.vocab_size = 300;
  m.ffn_dim = 128;
  // embd + output + 2 × (4·64² attention + 3·64·128 ffn + 2·64 norms) + 64
  EXPECT_EQ(parameter_count(m), 300 * 64 * 2 + 2 * (4 * 64 * 64 + 3 * 64 * 128 + 128) + 64);
  m.tied_embeddings = true;
  EXPECT_EQ(parameter_count(m), 300 * 64 + 2 * (4 * 64 * 64 + 3 * 64 * 128 + 128) + 64);
}

}  // namespace
}  // namespace codeloom::train

namespace codeloom::train {
namespace {

// The shipped recipes parse, and the proposed default fits its budget:
// a q8_0 GGUF (34 bytes per 32 weights) of at most 30 MB with a 16k vocabulary.
TEST(Recipe, ShippedRecipesParseAndCodeloomTinyFitsItsSize) {
  for (const char* name : {"tiny-test", "codeloom-tiny", "item2vec-ablation"}) {
    auto r = load_recipe(std::string(CODELOOM_SOURCE_DIR) + "/recipes/" + name + ".toml");
    ASSERT_TRUE(r.ok()) << r.error().message;
  }
  auto r = load_recipe(std::string(CODELOOM_SOURCE_DIR) + "/recipes/codeloom-tiny.toml");
  ASSERT_TRUE(r.ok());
  ModelConfig m = r->model;
  m.vocab_size = 16000;
  const double q8_bytes = static_cast<double>(parameter_count(m)) * 34.0 / 32.0;
  EXPECT_LT(q8_bytes, 30e6);
  EXPECT_GT(q8_bytes, 10e6);
}

}  // namespace
}  // namespace codeloom::train
