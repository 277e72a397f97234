#include "codeloom/llm/session.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>

#include "backend.h"
#include "llama.h"

namespace codeloom::llm {
namespace {

Error invalid(std::string m) { return make_error(ErrorCode::kInvalidArgument, std::move(m)); }

}  // namespace

Result<std::unique_ptr<Session>> Session::create(std::shared_ptr<const Model> model, const SessionOptions& options) {
  if (!model) return invalid("Session::create: model is null");
  if (model->vocab_only()) return invalid("Session::create: model " + model->info().path + " was loaded vocab_only");
  if (options.n_ctx < 0 || options.n_batch <= 0 || options.n_threads < 0) {
    return invalid("Session::create: n_ctx >= 0, n_batch > 0 and n_threads >= 0 required (got " +
                   std::to_string(options.n_ctx) + ", " + std::to_string(options.n_batch) + ", " +
                   std::to_string(options.n_threads) + ")");
  }
  int n_threads = options.n_threads;
  if (n_threads == 0) n_threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));

  llama_context_params p = llama_context_default_params();
  p.n_ctx = static_cast<uint32_t>(options.n_ctx);  // 0 = the model's training context
  p.n_batch = static_cast<uint32_t>(options.n_batch);
  p.n_ubatch = static_cast<uint32_t>(options.n_batch);
  p.n_seq_max = 1;
  p.n_threads = n_threads;
  p.n_threads_batch = n_threads;
  p.flash_attn_type = options.flash_attn ? LLAMA_FLASH_ATTN_TYPE_ENABLED : LLAMA_FLASH_ATTN_TYPE_DISABLED;
  p.no_perf = true;
  apply_kv_type(options.kv_type, &p);

  llama_context* ctx = nullptr;
  std::string why;
  {
    detail::LogCapture capture;
    ctx = llama_init_from_model(model->raw(), p);
    why = capture.text();
  }
  if (ctx == nullptr) {
    return make_error(ErrorCode::kInternal, "could not create a llama context (n_ctx " + std::to_string(options.n_ctx) +
                                                ")" + (why.empty() ? std::string() : ": " + why) +
                                                "; try a smaller n_ctx");
  }
  std::unique_ptr<Session> s(new Session());
  s->model_ = std::move(model);
  s->ctx_ = ctx;
  s->n_ctx_ = static_cast<int>(llama_n_ctx(ctx));
  s->n_batch_ = static_cast<int>(llama_n_batch(ctx));
  return s;
}

Session::~Session() {
  if (ctx_ != nullptr) llama_free(ctx_);
}

Status Session::check_tokens(std::span<const Token> toks) const {
  const int n_vocab = model_->n_vocab();
  for (std::size_t i = 0; i < toks.size(); ++i) {
    if (toks[i] < 0 || toks[i] >= n_vocab) {
      return invalid("token id " + std::to_string(toks[i]) + " at index " + std::to_string(i) +
                     " is outside the vocabulary [0, " + std::to_string(n_vocab) + ")");
    }
  }
  return Status::Ok();
}

void Session::truncate(std::size_t n) {
  if (n >= tokens_.size()) return;
  // A failed partial removal cannot happen for attention KV caches; for
  // recurrent state fall back to clearing everything so the cache never
  // holds tokens we do not know about.
  if (!llama_memory_seq_rm(llama_get_memory(ctx_), 0, static_cast<llama_pos>(n), -1)) {
    llama_memory_clear(llama_get_memory(ctx_), true);
    n = 0;
  }
  tokens_.resize(n);
  if (n < saved_len_) saved_valid_ = false;
  logits_ = nullptr;
}

