// Fork bomb that ignores fork() failures, so only the limits end it.
#include <unistd.h>
int main() {
  for (;;) fork();
}
