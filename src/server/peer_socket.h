// Internal: telling whether the peer of an accepted connection has closed it.
// POSIX/Linux only.
#pragma once

namespace codeloom::server {

// True when the peer has closed its side (recv peeks end-of-file) or the
// connection was reset. Never blocks or consumes data. A client that shuts
// down only its sending side counts as gone, as in llama.cpp's server.
bool peer_closed(int fd);

}  // namespace codeloom::server
