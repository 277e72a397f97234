// libFuzzer entry point for the "source" target (fuzz/source_target.h).
//   build/fuzz/source_fuzz tests/data/fuzz/source/ -max_len=65536
#include "source_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  codeloom::fuzz::source_target(data, size);
  return 0;
}