Status Session::decode_append(std::span<const Token> toks) {
  const std::size_t n_batch = static_cast<std::size_t>(n_batch_);
  llama_batch batch = llama_batch_init(static_cast<int32_t>(std::min(n_batch, toks.size())), 0, 1);
  Status status;
  for (std::size_t done = 0; done < toks.size();) {
    const std::size_t m = std::min(n_batch, toks.size() - done);
    const bool last_chunk = done + m == toks.size();
    batch.n_tokens = static_cast<int32_t>(m);
    for (std::size_t i = 0; i < m; ++i) {
      batch.token[i] = toks[done + i];
      batch.pos[i] = static_cast<llama_pos>(tokens_.size() + i);
      batch.n_seq_id[i] = 1;
      batch.seq_id[i][0] = 0;
      batch.logits[i] = last_chunk && i + 1 == m;  // logits only where we sample
    }
    int32_t rc;
    std::string why;
    {
      detail::LogCapture capture;
      rc = llama_decode(ctx_, batch);
      why = capture.text();
    }
    if (rc != 0) {
      // rc 1/-1 leave the cache untouched; other failures may leave part of
      // the batch behind: drop it so tokens_ stays the truth.
      llama_memory_seq_rm(llama_get_memory(ctx_), 0, static_cast<llama_pos>(tokens_.size()), -1);
      status = make_error(rc == 1 ? ErrorCode::kOutOfRange : ErrorCode::kInternal,
                          "llama_decode failed (code " + std::to_string(rc) + ") at position " +
                              std::to_string(tokens_.size()) + (why.empty() ? std::string() : ": " + why));
      break;
    }
    tokens_.insert(tokens_.end(), toks.begin() + static_cast<std::ptrdiff_t>(done),
                   toks.begin() + static_cast<std::ptrdiff_t>(done + m));
    done += m;
  }
  llama_batch_free(batch);
  if (status.ok()) logits_ = llama_get_logits_ith(ctx_, -1);
  return status;
}

Result<PrefillStats> Session::prefill(std::span<const Token> prompt) {
  const auto t0 = std::chrono::steady_clock::now();
  if (prompt.empty()) return invalid("prefill: the prompt is empty (at least one token is needed)");
  if (Status s = check_tokens(prompt); !s) return s.error();
  if (prompt.size() > static_cast<std::size_t>(n_ctx_)) {
    return make_error(ErrorCode::kOutOfRange, "prompt has " + std::to_string(prompt.size()) +
                                                  " tokens but the context holds " + std::to_string(n_ctx_) +
                                                  "; truncate the prompt or raise n_ctx");
  }
  const auto mismatch = std::mismatch(tokens_.begin(), tokens_.end(), prompt.begin(), prompt.end());
  std::size_t p = static_cast<std::size_t>(mismatch.first - tokens_.begin());

  PrefillStats stats;
  if (p == prompt.size()) {
    if (saved_valid_ && saved_len_ == p) {
      // The exact prompt of an earlier prefill: its logits are saved.
      truncate(p);
      logits_ = saved_logits_.data();
      stats.reused = p;
      stats.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      return stats;
    }
    --p;  // everything is cached but no logits for the last token: run it again
  }
  truncate(p);
  p = tokens_.size();  // truncate may have had to clear everything
  if (Status s = decode_append(prompt.subspan(p)); !s) return s.error();

  const float* l = logits_;
  saved_logits_.assign(l, l + model_->n_vocab());
  saved_len_ = tokens_.size();
  saved_valid_ = true;
  stats.reused = p;
  stats.evaluated = prompt.size() - p;
  stats.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return stats;
}

Status Session::push(Token token) {
  const Token one[1] = {token};
  if (Status s = check_tokens(one); !s) return s;
  if (tokens_.size() >= static_cast<std::size_t>(n_ctx_)) {
    return make_error(ErrorCode::kOutOfRange,
                      "context is full (" + std::to_string(n_ctx_) + " tokens); cannot push another token");
  }
  return decode_append(one);
}

Status Session::rewind(std::size_t n) {
  if (n > tokens_.size()) {
    return invalid("rewind(" + std::to_string(n) + "): the session holds only " + std::to_string(tokens_.size()) +
                   " tokens");
  }
  if (n == tokens_.size()) return Status::Ok();
  if (n == 0) {
    truncate(0);
    return Status::Ok();
  }
  if (saved_valid_ && n == saved_len_) {
    truncate(n);
    logits_ = saved_logits_.data();
    return Status::Ok();
  }
  // No saved logits for position n-1: evaluate that token again.
  const Token last[1] = {tokens_[n - 1]};
  truncate(n - 1);
  return decode_append(last);
}

std::span<const float> Session::logits() const {
  if (logits_ == nullptr) return {};
  return {logits_, static_cast<std::size_t>(model_->n_vocab())};
}

}  // namespace codeloom::llm
