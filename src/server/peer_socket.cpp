#include "peer_socket.h"

#include <sys/socket.h>

#include <cerrno>

namespace codeloom::server {

bool peer_closed(int fd) {
  char c;
  const ssize_t n = recv(fd, &c, 1, MSG_PEEK | MSG_DONTWAIT);
  if (n == 0) return true;
  if (n > 0) return false;  // more bytes waiting (e.g. the next request): alive
  return errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR;
}

}  // namespace codeloom::server
