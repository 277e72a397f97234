#include "batch_decoder.h"

#include <llama.h>

#include <algorithm>
#include <chrono>

#include "codeloom/common/log.h"

namespace codeloom::server {

struct BatchDecoder::Work {
  int seq = 0;
  std::span<const llm::Token> tokens;
  std::size_t pos0 = 0;
  std::size_t done = 0;            // tokens already evaluated
  std::vector<float>* logits = nullptr;
  bool finished = false;
  Status status;
  std::condition_variable cv;
};

Result<std::unique_ptr<BatchDecoder>> BatchDecoder::create(std::shared_ptr<const llm::Model> model, int n_seq,
                                                           int n_ctx_seq, int n_batch, int n_threads,
                                                           llm::KvType kv_type) {
  if (n_threads == 0) n_threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  llama_context_params p = llama_context_default_params();
  p.n_ctx = static_cast<uint32_t>(n_seq * n_ctx_seq);
  p.n_batch = static_cast<uint32_t>(n_batch);
  p.n_ubatch = static_cast<uint32_t>(n_batch);
  p.n_seq_max = static_cast<uint32_t>(n_seq);
  p.kv_unified = false;  // each slot its own KV stream of n_ctx_seq cells
  p.n_threads = n_threads;
  p.n_threads_batch = n_threads;
  p.flash_attn_type = LLAMA_FLASH_ATTN_TYPE_DISABLED;  // garbage on Qwen 1.5B with the pinned build
  p.no_perf = true;
  llm::apply_kv_type(kv_type, &p);
  llama_context* ctx = llama_init_from_model(model->raw(), p);
  if (!ctx) {
    return make_error(ErrorCode::kInternal, "could not create a llama context for " + std::to_string(n_seq) +
                                                " slots x " + std::to_string(n_ctx_seq) +
                                                " tokens; try fewer slots or a smaller --ctx-per-slot");
  }
  std::unique_ptr<BatchDecoder> d(new BatchDecoder());
  d->model_ = std::move(model);
  d->ctx_ = ctx;
  d->n_ctx_seq_ = static_cast<int>(llama_n_ctx_seq(ctx));
  d->n_batch_ = static_cast<int>(llama_n_batch(ctx));
  BatchDecoder* raw = d.get();
  d->thread_ = std::thread([raw] { raw->loop(); });
  return d;
}

BatchDecoder::~BatchDecoder() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (ctx_) llama_free(ctx_);
}

void BatchDecoder::set_active(int delta) {
  {
    std::lock_guard lock(mu_);
    active_ += delta;
  }
  cv_.notify_all();
}

Status BatchDecoder::decode(int seq, std::span<const llm::Token> tokens, std::size_t pos0, std::vector<float>* logits) {
  if (tokens.empty()) return Status::Ok();
  Work w;
  w.seq = seq;
  w.tokens = tokens;
  w.pos0 = pos0;
  w.logits = logits;
  std::unique_lock lock(mu_);
  if (stop_) return make_error(ErrorCode::kCancelled, "the engine is shutting down");
  pending_.push_back(&w);
  cv_.notify_all();
  w.cv.wait(lock, [&] { return w.finished; });
  return w.status;
}

void BatchDecoder::remove(int seq, std::size_t from) {
  std::lock_guard lock(ctx_mu_);
  llama_memory_seq_rm(llama_get_memory(ctx_), seq, static_cast<llama_pos>(from), -1);
}

std::vector<StepSlice> plan_step(std::span<const StepItem> items, std::size_t n_batch) {
  // What fits: single tokens first (generation latency), then prompt chunks, shortest first.
  std::vector<std::size_t> order(items.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return items[a].remaining < items[b].remaining; });
  std::vector<StepSlice> out;
  std::size_t used = 0;
  for (std::size_t i : order) {
    if (used == n_batch) break;
    const std::size_t n = std::min(n_batch - used, items[i].remaining);
    if (n == 0) continue;
    out.push_back({i, n});
    used += n;
  }
  // Laid out by sequence id (see batch_decoder.h).
  std::stable_sort(out.begin(), out.end(),
                   [&](const StepSlice& a, const StepSlice& b) { return items[a.item].seq < items[b.item].seq; });
  return out;
}

