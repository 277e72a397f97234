// Spins forever; the CPU limit ends it.
int main() {
  volatile unsigned long x = 0;
  for (;;) x = x + 1;
}
