// llm_speed: throughput of codeloom::llm::Session, measured the way
// llama-bench measures libllama, plus the editor-style prefix-reuse speed-up.
//
//   llm_speed -m model.gguf -t 2                    # pp512, tg128, reuse (needs --source)
//   llm_speed -m model.gguf -t 2 --source copy.py --csv
//
// Tests (each: 1 warm-up run, then --reps timed runs, median reported):
//   pp<N>          prefill of N random tokens from an empty cache (llama-bench -p N -n 0)
//   tg<N>          N single-token decodes of random tokens from an empty cache
//                  (llama-bench -p 0 -n N: the first token is BOS, no sampling)
//   tg<N>+argmax   the same, but each next token is the argmax of the logits
//                  (what a greedy completion loop does)
//   reuse          --source file cut at a cursor near its end: cold prefill vs.
//                  prefill after a one-line edit a few lines above the cursor
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "codeloom/llm/session.h"

namespace {

using codeloom::llm::Model;
using codeloom::llm::Session;
using codeloom::llm::Token;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string model;
  int threads = 2;
  int pp = 512;
  int tg = 128;
  int reps = 5;
  bool flash_attn = false;
  std::string source;
  int edit_lines_above = 3;
  bool csv = false;
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// Runs fn once to warm up, then `reps` times; returns the median seconds.
// fn returns false on failure (the benchmark then aborts with a message).
double time_median(int reps, const std::function<bool()>& setup, const std::function<bool()>& fn) {
  std::vector<double> s;
  for (int i = 0; i <= reps; ++i) {
    if (!setup()) return -1;
    const auto t0 = Clock::now();
    if (!fn()) return -1;
    const double dt = std::chrono::duration<double>(Clock::now() - t0).count();
    if (i > 0) s.push_back(dt);
  }
  return median(s);
}

std::size_t argmax(std::span<const float> v) {
  return static_cast<std::size_t>(std::max_element(v.begin(), v.end()) - v.begin());
}

void report(const Options& o, const std::string& test, int n_tokens, double seconds) {
  if (seconds < 0) {
    std::fprintf(stderr, "llm_speed: %s failed\n", test.c_str());
    return;
  }
  if (o.csv) {
    std::printf("%s,%d,%.3f,%.2f\n", test.c_str(), n_tokens, seconds * 1e3, n_tokens / seconds);
  } else {
    std::printf("%-16s %6d tokens  %10.2f ms  %10.2f tok/s\n", test.c_str(), n_tokens, seconds * 1e3,
                n_tokens / seconds);
  }
}

int run_reuse(const Options& o, const std::shared_ptr<Model>& model, std::unique_ptr<Session>& s) {
  std::ifstream in(o.source, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "llm_speed: cannot read --source %s\n", o.source.c_str());
    return 1;
  }
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  // Cursor: the start of the 3rd-last line; the edit appends to a line
  // edit_lines_above lines above it (a one-line edit near the cursor).
  std::vector<std::size_t> line_starts = {0};
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '\n') line_starts.push_back(i + 1);
  }
  if (line_starts.size() < static_cast<std::size_t>(o.edit_lines_above) + 5) {
    std::fprintf(stderr, "llm_speed: --source is too short\n");
    return 1;
  }
  const std::size_t cursor_line = line_starts.size() - 3;
  const std::size_t cursor = line_starts[cursor_line];
  const std::size_t edit_line = cursor_line - static_cast<std::size_t>(o.edit_lines_above);
  const std::size_t edit_at = line_starts[edit_line + 1] - 1;  // before that line's '\n'
  const std::string before = text.substr(0, cursor);
  const std::string after = before.substr(0, edit_at) + "  # edited" + before.substr(edit_at);
  const auto p1 = model->tokenize(before, true);
  const auto p2 = model->tokenize(after, true);
  if (static_cast<int>(std::max(p1.size(), p2.size())) > s->n_ctx()) {
    std::fprintf(stderr, "llm_speed: --source has %zu tokens, more than n_ctx %d\n", p1.size(), s->n_ctx());
    return 1;
  }
  std::vector<double> cold, warm;
  std::size_t reused = 0, evaluated = 0;
  for (int i = 0; i <= o.reps; ++i) {
    if (!s->rewind(0)) return 1;
    auto a = s->prefill(p1);
    auto b = s->prefill(p2);
    if (!a || !b) {
      std::fprintf(stderr, "llm_speed: reuse prefill failed: %s\n", (!a ? a.error() : b.error()).message.c_str());
      return 1;
    }
    if (i == 0) continue;  // warm-up
    cold.push_back(a->ms);
    warm.push_back(b->ms);
    reused = b->reused;
    evaluated = b->evaluated;
  }
  const double c = median(cold), w = median(warm);
  if (o.csv) {
    std::printf("reuse_cold,%zu,%.3f,%.2f\n", p1.size(), c, p1.size() / (c / 1e3));
    std::printf("reuse_after_edit,%zu,%.3f,%.2f\n", evaluated, w, p2.size() / (w / 1e3));
    std::printf("reuse_speedup,%zu,%.3f,%.2f\n", reused, c / w, c / w);
  } else {
    std::printf("reuse: %s, prompt %zu tokens (cursor on line %zu, edit on line %zu)\n", o.source.c_str(), p1.size(),
                cursor_line + 1, edit_line + 1);
    std::printf("  cold prefill        %10.2f ms  (%zu tokens evaluated)\n", c, p1.size());
    std::printf("  after one-line edit %10.2f ms  (%zu reused, %zu evaluated)\n", w, reused, evaluated);
    std::printf("  speed-up            %10.2fx\n", c / w);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{"codeloom Session throughput (compare with llama-bench)"};
  app.add_option("-m,--model", o.model, "GGUF model")->required();
  app.add_option("-t,--threads", o.threads)->capture_default_str();
  app.add_option("-p,--pp", o.pp, "prompt tokens for the pp test (0 = skip)")->capture_default_str();
  app.add_option("-n,--tg", o.tg, "generated tokens for the tg tests (0 = skip)")->capture_default_str();
  app.add_option("-r,--reps", o.reps)->capture_default_str();
  app.add_option("--flash-attn", o.flash_attn, "0/1, as llama-bench -fa")->capture_default_str();
  app.add_option("--source", o.source, "source file for the prefix-reuse test");
  app.add_option("--edit-lines-above", o.edit_lines_above)->capture_default_str();
  app.add_flag("--csv", o.csv, "print test,tokens,median_ms,tok_per_s");
  CLI11_PARSE(app, argc, argv);

  auto model = Model::load(o.model);
  if (!model) {
    std::fprintf(stderr, "llm_speed: %s\n", model.error().message.c_str());
    return 1;
  }
  const auto& m = *model;
  const int n_ctx = std::max({o.pp + o.tg, 4096});
  auto session = Session::create(m, {.n_ctx = n_ctx, .n_batch = 512, .n_threads = o.threads, .flash_attn = o.flash_attn});
  if (!session) {
    std::fprintf(stderr, "llm_speed: %s\n", session.error().message.c_str());
    return 1;
  }
  auto& s = *session;
  if (!o.csv) {
    std::printf("model: %s (%s, %.1f MiB), threads %d, flash_attn %d, reps %d\n", o.model.c_str(),
                m->info().description.c_str(), m->info().size_bytes / 1048576.0, o.threads, o.flash_attn, o.reps);
  }
  std::mt19937 rng(1234);
  auto random_token = [&] { return static_cast<Token>(rng() % static_cast<unsigned>(m->n_vocab())); };
  const Token first = m->adds_bos() && m->bos() != codeloom::llm::kNoToken ? m->bos() : random_token();
  auto clear = [&] { return static_cast<bool>(s->rewind(0)); };

  if (o.pp > 0) {
    std::vector<Token> prompt;
    const double sec = time_median(
        o.reps,
        [&] {
          prompt.assign(1, first);
          while (static_cast<int>(prompt.size()) < o.pp) prompt.push_back(random_token());
          return clear();
        },
        [&] { return static_cast<bool>(s->prefill(prompt)); });
    report(o, "pp" + std::to_string(o.pp), o.pp, sec);
  }
  if (o.tg > 0) {
    const Token one[1] = {first};
    double sec = time_median(o.reps, clear, [&] {
      if (!s->prefill(one)) return false;
      for (int i = 1; i < o.tg; ++i) {
        if (!s->push(random_token())) return false;
      }
      return true;
    });
    report(o, "tg" + std::to_string(o.tg), o.tg, sec);
    sec = time_median(o.reps, clear, [&] {
      if (!s->prefill(one)) return false;
      for (int i = 1; i < o.tg; ++i) {
        if (!s->push(static_cast<Token>(argmax(s->logits())))) return false;
      }
      return true;
    });
    report(o, "tg" + std::to_string(o.tg) + "+argmax", o.tg, sec);
  }
  if (!o.source.empty()) return run_reuse(o, m, s);
  return 0;
}
