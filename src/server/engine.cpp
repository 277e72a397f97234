#include "codeloom/server/engine.h"

#include <algorithm>
#include <thread>

#include "codeloom/common/log.h"
#include "batch_decoder.h"
#include "codeloom/llm/session.h"

namespace codeloom::server {

using Clock = std::chrono::steady_clock;

static double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

const JobResult& Job::wait() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [&] { return done_; });
  return result_;
}

bool Job::wait_for(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  return cv_.wait_for(lock, timeout, [&] { return done_; });
}

bool Job::done() const {
  std::lock_guard lock(mu_);
  return done_;
}

void Job::finish(JobResult result) {
  {
    std::lock_guard lock(mu_);
    if (done_) return;
    result_ = std::move(result);
    done_ = true;
  }
  cv_.notify_all();
}

struct Engine::Slot {
  int id = 0;
  std::unique_ptr<llm::Session> session;   // independent mode
  std::unique_ptr<BatchedSource> source;   // batched mode
  std::span<const llm::Token> cached() const { return session ? session->tokens() : source->tokens(); }
  std::shared_ptr<Job> job;        // assigned, not yet finished (guarded by Engine::mu_)
  std::string last_key;            // affinity key of the last job
  std::uint64_t last_used = 0;
  std::condition_variable cv;
  std::thread thread;
};

Result<std::unique_ptr<Engine>> Engine::create(std::shared_ptr<const llm::Model> model, const EngineOptions& o) {
  if (o.slots < 1) return make_error(ErrorCode::kInvalidArgument, "the engine needs at least one slot");
  std::unique_ptr<Engine> e(new Engine());
  e->model_ = model;
  e->queue_size_ = std::max(0, o.queue_size);
  if (o.batched) {
    auto dec = BatchDecoder::create(model, o.slots, o.n_ctx, o.n_batch, o.n_threads, o.kv_type);
    if (!dec) return dec.error();
    e->decoder_ = std::move(*dec);
    e->n_ctx_ = e->decoder_->n_ctx_seq();
  }
  for (int i = 0; i < o.slots && o.batched; ++i) {
    auto slot = std::make_unique<Slot>();
    slot->id = i;
    slot->source = std::make_unique<BatchedSource>(*e->decoder_, i);
    e->slots_.push_back(std::move(slot));
  }
  for (int i = 0; i < o.slots && !o.batched; ++i) {
    llm::SessionOptions so;
    so.n_ctx = o.n_ctx;
    so.n_threads = o.n_threads;
    so.n_batch = o.n_batch;
    so.flash_attn = false;  // gives garbage on Qwen 1.5B with the pinned llama.cpp build
    so.kv_type = o.kv_type;
    auto session = llm::Session::create(model, so);
    if (!session) return session.error();
    auto slot = std::make_unique<Slot>();
    slot->id = i;
    slot->session = std::move(*session);
    e->n_ctx_ = slot->session->n_ctx();
    e->slots_.push_back(std::move(slot));
  }
  for (auto& s : e->slots_) {
    Slot* raw = s.get();
    Engine* self = e.get();
    s->thread = std::thread([self, raw] { self->worker(*raw); });
  }
  return e;
}

Engine::~Engine() {
  shutdown();
  for (auto& s : slots_) {
    if (s->thread.joinable()) s->thread.join();
  }
}

Status Engine::submit(std::shared_ptr<Job> job) {
  std::lock_guard lock(mu_);
  if (stopping_) return make_error(ErrorCode::kCancelled, "the server is shutting down");
  const bool idle_slot = std::any_of(slots_.begin(), slots_.end(), [](const auto& s) { return !s->job; });
  // A job may always start when a slot is idle; otherwise it needs room in the queue.
  if (!(idle_slot && queue_.empty()) && static_cast<int>(queue_.size()) >= queue_size_) {
    return make_error(ErrorCode::kOutOfRange, "all " + std::to_string(slots_.size()) + " slots are busy and " +
                                                  std::to_string(queue_size_) + " requests are waiting; retry later");
  }
  job->enqueued_ = Clock::now();
  queue_.push_back(std::move(job));
  dispatch_locked();
  return Status::Ok();
}

void Engine::withdraw(const std::shared_ptr<Job>& job) {
  {
    std::lock_guard lock(mu_);
    auto it = std::find(queue_.begin(), queue_.end(), job);
    if (it == queue_.end()) return;
    queue_.erase(it);
  }
  JobResult r;
  r.candidates = make_error(ErrorCode::kCancelled, "the request was cancelled while waiting for a slot");
  job->finish(std::move(r));
}

void Engine::shutdown() {
  std::vector<std::shared_ptr<Job>> dropped;
  {
    std::lock_guard lock(mu_);
    if (stopping_) return;
    stopping_ = true;
    dropped.swap(queue_);
    for (auto& s : slots_) s->cv.notify_all();
  }
  for (auto& j : dropped) {
    JobResult r;
    r.candidates = make_error(ErrorCode::kCancelled, "the server is shutting down");
    j->finish(std::move(r));
  }
}

