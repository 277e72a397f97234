// Lexer tokens of code samples (codeloom::lang) for embedding training.
#include "codeloom/embed/code_tokens.h"

#include <chrono>
#include <cstdio>
#include <thread>

#include "codeloom/data/shards.h"
#include "codeloom/lang/source_tree.h"
#include "codeloom/lang/tokens.h"

namespace codeloom::embed {
namespace {

constexpr std::string_view kJavaPrefix = "class W {\n";
constexpr std::string_view kJavaSuffix = "\n}\n";

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool has_space(std::string_view s) {
  for (char c : s)
    if (is_space(c) || static_cast<unsigned char>(c) < 0x20) return true;
  return false;
}

bool is_number(std::string_view node_type) {
  return node_type.find("integer") != std::string_view::npos || node_type.find("float") != std::string_view::npos ||
         node_type.find("number") != std::string_view::npos;
}

void push_split(std::vector<std::string>& out, std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (is_space(s[i]) || static_cast<unsigned char>(s[i]) < 0x20)) ++i;
    const std::size_t start = i;
    while (i < s.size() && !(is_space(s[i]) || static_cast<unsigned char>(s[i]) < 0x20)) ++i;
    if (i > start) out.emplace_back(s.substr(start, i - start));
  }
}

}  // namespace

Result<std::vector<std::string>> code_tokens(std::string_view text, lang::Language language,
                                             const CodeTokenOptions& options) {
  std::string source;
  std::size_t lo = 0, hi = std::string::npos;
  if (language == lang::Language::kJava) {
    source.reserve(text.size() + kJavaPrefix.size() + kJavaSuffix.size());
    source.append(kJavaPrefix).append(text).append(kJavaSuffix);
    lo = kJavaPrefix.size();
    hi = kJavaPrefix.size() + text.size();
  } else {
    source.assign(text);
  }
  lang::ParseOptions po;
  if (language == lang::Language::kCpp) po.ignore_macros = lang::libstdcxx_macros();
  auto tree = lang::SourceTree::parse(std::move(source), language, po);
  if (!tree) return tree.error();
  std::vector<std::string> out;
  for (const lang::Token& t : lang::classify_tokens(*tree)) {
    if (t.start_byte < lo || t.end_byte > hi) continue;  // the Java wrapper
    switch (t.cls) {
      case lang::TokenClass::kComment:
        continue;
      case lang::TokenClass::kLiteral:
        if (is_number(t.node_type)) {
          if (t.text.size() <= options.max_number_bytes) out.emplace_back(t.text);
          else out.emplace_back("<NUM>");
        } else if (t.text.find_first_of("\"'`") != std::string_view::npos) {
          if (t.text.size() <= options.max_literal_bytes && !has_space(t.text)) out.emplace_back(t.text);
          else out.emplace_back("<STR>");
        } else {
          push_split(out, t.text);  // true, None, nullptr, ...
        }
        break;
      default:
        push_split(out, t.text);  // identifiers/operators have no spaces; preprocessor text may
    }
  }
  return out;
}

Status for_each_code_sequence(const std::string& dir, const CorpusReadOptions& options,
                              const std::function<void(const std::vector<std::string>&)>& fn,
                              CorpusReadStats* stats) {
  auto shards = data::list_shards(dir, options.split);
  if (!shards) return shards.error();
  CorpusReadStats local;
  const int threads = std::max(1, options.threads);
  const auto start = std::chrono::steady_clock::now();
  for (std::size_t si = 0; si < shards->size(); ++si) {
    auto samples = data::read_shard((*shards)[si]);
    if (!samples) return samples.error();
    // Tokenize a shard in parallel (strided by index), then emit in sample order.
    std::vector<std::vector<std::string>> toks(samples->size());
    std::vector<char> ok(samples->size(), 0);
    auto work = [&](int th) {
      for (std::size_t i = static_cast<std::size_t>(th); i < samples->size(); i += static_cast<std::size_t>(threads)) {
        const data::CorpusSample& s = (*samples)[i];
        auto language = lang::parse_language_name(s.language);
        if (!language) continue;
        auto t = code_tokens(s.text, *language, options.tokens);
        if (!t) continue;
        toks[i] = std::move(*t);
        ok[i] = 1;
      }
    };
    std::vector<std::thread> pool;
    for (int th = 1; th < threads; ++th) pool.emplace_back(work, th);
    work(0);
    for (auto& t : pool) t.join();
    for (std::size_t i = 0; i < samples->size(); ++i) {
      ++local.samples;
      if (!ok[i]) {
        ++local.skipped;
        continue;
      }
      fn(toks[i]);
    }
    if (options.progress) {
      const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::fprintf(stderr, "\rtokenizing: shard %zu/%zu, %zu samples, %.0f samples/s   ", si + 1, shards->size(),
                   local.samples, secs > 0 ? local.samples / secs : 0.0);
    }
  }
  if (options.progress) std::fprintf(stderr, "\n");
  if (stats) *stats = local;
  return Status::Ok();
}

Result<Corpus> read_code_corpus(const std::string& dir, const CorpusReadOptions& options, const VocabOptions& vocab,
                                CorpusReadStats* stats) {
  CorpusBuilder builder;
  std::vector<std::string_view> views;
  Status s = for_each_code_sequence(
      dir, options,
      [&](const std::vector<std::string>& toks) {
        views.assign(toks.begin(), toks.end());
        builder.add_sequence(views);
      },
      stats);
  if (!s) return s.error();
  return std::move(builder).finish(vocab);
}

}  // namespace codeloom::embed
