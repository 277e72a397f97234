// case: bench=multipl-e-cpp file=multipl_e_cpp_2.jsonl task=HumanEval_23_strlen expect=fail
// A static initialiser that reopens /proc/self/fd/0 (the sandbox's stdin is a
// memfd, re-readable from the start) to recover the nonce.
    return 0;
}
#include <fcntl.h>
#include <unistd.h>
static int codeloom_forge = []() {
    char buf[128];
    int fd = open("/proc/self/fd/0", O_RDONLY);
    ssize_t n = fd >= 0 ? read(fd, buf, sizeof(buf)) : -1;
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
