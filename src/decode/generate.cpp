#include "codeloom/decode/generate.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "codeloom/decode/min_indent.h"
#include "codeloom/decode/text_stream.h"

namespace codeloom::decode {
namespace {

using SteadyTime = std::chrono::steady_clock::time_point;

Status check_options(const GenerateOptions& o, std::span<const llm::Token> prompt) {
  if (o.n < 1) return make_error(ErrorCode::kInvalidArgument, "n must be at least 1");
  if (o.max_samples > 64LL * o.n)
    return make_error(ErrorCode::kInvalidArgument, "max_samples must be at most 64 x n (it bounds the draws for n candidates)");
  if (o.max_tokens < 0) return make_error(ErrorCode::kInvalidArgument, "max_tokens must be >= 0");
  if (prompt.empty()) return make_error(ErrorCode::kInvalidArgument, "the prompt is empty");
  if (o.scope == Scope::kBlock && !o.scope_context.language) {
    return make_error(ErrorCode::kInvalidArgument,
                      "the block scope needs the file's language (python, java, cpp or javascript)");
  }
  return validate(o.sampling);
}

// Per-candidate state: the text pipeline (UTF-8 -> stop strings -> scope)
// and what has been streamed so far.
struct CandidateRun {
  Utf8Assembler utf8;
  StopScanner stop;
  std::unique_ptr<ScopeTracker> scope;
  std::size_t emitted = 0;
  Candidate out;

  explicit CandidateRun(const GenerateOptions& o) : stop(o.stop) {}

  void emit(const Callbacks& cb, std::size_t upto) {
    if (upto <= emitted) return;
    if (cb.on_text) cb.on_text(out.index, std::string_view(stop.text()).substr(emitted, upto - emitted));
    emitted = upto;
  }
};

class Generator {
 public:
  Generator(LogitSource& src, std::span<const llm::Token> prompt, const GenerateOptions& o,
            const Callbacks& cb)
      : src_(src), prompt_(prompt), o_(o), cb_(cb), sampler_(o.sampling, src.model().n_vocab()) {
    now_ = o.clock ? o.clock : [] { return std::chrono::steady_clock::now(); };
    if (o.time_limit) deadline_ = now_() + *o.time_limit;
  }

  Result<Candidate> run(int index) {
    scope_fed_ = 0;
    if (index > 0) {
      if (Status s = src_.rewind(prompt_.size()); !s) return s.error();
    }
    sampler_.reset();
    // The repetition window starts with the prompt's tail, as llama.cpp's server does.
    const std::size_t tail = std::min<std::size_t>(prompt_.size(), static_cast<std::size_t>(o_.sampling.last_n));
    for (std::size_t i = prompt_.size() - tail; i < prompt_.size(); ++i) sampler_.accept(prompt_[i]);

    CandidateRun c(o_);
    c.out.index = index;
    auto scope = make_scope_tracker(o_.scope, o_.scope_context);
    if (!scope) return scope.error();
    c.scope = with_min_indent(std::move(*scope), o_.min_indent);

    const llm::Model& model = src_.model();
    c.out.finish = FinishReason::kLength;
    for (int step = 0; step < o_.max_tokens; ++step) {
      if (cb_.should_cancel && cb_.should_cancel()) { c.out.finish = FinishReason::kCancelled; break; }
      if (deadline_ && now_() >= *deadline_) { c.out.finish = FinishReason::kTimeLimit; break; }
      std::span<const float> logits = src_.logits();
      const llm::Token t = sampler_.sample(logits);
      c.out.tokens.push_back(t);
      c.out.logprobs.push_back(token_logprob(logits, t));
      sampler_.accept(t);
      if (model.is_eog(t) ||
          std::find(o_.stop_tokens.begin(), o_.stop_tokens.end(), t) != o_.stop_tokens.end()) {
        c.out.finish = FinishReason::kEos;
        break;
      }
      if (c.stop.append(c.utf8.feed(model.token_to_piece(t)))) {
        // Let the scope see the text that survived the stop string: it may end earlier.
        if (c.stop.text().size() > scope_fed_) {
          if (auto cut = c.scope->feed(std::string_view(c.stop.text()).substr(scope_fed_))) {
            c.stop.truncate(*cut);
            c.out.finish = FinishReason::kScope;
            break;
          }
        }
        c.out.finish = FinishReason::kStop;
        break;
      }
      // Only the part a stop string cannot still claim goes to the scope.
      const std::size_t stable = c.stop.stable_size();
      if (stable > scope_fed_) {
        if (auto cut = c.scope->feed(std::string_view(c.stop.text()).substr(scope_fed_, stable - scope_fed_))) {
          c.stop.truncate(*cut);
          c.out.finish = FinishReason::kScope;
          break;
        }
        scope_fed_ = stable;
      }
      c.emit(cb_, std::min(stable, c.scope->stable_size()));
      if (step + 1 == o_.max_tokens) break;  // no need to evaluate the last token
      if (Status s = src_.push(t); !s) {
        if (s.error().code == ErrorCode::kOutOfRange) break;  // context full: kLength
        return s.error();
      }
    }
    scope_fed_ = 0;
    // The text is final now: flush what was held back (a character cut by
    // max_tokens stays in utf8.pending() and is dropped).
    c.out.text = c.stop.text();
    c.emit(cb_, c.out.text.size());
    double sum = 0;
    for (double lp : c.out.logprobs) sum += lp;
    c.out.mean_logprob = c.out.logprobs.empty() ? 0.0 : sum / static_cast<double>(c.out.logprobs.size());
    return std::move(c.out);
  }

