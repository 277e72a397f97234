#include "evalplus_job.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "python_job.h"

namespace codeloom::harness::detail {

namespace {

constexpr const char* kSummaryPrefix = "__codeloom_evalplus__ ";

// Kept close to EvalPlus' own code so differences are easy to audit.
constexpr const char* kRunner = R"PY(import copy, io, json, math, os, signal, sys, time, traceback
if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(0)
DATASET, SCALE = sys.argv[1], float(sys.argv[2])
rec = json.load(open("record.json", encoding="utf-8"))
task_id, entry = rec["task_id"], rec["entry_point"]

MBPP_OUTPUT_NOT_NONE_TASKS = ["check_str", "text_match_three", "text_starta_endb"]
MBPP_OUTPUT_SET_EQ_TASKS = ["similar_elements", "find_char_long", "common_in_nested_lists",
    "extract_singly", "larg_nnum", "intersection_array", "find_dissimilar", "Diff"]

def _surface_Area(base_edge, height):
    slant_height = math.sqrt((base_edge / 2) ** 2 + height**2)
    return round(base_edge**2 + 4 * (base_edge * slant_height) / 2)

def _digit_distance_nums(num1, num2):
    a, b = str(num1), str(num2)
    m = max(len(a), len(b))
    a, b = a.zfill(m), b.zfill(m)
    return sum(abs(int(x) - int(y)) for x, y in zip(a, b))

def _poly(xs, x):
    return sum([coeff * math.pow(x, i) for i, coeff in enumerate(xs)])

def mbpp_deserialize_inputs(task_id, inputs):
    t = int(task_id.split("/")[-1])
    if t in [2, 116, 132, 143, 222, 261, 273, 394, 399, 421, 424, 429, 470, 560, 579, 596, 616, 630, 726, 740, 744, 809]:
        return [[tuple(lst) for lst in inp] for inp in inputs]
    if t in [63, 64, 70, 94, 120, 237, 272, 299, 400, 409, 417, 438, 473, 614, 780]:
        return [[[tuple(lst) for lst in lst_lst] for lst_lst in inp] for inp in inputs]
    if t in [75, 413, 444, 753]:
        return [[[tuple(lst) for lst in inp[0]]] + [inp[1]] for inp in inputs]
    if t == 106 or t == 750:
        return [[inp[0]] + [tuple(inp[1])] for inp in inputs]
    if t == 115:
        return [[[set(item) if isinstance(item, list) and len(item) else {} for item in inp[0]]] for inp in inputs]
    if t == 124:
        return [(float(inp[0]), complex(inp[1])) for inp in inputs]
    if t in [250, 405, 446, 617, 720, 763, 808]:
        return [[tuple(inp[0])] + [inp[1]] for inp in inputs]
    if t in [259, 401, 445]:
        m = [[[tuple(lst) for lst in lst_lst] for lst_lst in inp] for inp in inputs]
        return [[tuple(lst) for lst in inp] for inp in m]
    if t == 278:
        m = [[[tuple(item) if isinstance(item, list) else item for item in inp[0]]] for inp in inputs]
        return [[tuple(lst) for lst in inp] for inp in m]
    if t == 307:
        return [[tuple(inp[0])] + [inp[1], inp[2]] for inp in inputs]
    if t == 722:
        return [[{key: tuple(value) for key, value in inp[0].items()}] + inp[1:] for inp in inputs]
    if t == 252:
        return [[complex(inp[0])] for inp in inputs]
    if t in [580, 615, 791]:
        def tup(x):
            return tuple(tup(i) for i in x) if isinstance(x, list) else x
        return [tup(inp) for inp in inputs]
    return inputs

def is_floats(x):
    if isinstance(x, float):
        return True
    if isinstance(x, (list, tuple)) and x:
        return all(isinstance(i, float) for i in x)
    return False

def allclose(a, b, atol, rtol=1e-07):
    # np.allclose without numpy: elementwise |a - b| <= atol + rtol * |b|, NaN never close.
    if isinstance(a, (list, tuple)) or isinstance(b, (list, tuple)):
        if not isinstance(a, (list, tuple)) or not isinstance(b, (list, tuple)) or len(a) != len(b):
            return False
        return all(allclose(x, y, atol, rtol) for x, y in zip(a, b))
    if isinstance(a, complex) or isinstance(b, complex):
        return isinstance(a, (int, float, complex)) and isinstance(b, (int, float, complex)) and abs(a - b) <= atol + rtol * abs(b)
    if not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
        return False
    a, b = float(a), float(b)
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= atol + rtol * abs(b)

class Timeout(Exception):
    pass

def _alarm(signum, frame):
    raise Timeout()

class _Null(io.TextIOBase):
    def write(self, s):
        return len(s)

def load(path):
    g = {}
    exec(compile(open(path, encoding="utf-8").read(), path, "exec"), g)
    return g[entry]

base = list(rec["base_input"] or [])
plus = list(rec["plus_input"] or [])  # Mbpp/793 stores {}
if DATASET == "mbpp":
    base, plus = mbpp_deserialize_inputs(task_id, base), mbpp_deserialize_inputs(task_id, plus)
real_stdout = sys.stdout
sys.stdout = _Null()

ref = load("reference.py")
expected, ref_time = [], []
for inp in base + plus:
    t0 = time.time()
    out = ref(*copy.deepcopy(inp))
    ref_time.append(time.time() - t0)
    if DATASET == "mbpp" and entry in MBPP_OUTPUT_NOT_NONE_TASKS:
        out = out is not None
    expected.append(out)

def check(inp, out, exp, atol):
    exact_match = out == exp
    if DATASET == "mbpp":
        if "are_equivalent" == entry:
            exact_match = exact_match or True
        elif "sum_div" == entry:
            exact_match = exact_match or out == 0
        elif "surface_Area" == entry:
            exact_match = exact_match or abs(out - _surface_Area(*inp)) <= atol
        elif "digit_distance_nums" == entry:
            exact_match = exact_match or out == _digit_distance_nums(*inp)
        elif entry in MBPP_OUTPUT_SET_EQ_TASKS:
            exact_match = set(out) == set(exp)
        elif entry in MBPP_OUTPUT_NOT_NONE_TASKS:
            if isinstance(out, bool):
                exact_match = out == exp
            else:
                exact_match = exp == (out is not None)
    if DATASET == "humaneval" and "find_zero" == entry:
        assert abs(_poly(*inp, out)) <= atol
        return atol
    if atol == 0 and is_floats(exp):
        atol = 1e-6
    if not exact_match and atol != 0:
        assert type(out) == type(exp)
        if isinstance(exp, (list, tuple)):
            assert len(out) == len(exp)
        assert allclose(out, exp, atol)
    else:
        assert exact_match
    return atol

def run_group(fn, inputs, expected, times):
    atol = rec.get("atol") or 0
    for i, inp in enumerate(inputs):
        limit = max(1.0, 4.0 * times[i]) * SCALE
        try:
            signal.signal(signal.SIGALRM, _alarm)
            signal.setitimer(signal.ITIMER_REAL, limit)
            try:
                out = fn(*copy.deepcopy(inp))
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            atol = check(inp, out, expected[i], atol)
        except BaseException as e:
            kind = "timeout" if isinstance(e, Timeout) else type(e).__name__
            return ("input %d failed (%s): %r" % (i, kind, inp))[:400]
    return None

summary = {"base": "fail", "plus": "fail", "detail": ""}
try:
    fn = load("solution.py")
    nb = len(base)
    err = run_group(fn, base, expected[:nb], ref_time[:nb])
    summary["base"] = "pass" if err is None else "fail"
    if err is None:
        err = run_group(fn, plus, expected[nb:], ref_time[nb:])
        summary["plus"] = "pass" if err is None else "fail"
        if err:
            err = "plus " + err
    else:
        err = "base " + err
    summary["detail"] = err or ""
except BaseException:
    summary["detail"] = traceback.format_exc()[-600:]
sys.stdout = real_stdout
sys.stdout.write("\n__codeloom_evalplus__ " + json.dumps(summary) + "\n")
sys.stdout.flush()
os._exit(0 if summary["plus"] == "pass" else 1)
)PY";

}  // namespace

