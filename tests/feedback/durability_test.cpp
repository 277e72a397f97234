// The server's acceptance criterion: every acknowledged write survives a
// SIGKILL of the writing process at a random moment; the DB stays intact.
// A child (feedback_crash_writer) writes from several threads and prints each
// id after record_event returned; we kill it mid-stream, reopen and check.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <set>
#include <sstream>

#include "codeloom/feedback/store.h"
#include "temp_dir.h"

namespace codeloom::feedback {
namespace {

struct Acked {
  std::set<std::string> completions;
  std::set<std::int64_t> events;
};

// Runs the writer until it has acknowledged `kill_after` events, waits a
// random extra moment, SIGKILLs it and returns every id it had printed.
Acked run_and_kill(const std::vector<std::string>& args, int kill_after, int extra_delay_us) {
  Acked acked;
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    ADD_FAILURE() << "pipe failed";
    return acked;
  }
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(fds[1]);
  std::string buf;
  std::size_t parsed = 0;
  int events = 0;
  bool killed = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  auto parse_lines = [&] {
    for (std::size_t nl; (nl = buf.find('\n', parsed)) != std::string::npos; parsed = nl + 1) {
      const std::string line = buf.substr(parsed, nl - parsed);
      if (line.rfind("C ", 0) == 0) acked.completions.insert(line.substr(2));
      if (line.rfind("E ", 0) == 0) acked.events.insert(std::stoll(line.substr(2))), ++events;
    }
  };
  for (;;) {
    pollfd p{fds[0], POLLIN, 0};
    const int ready = poll(&p, 1, 1000);
    if (ready > 0) {
      char chunk[4096];
      const ssize_t n = read(fds[0], chunk, sizeof chunk);
      if (n <= 0) break;  // EOF: the child is gone (killed, or it failed)
      buf.append(chunk, static_cast<std::size_t>(n));
      parse_lines();  // a trailing partial line is an ack we may ignore: we check a subset
    }
    if (!killed && events >= kill_after) {
      usleep(static_cast<useconds_t>(extra_delay_us));
      kill(pid, SIGKILL);
      killed = true;
    }
    if (!killed && std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);
      ADD_FAILURE() << "the writer acknowledged only " << events << " events in 120 s";
      killed = true;
    }
  }
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
      << "the writer ended by itself (exit " << (WIFEXITED(status) ? WEXITSTATUS(status) : -1)
      << ") before the kill: see its stderr above";
  return acked;
}

TEST(FeedbackDurability, AcknowledgedWritesSurviveSigkill) {
  testing::TempDir dir;
  const std::string db = dir.file("fb.db");
  const unsigned seed = std::random_device{}();
  std::mt19937 rng(seed);
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::set<std::int64_t> all_events;
  std::set<std::string> all_completions;
  constexpr int kRounds = 6;
  for (int round = 0; round < kRounds; ++round) {
    const std::string sync = round % 2 ? "normal" : "full";
    const int kill_after = std::uniform_int_distribution<int>(1, 400)(rng);
    const int delay_us = std::uniform_int_distribution<int>(0, 3000)(rng);
    SCOPED_TRACE("round " + std::to_string(round) + " synchronous=" + sync + " kill after " +
                 std::to_string(kill_after) + " acks + " + std::to_string(delay_us) + " us");
    Acked acked = run_and_kill({CODELOOM_FEEDBACK_CRASH_WRITER, db, sync, "4", std::to_string(round)}, kill_after,
                               delay_us);
    ASSERT_GE(acked.events.size(), static_cast<std::size_t>(kill_after));
    all_events.insert(acked.events.begin(), acked.events.end());
    all_completions.insert(acked.completions.begin(), acked.completions.end());

    // Reopen after the crash (WAL recovery) and look for every acknowledged id.
    StoreOptions o;
    o.path = db;
    o.read_only = true;
    auto store = Store::open(o);
    ASSERT_TRUE(store) << store.error().message;
    ASSERT_TRUE((*store)->check_integrity());
    auto rows = (*store)->events({.limit = 0});
    ASSERT_TRUE(rows) << rows.error().message;
    std::set<std::int64_t> present;
    for (const auto& r : *rows) present.insert(r.event_id);
    std::size_t lost = 0;
    for (std::int64_t id : all_events) lost += present.count(id) == 0;
    EXPECT_EQ(lost, 0u) << "of " << all_events.size() << " acknowledged events";
    for (const auto& cid : all_completions) {
      auto c = (*store)->get_completion(cid);
      ASSERT_TRUE(c);
      EXPECT_TRUE(c->has_value()) << "acknowledged completion " << cid << " lost";
    }
  }
  // The file is still writable after all the crashes.
  auto store = Store::open({.path = db});
  ASSERT_TRUE(store) << store.error().message;
  EXPECT_TRUE((*store)->record_event({.completion_id = "r0-t0", .type = EventType::kRejected}));
}

}  // namespace
}  // namespace codeloom::feedback
