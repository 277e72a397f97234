#include "gguf_model_check.h"

#include <algorithm>

namespace codeloom::llm::detail {

Status check_model_metadata(const MetaReader& meta, bool vocab_only) {
  auto arch = meta.str("general.architecture", true);
  if (!arch) return arch.error();
  auto n_vocab = check_vocab(meta);
  if (!n_vocab) return n_vocab.error();
  // A vocabulary-only load reads no hyper-parameters and no tensors.
  if (vocab_only) return Status::Ok();

  const auto& supported = kSupportedArchitectures;
  if (std::find(supported.begin(), supported.end(), **arch) == supported.end()) {
    std::string list;
    for (const auto& a : supported) list += (list.empty() ? "" : ", ") + a;
    return meta.fail(ErrorCode::kUnsupported, "architecture '" + **arch + "' is not supported (supported: " + list +
                                                  "; only these are checked against every libllama assertion)");
  }
  auto shape = check_hparams(meta, **arch);
  if (!shape) return shape.error();
  shape->n_vocab = *n_vocab;
  // <arch>.vocab_size is informational for libllama (the embedding has one
  // row per token), but a different value means the header is inconsistent.
  auto vocab_size = meta.u32(**arch + ".vocab_size");
  if (!vocab_size) return vocab_size.error();
  if (*vocab_size && **vocab_size != *n_vocab) {
    return meta.bad(**arch + ".vocab_size", "is " + std::to_string(**vocab_size) + " but tokenizer.ggml.tokens has " +
                                                std::to_string(*n_vocab) + " tokens");
  }
  return check_tensors(meta, *shape);
}

}  // namespace codeloom::llm::detail
