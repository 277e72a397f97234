#include "codeloom/llm/model.h"

#include <algorithm>
#include <climits>

#include "backend.h"
#include "codeloom/common/log.h"
#include "gguf_check.h"
#include "llama.h"

namespace codeloom::llm {
namespace {

const char* vocab_type_name(enum llama_vocab_type t) {
  switch (t) {
    case LLAMA_VOCAB_TYPE_NONE: return "none";
    case LLAMA_VOCAB_TYPE_SPM: return "spm";
    case LLAMA_VOCAB_TYPE_BPE: return "bpe";
    case LLAMA_VOCAB_TYPE_WPM: return "wpm";
    case LLAMA_VOCAB_TYPE_UGM: return "ugm";
    case LLAMA_VOCAB_TYPE_RWKV: return "rwkv";
    case LLAMA_VOCAB_TYPE_PLAMO2: return "plamo2";
    default: return "other";
  }
}

std::string meta_string(const llama_model* m, const char* key) {
  char small[256];
  const int32_t n = llama_model_meta_val_str(m, key, small, sizeof small);
  if (n < 0) return {};
  if (static_cast<std::size_t>(n) < sizeof small) return std::string(small, static_cast<std::size_t>(n));
  std::string big(static_cast<std::size_t>(n) + 1, '\0');
  llama_model_meta_val_str(m, key, big.data(), big.size());
  big.resize(static_cast<std::size_t>(n));
  return big;
}

}  // namespace

Result<std::shared_ptr<Model>> Model::load(const std::string& path, const ModelOptions& options) {
  // Logs must be routed before the pre-check: ggml's GGUF reader reports its
  // reasons through the log callback, which otherwise prints to stderr.
  ensure_backend();
  auto checked = detail::check_gguf_file(path, options.vocab_only);
  if (!checked) return checked.error();

  llama_model_params params = llama_model_default_params();
  params.load_mode = options.use_mmap ? LLAMA_LOAD_MODE_MMAP : LLAMA_LOAD_MODE_NONE;
  params.vocab_only = options.vocab_only;
  params.n_gpu_layers = options.n_gpu_layers;

  llama_model* raw = nullptr;
  std::string why;
  {
    detail::LogCapture capture;
    raw = llama_model_load_from_file(path.c_str(), params);
    why = capture.text();
  }
  if (raw == nullptr) {
    return make_error(ErrorCode::kCorrupt, "libllama could not load model " + path +
                                               (why.empty() ? std::string() : ": " + why) +
                                               " (unsupported architecture or damaged file?)");
  }
  // libllama asserts when it tokenizes with "add BOS/EOS" set but no such
  // token (e.g. tokenizer.ggml.bos_token_id out of range, which it drops).
  const llama_vocab* vocab = llama_model_get_vocab(raw);
  const char* missing = nullptr;
  if (llama_vocab_get_add_bos(vocab) && llama_vocab_bos(vocab) == LLAMA_TOKEN_NULL) missing = "bos";
  if (llama_vocab_get_add_eos(vocab) && llama_vocab_eos(vocab) == LLAMA_TOKEN_NULL) missing = "eos";
  if (missing != nullptr) {
    llama_model_free(raw);
    return make_error(ErrorCode::kCorrupt, "model file " + path + ": tokenizer.ggml.add_" + missing +
                                               "_token is set but tokenizer.ggml." + missing +
                                               "_token_id is missing or not a token id; the file is corrupt");
  }
  std::shared_ptr<Model> m(new Model());
  m->model_ = raw;
  m->vocab_ = llama_model_get_vocab(raw);
  m->vocab_only_ = options.vocab_only;

  ModelInfo& info = m->info_;
  info.path = path;
  info.architecture = meta_string(raw, "general.architecture");
  info.name = meta_string(raw, "general.name");
  char desc[256];
  if (llama_model_desc(raw, desc, sizeof desc) > 0) info.description = desc;
  info.vocab_type = vocab_type_name(llama_vocab_type(m->vocab_));
  info.n_params = llama_model_n_params(raw);
  info.size_bytes = llama_model_size(raw);
  info.n_vocab = llama_vocab_n_tokens(m->vocab_);
  info.n_ctx_train = llama_model_n_ctx_train(raw);
  info.n_embd = llama_model_n_embd(raw);
  info.n_layer = llama_model_n_layer(raw);
  if (const char* tmpl = llama_model_chat_template(raw, nullptr)) info.chat_template = tmpl;

  // Sorted once so find_token is a binary search (special-token lookups by
  // the prompt module happen per request).
  m->sorted_vocab_.reserve(static_cast<std::size_t>(info.n_vocab));
  for (Token t = 0; t < info.n_vocab; ++t) {
    const char* text = llama_vocab_get_text(m->vocab_, t);
    m->sorted_vocab_.emplace_back(text ? text : "", t);
    if (llama_vocab_is_eog(m->vocab_, t)) m->eog_.push_back(t);
  }
  std::sort(m->sorted_vocab_.begin(), m->sorted_vocab_.end());
  CODELOOM_LOG(kInfo, "loaded model " << path << ": " << info.description << ", " << info.n_vocab << " tokens, "
                                      << checked->n_tensors << " tensors");
  return m;
}

Model::~Model() {
  if (model_ != nullptr) llama_model_free(model_);
}

std::vector<Token> Model::tokenize(std::string_view text, bool add_special, bool parse_special) const {
  if (text.size() > static_cast<std::size_t>(INT32_MAX) - 16) return {};
  const auto len = static_cast<int32_t>(text.size());
  std::vector<Token> out(text.size() + 4);
  int32_t n = llama_tokenize(vocab_, text.data(), len, out.data(), static_cast<int32_t>(out.size()), add_special,
                             parse_special);
  if (n < 0 && n != INT32_MIN) {  // buffer too small: -n is the size needed
    out.resize(static_cast<std::size_t>(-n));
    n = llama_tokenize(vocab_, text.data(), len, out.data(), static_cast<int32_t>(out.size()), add_special,
                       parse_special);
  }
  if (n < 0) {
    CODELOOM_LOG(kWarn, "tokenize failed for " << text.size() << " bytes of text");
    return {};
  }
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string Model::token_to_piece(Token token, bool special) const {
  if (token < 0 || token >= info_.n_vocab) return {};  // libllama throws across its C API here
  std::string out(16, '\0');
  int32_t n = llama_token_to_piece(vocab_, token, out.data(), static_cast<int32_t>(out.size()), 0, special);
  if (n < 0) {
    out.resize(static_cast<std::size_t>(-n));
    n = llama_token_to_piece(vocab_, token, out.data(), static_cast<int32_t>(out.size()), 0, special);
  }
  out.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  return out;
}

std::string Model::detokenize(std::span<const Token> tokens, bool special) const {
  // Out-of-vocabulary ids are dropped rather than handed to libllama.
  std::vector<Token> valid;
  valid.reserve(tokens.size());
  for (Token t : tokens) {
    if (t >= 0 && t < info_.n_vocab) valid.push_back(t);
  }
  if (valid.empty()) return {};
  std::string out(valid.size() * 4 + 16, '\0');
  const auto n_tok = static_cast<int32_t>(valid.size());
  int32_t n = llama_detokenize(vocab_, valid.data(), n_tok, out.data(), static_cast<int32_t>(out.size()),
                               /*remove_special=*/false, special);
  if (n < 0) {
    out.resize(static_cast<std::size_t>(-n));
    n = llama_detokenize(vocab_, valid.data(), n_tok, out.data(), static_cast<int32_t>(out.size()), false, special);
  }
  out.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  return out;
}

std::string Model::token_text(Token token) const {
  if (token < 0 || token >= info_.n_vocab) return {};
  const char* t = llama_vocab_get_text(vocab_, token);
  return t ? t : "";
}

std::optional<Token> Model::find_token(std::string_view text) const {
  auto it = std::lower_bound(sorted_vocab_.begin(), sorted_vocab_.end(), text,
                             [](const auto& e, std::string_view v) { return std::string_view(e.first) < v; });
  if (it == sorted_vocab_.end() || it->first != text) return std::nullopt;
  return it->second;
}

bool Model::is_control(Token token) const {
  return token >= 0 && token < info_.n_vocab && llama_vocab_is_control(vocab_, token);
}
bool Model::is_eog(Token token) const {
  return token >= 0 && token < info_.n_vocab && llama_vocab_is_eog(vocab_, token);
}
Token Model::bos() const { return llama_vocab_bos(vocab_); }
Token Model::eos() const { return llama_vocab_eos(vocab_); }
bool Model::adds_bos() const { return llama_vocab_get_add_bos(vocab_); }

Token Model::fim_prefix() const { return llama_vocab_fim_pre(vocab_); }
Token Model::fim_suffix() const { return llama_vocab_fim_suf(vocab_); }
Token Model::fim_middle() const { return llama_vocab_fim_mid(vocab_); }
Token Model::fim_pad() const { return llama_vocab_fim_pad(vocab_); }
Token Model::fim_repo() const { return llama_vocab_fim_rep(vocab_); }
Token Model::fim_file_sep() const { return llama_vocab_fim_sep(vocab_); }

std::optional<std::string> Model::metadata(const std::string& key) const {
  char probe[1];
  if (llama_model_meta_val_str(model_, key.c_str(), probe, sizeof probe) < 0) return std::nullopt;
  return meta_string(model_, key.c_str());
}

}  // namespace codeloom::llm
