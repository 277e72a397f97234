// Lists what a sandboxed job sees: every entry one and two levels below /
// (symlinks are listed, not followed), then "present <path>" for each argument
// that exists. Run by tests/sandbox/view_test.cpp.
#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

static std::vector<std::string> entries(const std::string& dir) {
  std::vector<std::string> out;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name != "." && name != "..") out.push_back(name);
    }
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

int main(int argc, char** argv) {
  for (const std::string& a : entries("/")) {
    std::string top = "/" + a;
    std::printf("%s\n", top.c_str());
    struct stat st;
    if (lstat(top.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      for (const std::string& b : entries(top)) std::printf("%s/%s\n", top.c_str(), b.c_str());
    }
  }
  for (int i = 1; i < argc; ++i) {
    struct stat st;
    if (lstat(argv[i], &st) == 0) std::printf("present %s\n", argv[i]);
  }
  return 0;
}
