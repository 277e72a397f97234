// codeloom's error policy (see docs/architecture.md):
//  - Expected failures (bad input, missing file, unsupported model, timeout)
//    are returned as codeloom::Error inside a codeloom::Result<T>, with a
//    message a user can act on.
//  - Exceptions are reserved for failures that end a request (e.g. out of
//    memory); they never cross a C boundary or escape a server handler.
//  - assert() guards programmer bugs only.
//
// Usage:
//   Result<Model> m = Model::load(path);
//   if (!m) { std::cerr << m.error().message; return exit_code(m.error()); }
//   use(*m);
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace codeloom {

enum class ErrorCode {
  kInvalidArgument,  // the caller passed something malformed
  kNotFound,         // a file, model or key does not exist
  kIo,               // reading or writing failed
  kCorrupt,          // a file exists but its content is not valid (e.g. bad GGUF)
  kUnsupported,      // valid input the feature cannot handle (e.g. no FIM tokens)
  kOutOfRange,       // a limit was exceeded (context size, position in file)
  kCancelled,        // the request was cancelled or timed out
  kInternal,         // a bug or an unexpected library failure
};

const char* error_code_name(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
};

inline Error make_error(ErrorCode code, std::string message) {
  return Error{code, std::move(message)};
}

// A value or an Error. Deliberately small: check with operator bool, read with
// * / -> (asserts on misuse), or take the error with error().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}  // NOLINT

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { assert(ok()); return std::get<0>(v_); }
  const T& value() const& { assert(ok()); return std::get<0>(v_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const Error& error() const { assert(!ok()); return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

// Result<void>: success or an Error.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT
  static Status Ok() { return Status(); }

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { assert(!ok_); return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace codeloom
