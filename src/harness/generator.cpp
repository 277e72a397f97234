#include "codeloom/harness/generator.h"

#include <algorithm>
#include <chrono>
#include <functional>

#include "codeloom/decode/generate.h"
#include "codeloom/prompt/infill.h"

namespace codeloom::harness {

Result<std::unique_ptr<ModelGenerator>> ModelGenerator::create(std::shared_ptr<llm::Model> model,
                                                               ModelGeneratorOptions options) {
  if (Status s = decode::validate(options.sampling); !s) return s.error();
  if (options.max_tokens < 1) return make_error(ErrorCode::kInvalidArgument, "max_tokens must be at least 1");
  std::unique_ptr<ModelGenerator> g(new ModelGenerator());
  llm::SessionOptions so;
  so.n_ctx = options.n_ctx;
  if (model->info().n_ctx_train > 0) so.n_ctx = std::min(so.n_ctx, model->info().n_ctx_train);
  so.n_threads = options.n_threads;
  auto session = llm::Session::create(model, so);
  if (!session) return session.error();
  g->model_ = std::move(model);
  g->session_ = std::move(*session);
  g->options_ = options;
  return g;
}

Result<std::vector<Completion>> ModelGenerator::generate(const Problem& problem, int n) {
  if (n < 1) return make_error(ErrorCode::kInvalidArgument, "n must be at least 1");
  prompt::PromptBudget budget;
  budget.n_ctx = session_->n_ctx();
  budget.max_new_tokens = std::min(options_.max_tokens, session_->n_ctx() / 2);
  auto p = prompt::build_completion_prompt(*model_, problem.prompt, budget);
  if (!p) return p.error();
  decode::GenerateOptions o;
  o.n = 1;
  o.max_tokens = budget.max_new_tokens;
  o.sampling = options_.sampling;
  o.stop = problem.stop;
  o.stop_tokens = p->stop_tokens;
  const bool greedy = options_.sampling.temperature <= 0;
  // Different problems must not share a random stream: offset by the task id.
  const auto offset = static_cast<std::uint32_t>(std::hash<std::string>{}(problem.task_id));
  std::vector<Completion> out;
  for (int i = 0; i < n; ++i) {
    if (greedy && i > 0) {
      out.push_back(out.front());
      continue;
    }
    o.sampling.seed = options_.sampling.seed + offset + static_cast<std::uint32_t>(i);
    const auto t0 = std::chrono::steady_clock::now();
    auto c = decode::generate(*session_, p->tokens, o);
    if (!c) return c.error();
    Completion done;
    done.gen_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    done.text = c->empty() ? std::string() : cut_at_stop(c->front().text, problem.stop);
    out.push_back(std::move(done));
  }
  return out;
}

}  // namespace codeloom::harness
