// The tokenizer file: one JSON document, versioned.
//   {"format": "codeloom.tokenizer/1", "model": "byte-bpe", "pre": "qwen2",
//    "tokens": [...], "types": [1, ..., 3], "merges": ["Ġ t", ...], "training": {...}}
// Merges are written as GGUF/Hugging Face do ("left right" in byte-level text),
// so the file is readable and maps one-to-one onto tokenizer.ggml.*.
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "codeloom/tokenizer/tokenizer.h"

namespace codeloom::tokenizer {

namespace {
constexpr const char* kFormat = "codeloom.tokenizer/1";
}

Result<Tokenizer> Tokenizer::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::error_code ec;
    return make_error(std::filesystem::exists(path, ec) ? ErrorCode::kIo : ErrorCode::kNotFound,
                      "cannot read tokenizer '" + path + "'" +
                          (std::filesystem::exists(path, ec) ? "" : ": no such file (train one with `codeloom tokenizer train`)"));
  }
  const auto j = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  const auto corrupt = [&](const std::string& m) { return make_error(ErrorCode::kCorrupt, path + ": " + m); };
  if (j.is_discarded() || !j.is_object()) return corrupt("not a JSON tokenizer file");
  const auto str = [&j](const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string("?");
  };
  if (str("format") != kFormat)
    return corrupt("format is '" + str("format") + "', expected '" + kFormat +
                   "' (written by a different program or a newer codeloom?)");
  if (str("model") != "byte-bpe" || str("pre") != kPreTokenizer)
    return corrupt("unsupported model/pre-tokenizer (expected byte-bpe / qwen2)");
  if (!j.contains("tokens") || !j["tokens"].is_array() || !j.contains("types") || !j["types"].is_array() ||
      !j.contains("merges") || !j["merges"].is_array())
    return corrupt("missing tokens, types or merges arrays");
  std::vector<std::string> tokens;
  std::vector<TokenType> types;
  std::vector<std::pair<std::int32_t, std::int32_t>> merges;
  try {
    for (const auto& t : j["tokens"]) tokens.push_back(t.get<std::string>());
    for (const auto& t : j["types"]) types.push_back(static_cast<TokenType>(t.get<std::int32_t>()));
    std::unordered_map<std::string, std::int32_t> index;
    for (std::size_t i = 0; i < tokens.size(); ++i) index.emplace(tokens[i], static_cast<std::int32_t>(i));
    for (const auto& m : j["merges"]) {
      const std::string s = m.get<std::string>();
      const std::size_t sp = s.find(' ', 1);
      if (sp == std::string::npos) return corrupt("merge '" + s + "' is not 'left right'");
      auto a = index.find(s.substr(0, sp));
      auto b = index.find(s.substr(sp + 1));
      if (a == index.end() || b == index.end()) return corrupt("merge '" + s + "' names an unknown token");
      merges.emplace_back(a->second, b->second);
    }
  } catch (const nlohmann::json::exception& e) {
    return corrupt(std::string("wrong value type: ") + e.what());
  }
  auto t = create(std::move(tokens), std::move(types), std::move(merges));
  if (!t) return corrupt(t.error().message);
  return t;
}

Status Tokenizer::save(const std::string& path) const {
  nlohmann::json j;
  j["format"] = kFormat;
  j["model"] = "byte-bpe";
  j["pre"] = kPreTokenizer;
  j["tokens"] = tokens_;
  auto& types = j["types"] = nlohmann::json::array();
  for (TokenType t : types_) types.push_back(static_cast<std::int32_t>(t));
  auto& merges = j["merges"] = nlohmann::json::array();
  for (const auto& [a, b] : merges_) merges.push_back(tokens_[a] + " " + tokens_[b]);
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return make_error(ErrorCode::kIo, "cannot write " + tmp);
    out << j.dump(1) << "\n";
    out.flush();
    if (!out) {
      std::error_code ec;
      std::filesystem::remove(tmp, ec);
      return make_error(ErrorCode::kIo, "error writing " + tmp + " (disk full?)");
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return make_error(ErrorCode::kIo, "cannot rename " + tmp + " to " + path + ": " + ec.message());
  return Status::Ok();
}

}  // namespace codeloom::tokenizer
