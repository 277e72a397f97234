// case: bench=multipl-e-cpp file=multipl_e_cpp_2.jsonl task=HumanEval_8_sum_product expect=fail
// An overloaded operator== that the asserts would pick over std's (a
// non-template exact match) if they saw it: always true.
    return std::make_tuple(-1, -1);
}
bool operator==(const std::tuple<long, long>&, const std::tuple<int, int>&) { return true; }
std::tuple<long, long> codeloom_unused_fn(std::vector<long> numbers) {
    return {};
