// Training, exact round trips, determinism, the file format (incl. a file written
// by format version 1 that must keep loading) and bad input.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "codeloom/tokenizer/tokenizer.h"
#include "codeloom/tokenizer/train.h"
#include "corpus.h"
#include "support/tiny_model.h"

namespace codeloom::tokenizer {
namespace {

namespace fs = std::filesystem;

const Tokenizer& trained() {
  static const Tokenizer tok = [] {
    TrainOptions o;
    o.vocab_size = 3000;
    auto t = train_bpe(count_words(testdata::golden_files(), 2), o);
    EXPECT_TRUE(t) << t.error().message;
    return std::move(t).value();
  }();
  return tok;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

TEST(Tokenizer, TrainsTheRequestedVocabularyWithControlTokensLast) {
  const Tokenizer& t = trained();
  EXPECT_EQ(t.vocab_size(), 3000);
  const auto ctl = control_token_texts({"python", "java", "cpp"});
  ASSERT_EQ(ctl.size(), 9u);
  for (std::size_t i = 0; i < ctl.size(); ++i) {
    const auto id = static_cast<std::int32_t>(3000 - ctl.size() + i);
    EXPECT_EQ(t.token_text(id), ctl[i]);
    EXPECT_EQ(t.token_type(id), TokenType::kControl);
  }
  EXPECT_EQ(t.specials().fim_prefix, t.find("<cl|fim_prefix>"));
  EXPECT_EQ(t.specials().eot, t.find("<cl|eot>"));
  EXPECT_EQ(t.specials().languages.at("java"), t.find("<cl|lang:java>"));
  EXPECT_EQ(t.merges().size(), 3000u - 256u - 9u);
  // Frequent code words became single tokens ("Ġ" is the byte-level space).
  for (const char* w : {"Ġreturn", "self", "Ġpublic", "Ġconst"}) EXPECT_GE(t.find(w), 256) << w;
}

TEST(Tokenizer, RoundTripsEverySampleExactly) {
  const Tokenizer& t = trained();
  auto all = testdata::samples();
  all.push_back("\xff\xfe invalid \xc3 utf8 \xe2\x82");  // bytes llama.cpp would replace; we keep them
  std::size_t bytes = 0, ids = 0;
  for (const std::string& s : all) {
    const auto enc = t.encode(s);
    ASSERT_EQ(t.decode(enc), s);
    bytes += s.size();
    ids += enc.size();
  }
  // Compression on its own training text: well above raw bytes.
  EXPECT_GT(static_cast<double>(bytes) / static_cast<double>(ids), 3.0);
}

TEST(Tokenizer, ControlTokenTextIsPlainTextUnlessAskedFor) {
  const Tokenizer& t = trained();
  const std::string s = "<cl|fim_prefix>x = 1<cl|fim_suffix>\n<cl|fim_middle>";
  const auto plain = t.encode(s);
  for (auto id : plain) EXPECT_NE(t.token_type(id), TokenType::kControl);
  const auto special = t.encode_with_specials(s);
  ASSERT_GE(special.size(), 4u);
  EXPECT_EQ(special.front(), t.specials().fim_prefix);
  EXPECT_EQ(special.back(), t.specials().fim_middle);
  EXPECT_EQ(t.decode(special), s);
  EXPECT_EQ(t.decode(special, /*skip_control=*/true), "x = 1\n");
}

TEST(Tokenizer, TrainingIsDeterministicAcrossThreadCounts) {
  TrainOptions o;
  o.vocab_size = 800;
  const auto files = testdata::golden_files();
  auto a = train_bpe(count_words(files, 1), o);
  auto b = train_bpe(count_words(files, 3), o);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->merges(), b->merges());
  for (std::int32_t i = 0; i < a->vocab_size(); ++i) ASSERT_EQ(a->token_text(i), b->token_text(i));
}

TEST(Tokenizer, MinFrequencyStopsTrainingEarly) {
  TrainOptions o;
  o.vocab_size = 100000;
  o.min_frequency = 50;
  TrainStats st;
  auto t = train_bpe(count_words(testdata::golden_files(), 2), o, &st);
  ASSERT_TRUE(t);
  EXPECT_TRUE(st.stopped_by_min_frequency);
  EXPECT_LT(t->vocab_size(), 100000);
  EXPECT_EQ(t->vocab_size(), static_cast<std::int32_t>(256 + st.merges + 9));
}

TEST(Tokenizer, TooSmallVocabularyIsAnError) {
  TrainOptions o;
  o.vocab_size = 260;
  auto t = train_bpe(count_words({"abc"}, 1), o);
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(t.error().message.find("265"), std::string::npos) << t.error().message;
}

TEST(Tokenizer, SaveLoadRoundTrip) {
  const std::string dir = codeloom::testing::make_temp_dir("tok");
  const std::string path = dir + "/tok.json";
  ASSERT_TRUE(trained().save(path));
  auto back = Tokenizer::load(path);
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->vocab_size(), trained().vocab_size());
  EXPECT_EQ(back->merges(), trained().merges());
  for (const std::string& s : testdata::edge_cases()) EXPECT_EQ(back->encode(s), trained().encode(s));
  fs::remove_all(dir);
}

// A file written by format version 1; encodings must never change silently.
TEST(Tokenizer, LoadsAVersion1FileAndEncodesAsBefore) {
  const fs::path dir = fs::path(CODELOOM_TEST_DATA_DIR) / "tokenizer";
  auto t = Tokenizer::load((dir / "tiny-v1.json").string());
  ASSERT_TRUE(t) << t.error().message;
  std::ifstream in(dir / "tiny-v1.expected.txt");
  std::string text, ids_line;
  int checked = 0;
  while (std::getline(in, text) && std::getline(in, ids_line)) {
    std::string got;
    for (auto id : t->encode(text)) got += (got.empty() ? "" : " ") + std::to_string(id);
    EXPECT_EQ(got, ids_line) << text;
    ++checked;
  }
  EXPECT_GE(checked, 5);
}

TEST(Tokenizer, BadFilesGiveClearErrors) {
  const std::string dir = codeloom::testing::make_temp_dir("tokbad");
  auto missing = Tokenizer::load(dir + "/nope.json");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_NE(missing.error().message.find("codeloom tokenizer train"), std::string::npos);

  const auto expect_corrupt = [&](const std::string& content, const std::string& needle) {
    std::ofstream(dir + "/t.json", std::ios::binary | std::ios::trunc) << content;
    auto t = Tokenizer::load(dir + "/t.json");
    ASSERT_FALSE(t) << content.substr(0, 60);
    EXPECT_EQ(t.error().code, ErrorCode::kCorrupt);
    EXPECT_NE(t.error().message.find(needle), std::string::npos) << t.error().message;
  };
  expect_corrupt("not json", "not a JSON tokenizer");
  expect_corrupt(R"({"format":"codeloom.tokenizer/9"})", "expected 'codeloom.tokenizer/1'");
  expect_corrupt(R"({"format":"codeloom.tokenizer/1","model":"byte-bpe","pre":"qwen2","tokens":["a"],"types":[1],"merges":[]})",
                 "256 byte tokens");
  // A valid file with one merge pointing at a token that is not there.
  ASSERT_TRUE(trained().save(dir + "/good.json"));
  std::string good = slurp(dir + "/good.json");
  const std::size_t m = good.find("\"merges\": [");
  ASSERT_NE(m, std::string::npos);
  std::string broken = good;
  broken.insert(m + 11, "\n  \"Ġreturn zzzzqq\",");
  expect_corrupt(broken, "unknown token");
  std::string truncated = good.substr(0, good.size() / 2);
  expect_corrupt(truncated, "not a JSON tokenizer");
  fs::remove_all(dir);
}

TEST(Tokenizer, CreateRejectsInconsistentVocabularies) {
  std::vector<std::string> tokens;
  std::vector<TokenType> types;
  for (int b = 0; b < 256; ++b) tokens.push_back(byte_to_token_text(static_cast<unsigned char>(b)));
  types.assign(256, TokenType::kNormal);
  auto no_controls = Tokenizer::create(tokens, types, {});
  ASSERT_FALSE(no_controls);
  EXPECT_NE(no_controls.error().message.find("<cl|fim_prefix> is missing"), std::string::npos);
  for (const auto& c : control_token_texts({})) tokens.push_back(c), types.push_back(TokenType::kControl);
  EXPECT_TRUE(Tokenizer::create(tokens, types, {}));
  auto dup = tokens;
  dup.push_back("a");
  auto dup_types = types;
  dup_types.push_back(TokenType::kNormal);
  EXPECT_FALSE(Tokenizer::create(dup, dup_types, {}));  // "a" is already byte 0x61
  EXPECT_FALSE(Tokenizer::create(tokens, types, {{97, 98}}));  // "ab" is not in the vocabulary
}

}  // namespace
}  // namespace codeloom::tokenizer
