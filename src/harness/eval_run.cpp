#include "codeloom/harness/eval_run.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>

#include "codeloom/common/log.h"
#include "codeloom/harness/progress.h"
#include "codeloom/harness/report_html.h"

namespace codeloom::harness {

namespace {

Status write_file(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) return make_error(ErrorCode::kIo, "cannot write " + tmp);
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return make_error(ErrorCode::kIo, "cannot write " + path + ": " + ec.message());
  return Status::Ok();
}

struct TaskState {
  std::vector<Sample> samples;
  int remaining = 0;
};

}  // namespace

Result<EvalRunResult> run_eval(const Benchmark& bench, const std::vector<Problem>& all_problems,
                               const CompletionSource& source, Executor& executor, const EvalRunOptions& o) {
  if (o.n < 1) return make_error(ErrorCode::kInvalidArgument, "n must be at least 1");
  std::vector<const Problem*> problems;
  for (const Problem& p : all_problems) {
    if (o.limit && problems.size() >= o.limit) break;
    problems.push_back(&p);
  }
  if (problems.empty()) return make_error(ErrorCode::kInvalidArgument, "no problems to evaluate");
  std::error_code ec;
  std::filesystem::create_directories(o.out_dir, ec);
  if (ec) return make_error(ErrorCode::kIo, "cannot create " + o.out_dir + ": " + ec.message());
  const std::string samples_path = o.out_dir + "/samples.jsonl";
  const auto t0 = std::chrono::steady_clock::now();

  // Resume: keep complete problems (first n samples), redo the rest.
  EvalRunResult result;
  auto previous = read_samples(samples_path);
  if (!previous) return previous.error();
  result.malformed_sample_lines = previous->malformed;
  for (const std::string& m : previous->malformed) CODELOOM_LOG(kWarn, samples_path << ": skipped " << m);
  std::map<std::string, std::vector<Sample>> by_task;
  for (Sample& s : previous->samples) by_task[s.task_id].push_back(std::move(s));
  std::vector<Sample> kept;
  bool rewrite = !previous->malformed.empty();
  for (auto& [task, samples] : by_task) {
    if (static_cast<int>(samples.size()) >= o.n) {
      if (static_cast<int>(samples.size()) > o.n) samples.resize(static_cast<std::size_t>(o.n));
      kept.insert(kept.end(), samples.begin(), samples.end());
    } else {
      rewrite = true;
    }
  }
  if (rewrite) {
    std::string text;
    for (const Sample& s : kept) text += sample_to_json(s, bench.evalplus) + "\n";
    if (Status s = write_file(samples_path, text); !s) return s.error();
  }
  std::map<std::string, bool> done;
  for (const Sample& s : kept) done[s.task_id] = true;

  auto writer = SampleWriter::open(samples_path, bench.evalplus);
  if (!writer) return writer.error();

  std::unique_ptr<ProgressBar> bar;
  if (o.progress) bar = std::make_unique<ProgressBar>(*o.progress, problems.size(), bench.name);
  std::vector<std::unique_ptr<TaskState>> states;
  std::mutex mu;
  std::condition_variable cv;
  std::size_t in_flight = 0;
  std::vector<std::string> write_errors;

  for (const Problem* p : problems) {
    if (done.count(p->task_id)) {
      ++result.resumed_problems;
      if (bar) bar->advance();
      continue;
    }
    ++result.generated_problems;
    auto completions = source(*p, o.n);
    auto state = std::make_unique<TaskState>();
    TaskState* st = state.get();
    states.push_back(std::move(state));
    if (!completions || static_cast<int>(completions->size()) != o.n) {
      const std::string why = !completions ? completions.error().message : "the source returned a wrong count";
      result.generation_errors.push_back(p->task_id + ": " + why);
      for (int i = 0; i < o.n; ++i) {
        Sample s;
        s.task_id = p->task_id;
        s.completion_id = i;
        s.verdict.status = CheckStatus::kError;
        s.verdict.detail = "generation failed: " + why;
        st->samples.push_back(std::move(s));
      }
      if (Status w = (*writer)->append(st->samples); !w) write_errors.push_back(w.error().message);
      if (bar) bar->advance();
      continue;
    }
    st->remaining = o.n;
    for (int i = 0; i < o.n; ++i) {
      Sample s;
      s.task_id = p->task_id;
      s.completion_id = i;
      s.completion = (*completions)[static_cast<std::size_t>(i)].text;
      s.gen_ms = (*completions)[static_cast<std::size_t>(i)].gen_ms;
      st->samples.push_back(std::move(s));
    }
    {
      std::lock_guard<std::mutex> lock(mu);
      ++in_flight;
    }
    for (int i = 0; i < o.n; ++i) {
      executor.submit(bench, Check{p, st->samples[static_cast<std::size_t>(i)].completion},
                      [&, st, i](Verdict v) {
                        std::unique_lock<std::mutex> lock(mu);
                        st->samples[static_cast<std::size_t>(i)].verdict = std::move(v);
                        if (--st->remaining > 0) return;
                        lock.unlock();
                        Status w = (*writer)->append(st->samples);
                        if (bar) bar->advance();
                        lock.lock();
                        if (!w) write_errors.push_back(w.error().message);
                        if (--in_flight == 0) cv.notify_all();
                      });
    }
  }
  {
    std::unique_lock<std::mutex> lock(mu);
    cv.wait(lock, [&] { return in_flight == 0; });
  }
  if (bar) bar->finish();
  if (!write_errors.empty()) return make_error(ErrorCode::kIo, write_errors.front());

  std::vector<Sample> all = std::move(kept);
  for (auto& st : states) all.insert(all.end(), st->samples.begin(), st->samples.end());
  RunInfo info;
  info.benchmark = bench.name;
  info.title = bench.title;
  info.model = o.model;
  info.n = o.n;
  info.ks = o.ks;
  info.temperature = o.temperature;
  info.evalplus = bench.evalplus;
  info.malformed_dataset_lines = o.malformed_dataset_lines;
  info.malformed_sample_lines = result.malformed_sample_lines.size();
  info.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::vector<std::string> ids;
  for (const Problem* p : problems) ids.push_back(p->task_id);
  result.summary = summarize(info, ids, all);
  if (Status s = write_file(o.out_dir + "/results.json", results_json(result.summary)); !s) return s.error();
  if (Status s = write_file(o.out_dir + "/report.html", render_report_html(result.summary)); !s) return s.error();
  return result;
}

}  // namespace codeloom::harness
