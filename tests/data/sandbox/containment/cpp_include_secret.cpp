// Pulls a host secret in at compile time; the compiler is sandboxed too.
#include "@SECRET_PATH@"
int main() { return 0; }
