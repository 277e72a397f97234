// The bounded source reader: only regular files, never more than limit + 1 bytes,
// special files refused before open() (a FIFO would block it forever, /dev/zero
// would be read until memory runs out).
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>

#include "codeloom/common/text.h"

namespace codeloom {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

fs::path temp_path(const std::string& name) {
  return fs::temp_directory_path() / ("codeloom_read_text_" + std::to_string(::getpid()) + "_" + name);
}

TEST(ReadTextFile, FifoIsRefusedAtOnceInsteadOfBlocking) {
  const fs::path fifo = temp_path("fifo");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0) << std::strerror(errno);
  auto reading = std::async(std::launch::async, [&] { return read_text_file(fifo.string()); });
  if (reading.wait_for(5s) != std::future_status::ready) {
    // Old behaviour: open() waits for a writer. Be one, so the test ends and fails.
    int w = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
    if (w >= 0) ::close(w);
    ADD_FAILURE() << "read_text_file blocked on a FIFO";
  }
  auto r = reading.get();
  fs::remove(fifo);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(r.error().message.find("FIFO"), std::string::npos) << r.error().message;
}

TEST(ReadTextFile, DevicesDirectoriesAndSocketsAreRefusedAsBadInput) {
  // /dev/zero has st_size 0 and never ends: it used to be read until memory ran out.
  auto zero = read_text_file("/dev/zero", 1u << 20);
  ASSERT_FALSE(zero);
  EXPECT_EQ(zero.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(zero.error().message.find("character device"), std::string::npos) << zero.error().message;

  auto dir = read_text_file(fs::temp_directory_path().string());
  ASSERT_FALSE(dir);
  EXPECT_EQ(dir.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(dir.error().message.find("directory"), std::string::npos) << dir.error().message;

  const fs::path sock_path = temp_path("sock");
  int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(s, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::strncpy(addr.sun_path, sock_path.c_str(), sizeof(addr.sun_path) - 1);
  ASSERT_EQ(::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0) << std::strerror(errno);
  auto sock = read_text_file(sock_path.string());
  ::close(s);
  fs::remove(sock_path);
  ASSERT_FALSE(sock);
  EXPECT_EQ(sock.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(sock.error().message.find("socket"), std::string::npos) << sock.error().message;
}

TEST(ReadTextFd, ReadsAtMostOneBytePastTheLimit) {
  int p[2];
  ASSERT_EQ(::pipe(p), 0);
  const std::string payload(1000 + 100, 'x');  // fits the pipe buffer
  ASSERT_EQ(::write(p[1], payload.data(), payload.size()), static_cast<ssize_t>(payload.size()));
  ::close(p[1]);
  auto r = read_text_fd(p[0], 1000, "stdin");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kOutOfRange);
  EXPECT_NE(r.error().message.find("stdin"), std::string::npos);
  char rest[200];
  EXPECT_EQ(::read(p[0], rest, sizeof(rest)), 99) << "the reader consumed more than limit + 1 bytes";
  ::close(p[0]);
}

TEST(ReadTextFd, BinaryStreamIsRefusedAtTheFirstNul) {
  // `codeloom parse - < /dev/zero`: refused after one chunk, not after the limit.
  int fd = ::open("/dev/zero", O_RDONLY);
  ASSERT_GE(fd, 0);
  auto r = read_text_fd(fd, SIZE_MAX, "stdin");
  ::close(fd);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(r.error().message.find("binary"), std::string::npos) << r.error().message;
}

TEST(ReadTextFd, ReadsAPipeToItsEnd) {
  int p[2];
  ASSERT_EQ(::pipe(p), 0);
  const std::string text = "def f():\n    return 1\n";
  ASSERT_EQ(::write(p[1], text.data(), text.size()), static_cast<ssize_t>(text.size()));
  ::close(p[1]);
  auto r = read_text_fd(p[0], text.size(), "stdin");
  ::close(p[0]);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, text);
}

TEST(ReadTextFile, ExactLimitIsAcceptedOneMoreIsNot) {
  const fs::path path = temp_path("limit.py");
  { std::ofstream(path, std::ios::binary) << "x = 1\n"; }
  EXPECT_TRUE(read_text_file(path.string(), 6));
  auto over = read_text_file(path.string(), 5);
  ASSERT_FALSE(over);
  EXPECT_EQ(over.error().code, ErrorCode::kOutOfRange);
  fs::remove(path);
}

}  // namespace
}  // namespace codeloom
