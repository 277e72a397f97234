// Writes through a null pointer: killed by SIGSEGV.
#include <cstdio>
int main() {
  volatile int* p = nullptr;
  std::puts("about to crash");
  std::fflush(stdout);
  *p = 42;
  return 0;
}
