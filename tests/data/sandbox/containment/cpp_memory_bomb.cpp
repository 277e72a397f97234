// Allocates and touches 64 MB blocks until RLIMIT_AS: std::bad_alloc -> abort.
#include <cstring>
#include <vector>
int main() {
  std::vector<char*> blocks;
  for (;;) {
    char* p = new char[64 << 20];
    std::memset(p, 1, 64 << 20);
    blocks.push_back(p);
  }
}
