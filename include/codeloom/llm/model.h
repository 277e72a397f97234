// codeloom::llm::Model — a GGUF model loaded through libllama (memory-mapped).
//
//   auto model = llm::Model::load("models/codeloom-tiny.gguf");
//   if (!model) { report(model.error()); return; }
//   auto toks = (*model)->tokenize("def add(a, b):", /*add_special=*/true, /*parse_special=*/false);
//
// Ownership: Model is shared (std::shared_ptr) between Sessions; it is
// immutable after load and safe to use from several threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "codeloom/common/status.h"

struct llama_model;
struct llama_vocab;

namespace codeloom::llm {

using Token = std::int32_t;
inline constexpr Token kNoToken = -1;

struct ModelOptions {
  bool use_mmap = true;      // map the file instead of reading it
  bool vocab_only = false;   // load only the vocabulary (tokenize, detect FIM) — fast
  int n_gpu_layers = 0;      // > 0 only with a GPU build of llama.cpp
};

struct ModelInfo {
  std::string path;
  std::string architecture;   // general.architecture, e.g. "llama", "qwen2"
  std::string name;           // general.name, may be empty
  std::string description;    // llama_model_desc, e.g. "qwen2 0.5B Q4_K - Medium"
  std::string vocab_type;     // "bpe", "spm", "wpm", "ugm", "rwkv", "plamo2", "none"
  std::uint64_t n_params = 0;
  std::uint64_t size_bytes = 0;
  int n_vocab = 0;
  int n_ctx_train = 0;
  int n_embd = 0;
  int n_layer = 0;
  std::string chat_template;  // tokenizer.chat_template, empty when absent
};

class Model {
 public:
  // Loads a GGUF file. Checks before libllama sees the file, each with an
  // actionable message: kNotFound (missing), kInvalidArgument (a directory), kIo (unreadable),
  // kCorrupt (not GGUF: bad magic; truncated; unsupported GGUF version;
  // libllama refused it). Never aborts the process.
  static Result<std::shared_ptr<Model>> load(const std::string& path, const ModelOptions& options = {});

  ~Model();
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  const ModelInfo& info() const { return info_; }

  // Text -> tokens. add_special adds BOS etc. as the model's metadata says;
  // parse_special turns special-token text (e.g. "<|fim_prefix|>") into the
  // special token instead of plain text. Empty text gives an empty vector
  // (plus BOS if add_special and the model adds one).
  std::vector<Token> tokenize(std::string_view text, bool add_special, bool parse_special = false) const;

  // Token -> its UTF-8 piece as it would be printed (special: render control tokens).
  std::string token_to_piece(Token token, bool special = false) const;
  // Tokens -> text, as llama_detokenize.
  std::string detokenize(std::span<const Token> tokens, bool special = false) const;

  // The raw vocabulary entry text (e.g. "<|fim_prefix|>" or "Ġreturn").
  std::string token_text(Token token) const;
  // Exact lookup of a vocabulary entry by its raw text; for special tokens.
  std::optional<Token> find_token(std::string_view text) const;
  bool is_control(Token token) const;
  bool is_eog(Token token) const;  // end of generation (EOS, EOT, <|endoftext|>, ...)
  const std::vector<Token>& eog_tokens() const { return eog_; }  // every token is_eog accepts, ascending
  Token bos() const;               // kNoToken when absent
  Token eos() const;
  bool adds_bos() const;
  int n_vocab() const { return info_.n_vocab; }
  bool vocab_only() const { return vocab_only_; }  // loaded without weights: no Session possible

  // FIM special tokens as libllama detected them from metadata or vocab text; kNoToken when absent.
  Token fim_prefix() const;
  Token fim_suffix() const;
  Token fim_middle() const;
  Token fim_pad() const;
  Token fim_repo() const;
  Token fim_file_sep() const;

  // A scalar GGUF metadata value as a string (e.g. "llama.context_length" ->
  // "2048"); nullopt if absent or an array (libllama keeps no array values).
  std::optional<std::string> metadata(const std::string& key) const;

  llama_model* raw() const { return model_; }
  const llama_vocab* vocab() const { return vocab_; }

 private:
  Model() = default;
  llama_model* model_ = nullptr;
  const llama_vocab* vocab_ = nullptr;
  ModelInfo info_;
  bool vocab_only_ = false;
  std::vector<std::pair<std::string, Token>> sorted_vocab_;  // for find_token
  std::vector<Token> eog_;
};

// Initializes llama.cpp's backend once per process and routes its logs into
// codeloom::log (debug level). Called by Model::load; safe to call repeatedly.
void ensure_backend();

}  // namespace codeloom::llm
