// Continuous batching: one llama_context whose KV cache holds one sequence
// per slot, and one thread that runs a single llama_decode per step over the
// pending work of every slot (prompt chunks and single generated tokens).
//
// Slots keep running decode::generate() on their own threads, each through a
// BatchedSource (a decode::LogitSource): its prefill()/push() post the tokens
// here and block until the step that evaluated them is done. The step thread
// waits a moment for every active slot to post before decoding, so slots
// that are generating share each step.
//
// Thread-safety: decode() and remove() from any thread; each sequence id is
// used by one thread at a time.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

#include "codeloom/common/status.h"
#include "codeloom/decode/logit_source.h"
#include "codeloom/llm/model.h"

struct llama_context;

namespace codeloom::server {

// One step's batch: which pending work goes in (single tokens first, then
// prompt chunks, shortest first, up to n_batch tokens) and in what order — by
// sequence id. With one KV stream per slot libllama splits a batch into
// micro-batches of consecutive, increasing sequence ids with equal token
// counts, one graph evaluation each: eight generating slots laid out in id
// order share one evaluation, in arrival order they may need eight (measured:
// 8 clients on codeloom-tiny, 10.5 -> 13.1 requests/s). Exposed for tests.
struct StepItem {
  int seq;
  std::size_t remaining;  // tokens this work still has to evaluate
};
struct StepSlice {
  std::size_t item;  // index into the items
  std::size_t n;     // tokens of it in this step
};
std::vector<StepSlice> plan_step(std::span<const StepItem> items, std::size_t n_batch);

class BatchDecoder {
 public:
  // n_seq sequences of n_ctx_seq tokens each.
  static Result<std::unique_ptr<BatchDecoder>> create(std::shared_ptr<const llm::Model> model, int n_seq, int n_ctx_seq,
                                                      int n_batch, int n_threads, llm::KvType kv_type);
  ~BatchDecoder();

  // Evaluates `tokens` at positions pos0... of sequence `seq`; copies the
  // logits after the last one into *logits. Blocks until done.
  Status decode(int seq, std::span<const llm::Token> tokens, std::size_t pos0, std::vector<float>* logits);
  // Drops positions >= from of sequence `seq` from the KV cache.
  void remove(int seq, std::size_t from);
  // A slot starts/stops generating (how many posts a step waits for).
  void set_active(int delta);

  int n_ctx_seq() const { return n_ctx_seq_; }
  const llm::Model& model() const { return *model_; }

 private:
  struct Work;
  BatchDecoder() = default;
  void loop();

  std::shared_ptr<const llm::Model> model_;
  llama_context* ctx_ = nullptr;
  int n_ctx_seq_ = 0;
  int n_batch_ = 0;
  std::mutex mu_;             // pending_, active_, stop_
  std::condition_variable cv_;
  std::deque<Work*> pending_;
  int active_ = 0;
  bool stop_ = false;
  std::mutex ctx_mu_;         // the llama_context (decode vs. remove)
  std::thread thread_;
};

// One slot's view of the shared context (same semantics as llm::Session:
// longest-common-prefix reuse, saved logits after prefill).
class BatchedSource final : public decode::LogitSource {
 public:
  BatchedSource(BatchDecoder& decoder, int seq) : dec_(decoder), seq_(seq) {}
  Status prefill(std::span<const llm::Token> prompt) override;
  std::span<const float> logits() const override;
  Status push(llm::Token token) override;
  Status rewind(std::size_t n) override;
  const llm::Model& model() const override { return dec_.model(); }

  std::span<const llm::Token> tokens() const { return tokens_; }
  std::size_t last_reused() const { return last_reused_; }

 private:
  void truncate(std::size_t n);
  Status append(std::span<const llm::Token> toks);
  BatchDecoder& dec_;
  int seq_;
  std::vector<llm::Token> tokens_;
  std::vector<float> logits_;
  bool logits_valid_ = false;
  std::vector<float> saved_;
  std::size_t saved_len_ = 0;
  bool saved_valid_ = false;
  std::size_t last_reused_ = 0;
};

}  // namespace codeloom::server
