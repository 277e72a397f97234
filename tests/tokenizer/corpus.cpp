#include "corpus.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace codeloom::tokenizer::testdata {

namespace fs = std::filesystem;

std::vector<std::string> golden_files() {
  std::vector<fs::path> paths;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(CODELOOM_TEST_DATA_DIR) / "lang" / "golden")) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && name.find(".expected") == std::string::npos && name != "README.md")
      paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    out.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return out;
}

std::vector<std::string> edge_cases() {
  return {
      "",
      " ",
      "\n",
      "\r\n\r\n",
      "\t\tx = 1\n",
      "    return x1 + y22 - 333\n",
      "it's they're we've I'm you'll he'd IT'S THEY'RE",
      "don't 'quoted' 's 't",
      "x = 12345678901234567890",
      "naïve café résumé Ωmega λx: x",
      "变量 = \"中文字符串\"  # 注释",
      "こんにちは世界",
      "emoji = '😀🚀🎉' + '👨‍👩‍👧'",
      "Ünïcödé_ïdéntïfïér = 3",
      "x\u00a0=\u00a01  # no-break spaces",
      "a\u2003b\u3000c",
      "tab\tafter\ttabs\t\t\n",
      "trailing spaces   \n   \n",
      "                                                                end",
      "if (a && b || !c) { x <<= 2; y >>= 3; z ^= ~w; }",
      "std::vector<std::pair<int, int>> v{{1, 2}};",
      "#include <bits/stdc++.h>\nint main(){return 0;}",
      "@Override\npublic <T extends Comparable<? super T>> void sort(List<T> list) {}",
      "lambda *args, **kwargs: (yield from gen())",
      "f\"{value!r:>10}\" b'\\x00\\xff' r'\\d+'",
      "/* comment */ // line comment\n# python comment",
      "<cl|fim_prefix>def f():<cl|fim_suffix>\n<cl|fim_middle>",
      "<|endoftext|> <s> </s> [INST]",
      "\x01\x02\x7f control bytes",
      "0x1F 1e-9 3.14159 1_000_000 0b1010",
      "١٢٣ Arabic-Indic digits ٤٥",
      "Ⅻ roman numeral letter-number",
      "mixed\r\nline\rendings\n",
      "''' triple ''' \"\"\" quotes \"\"\"",
      "a'b'c'S'T'RE'VE'M'LL'D",
  };
}

std::vector<std::string> samples() {
  std::vector<std::string> out = edge_cases();
  for (const std::string& file : golden_files()) {
    std::size_t pos = 0;
    while (pos < file.size()) {
      std::size_t end = pos;
      for (int line = 0; line < 12 && end < file.size(); ++line) {
        const std::size_t nl = file.find('\n', end);
        end = nl == std::string::npos ? file.size() : nl + 1;
      }
      out.push_back(file.substr(pos, end - pos));
      pos = end;
    }
  }
  return out;
}

}  // namespace codeloom::tokenizer::testdata