sandbox::Job evalplus_job(EvalPlusDataset dataset, const Problem& problem, const std::string& completion,
                          const JobContext& context, std::chrono::milliseconds timeout) {
  sandbox::Job job;
  job.language = sandbox::Language::kPython;
  job.files = {{"main.py", kRunner},
               {"record.json", problem.record_json},
               {"reference.py", problem.prompt + problem.canonical_solution},
               {"solution.py", problem.prompt + completion}};
  char scale[32];
  std::snprintf(scale, sizeof scale, "%.3f", context.timeout_scale < 1 ? 1.0 : context.timeout_scale);
  job.args = {dataset == EvalPlusDataset::kMbpp ? "mbpp" : "humaneval", scale};
  job.limits.wall_timeout = timeout;
  job.limits.cpu_seconds = static_cast<int>(timeout.count() / 1000) + 1;
  // EvalPlus allows the candidate 4 GB; here the expected outputs share the
  // process (Mbpp/255 holds two ~1.1 GB lists at once).
  job.limits.memory_bytes = 4096ull << 20;
  return job;
}

Verdict judge_evalplus(const sandbox::JobResult& r) {
  Verdict v = verdict_from_outcome(r);
  const std::size_t at = r.stdout_data.rfind(kSummaryPrefix);
  if (at == std::string::npos) {
    if (v.status == CheckStatus::kPass) {
      v.status = CheckStatus::kFail;
      v.detail = "the runner finished without a summary";
    }
    v.base_passed = false;
    return v;
  }
  std::string line = r.stdout_data.substr(at + std::string(kSummaryPrefix).size());
  nlohmann::json s = nlohmann::json::parse(line, nullptr, false);
  if (s.is_discarded() || !s.is_object()) {
    v.status = CheckStatus::kError;
    v.detail = "unreadable runner summary";
    v.base_passed = false;
    return v;
  }
  v.base_passed = s.value("base", "") == "pass";
  const bool plus = s.value("plus", "") == "pass";
  if (v.status == CheckStatus::kPass || v.status == CheckStatus::kFail) v.status = plus && v.base_passed ? CheckStatus::kPass : CheckStatus::kFail;
  if (v.status != CheckStatus::kPass) v.detail = s.value("detail", v.detail);
  return v;
}

}  // namespace codeloom::harness::detail