void BatchDecoder::loop() {
  llama_batch batch = llama_batch_init(n_batch_, 0, 1);
  const int n_vocab = model_->n_vocab();
  for (;;) {
    std::vector<Work*> step;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stop_ || !pending_.empty(); });
      if (stop_ && pending_.empty()) break;
      // Give the other generating slots a moment to post their next token so
      // they share this step (they are sampling; that takes well under 2 ms).
      const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(2);
      cv_.wait_until(lock, until, [&] { return stop_ || static_cast<int>(pending_.size()) >= active_; });
      step.assign(pending_.begin(), pending_.end());
    }
    std::vector<StepItem> items;
    items.reserve(step.size());
    for (const Work* w : step) items.push_back({w->seq, w->tokens.size() - w->done});
    struct Slice {
      Work* w;
      std::size_t n;
      int last_index;
    };
    std::vector<Slice> slices;
    batch.n_tokens = 0;
    for (const StepSlice& sl : plan_step(items, static_cast<std::size_t>(n_batch_))) {
      Work* w = step[sl.item];
      for (std::size_t i = 0; i < sl.n; ++i) {
        const int k = batch.n_tokens++;
        batch.token[k] = w->tokens[w->done + i];
        batch.pos[k] = static_cast<llama_pos>(w->pos0 + w->done + i);
        batch.n_seq_id[k] = 1;
        batch.seq_id[k][0] = w->seq;
        batch.logits[k] = (w->done + i + 1 == w->tokens.size());  // only where the slot samples
      }
      slices.push_back({w, sl.n, batch.n_tokens - 1});
    }
    int32_t rc;
    {
      std::lock_guard lock(ctx_mu_);
      rc = llama_decode(ctx_, batch);
      if (rc != 0) {
        // Keep each sequence's cache equal to what its source believes it holds.
        for (const Slice& s : slices) {
          llama_memory_seq_rm(llama_get_memory(ctx_), s.w->seq, static_cast<llama_pos>(s.w->pos0 + s.w->done), -1);
        }
      }
    }
    std::lock_guard lock(mu_);
    for (const Slice& s : slices) {
      Work* w = s.w;
      bool finished = false;
      if (rc != 0) {
        w->status = make_error(rc == 1 ? ErrorCode::kOutOfRange : ErrorCode::kInternal,
                               "llama_decode failed (code " + std::to_string(rc) + ")");
        finished = true;
      } else {
        w->done += s.n;
        if (w->done == w->tokens.size()) {
          const float* l = llama_get_logits_ith(ctx_, s.last_index);
          w->logits->assign(l, l + n_vocab);
          finished = true;
        }
      }
      if (finished) {
        pending_.erase(std::find(pending_.begin(), pending_.end(), w));
        w->finished = true;
        w->cv.notify_all();
      }
    }
  }
  llama_batch_free(batch);
  // Anything still waiting is told the engine stopped.
  std::lock_guard lock(mu_);
  for (Work* w : pending_) {
    w->status = make_error(ErrorCode::kCancelled, "the engine is shutting down");
    w->finished = true;
    w->cv.notify_all();
  }
  pending_.clear();
}

// --- BatchedSource: llm::Session's cache rules over one sequence. ---

void BatchedSource::truncate(std::size_t n) {
  if (n >= tokens_.size()) return;
  dec_.remove(seq_, n);
  tokens_.resize(n);
  if (n < saved_len_) saved_valid_ = false;
  logits_valid_ = false;
}

Status BatchedSource::append(std::span<const llm::Token> toks) {
  if (tokens_.size() + toks.size() > static_cast<std::size_t>(dec_.n_ctx_seq())) {
    return make_error(ErrorCode::kOutOfRange, "context is full (" + std::to_string(dec_.n_ctx_seq()) + " tokens per slot)");
  }
  Status st = dec_.decode(seq_, toks, tokens_.size(), &logits_);
  if (!st) return st;
  tokens_.insert(tokens_.end(), toks.begin(), toks.end());
  logits_valid_ = true;
  return Status::Ok();
}

Status BatchedSource::prefill(std::span<const llm::Token> prompt) {
  if (prompt.empty()) return make_error(ErrorCode::kInvalidArgument, "prefill: the prompt is empty");
  const int n_vocab = dec_.model().n_vocab();
  for (llm::Token t : prompt) {
    if (t < 0 || t >= n_vocab) return make_error(ErrorCode::kInvalidArgument, "token id out of the vocabulary");
  }
  if (prompt.size() > static_cast<std::size_t>(dec_.n_ctx_seq())) {
    return make_error(ErrorCode::kOutOfRange, "prompt has " + std::to_string(prompt.size()) +
                                                  " tokens but a slot holds " + std::to_string(dec_.n_ctx_seq()));
  }
  auto mm = std::mismatch(tokens_.begin(), tokens_.end(), prompt.begin(), prompt.end());
  std::size_t p = static_cast<std::size_t>(mm.first - tokens_.begin());
  if (p == prompt.size()) {
    if (saved_valid_ && saved_len_ == p) {
      truncate(p);
      logits_ = saved_;
      logits_valid_ = true;
      last_reused_ = p;
      return Status::Ok();
    }
    --p;  // all cached but no logits for the last token: evaluate it again
  }
  truncate(p);
  last_reused_ = p;
  if (Status st = append(prompt.subspan(p)); !st) return st;
  saved_ = logits_;
  saved_len_ = tokens_.size();
  saved_valid_ = true;
  return Status::Ok();
}

std::span<const float> BatchedSource::logits() const {
  if (!logits_valid_) return {};
  return logits_;
}

Status BatchedSource::push(llm::Token token) {
  if (token < 0 || token >= dec_.model().n_vocab()) {
    return make_error(ErrorCode::kInvalidArgument, "token id out of the vocabulary");
  }
  const llm::Token one[1] = {token};
  return append(one);
}

Status BatchedSource::rewind(std::size_t n) {
  if (n > tokens_.size()) return make_error(ErrorCode::kInvalidArgument, "rewind past the end");
  if (n == tokens_.size()) return Status::Ok();
  if (n == 0) {
    truncate(0);
    return Status::Ok();
  }
  if (saved_valid_ && n == saved_len_) {
    truncate(n);
    logits_ = saved_;
    logits_valid_ = true;
    return Status::Ok();
  }
  const llm::Token last[1] = {tokens_[n - 1]};
  truncate(n - 1);
  return append(last);
}

}  // namespace codeloom::server
