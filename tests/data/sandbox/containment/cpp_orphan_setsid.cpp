// Daemonizes a grandchild (fork, setsid, fork) that sleeps with a marker argv.
#include <unistd.h>
int main() {
  if (fork() == 0) {
    setsid();
    if (fork() == 0) execl("/bin/sh", "sh", "-c", "sleep 1000; : @MARKER@", (char*)nullptr);
    _exit(0);
  }
  usleep(200000);
  return 0;
}
