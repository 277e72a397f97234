// Reading source text with bounded cost: only regular files (or an already open
// stream such as stdin), never more than max_bytes + 1 bytes, binary input
// refused as soon as a NUL byte arrives.
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>

#include "codeloom/common/text.h"

namespace codeloom {
namespace {

constexpr std::size_t kChunk = 1u << 16;

// What a non-regular file is, for the message.
const char* file_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "not a regular file";
}

Error not_regular(const std::string& path, mode_t mode) {
  return make_error(ErrorCode::kInvalidArgument,
                    path + " is " + file_kind(mode) +
                        "; codeloom reads regular source files only (pipe text through stdin "
                        "with - instead)");
}

Error too_large(std::string_view what, std::size_t max_bytes) {
  return make_error(ErrorCode::kOutOfRange, std::string(what) + " is larger than the limit of " +
                                                std::to_string(max_bytes) + " bytes");
}

// Closes a descriptor this file opened.
struct FdCloser {
  int fd;
  ~FdCloser() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

Result<std::string> read_text_fd(int fd, std::size_t max_bytes, std::string_view what) {
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
    return make_error(ErrorCode::kInvalidArgument,
                      std::string(what) + " is a directory; codeloom reads source text only");
  std::string text;
  // Never ask for more than one byte past the limit: that byte proves "too large".
  const std::size_t cap = max_bytes == SIZE_MAX ? max_bytes : max_bytes + 1;
  while (text.size() < cap) {
    const std::size_t old = text.size();
    const std::size_t want = std::min(kChunk, cap - old);
    text.resize(old + want);
    const ssize_t n = ::read(fd, text.data() + old, want);
    if (n < 0) {
      text.resize(old);
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) {  // a non-blocking stdin: wait for data
        pollfd p{fd, POLLIN, 0};
        ::poll(&p, 1, -1);
        continue;
      }
      return make_error(ErrorCode::kIo,
                        "error reading " + std::string(what) + ": " + std::strerror(errno));
    }
    text.resize(old + static_cast<std::size_t>(n));
    if (n == 0) break;
    // Binary input (e.g. /dev/zero on stdin) is refused at its first NUL, not at the limit.
    if (std::memchr(text.data() + old, '\0', static_cast<std::size_t>(n)) != nullptr) break;
  }
  if (text.find('\0') == std::string::npos && text.size() > max_bytes)
    return too_large(what, max_bytes);
  if (Status s = check_text(text, what); !s) return s.error();
  return text;
}

Result<std::string> read_text_file(const std::string& path, std::size_t max_bytes) {
  // stat() first: a FIFO, socket or device is refused before open() could block
  // (a FIFO with no writer) or have side effects (devices).
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR)
      return make_error(ErrorCode::kNotFound, "file not found: " + path);
    return make_error(ErrorCode::kIo, "cannot access " + path + ": " + std::strerror(errno));
  }
  if (!S_ISREG(st.st_mode)) return not_regular(path, st.st_mode);
  if (static_cast<std::size_t>(st.st_size) > max_bytes) {
    return make_error(ErrorCode::kOutOfRange, path + " is " + std::to_string(st.st_size) +
                                                  " bytes, over the limit of " +
                                                  std::to_string(max_bytes));
  }
  // O_NONBLOCK: if the path was swapped for a FIFO after stat(), open() must not
  // wait for a writer; fstat() below catches the swap.
  FdCloser f{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)};
  if (f.fd < 0) return make_error(ErrorCode::kIo, "cannot open " + path + ": " + std::strerror(errno));
  if (::fstat(f.fd, &st) != 0)
    return make_error(ErrorCode::kIo, "cannot access " + path + ": " + std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return not_regular(path, st.st_mode);
  return read_text_fd(f.fd, max_bytes, path);
}

}  // namespace codeloom
