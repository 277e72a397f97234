// Tries to create files outside the work dir.
#include <cstdio>
int main() {
  const char* paths[] = {"@ESCAPE_TMP@", "@ESCAPE_REPO@", "/usr/codeloom-escape"};
  for (const char* p : paths) {
    FILE* f = std::fopen(p, "w");
    std::printf("%s %s\n", f ? "wrote" : "blocked", p);
    if (f) std::fclose(f);
  }
  return 0;
}
