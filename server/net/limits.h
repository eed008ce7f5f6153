#ifndef CAMPANA_NET_LIMITS_H_
#define CAMPANA_NET_LIMITS_H_

#include <chrono>
#include <cstddef>

namespace campana::net {

// Bounds on what one connection may cost the server.
struct Limits {
  // A WebSocket message larger than this closes the connection with code 1009.
  size_t max_message_bytes = 64 * 1024;
  // Frames and bytes waiting to be written to one device. A device that stops
  // reading while the room goes on is disconnected past this; it resumes (or
  // gets a snapshot) on return, rather than growing the server's memory
  // (Redis's client output limits).
  size_t max_queued_frames = 4096;
  size_t max_queued_bytes = 8 * 1024 * 1024;
  // An HTTP request must arrive whole within this (a slow-loris defence), with
  // small headers.
  std::chrono::seconds http_read_timeout{10};
  size_t max_http_header_bytes = 8 * 1024;
  // A device that sends nothing (not even a pong to our pings) for this long is
  // gone.
  std::chrono::seconds websocket_idle_timeout{40};
  std::chrono::seconds websocket_handshake_timeout{10};
};

}  // namespace campana::net

#endif  // CAMPANA_NET_LIMITS_H_
