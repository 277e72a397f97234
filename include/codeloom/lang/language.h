// The languages codeloom understands, their names and how a file's language is
// detected. Everything here is a pure function: thread-safe, no global state.
//
//   auto lang = codeloom::lang::detect_language("util/heap.py", first_line);
//   if (!lang) { std::cerr << lang.error().message; return 2; }
//   std::cout << codeloom::lang::language_name(*lang);   // "python"
#pragma once

#include <span>
#include <string_view>

#include "codeloom/common/status.h"

namespace codeloom::lang {

enum class Language { kPython, kJava, kCpp, kJavaScript };

// Every supported language, in enum order.
std::span<const Language> all_languages();

// Canonical lower-case name: "python", "java", "cpp", "javascript".
std::string_view language_name(Language language);

// Accepts canonical names and common aliases, case-insensitively: python/py/python3,
// java, cpp/c++/cxx/cc, javascript/js/node/nodejs. kInvalidArgument for anything else;
// the message lists the supported languages.
Result<Language> parse_language_name(std::string_view name);

// Detects from the file extension first (.py .pyi | .java | .cc .cpp .cxx .c++ .hpp .hh
// .h .hxx .ipp .tcc | .js .mjs .cjs .jsx; case-insensitive), then from a shebang on the
// first line of `content` (python*, pypy*, node, nodejs; `#!/usr/bin/env -S node` works).
// Extension-less files such as libstdc++'s <vector> are not detected by extension.
// kInvalidArgument when neither matches; the message lists what is supported.
Result<Language> detect_language(std::string_view path, std::string_view content = {});

}  // namespace codeloom::lang
