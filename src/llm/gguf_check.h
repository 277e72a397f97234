// Private to the llm module: validates a GGUF file before libllama sees it.
// libllama/ggml return NULL for most bad files but abort on a few (and
// report truncated tensor data only as a vague load failure); this check
// turns every such case into a one-line actionable codeloom::Error.
#pragma once

#include <cstdint>
#include <string>

#include "codeloom/common/status.h"

namespace codeloom::llm::detail {

struct GgufSummary {
  std::uint32_t version = 0;
  std::int64_t n_tensors = 0;
  std::int64_t n_kv = 0;
  std::uint64_t file_size = 0;
  std::uint64_t data_offset = 0;  // start of the tensor data section
};

// Errors: kNotFound (missing), kIo (directory, not a regular file,
// unreadable), kCorrupt (empty, bad magic, unsupported version, truncated or
// malformed header/metadata, tensor data past the end of the file, and every
// model-level value libllama would assert on: see gguf_model_check.h),
// kUnsupported (an architecture or tokenizer outside the checked set).
// `vocab_only`: check only what a vocabulary-only load reads.
// Thread-safe (no shared state besides libllama's logger).
Result<GgufSummary> check_gguf_file(const std::string& path, bool vocab_only = false);

}  // namespace codeloom::llm::detail
