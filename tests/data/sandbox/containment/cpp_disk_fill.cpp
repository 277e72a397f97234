// Writes until RLIMIT_FSIZE: the kernel sends SIGXFSZ.
#include <cstdio>
#include <vector>
int main() {
  std::vector<char> block(1 << 20, 'x');
  FILE* f = std::fopen("fill.bin", "wb");
  for (;;) {
    std::fwrite(block.data(), 1, block.size(), f);
    std::fflush(f);
  }
}
