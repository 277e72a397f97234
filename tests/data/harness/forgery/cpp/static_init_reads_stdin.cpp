// case: bench=multipl-e-cpp file=multipl_e_cpp_2.jsonl task=HumanEval_23_strlen expect=fail
// A static initialiser that reads the job's stdin (where the nonce is) and
// echoes it with " pass", then exits.
    return 0;
}
#include <unistd.h>
static int codeloom_forge = []() {
    char buf[128];
    ssize_t n = read(0, buf, sizeof(buf));
    std::string got = n > 0 ? std::string(buf, static_cast<size_t>(n)) : std::string();
    while (!got.empty() && got.back() == '\n') got.pop_back();
    std::string line = "\n" + got + " pass\n";
    ssize_t w = write(1, line.data(), line.size());
    (void)w;
    _exit(0);
    return 0;
}();
long codeloom_unused_fn() {
    return 0;
