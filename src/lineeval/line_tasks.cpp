#include "codeloom/lineeval/line_tasks.h"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "codeloom/data/shards.h"
#include "codeloom/eval/edit_similarity.h"
#include "codeloom/eval/percentiles.h"

namespace codeloom::lineeval {
namespace {

std::uint64_t splitmix64(std::uint64_t* state) {
  std::uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

std::string strip(const std::string& s) {
  std::size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}

bool has_alnum(std::string_view line) {
  return std::any_of(line.begin(), line.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

}  // namespace

Result<std::vector<LineTask>> make_tasks(const std::string& corpus_dir, const TaskOptions& o) {
  std::vector<data::CorpusSample> samples;
  auto st = data::for_each_sample(corpus_dir, o.split, [&](const data::CorpusSample& s) { samples.push_back(s); });
  if (!st) return st.error();
  // Seeded Fisher–Yates with our own generator: the same tasks on every platform.
  std::uint64_t rng = o.seed;
  for (std::size_t i = samples.size(); i > 1; --i) std::swap(samples[i - 1], samples[splitmix64(&rng) % i]);
  std::vector<LineTask> tasks;
  for (const data::CorpusSample& s : samples) {
    if (tasks.size() >= o.n) break;
    std::vector<std::size_t> starts = {0};  // byte offsets of line starts
    for (std::size_t i = 0; i < s.text.size(); ++i)
      if (s.text[i] == '\n' && i + 1 < s.text.size()) starts.push_back(i + 1);
    std::vector<std::size_t> candidates;
    for (std::size_t l = 1; l < starts.size(); ++l) {
      const std::size_t end = s.text.find('\n', starts[l]);
      if (has_alnum(std::string_view(s.text).substr(starts[l], end == std::string::npos ? std::string::npos : end - starts[l])))
        candidates.push_back(l);
    }
    if (candidates.empty()) continue;
    const std::size_t line = candidates[splitmix64(&rng) % candidates.size()];
    const std::size_t begin = starts[line];
    std::size_t end = s.text.find('\n', begin);
    if (end == std::string::npos) end = s.text.size();
    LineTask t;
    t.id = s.id + ":" + std::to_string(line + 1);
    t.language = s.language;
    t.prefix = s.text.substr(0, begin);
    if (t.prefix.size() > o.max_prefix_bytes) {
      const std::size_t cut = t.prefix.find('\n', t.prefix.size() - o.max_prefix_bytes);
      t.prefix = t.prefix.substr(cut == std::string::npos ? 0 : cut + 1);
    }
    t.target = s.text.substr(begin, end - begin);
    t.suffix = s.text.substr(end);
    tasks.push_back(std::move(t));
  }
  return tasks;
}

TaskResult score(const LineTask& task, const std::string& prediction) {
  TaskResult r;
  r.id = task.id;
  r.language = task.language;
  r.prediction = prediction;
  const std::string p = strip(prediction), t = strip(task.target);
  r.exact = p == t;
  r.edit_similarity = eval::edit_similarity(p, t);
  return r;
}

Result<Summary> run(const std::vector<LineTask>& tasks, const Predictor& predict,
                    const std::function<void(const TaskResult&)>& on_done) {
  Summary s;
  std::vector<double> ms;
  const auto add = [](Score* sc, const TaskResult& r) {
    sc->exact_match += r.exact ? 1 : 0;
    sc->edit_similarity += r.edit_similarity;
    ++sc->n;
  };
  for (const LineTask& t : tasks) {
    const auto t0 = std::chrono::steady_clock::now();
    auto p = predict(t);
    if (!p) return p.error();
    TaskResult r = score(t, *p);
    r.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    ms.push_back(r.ms);
    add(&s.all, r);
    add(&s.by_language[r.language], r);
    if (on_done) on_done(r);
    s.results.push_back(std::move(r));
  }
  const auto finish = [](Score* sc) {
    if (sc->n == 0) return;
    sc->exact_match /= static_cast<double>(sc->n);
    sc->edit_similarity /= static_cast<double>(sc->n);
  };
  finish(&s.all);
  for (auto& [lang, sc] : s.by_language) finish(&sc);
  if (!ms.empty()) {
    if (auto p50 = eval::percentile(ms, 50)) s.p50_ms = *p50;
    if (auto p95 = eval::percentile(ms, 95)) s.p95_ms = *p95;
  }
  return s;
}

}  // namespace codeloom::lineeval
