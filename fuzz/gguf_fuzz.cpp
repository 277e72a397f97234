// libFuzzer driver for fuzz/gguf_target.h (see fuzz/CMakeLists.txt):
//   build-fuzz/fuzz/gguf_fuzz -max_total_time=600 tests/data/fuzz/gguf
#include <cstddef>
#include <cstdint>

#include "codeloom/common/log.h"
#include "gguf_target.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool quiet = [] {
    codeloom::log::set_level(codeloom::log::Level::kError);
    return true;
  }();
  (void)quiet;
  return codeloom::fuzz::gguf_target(data, size);
}
