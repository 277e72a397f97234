// Nothing in the tree may name a path of a development machine (issue 18): code,
// tests, scripts and docs find data relative to the checkout or the installed
// binary. Walks the source tree (build folders and .git skipped) and fails on
// every absolute path under the work, root-home, home or Users top folders that the allow
// list (tests/data/tree/allowed_absolute_paths.txt) does not name.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

std::vector<std::string> allowed() {
  std::vector<std::string> out;
  std::ifstream in(std::string(CODELOOM_TEST_DATA_DIR) + "/tree/allowed_absolute_paths.txt");
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] != '#') out.push_back(line);
  }
  return out;
}

bool skipped_dir(const fs::path& dir) {
  const std::string name = dir.filename().string();
  if (name == ".git" || name == "node_modules" || name == ".codeloom" || name == "__pycache__") return true;
  std::error_code ec;
  return fs::exists(dir / "CMakeCache.txt", ec);  // a build folder inside the checkout
}

bool path_start(char before) {
  return !(std::isalnum(static_cast<unsigned char>(before)) || before == '_' || before == '-' || before == '.' ||
           before == '/' || before == '~' || before == '$' || before == '}');
}

// "file:line: text" for each machine path in `text`.
void scan(const fs::path& file, const std::string& text, const std::vector<std::string>& allow,
          std::vector<std::string>& found) {
  // Spelled in pieces so that this file does not match its own rule.
  static const std::string kRoots[] = {std::string("/") + "work/", std::string("/") + "root/",
                                       std::string("/") + "home/", std::string("/") + "Users/"};
  for (const std::string& root : kRoots) {
    for (std::size_t at = text.find(root); at != std::string::npos; at = text.find(root, at + 1)) {
      if (at > 0 && !path_start(text[at - 1])) continue;
      bool ok = false;
      for (const auto& a : allow) ok = ok || text.compare(at, a.size(), a) == 0;
      if (ok) continue;
      const std::size_t line_start = text.rfind('\n', at) == std::string::npos ? 0 : text.rfind('\n', at) + 1;
      const std::size_t line_no = 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + at, '\n'));
      found.push_back(file.string() + ":" + std::to_string(line_no) + ": " +
                      text.substr(line_start, std::min<std::size_t>(160, text.find('\n', at) - line_start)));
    }
  }
}

// The files of the tree: git's list when the checkout is a repository (so
// untracked build output and logs are not the tree's), else a walk that skips
// .git and build folders.
std::vector<fs::path> tree_files(const fs::path& root) {
  std::vector<fs::path> out;
  const std::string cmd = "git -C '" + root.string() + "' ls-files -z 2>/dev/null";
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    std::string all;
    char buf[1 << 16];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) all.append(buf, n);
    if (::pclose(p) == 0) {
      for (std::size_t at = 0; at < all.size();) {
        const std::size_t end = all.find('\0', at);
        out.push_back(root / all.substr(at, end - at));
        at = end == std::string::npos ? all.size() : end + 1;
      }
      if (!out.empty()) return out;
    }
  }
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied);
       it != fs::recursive_directory_iterator(); ++it) {
    if (it->is_directory() && skipped_dir(it->path())) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) out.push_back(it->path());
  }
  return out;
}

TEST(Tree, NoPathOfADevelopmentMachine) {
  const fs::path root(CODELOOM_SOURCE_DIR);
  const auto allow = allowed();
  ASSERT_FALSE(allow.empty());
  std::vector<std::string> found;
  std::size_t files = 0;
  for (const fs::path& path : tree_files(root)) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec) || fs::file_size(path, ec) > (8u << 20)) continue;
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (text.find('\0') != std::string::npos) continue;  // binary (models, gzip)
    ++files;
    const fs::path rel = fs::relative(path, root);
    scan(rel, text, allow, found);
  }
  EXPECT_GT(files, 100u);
  std::string report;
  for (const auto& f : found) report += f + "\n";
  EXPECT_TRUE(found.empty()) << found.size() << " machine path(s) in the tree:\n" << report;
}

// The scanner itself: a machine path is found, a relative or allowed one is not.
TEST(Tree, ScannerFindsMachinePathsOnly) {
  std::vector<std::string> found;
  const std::vector<std::string> allow = {"/root/secret"};
  const std::string w = std::string("/") + "work/";
  scan("x", "a = \"" + w + "shared/data\"\nb = /tmp" + w + "x\nc = \"/root/secret\"\nd = ~" + w + "y\n", allow,
       found);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("x:1:"), std::string::npos) << found[0];
  found.clear();
  scan("y", "cd " + std::string("/") + "home/dev/codeloom && make\n", allow, found);
  EXPECT_EQ(found.size(), 1u);
}

}  // namespace
