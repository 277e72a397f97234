#include "engine_options.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>

namespace codeloom::cli {

void add_engine_options(CLI::App* app, EngineArgs& a) {
  app->add_option("--model,-m", a.model, "GGUF model (default: $CODELOOM_MODEL, models/codeloom-tiny.gguf)");
  app->add_option("--ctx", a.ctx, "Context length in tokens; longer prompts keep the code nearest the cursor")
      ->capture_default_str()
      ->check(CLI::Range(16, 1 << 20));
  app->add_option("--threads,-t", a.threads, "CPU threads (0 = all cores)")->capture_default_str()->check(CLI::Range(0, 1024));
  app->add_option("--batch", a.batch, "Prompt tokens evaluated per batch")->capture_default_str()->check(CLI::Range(1, 1 << 16));
}

void add_sampling_options(CLI::App* app, SamplingArgs& a) {
  auto& s = a.sampling;
  app->add_option("--n", a.n,
                  "Distinct candidates, ranked by mean log-probability (sampling draws up to 4 x n to find them;"
                  " greedy gives one)")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  app->add_option("--max-tokens", a.max_tokens, "Maximum new tokens per candidate")->capture_default_str()->check(CLI::Range(0, 1 << 20));
  app->add_option("--temperature", s.temperature, "Sampling temperature; 0 = greedy")->capture_default_str()->check(CLI::Range(0.0, 100.0));
  app->add_option("--top-k", s.top_k, "Keep the k most likely tokens (0 = off)")->capture_default_str()->check(CLI::Range(0, 1 << 20));
  app->add_option("--top-p", s.top_p, "Nucleus sampling mass (1 = off)")->capture_default_str()->check(CLI::Range(0.0, 1.0));
  app->add_option("--min-p", s.min_p, "Drop tokens below min-p x the top probability (0 = off)")->capture_default_str()->check(CLI::Range(0.0, 1.0));
  app->add_option("--repeat-penalty", s.repetition_penalty, "Repetition penalty (1 = off)")->capture_default_str()->check(CLI::Range(0.0, 100.0));
  app->add_option("--repeat-last-n", s.last_n, "Tokens the repetition penalty looks back over")->capture_default_str()->check(CLI::Range(0, 1 << 20));
  app->add_option("--seed", s.seed, "Random seed (same seed, same candidates)")->capture_default_str();
  app->add_option("--stop", a.stop, "Stop string (repeatable); not included in the output");
  app->add_option("--time-limit-ms", a.time_limit_ms, "Stop generating after this many milliseconds (0 = none)")->check(CLI::Range(0LL, 86400000LL));
}

Result<Engine> open_engine(const EngineArgs& args) {
  auto path = resolve_model_path(args.model);
  if (!path) return path.error();
  const auto t0 = std::chrono::steady_clock::now();
  auto model = llm::Model::load(*path);
  if (!model) return model.error();
  Engine e;
  e.model = std::move(*model);
  llm::SessionOptions so;
  so.n_ctx = args.ctx;
  if (e.model->info().n_ctx_train > 0) so.n_ctx = std::min(so.n_ctx, e.model->info().n_ctx_train);
  so.n_threads = args.threads;
  so.n_batch = args.batch;
  auto session = llm::Session::create(e.model, so);
  if (!session) return session.error();
  e.session = std::move(*session);
  e.load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return e;
}

Result<decode::GenerateOptions> generate_options(const SamplingArgs& a) {
  if (Status s = decode::validate(a.sampling); !s) return s.error();
  decode::GenerateOptions o;
  // Greedy decoding repeats itself: one draw is all the distinct text there is.
  // Sampling may repeat a likely completion; draw more until n differ.
  const bool greedy = a.sampling.temperature <= 0.0f;
  o.n = greedy ? 1 : a.n;
  o.max_samples = greedy ? 1 : 4 * a.n;
  o.max_tokens = a.max_tokens;
  o.sampling = a.sampling;
  o.stop = a.stop;
  if (a.time_limit_ms > 0) o.time_limit = std::chrono::milliseconds(a.time_limit_ms);
  return o;
}

nlohmann::json candidates_json(const std::vector<decode::Candidate>& candidates) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& c : candidates) {
    out.push_back({{"text", c.text},
                   {"mean_logprob", c.mean_logprob},
                   {"finish_reason", decode::finish_reason_name(c.finish)},
                   {"tokens", c.tokens},
                   {"logprobs", c.logprobs}});
  }
  return out;
}

void print_candidates(const std::vector<decode::Candidate>& candidates) {
  if (candidates.size() == 1) {
    std::cout << candidates[0].text << "\n";
    return;
  }
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const auto& c = candidates[i];
    char score[32];
    std::snprintf(score, sizeof score, "%.3f", c.mean_logprob);
    std::cout << "--- candidate " << (i + 1) << " (mean log-prob " << score << ", "
              << decode::finish_reason_name(c.finish) << ") ---\n"
              << c.text << "\n";
  }
}

}  // namespace codeloom::cli
