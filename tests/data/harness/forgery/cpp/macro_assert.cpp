// case: bench=multipl-e-cpp file=multipl_e_cpp_2.jsonl task=HumanEval_8_sum_product expect=fail
// Redefining assert (and main) as macros for the code that follows.
    return std::make_tuple(-1, -1);
}
#undef assert
#define assert(x) ((void)0)
std::tuple<long, long> codeloom_unused_fn(std::vector<long> numbers) {
    return {};
