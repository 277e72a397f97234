// Line completion on held-out code: the quality check of codeloom's own models
// (and of the n-gram baseline they must beat).
//
//   lineeval::TaskOptions o;  // 1,000 functions of the test split, seed 1
//   auto tasks = lineeval::make_tasks("corpus/", o);
//   auto summary = lineeval::run(*tasks, predict, {});   // predict: LineTask -> text
//
// A task is one function of the mined corpus cut before one of its lines (chosen
// by a seeded RNG among the lines after the first that contain a letter or
// digit): `prefix` is the text up to and including the newline before it,
// `target` that line without its newline, `suffix` the rest (for infilling).
// A prediction is compared to the target with surrounding whitespace stripped:
// exact match and edit similarity (eval/edit_similarity.h).
// Deterministic for a corpus and options. Thread-safe (no shared state).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "codeloom/common/status.h"

namespace codeloom::lineeval {

struct LineTask {
  std::string id;        // sample id + ":" + line number (1-based, within the function)
  std::string language;
  std::string prefix;    // ends with '\n'
  std::string target;    // the line, no newline
  std::string suffix;    // "\n" + the lines after it
};

struct TaskOptions {
  std::string split = "test";
  std::size_t n = 1000;        // functions (each gives one task); fewer if the split is smaller
  std::uint64_t seed = 1;
  std::size_t max_prefix_bytes = 6000;  // longer prefixes keep their end (and a cut at a line start)
};

// kNotFound / kCorrupt from the corpus reader.
Result<std::vector<LineTask>> make_tasks(const std::string& corpus_dir, const TaskOptions& options);

struct TaskResult {
  std::string id, language, prediction;
  bool exact = false;
  double edit_similarity = 0;
  double ms = 0;
};

struct Score {
  std::size_t n = 0;
  double exact_match = 0;      // fraction
  double edit_similarity = 0;  // mean
};

struct Summary {
  Score all;
  std::map<std::string, Score> by_language;
  double p50_ms = 0, p95_ms = 0;
  std::vector<TaskResult> results;
};

// Strips surrounding whitespace of both and scores one prediction.
TaskResult score(const LineTask& task, const std::string& prediction);

using Predictor = std::function<Result<std::string>(const LineTask&)>;
// Runs predict on every task in order; the first error stops the run.
// on_done (optional) is called after each task (progress bars).
Result<Summary> run(const std::vector<LineTask>& tasks, const Predictor& predict,
                    const std::function<void(const TaskResult&)>& on_done = {});

}  // namespace codeloom::lineeval
