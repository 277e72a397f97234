// Flags shared by the commands that run a model (complete, generate):
// model/context options and sampling options, and opening the engine.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "cli.h"
#include "codeloom/decode/generate.h"
#include "codeloom/llm/model.h"
#include "codeloom/llm/session.h"

namespace codeloom::cli {

struct EngineArgs {
  std::string model;
  int ctx = 4096;      // capped at the model's training context
  int threads = 0;     // 0 = all cores
  int batch = 512;
};

struct SamplingArgs {
  int n = 1;
  int max_tokens = 128;
  decode::SamplingOptions sampling;  // defaults: top-k 50, temperature 0.8, top-p 0.95
  std::vector<std::string> stop;
  long long time_limit_ms = 0;       // 0 = none
};

void add_engine_options(CLI::App* app, EngineArgs& args);
void add_sampling_options(CLI::App* app, SamplingArgs& args);

struct Engine {
  std::shared_ptr<llm::Model> model;
  std::unique_ptr<llm::Session> session;
  double load_ms = 0;
};

// Resolves the model path, loads the model, and creates a session.
Result<Engine> open_engine(const EngineArgs& args);

// GenerateOptions from the sampling flags (validated).
Result<decode::GenerateOptions> generate_options(const SamplingArgs& args);

// Candidates as JSON objects (text, mean_logprob, finish_reason, tokens, logprobs).
nlohmann::json candidates_json(const std::vector<decode::Candidate>& candidates);

// Prints candidates for humans: the text alone when there is one, else a header per candidate.
void print_candidates(const std::vector<decode::Candidate>& candidates);

}  // namespace codeloom::cli
