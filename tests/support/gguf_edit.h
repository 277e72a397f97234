// Edits of a GGUF model for the bad-model tests and the GGUF fuzz test: a
// metadata value, an array, a token or a tensor's shape/type changed, with
// the header rewritten consistently (offsets recomputed) and the tensor data
// zero-filled (a sparse file: cheap even for large models).
//
//   auto edit = codeloom::testing::parse_gguf_edit("set llama.block_count u32 0");
//   Status s = codeloom::testing::write_edited_gguf(good_path, *edit, "/tmp/bad.gguf");
//
// Edits (one line; {arch} is replaced by the caller):
//   set KEY TYPE VALUE     TYPE: u32 i32 u64 f32 bool str (f32 takes nan, inf)
//   del KEY
//   arr KEY TYPE V1,V2,..  TYPE: u32 i32
//   trim KEY N             keep the first N entries of an array
//   token ID TEXT          set a token's text; TEXT "@N" copies token N's text, "-" is empty
//   tensor NAME ne=A,B,..  set a tensor's shape
//   tensor NAME type=T     set a tensor's type (ggml name, e.g. q8_0, i32)
//   tensor NAME drop       remove a tensor
#pragma once

#include <string>
#include <vector>

#include "codeloom/common/status.h"

namespace codeloom::testing {

struct GgufEdit {
  std::string op;                 // set | del | arr | trim | token | tensor
  std::vector<std::string> args;  // the words after op
};

Result<GgufEdit> parse_gguf_edit(const std::string& line);

// Writes `src` with `edit` applied to `dst` (header + zero tensor data).
// Errors: kCorrupt (src unreadable as GGUF), kInvalidArgument (bad edit), kIo.
Status write_edited_gguf(const std::string& src, const GgufEdit& edit, const std::string& dst);

// For a header-only GGUF file (e.g. a fuzz corpus entry): extends it with zero
// bytes up to the end of its tensor data when the header parses and the data
// would end before `max_size`; otherwise leaves the file as it is.
void extend_with_zero_tensor_data(const std::string& path, std::uint64_t max_size);

}  // namespace codeloom::testing
