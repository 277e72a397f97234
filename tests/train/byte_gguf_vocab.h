// Test double for tokenizer::write_gguf_tokenizer: writes the byte vocabulary
// of byte_vocab.h as a GPT-2-style byte-level BPE vocabulary (no merges) so
// llama.cpp can load an exported test model. Token ids are fed directly, so
// only loading matters here; tokenizer parity is tested with the real tokenizer.
#pragma once

#include <gguf.h>

#include <string>
#include <vector>

#include "codeloom/common/status.h"
#include "train/byte_vocab.h"

namespace codeloom::train::testing {

inline std::string utf8(unsigned cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

inline Status write_byte_gguf_vocab(gguf_context* g) {
  // GPT-2's bytes_to_unicode: printable bytes map to themselves, the rest to 256+n.
  std::vector<std::string> tokens(256);
  unsigned next = 256;
  for (unsigned b = 0; b < 256; ++b) {
    const bool printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174);
    tokens[b] = utf8(printable ? b : next++);
  }
  for (const char* s : {"<cl|fim_prefix>", "<cl|fim_suffix>", "<cl|fim_middle>", "<cl|fim_pad>", "<cl|eot>"})
    tokens.push_back(s);
  std::vector<const char*> ptrs;
  for (const auto& t : tokens) ptrs.push_back(t.c_str());
  std::vector<std::int32_t> types(tokens.size(), 1);
  for (std::size_t i = 256; i < types.size(); ++i) types[i] = 3;  // control
  gguf_set_val_str(g, "tokenizer.ggml.model", "gpt2");
  gguf_set_val_str(g, "tokenizer.ggml.pre", "default");
  gguf_set_arr_str(g, "tokenizer.ggml.tokens", ptrs.data(), ptrs.size());
  gguf_set_arr_data(g, "tokenizer.ggml.token_type", GGUF_TYPE_INT32, types.data(), types.size());
  const char* merge = "Ġ Ġ";
  gguf_set_arr_str(g, "tokenizer.ggml.merges", &merge, 1);
  gguf_set_val_u32(g, "tokenizer.ggml.bos_token_id", kEot);
  gguf_set_val_u32(g, "tokenizer.ggml.eos_token_id", kEot);
  gguf_set_val_u32(g, "tokenizer.ggml.eot_token_id", kEot);
  gguf_set_val_u32(g, "tokenizer.ggml.padding_token_id", kPad);
  gguf_set_val_u32(g, "tokenizer.ggml.fim_pre_token_id", kPrefix);
  gguf_set_val_u32(g, "tokenizer.ggml.fim_suf_token_id", kSuffix);
  gguf_set_val_u32(g, "tokenizer.ggml.fim_mid_token_id", kMiddle);
  gguf_set_val_u32(g, "tokenizer.ggml.fim_pad_token_id", kPad);
  gguf_set_val_bool(g, "tokenizer.ggml.add_bos_token", false);
  return Status::Ok();
}

}  // namespace codeloom::train::testing
