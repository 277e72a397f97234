// EvalPlus differential testing (private to the harness): the trusted grader
// (grader/core.py + grader/evalplus.py) runs the canonical solution over
// base_input and plus_input, then calls the candidate (in its own process, see
// python_job.h) on the same inputs, and compares outputs as EvalPlus v0.1.10 /
// MBPP+ v0.2.0 do (evalplus/eval/__init__.py unsafe_execute): exact equality,
// else np.allclose(rtol=1e-7, atol) when atol != 0 (atol becomes 1e-6 once a
// float output is seen), plus the special oracles (HumanEval/32 find_zero;
// MBPP set-equality, not-None, 164, 295, 558, 581). Per-input time limits are
// max(1 s, 4 x the canonical solution's time) x the calibration factor.
#pragma once

#include <chrono>

#include "codeloom/harness/benchmark.h"

namespace codeloom::harness::detail {

enum class EvalPlusDataset { kHumanEval, kMbpp };

GradedJob evalplus_job(EvalPlusDataset dataset, const Problem& problem, const std::string& completion,
                       const JobContext& context, std::chrono::milliseconds timeout);

// Pass iff every base and plus input passed; base_passed from the grader's
// summary, which counts only on the verdict line carrying `nonce`.
Verdict judge_evalplus(const sandbox::JobResult& result, const std::string& nonce);

}  // namespace codeloom::harness::detail
