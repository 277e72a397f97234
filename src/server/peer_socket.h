// Internal: finding the socket of one accepted connection by its addresses,
// and telling whether its peer has closed it — for HTTP libraries that do not
// hand the socket to handlers (cpp-httplib 0.11). POSIX/Linux only.
#pragma once

#include <string>

namespace codeloom::server {

// The descriptor of this process's TCP socket whose peer is
// peer_addr:peer_port and whose local port is local_port; -1 when none.
// Scans /proc/self/fd (~0.1 ms for a few hundred descriptors).
int find_connection_fd(const std::string& peer_addr, int peer_port, int local_port);

// True when the peer has closed its side (recv peeks end-of-file) or the
// connection was reset. Never blocks or consumes data. A client that shuts
// down only its sending side counts as gone, as in llama.cpp's server.
bool peer_closed(int fd);

}  // namespace codeloom::server