 private:
  LogitSource& src_;
  std::span<const llm::Token> prompt_;
  const GenerateOptions& o_;
  const Callbacks& cb_;
  Sampler sampler_;
  Clock now_;
  std::optional<SteadyTime> deadline_;
  std::size_t scope_fed_ = 0;  // bytes of the current candidate's text given to its scope
};

// Keeps the best-scored copy of each text, best first; ties keep generation order.
std::vector<Candidate> dedup_and_rank(std::vector<Candidate> all) {
  std::stable_sort(all.begin(), all.end(),
                   [](const Candidate& a, const Candidate& b) { return a.mean_logprob > b.mean_logprob; });
  std::vector<Candidate> out;
  std::unordered_map<std::string, bool> seen;
  for (auto& c : all) {
    if (seen.emplace(c.text, true).second) out.push_back(std::move(c));
  }
  return out;
}

}  // namespace

const char* finish_reason_name(FinishReason reason) {
  switch (reason) {
    case FinishReason::kEos: return "eos";
    case FinishReason::kStop: return "stop";
    case FinishReason::kLength: return "length";
    case FinishReason::kScope: return "scope";
    case FinishReason::kCancelled: return "cancelled";
    case FinishReason::kTimeLimit: return "time_limit";
  }
  return "?";
}

Result<std::vector<Candidate>> generate(LogitSource& source, std::span<const llm::Token> prompt,
                                        const GenerateOptions& options, const Callbacks& callbacks) {
  if (Status s = check_options(options, prompt); !s) return s.error();
  const int n_vocab = source.model().n_vocab();
  for (llm::Token t : options.stop_tokens) {
    if (t < 0 || t >= n_vocab) {
      return make_error(ErrorCode::kInvalidArgument, "stop token " + std::to_string(t) + " is not in the vocabulary");
    }
  }
  for (llm::Token t : options.sampling.banned) {
    if (t >= n_vocab) {
      return make_error(ErrorCode::kInvalidArgument, "banned token " + std::to_string(t) + " is not in the vocabulary");
    }
  }
  if (options.ignore_eos) {
    GenerateOptions o = options;
    o.ignore_eos = false;
    const auto& eog = source.model().eog_tokens();
    o.sampling.banned.insert(o.sampling.banned.end(), eog.begin(), eog.end());
    o.sampling.banned.insert(o.sampling.banned.end(), o.stop_tokens.begin(), o.stop_tokens.end());
    return generate(source, prompt, o, callbacks);
  }
  if (Status s = source.prefill(prompt); !s) return s.error();
  Generator gen(source, prompt, options, callbacks);
  std::vector<Candidate> all;
  std::unordered_set<std::string> distinct;
  const int draws = std::max(options.n, options.max_samples);
  for (int i = 0; i < draws && distinct.size() < static_cast<std::size_t>(options.n); ++i) {
    Result<Candidate> c = gen.run(i);
    if (!c) return c.error();
    const bool interrupted = c->finish == FinishReason::kCancelled || c->finish == FinishReason::kTimeLimit;
    // Before draw i at most i texts are distinct, so the first n draws are
    // always made; only the refill draws after them stop at n distinct.
    distinct.insert(c->text);
    all.push_back(std::move(*c));
    if (interrupted) break;  // the remaining candidates would stop at once
  }
  return dedup_and_rank(std::move(all));
}

Result<std::vector<Candidate>> generate(llm::Session& session, std::span<const llm::Token> prompt,
                                        const GenerateOptions& options, const Callbacks& callbacks) {
  SessionSource source(session);
  return generate(source, prompt, options, callbacks);
}

}  // namespace codeloom::decode
