// codeloom::server::Engine — N slots sharing one model, a bounded queue in front.
//
// Each slot owns one llm::Session (its own KV cache) and one worker thread.
// A job goes to an idle slot, preferring the slot that last served the same
// affinity key (user + file), so an editor's sequential requests find their
// prompt prefix already in that slot's cache (Session::prefill keeps the
// longest common token prefix). When every slot is busy, jobs wait in a FIFO
// queue of at most `queue_size`; beyond that submit() refuses (-> HTTP 429).
//
// Two ways to run the slots (EngineOptions::batched):
//  - batched (default): continuous batching — one llama_context with one KV
//    sequence per slot and one llama_decode per step over every active slot
//    (BatchDecoder in src/server/batch_decoder.h);
//  - independent: one llm::Session (llama_context) per slot, each decoding on
//    its own — simpler, kept as a fallback and for comparison.
//
//   auto engine = Engine::create(model, {.slots = 2, .n_ctx = 4096});
//   auto job = std::make_shared<Job>();  job->prompt = toks; job->options = opts;
//   job->on_text = [](int i, std::string_view d) { ... };   // engine thread
//   auto st = (*engine)->submit(job);     // kOutOfRange: queue full
//   JobResult r = job->wait();
//
// Thread-safety: submit(), stats() and shutdown() may be called from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/decode/generate.h"
#include "codeloom/llm/kv_type.h"
#include "codeloom/llm/model.h"

namespace codeloom::server {

class BatchDecoder;

struct EngineOptions {
  int slots = 2;
  int n_ctx = 4096;      // per slot
  int n_threads = 0;
  int n_batch = 512;
  int queue_size = 16;   // jobs waiting beyond the running ones
  bool batched = true;   // continuous batching over one shared context
  llm::KvType kv_type = llm::KvType::kAuto;
};

struct JobResult {
  Result<std::vector<decode::Candidate>> candidates = make_error(ErrorCode::kInternal, "job not run");
  int slot = -1;
  std::size_t prompt_tokens = 0;
  std::size_t reused_tokens = 0;  // prompt tokens found in the slot's cache
  double queue_ms = 0;            // waiting for a slot
  double prefill_ms = 0;
  double generate_ms = 0;
};

// One request's work. Fill the inputs, submit, then wait().
struct Job {
  std::vector<llm::Token> prompt;
  decode::GenerateOptions options;
  std::string affinity_key;  // requests with the same key prefer the same slot
  // Called on the slot's thread with each new piece of text of candidate i.
  std::function<void(int candidate, std::string_view delta)> on_text;
  std::atomic<bool> cancelled{false};  // set by the HTTP side (client gone, deadline)

  // Blocks until the job ran (or was dropped); returns its result.
  const JobResult& wait();
  // As wait() with a deadline; false on timeout (the job keeps its place).
  bool wait_for(std::chrono::milliseconds timeout);
  bool done() const;

  // Engine side.
  void finish(JobResult result);

 private:
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool done_ = false;
  JobResult result_;
  friend class Engine;
  std::chrono::steady_clock::time_point enqueued_;
};

struct EngineStats {
  int slots = 0;
  int busy = 0;
  int queued = 0;
  int queue_size = 0;
  std::vector<bool> slot_busy;  // per slot id (llama.cpp's /slots is_processing)
};

class Engine {
 public:
  // Creates the slots (one Session each). Errors of Session::create.
  static Result<std::unique_ptr<Engine>> create(std::shared_ptr<const llm::Model> model, const EngineOptions& options);
  ~Engine();  // shutdown() + join
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Queues the job. kOutOfRange when the queue is full, kCancelled after shutdown().
  Status submit(std::shared_ptr<Job> job);

  // Removes a job that is still waiting (its result: kCancelled); no-op once running.
  void withdraw(const std::shared_ptr<Job>& job);

  // Stops taking jobs; running jobs finish, waiting ones get kCancelled.
  void shutdown();

  EngineStats stats() const;
  int n_ctx() const { return n_ctx_; }
  const llm::Model& model() const { return *model_; }

 private:
  struct Slot;
  Engine() = default;
  void worker(Slot& slot);
  void dispatch_locked();  // hands queued jobs to idle slots

  std::shared_ptr<const llm::Model> model_;
  std::unique_ptr<BatchDecoder> decoder_;  // batched mode; outlives the slots
  int n_ctx_ = 0;
  int queue_size_ = 0;
  mutable std::mutex mu_;
  std::vector<std::unique_ptr<Slot>> slots_;
  std::vector<std::shared_ptr<Job>> queue_;
  bool stopping_ = false;
  std::uint64_t use_counter_ = 0;  // for least-recently-used slot choice
};

}  // namespace codeloom::server
