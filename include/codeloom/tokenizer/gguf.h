// Writing a codeloom tokenizer as GGUF tokenizer metadata, so that libllama
// tokenizes text exactly as Tokenizer::encode does (tests/tokenizer checks it).
//
//   gguf_context* ctx = gguf_init_empty();
//   ... set general.* / llama.* keys and tensors ...
//   if (auto s = tokenizer::write_gguf_tokenizer(tok, ctx); !s) return s;
//
// Keys: tokenizer.ggml.model = "gpt2" (byte-level BPE), .pre = "qwen2", .tokens,
// .token_type (1 normal, 3 control), .merges ("left right"), bos/eos/eot =
// <cl|eot>, padding = <cl|fim_pad>, fim_pre/suf/mid/pad/sep ids, add_bos/add_eos
// false. libllama then treats <cl|eot> as end of generation and finds the FIM
// tokens by id.
#pragma once

#include <string>

#include "codeloom/common/status.h"
#include "codeloom/tokenizer/tokenizer.h"

struct gguf_context;

namespace codeloom::tokenizer {

Status write_gguf_tokenizer(const Tokenizer& tokenizer, gguf_context* ctx);

// A vocabulary-only GGUF (architecture "llama", no tensors) that libllama can
// load with vocab_only = true: for tokenizer parity checks and `codeloom tokenizer export`.
Status write_vocab_gguf(const Tokenizer& tokenizer, const std::string& path);

}  // namespace codeloom::tokenizer
