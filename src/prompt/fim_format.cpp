#include "codeloom/prompt/fim_format.h"

#include <filesystem>
#include <string>

namespace codeloom::prompt {
namespace {

// The table is data: adding a family is one entry here plus its golden files.
// Token texts follow each family's published tokenizer (see docs/prompt.md);
// llama.cpp's src/llama-vocab.cpp auto-detects the same texts.
constexpr FimFamilySpec kCodeloom{
    FimFamily::kCodeloom, "codeloom",
    "<cl|fim_prefix>", "<cl|fim_suffix>", "<cl|fim_middle>",
    "<cl|fim_pad>", "", "<cl|file_sep>", "<cl|eot>", "", RepoStyle::kSeparator, false};

// CodeGemma shares Qwen's FIM texts; its <|file_separator|> tells them apart.
constexpr FimFamilySpec kCodeGemma{
    FimFamily::kCodeGemma, "codegemma",
    "<|fim_prefix|>", "<|fim_suffix|>", "<|fim_middle|>",
    "", "", "<|file_separator|>", "", "<|file_separator|>", RepoStyle::kSeparator, false};

constexpr FimFamilySpec kQwenCoder{
    FimFamily::kQwenCoder, "qwen2.5-coder",
    "<|fim_prefix|>", "<|fim_suffix|>", "<|fim_middle|>",
    "<|fim_pad|>", "<|repo_name|>", "<|file_sep|>", "", "", RepoStyle::kQwen, false};

constexpr FimFamilySpec kDeepSeekCoder{
    FimFamily::kDeepSeekCoder, "deepseek-coder",
    "<\xEF\xBD\x9C" "fim\xE2\x96\x81" "begin\xEF\xBD\x9C>",   // <｜fim▁begin｜>
    "<\xEF\xBD\x9C" "fim\xE2\x96\x81" "hole\xEF\xBD\x9C>",    // <｜fim▁hole｜>
    "<\xEF\xBD\x9C" "fim\xE2\x96\x81" "end\xEF\xBD\x9C>",     // <｜fim▁end｜>
    "", "", "", "<|EOT|>", "", RepoStyle::kInline, false};

// StarCoder2 adds <repo_name>/<file_sep>; StarCoder 1 vocabularies lack them
// and fall back to inline context (the spec's optional tokens are simply absent).
constexpr FimFamilySpec kStarCoder{
    FimFamily::kStarCoder, "starcoder",
    "<fim_prefix>", "<fim_suffix>", "<fim_middle>",
    "<fim_pad>", "<repo_name>", "<file_sep>", "", "", RepoStyle::kStarCoder2, false};

constexpr FimFamilySpec kCodeLlama{
    FimFamily::kCodeLlama, "codellama",
    "\xE2\x96\x81<PRE>", "\xE2\x96\x81<SUF>", "\xE2\x96\x81<MID>",   // ▁<PRE> ▁<SUF> ▁<MID>
    "", "", "", "\xE2\x96\x81<EOT>", "", RepoStyle::kInline, true};

llm::Token find(const llm::Model& m, std::string_view text) {
  if (text.empty()) return llm::kNoToken;
  auto t = m.find_token(text);
  return t ? *t : llm::kNoToken;
}

}  // namespace

std::vector<const FimFamilySpec*> fim_families() {
  return {&kCodeloom, &kCodeGemma, &kQwenCoder, &kDeepSeekCoder, &kStarCoder, &kCodeLlama};
}

std::string model_display_name(const llm::Model& model) {
  const auto& info = model.info();
  if (!info.name.empty()) return info.name;
  if (!info.path.empty()) return std::filesystem::path(info.path).filename().string();
  return "(unnamed model)";
}

Result<FimFormat> detect_fim_format(const llm::Model& model) {
  for (const FimFamilySpec* spec : fim_families()) {
    FimFormat f;
    f.spec = spec;
    f.prefix = find(model, spec->prefix);
    f.suffix = find(model, spec->suffix);
    f.middle = find(model, spec->middle);
    if (f.prefix == llm::kNoToken || f.suffix == llm::kNoToken || f.middle == llm::kNoToken) continue;
    if (!spec->distinguishing.empty() && find(model, spec->distinguishing) == llm::kNoToken) continue;
    f.pad = find(model, spec->pad);
    f.repo_name = find(model, spec->repo_name);
    f.file_sep = find(model, spec->file_sep);
    f.eot = find(model, spec->eot);
    for (llm::Token t : {f.prefix, f.suffix, f.middle, f.pad, f.repo_name, f.file_sep, f.eot}) {
      if (t != llm::kNoToken) f.stop_tokens.push_back(t);
    }
    return f;
  }
  return make_error(ErrorCode::kUnsupported,
                    "model " + model_display_name(model) +
                        " has no fill-in-the-middle tokens; omit the suffix for plain completion "
                        "or use a FIM model such as Qwen2.5-Coder, DeepSeek-Coder, StarCoder2, "
                        "CodeLlama, CodeGemma or a codeloom model");
}

}  // namespace codeloom::prompt
