// The mining pipeline: list -> read/parse/extract in a thread pool -> dedup -> split
// -> shards + stats.json. Workers write into per-file slots, so the result order
// (and the output bytes) never depend on scheduling.
#include "codeloom/data/mine.h"

#include <xxhash.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "codeloom/common/text.h"
#include "codeloom/data/minhash.h"
#include "codeloom/data/normalize.h"
#include "codeloom/lang/language.h"
#include "inputs.h"
#include "progress.h"
#include "shard_writer.h"

namespace codeloom::data {
namespace {

namespace fs = std::filesystem;

struct FileResult {
  std::string skip;  // reason, empty when the file was used
  std::string language;
  std::size_t bytes = 0;
  bool other = false;  // not Python/Java/C++
  ExtractCounts counts;
  std::vector<Sample> samples;
};

// Extension-less C++ headers (libstdc++'s <vector>) announce themselves with an
// Emacs mode line on the first line: "// <vector> -*- C++ -*-".
bool cpp_modeline(std::string_view text) {
  return text.substr(0, text.find('\n')).find("-*- C++ -*-") != std::string_view::npos;
}

FileResult process(const InputFile& file, const MineOptions& o, ArchiveCache& cache) {
  FileResult r;
  auto data = cache.read(file, o.max_file_bytes);
  if (!data) {
    r.skip = data.error().code == ErrorCode::kOutOfRange ? "too_large" : "unreadable";
    return r;
  }
  r.bytes = data->size();
  if (data->find('\0') != std::string::npos) {
    r.skip = "binary";
    return r;
  }
  if (!is_valid_utf8(*data)) {
    r.skip = "non_utf8";
    return r;
  }
  auto language = lang::detect_language(file.name, *data);
  if (!language && file.extensionless && cpp_modeline(*data)) language = lang::Language::kCpp;
  if (!language || *language == lang::Language::kJavaScript) {
    r.other = true;
    return r;
  }
  r.language = std::string(lang::language_name(*language));
  lang::ParseOptions parse;
  if (*language == lang::Language::kCpp) parse.ignore_macros = lang::libstdcxx_macros();
  auto tree = lang::SourceTree::parse(std::move(*data), *language, parse);
  if (!tree) {
    r.skip = "unparsable";
    return r;
  }
  r.samples = extract_samples(*tree, o.samples, &r.counts);
  return r;
}

std::string histogram_bucket(std::size_t tokens) {
  std::size_t edge = 16;
  while (edge <= 4096 && tokens > edge) edge *= 2;
  return edge > 4096 ? ">4096" : "<=" + std::to_string(edge);
}

nlohmann::json sample_json(const Sample& s, const std::string& language, const std::string& source,
                           const std::string& path, const std::string& split) {
  return {{"id", hash_hex(s.hash)},
          {"language", language},
          {"source", source},
          {"path", path},
          {"line", s.start_line},
          {"name", s.name},
          {"qualified_name", s.qualified_name},
          {"kind", s.kind},
          {"signature", s.signature},
          {"doc", s.doc},
          {"text", s.text},
          {"apis", s.apis},
          {"constructs", {{"loops", s.constructs.loops}, {"conditionals", s.constructs.conditionals},
                          {"recursion", s.constructs.recursion}, {"exceptions", s.constructs.exceptions}}},
          {"tokens", s.num_tokens},
          {"split", split}};
}

// Before writing: stats.json goes first (a corpus without it is incomplete, and
// readers refuse it), then old shards and temporary files an interrupted run
// left behind. A re-run into the same directory therefore always starts clean.
Status remove_old_output(const std::string& dir) {
  static const std::regex kOld(R"(\.?((train|val|test)-\d{5}\.jsonl\.zst|stats\.json)(\.tmp)?)");
  std::error_code ec;
  const fs::path stats = fs::path(dir) / "stats.json";
  if (fs::is_regular_file(stats, ec) && !fs::remove(stats, ec) && ec)
    return make_error(ErrorCode::kIo, "cannot remove the old " + dir + "/stats.json: " + ec.message());
  ec.clear();
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (!e.is_regular_file()) continue;
    if (std::regex_match(e.path().filename().string(), kOld)) fs::remove(e.path(), ec);
    if (ec) break;
  }
  if (ec) return make_error(ErrorCode::kIo, "cannot clean " + dir + ": " + ec.message());
  return {};
}

}  // namespace

