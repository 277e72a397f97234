// Language names, aliases and detection from file name or shebang.
#include "codeloom/lang/language.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace codeloom::lang {
namespace {

constexpr std::array<Language, 4> kAll = {Language::kPython, Language::kJava, Language::kCpp,
                                          Language::kJavaScript};

struct Alias {
  std::string_view name;
  Language language;
};
constexpr Alias kAliases[] = {
    {"python", Language::kPython},         {"py", Language::kPython},
    {"python3", Language::kPython},        {"java", Language::kJava},
    {"cpp", Language::kCpp},               {"c++", Language::kCpp},
    {"cxx", Language::kCpp},               {"cc", Language::kCpp},
    {"javascript", Language::kJavaScript}, {"js", Language::kJavaScript},
    {"node", Language::kJavaScript},       {"nodejs", Language::kJavaScript},
};

struct Extension {
  std::string_view ext;
  Language language;
};
constexpr Extension kExtensions[] = {
    {".py", Language::kPython},   {".pyi", Language::kPython},  {".java", Language::kJava},
    {".cc", Language::kCpp},      {".cpp", Language::kCpp},     {".cxx", Language::kCpp},
    {".c++", Language::kCpp},     {".hpp", Language::kCpp},     {".hh", Language::kCpp},
    {".h", Language::kCpp},       {".hxx", Language::kCpp},     {".ipp", Language::kCpp},
    {".tcc", Language::kCpp},     {".js", Language::kJavaScript}, {".mjs", Language::kJavaScript},
    {".cjs", Language::kJavaScript}, {".jsx", Language::kJavaScript},
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string supported_list() {
  return "supported: python (.py .pyi), java (.java), cpp (.cc .cpp .cxx .c++ .hpp .hh .h "
         ".hxx .ipp .tcc), javascript (.js .mjs .cjs .jsx)";
}

// "#!/usr/bin/env -S python3 -u" -> "python3"; "#!/usr/local/bin/node" -> "node".
std::string shebang_interpreter(std::string_view content) {
  if (content.substr(0, 2) != "#!") return {};
  std::string_view line = content.substr(2, content.find('\n') == std::string_view::npos
                                                 ? std::string_view::npos
                                                 : content.find('\n') - 2);
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    std::size_t j = i;
    while (j < line.size() && !std::isspace(static_cast<unsigned char>(line[j]))) ++j;
    if (j > i) words.push_back(line.substr(i, j - i));
    i = j;
  }
  auto base = [](std::string_view w) {
    std::size_t slash = w.rfind('/');
    return slash == std::string_view::npos ? w : w.substr(slash + 1);
  };
  for (std::size_t k = 0; k < words.size(); ++k) {
    std::string_view b = base(words[k]);
    if (k == 0 && b == "env") continue;
    if (k > 0 && base(words[0]) == "env" &&
        (b.starts_with("-") || b.find('=') != std::string_view::npos))
      continue;  // env options and VAR=value assignments
    return lower(b);
  }
  return {};
}

}  // namespace

std::span<const Language> all_languages() { return kAll; }

std::string_view language_name(Language language) {
  switch (language) {
    case Language::kPython: return "python";
    case Language::kJava: return "java";
    case Language::kCpp: return "cpp";
    case Language::kJavaScript: return "javascript";
  }
  return "unknown";
}

Result<Language> parse_language_name(std::string_view name) {
  const std::string key = lower(name);
  for (const Alias& a : kAliases)
    if (a.name == key) return a.language;
  return make_error(ErrorCode::kInvalidArgument,
                    "unknown language '" + std::string(name) +
                        "'; supported languages: python (py), java, cpp (c++), "
                        "javascript (js)");
}

Result<Language> detect_language(std::string_view path, std::string_view content) {
  std::string_view file = path;
  if (std::size_t slash = file.find_last_of("/\\"); slash != std::string_view::npos)
    file = file.substr(slash + 1);
  std::string ext;
  if (std::size_t dot = file.rfind('.'); dot != std::string_view::npos && dot > 0)
    ext = lower(file.substr(dot));
  for (const Extension& e : kExtensions)
    if (e.ext == ext) return e.language;

  const std::string interp = shebang_interpreter(content);
  if (interp.starts_with("python") || interp.starts_with("pypy")) return Language::kPython;
  if (interp == "node" || interp == "nodejs") return Language::kJavaScript;

  std::string why = ext.empty() ? "no file extension" : "unknown extension '" + ext + "'";
  why += interp.empty() ? " and no shebang" : " and unsupported interpreter '" + interp + "'";
  return make_error(ErrorCode::kInvalidArgument,
                    "cannot detect the language of '" + std::string(path) + "': " + why + "; " +
                        supported_list() + ", or a python/node shebang; pass the language explicitly");
}

}  // namespace codeloom::lang
