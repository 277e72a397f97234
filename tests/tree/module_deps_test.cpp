// The module map is enforced (issue 26): a module may include the public
// headers of exactly the modules its src/<m>/CMakeLists.txt declares (DEPS or
// PRIVATE_DEPS), libllama/ggml only with codeloom::llama, tree-sitter only with
// codeloom::tree_sitter; and docs/architecture.md's module table lists the same
// codeloom modules as each CMakeLists. The checker is tested on a deliberately
// wrong module first, so a checker that finds nothing cannot pass.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Module names: folders under src/ with a CMakeLists.txt.
std::set<std::string> modules(const fs::path& root) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(root / "src")) {
    if (e.is_directory() && fs::exists(e.path() / "CMakeLists.txt")) out.insert(e.path().filename().string());
  }
  return out;
}

// Every codeloom::X named in the module's CMakeLists (its declared dependencies).
std::set<std::string> declared(const fs::path& root, const std::string& m) {
  const std::string cm = slurp(root / "src" / m / "CMakeLists.txt");
  std::set<std::string> out;
  static const std::regex dep(R"(codeloom::(\w+))");
  for (auto it = std::sregex_iterator(cm.begin(), cm.end(), dep); it != std::sregex_iterator(); ++it) {
    out.insert((*it)[1].str());
  }
  return out;
}

// What the module's files include, as dependency names: "codeloom/X/…" -> X,
// llama.h/ggml*.h/gguf.h -> llama, tree_sitter/… -> tree_sitter.
std::map<std::string, std::string> included(const fs::path& root, const std::string& m) {
  std::map<std::string, std::string> out;  // dependency -> first "file:line" that needs it
  static const std::regex inc(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
  for (const fs::path& dir : {root / "src" / m, root / "include" / "codeloom" / m}) {
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
      if (!e.is_regular_file()) continue;
      std::ifstream in(e.path());
      std::size_t line_no = 0;
      for (std::string line; std::getline(in, line);) {
        ++line_no;
        std::smatch mt;
        if (!std::regex_search(line, mt, inc)) continue;
        const std::string h = mt[1].str();
        std::string dep;
        if (h.rfind("codeloom/", 0) == 0) {
          dep = h.substr(9, h.find('/', 9) - 9);
        } else if (h == "llama.h" || h == "gguf.h" || h.rfind("ggml", 0) == 0) {
          dep = "llama";
        } else if (h.rfind("tree_sitter/", 0) == 0) {
          dep = "tree_sitter";
        }
        if (dep.empty() || dep == m) continue;
        out.emplace(dep, fs::relative(e.path(), root).string() + ":" + std::to_string(line_no));
      }
    }
  }
  return out;
}

std::vector<std::string> include_violations(const fs::path& root) {
  std::vector<std::string> out;
  for (const auto& m : modules(root)) {
    const auto deps = declared(root, m);
    for (const auto& [dep, where] : included(root, m)) {
      if (!deps.count(dep)) {
        out.push_back(where + ": module '" + m + "' includes " + dep + " but src/" + m +
                      "/CMakeLists.txt does not declare codeloom::" + dep);
      }
    }
  }
  return out;
}

// docs/architecture.md rows "| `m` | what | deps |": the codeloom modules named
// in the last column.
std::map<std::string, std::set<std::string>> documented(const fs::path& root, const std::set<std::string>& mods) {
  std::map<std::string, std::set<std::string>> out;
  std::ifstream in(root / "docs" / "architecture.md");
  static const std::regex row(R"(^\| `(\w+)` \|.*\| ([^|]*) \|\s*$)");
  for (std::string line; std::getline(in, line);) {
    std::smatch mt;
    if (!std::regex_match(line, mt, row) || !mods.count(mt[1].str())) continue;
    std::set<std::string>& deps = out[mt[1].str()];
    const std::string col = mt[2].str();
    static const std::regex word(R"([A-Za-z_]+)");
    for (auto it = std::sregex_iterator(col.begin(), col.end(), word); it != std::sregex_iterator(); ++it) {
      if (mods.count((*it)[0].str())) deps.insert((*it)[0].str());
    }
  }
  return out;
}

std::vector<std::string> doc_violations(const fs::path& root) {
  std::vector<std::string> out;
  const auto mods = modules(root);
  const auto doc = documented(root, mods);
  for (const auto& m : mods) {
    std::set<std::string> want;
    for (const auto& d : declared(root, m)) {
      if (mods.count(d)) want.insert(d);
    }
    auto it = doc.find(m);
    if (it == doc.end()) {
      out.push_back("docs/architecture.md: module '" + m + "' is missing from the module table");
      continue;
    }
    if (it->second != want) {
      std::string w, d;
      for (const auto& x : want) w += x + " ";
      for (const auto& x : it->second) d += x + " ";
      out.push_back("docs/architecture.md: module '" + m + "' lists [" + d + "] but CMake declares [" + w + "]");
    }
  }
  return out;
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += x + "\n";
  return s;
}

// A scratch tree with two modules where `b` includes `a` without declaring it.
TEST(ModuleDeps, CheckerCatchesAWrongInclude) {
  const fs::path root = fs::path(CODELOOM_BINARY_DIR) / "tree-test" / "wrong-include";
  fs::remove_all(root);
  for (const char* m : {"a", "b", "common"}) {
    fs::create_directories(root / "src" / m);
    fs::create_directories(root / "include" / "codeloom" / m);
  }
  std::ofstream(root / "src" / "a" / "CMakeLists.txt") << "codeloom_add_module(a SOURCES a.cpp)\n";
  std::ofstream(root / "src" / "common" / "CMakeLists.txt") << "codeloom_add_module(common SOURCES c.cpp)\n";
  std::ofstream(root / "src" / "b" / "CMakeLists.txt")
      << "codeloom_add_module(b SOURCES b.cpp DEPS codeloom::common PRIVATE_DEPS codeloom::llama)\n";
  std::ofstream(root / "src" / "b" / "b.cpp") << "#include \"codeloom/b/b.h\"\n#include <llama.h>\n"
                                                 "#include \"codeloom/a/a.h\"  // not declared\n";
  std::ofstream(root / "include" / "codeloom" / "b" / "b.h") << "#pragma once\n#include <tree_sitter/api.h>\n";
  const auto v = include_violations(root);
  ASSERT_EQ(v.size(), 2u) << join(v);
  EXPECT_NE(join(v).find("src/b/b.cpp:3: module 'b' includes a"), std::string::npos) << join(v);
  EXPECT_NE(join(v).find("b.h:2: module 'b' includes tree_sitter"), std::string::npos) << join(v);

  fs::create_directories(root / "docs");
  std::ofstream(root / "docs" / "architecture.md") << "| `a` | x | — |\n| `b` | y | a, libllama |\n| `common` | z | — |\n";
  const auto d = doc_violations(root);
  ASSERT_EQ(d.size(), 1u) << join(d);
  EXPECT_NE(d[0].find("module 'b' lists [a ] but CMake declares [common ]"), std::string::npos) << d[0];
}

TEST(ModuleDeps, EveryIncludeIsADeclaredDependency) {
  const auto v = include_violations(CODELOOM_SOURCE_DIR);
  EXPECT_TRUE(v.empty()) << join(v);
}

TEST(ModuleDeps, ArchitectureTableMatchesCMake) {
  const auto v = doc_violations(CODELOOM_SOURCE_DIR);
  EXPECT_TRUE(v.empty()) << join(v);
}

}  // namespace