EngineStats Engine::stats() const {
  std::lock_guard lock(mu_);
  EngineStats st;
  st.slots = static_cast<int>(slots_.size());
  for (const auto& s : slots_) {
    st.busy += s->job ? 1 : 0;
    st.slot_busy.push_back(s->job != nullptr);
  }
  st.queued = static_cast<int>(queue_.size());
  st.queue_size = queue_size_;
  return st;
}

// Length of the common prefix of two token sequences.
static std::size_t common_prefix(std::span<const llm::Token> a, std::span<const llm::Token> b) {
  std::size_t n = 0;
  const std::size_t m = std::min(a.size(), b.size());
  while (n < m && a[n] == b[n]) ++n;
  return n;
}

void Engine::dispatch_locked() {
  // Oldest job first; it goes to the idle slot whose cache shares the longest
  // token prefix with its prompt (an editor's next request after a small
  // edit), then to one that served the same affinity key, then to the least
  // recently used. An idle slot's session is not touched by its worker, so
  // reading its tokens under mu_ is safe.
  while (!queue_.empty()) {
    auto& job = queue_.front();
    Slot* pick = nullptr;
    std::size_t best_lcp = 0;
    bool best_key = false;
    for (auto& s : slots_) {
      if (s->job) continue;
      const std::size_t lcp = common_prefix(s->cached(), job->prompt);
      const bool key = !job->affinity_key.empty() && s->last_key == job->affinity_key;
      const bool better = !pick || lcp > best_lcp || (lcp == best_lcp && key && !best_key) ||
                          (lcp == best_lcp && key == best_key && s->last_used < pick->last_used);
      if (better) {
        pick = s.get();
        best_lcp = lcp;
        best_key = key;
      }
    }
    if (!pick) return;
    pick->job = std::move(job);
    pick->last_key = pick->job->affinity_key;
    pick->last_used = ++use_counter_;
    queue_.erase(queue_.begin());
    pick->cv.notify_one();
  }
}

namespace {

decode::Callbacks callbacks(Job& job) {
  decode::Callbacks cb;
  cb.on_text = job.on_text;
  Job* jp = &job;
  cb.should_cancel = [jp] { return jp->cancelled.load(std::memory_order_relaxed); };
  return cb;
}

void run_on_session(llm::Session& session, Job& job, JobResult& r) {
  const auto t0 = Clock::now();
  auto pre = session.prefill(job.prompt);
  r.prefill_ms = ms_since(t0);
  if (!pre) {
    r.candidates = pre.error();
    return;
  }
  r.reused_tokens = pre->reused;
  const auto t1 = Clock::now();
  r.candidates = decode::generate(session, job.prompt, job.options, callbacks(job));
  r.generate_ms = ms_since(t1);
}

void run_on_source(BatchedSource& source, Job& job, JobResult& r) {
  const auto t0 = Clock::now();
  Status pre = source.prefill(job.prompt);
  r.prefill_ms = ms_since(t0);
  if (!pre) {
    r.candidates = pre.error();
    return;
  }
  r.reused_tokens = source.last_reused();
  const auto t1 = Clock::now();
  // generate() prefills again: the whole prompt is cached with its logits saved, so that is free.
  r.candidates = decode::generate(source, job.prompt, job.options, callbacks(job));
  r.generate_ms = ms_since(t1);
}

}  // namespace

void Engine::worker(Slot& slot) {
  for (;;) {
    std::shared_ptr<Job> job;
    {
      std::unique_lock lock(mu_);
      slot.cv.wait(lock, [&] { return slot.job != nullptr || stopping_; });
      if (!slot.job) return;  // stopping and nothing assigned
      job = slot.job;
    }
    JobResult r;
    r.slot = slot.id;
    r.queue_ms = std::chrono::duration<double, std::milli>(Clock::now() - job->enqueued_).count();
    r.prompt_tokens = job->prompt.size();
    if (job->cancelled.load()) {
      r.candidates = make_error(ErrorCode::kCancelled, "the request was cancelled before it started");
    } else {
      try {
        if (slot.session) {
          run_on_session(*slot.session, *job, r);
        } else {
          struct Active {  // the step thread waits for active slots: never leave one counted
            BatchDecoder& d;
            explicit Active(BatchDecoder& x) : d(x) { d.set_active(1); }
            ~Active() { d.set_active(-1); }
          } active(*decoder_);
          run_on_source(*slot.source, *job, r);
        }
      } catch (const std::exception& e) {  // resource exhaustion ends this request only
        r.candidates = make_error(ErrorCode::kInternal, std::string("generation failed: ") + e.what());
      }
    }
    {
      std::lock_guard lock(mu_);
      slot.job.reset();
      dispatch_locked();
    }
    job->finish(std::move(r));
  }
}

}  // namespace codeloom::server
