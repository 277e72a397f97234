// Rewrites MultiPL-E Java test code (private to the harness) so that its
// checks do not depend on the candidate: `assert(E)` becomes
// `<grader>.check(E)` (no reliance on -ea, which the candidate could switch
// off by reflection) and `X.equals(Y)` becomes `<grader>.same(X, Y)`, which
// refuses results of classes the candidate defined (an equals() that always
// says true) before comparing. String and char literals are left alone.
#pragma once

#include <string>

namespace codeloom::harness::detail {

// `grader` is the fully qualified class, e.g. "g0123abcd.Grader".
std::string rewrite_java_checks(const std::string& test, const std::string& grader);

}  // namespace codeloom::harness::detail