Result<MineStats> mine(const MineOptions& o) {
  const auto t0 = std::chrono::steady_clock::now();
  if (o.inputs.empty()) return make_error(ErrorCode::kInvalidArgument, "no input paths");
  if (o.out_dir.empty()) return make_error(ErrorCode::kInvalidArgument, "no output directory (--out)");
  if (o.train < 0 || o.val < 0 || o.train + o.val > 1)
    return make_error(ErrorCode::kInvalidArgument, "split fractions must be >= 0 and train + val <= 1");
  std::error_code ec;
  fs::create_directories(o.out_dir, ec);
  if (ec) return make_error(ErrorCode::kIo, "cannot create " + o.out_dir + ": " + ec.message());

  MineStats st;
  auto files = list_inputs(o.inputs, &st.other_files);
  if (!files) return files.error();
  std::size_t total_bytes = 0;
  for (const auto& f : *files) total_bytes += f.size;

  const MinHasher hasher({.num_perm = o.dedup.num_perm, .seed = o.dedup.seed});
  std::vector<FileResult> results(files->size());
  std::atomic<std::size_t> next{0}, done{0}, bytes_done{0}, functions{0};
  const std::size_t nthreads = std::max<std::size_t>(1, o.threads ? o.threads : std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (std::size_t t = 0; t < nthreads; ++t) {
    pool.emplace_back([&] {
      ArchiveCache cache;
      for (std::size_t i; (i = next.fetch_add(1)) < files->size();) {
        results[i] = process((*files)[i], o, cache);
        bytes_done += (*files)[i].size;
        functions += results[i].counts.functions;
        ++done;
      }
    });
  }
  ProgressBar bar("mining", total_bytes, o.progress);
  while (done.load() < files->size()) {
    bar.update(done, files->size(), bytes_done, functions);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  for (auto& t : pool) t.join();
  bar.update(done, files->size(), bytes_done, functions, true);
  bar.finish();

  // Flatten in file order, then compute signatures with the same pool size.
  struct Ref { std::size_t file, sample; };
  std::vector<Ref> refs;
  for (std::size_t i = 0; i < results.size(); ++i) {
    const auto& r = results[i];
    const auto& f = (*files)[i];
    st.bytes_read += r.bytes;
    if (!r.skip.empty()) {
      ++st.skipped[r.skip];
      if (st.skipped_examples.size() < 20) st.skipped_examples.emplace_back(f.name, r.skip);
      continue;
    }
    if (r.other) { ++st.other_files; continue; }
    auto& lc = st.by_language[r.language];
    ++lc.files;
    lc.bytes += r.bytes;
    lc.functions += r.counts.functions;
    st.functions += r.counts.functions;
    st.parse_errors += r.counts.parse_errors;
    st.too_small += r.counts.too_small;
    for (std::size_t k = 0; k < r.samples.size(); ++k) refs.push_back({i, k});
  }
  std::vector<DedupItem> items(refs.size());
  {
    std::atomic<std::size_t> at{0};
    std::vector<std::thread> sig_pool;
    for (std::size_t t = 0; t < nthreads; ++t)
      sig_pool.emplace_back([&] {
        for (std::size_t k; (k = at.fetch_add(1)) < refs.size();) {
          auto& s = results[refs[k].file].samples[refs[k].sample];
          items[k].hash = s.hash;
          items[k].shingles = std::move(s.shingles);
          if (items[k].shingles.size() >= o.dedup.min_shingles) items[k].signature = hasher.signature(items[k].shingles);
        }
      });
    for (auto& t : sig_pool) t.join();
  }
  const DedupResult dd = deduplicate(items, o.dedup);
  st.exact_duplicates = dd.exact_removed;
  st.near_duplicates = dd.near_removed;
  items.clear();
  items.shrink_to_fit();

  if (auto s = remove_old_output(o.out_dir); !s) return s.error();
  const char* kSplits[] = {"train", "val", "test"};
  std::map<std::string, std::string> buffers;
  std::map<std::string, std::size_t> in_buffer, shard_index;
  auto flush = [&](const std::string& split) -> Status {
    if (in_buffer[split] == 0) return {};
    char name[64];
    std::snprintf(name, sizeof name, "%s-%05zu.jsonl.zst", split.c_str(), shard_index[split]++);
    if (auto s = write_file_atomic(o.out_dir, name, buffers[split], o.zstd_level); !s) return s;
    st.shards.push_back(name);
    buffers[split].clear();
    in_buffer[split] = 0;
    return {};
  };
  for (std::size_t k = 0; k < refs.size(); ++k) {
    if (!dd.keep[k]) continue;
    const auto& r = results[refs[k].file];
    const auto& f = (*files)[refs[k].file];
    const Sample& s = r.samples[refs[k].sample];
    const std::uint64_t bucket = XXH64(s.text.data(), s.text.size(), o.split_seed) % 10000;
    const std::string split = bucket < o.train * 10000 ? kSplits[0] : bucket < (o.train + o.val) * 10000 ? kSplits[1] : kSplits[2];
    buffers[split] += sample_json(s, r.language, o.inputs[f.source], f.name, split).dump() + "\n";
    ++st.samples;
    ++st.splits[split];
    ++st.by_language[r.language].samples;
    ++st.samples_by_source[o.inputs[f.source]][r.language];
    ++st.token_histogram[histogram_bucket(s.num_tokens)];
    if (++in_buffer[split] >= o.shard_samples)
      if (auto w = flush(split); !w) return w.error();
  }
  for (const char* split : kSplits)
    if (auto w = flush(split); !w) return w.error();

  nlohmann::json j;
  j["format"] = "codeloom.data.mine/1";
  j["inputs"] = o.inputs;
  j["options"] = {{"threshold", o.dedup.threshold}, {"num_perm", o.dedup.num_perm}, {"seed", o.dedup.seed},
                  {"bands", dd.lsh.bands}, {"rows", dd.lsh.rows}, {"shingle_k", o.samples.shingles.k},
                  {"normalize_identifiers", o.samples.shingles.normalize_identifiers},
                  {"min_tokens", o.samples.min_tokens}, {"min_shingles", o.dedup.min_shingles},
                  {"max_file_bytes", o.max_file_bytes}, {"train", o.train}, {"val", o.val},
                  {"split_seed", o.split_seed}, {"shard_samples", o.shard_samples}};
  for (const auto& [name, c] : st.by_language)
    j["languages"][name] = {{"files", c.files}, {"bytes", c.bytes}, {"functions", c.functions}, {"samples", c.samples}};
  j["sources"] = st.samples_by_source;
  j["skipped"] = st.skipped;
  j["skipped_examples"] = nlohmann::json::array();
  for (const auto& [path, reason] : st.skipped_examples) j["skipped_examples"].push_back({{"path", path}, {"reason", reason}});
  j["other_files"] = st.other_files;
  j["functions"] = st.functions;
  j["dropped"] = {{"parse_errors", st.parse_errors}, {"too_small", st.too_small},
                  {"exact_duplicates", st.exact_duplicates}, {"near_duplicates", st.near_duplicates}};
  j["lsh"] = {{"candidate_pairs", dd.candidate_pairs}, {"verified_pairs", dd.verified_pairs}};
  j["samples"] = st.samples;
  j["splits"] = st.splits;
  j["token_histogram"] = st.token_histogram;
  j["shards"] = st.shards;
  j["bytes_read"] = st.bytes_read;
  if (auto w = write_file_atomic(o.out_dir, "stats.json", j.dump(2) + "\n", 0); !w) return w.error();
  st.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return st;
}

}  // namespace codeloom::data
