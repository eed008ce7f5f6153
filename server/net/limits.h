#ifndef CAMPANA_NET_LIMITS_H_
#define CAMPANA_NET_LIMITS_H_

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace campana::net {

// Bounds on what one connection may cost the server.
struct Limits {
  // A WebSocket message larger than this closes the connection with code 1009.
  size_t max_message_bytes = size_t{64} * 1024;
  // Frames and bytes waiting to be written to one device. A device that stops
  // reading while the room goes on is disconnected past this; it resumes (or
  // gets a snapshot) on return, rather than growing the server's memory
  // (Redis's client output limits).
  size_t max_queued_frames = 4096;
  size_t max_queued_bytes = size_t{8} * 1024 * 1024;
  // An HTTP request must arrive whole within this (a slow-loris defence), with
  // small headers.
  std::chrono::seconds http_read_timeout{10};
  size_t max_http_header_bytes = size_t{8} * 1024;
  // The body of an organizer API request (a template uploaded: the two-day
  // Guatemala one is about 40 KB); every other request may carry 4 KB.
  size_t max_api_body_bytes = size_t{1024} * 1024;
  // A device that sends nothing (not even a pong to our pings) for this long is
  // gone.
  std::chrono::seconds websocket_idle_timeout{40};
  std::chrono::seconds websocket_handshake_timeout{10};
  // Beast's own frames (pongs, pings, the close) waiting because the device
  // does not read: a device that pings without reading the pongs is dropped
  // past this, rather than queueing pongs without end.
  size_t max_queued_control_bytes = size_t{64} * 1024;
  // The kernel's share per device: SO_SNDBUF (which Linux doubles). Without a
  // cap, autotuning gives each non-reading device megabytes.
  int socket_send_buffer = 128 * 1024;
  // Every device's queue together. Past it, a device whose own queue passes
  // max_queued_bytes / 8 is dropped when it is next written to: the largest
  // go first, and a room of slow phones cannot exhaust memory.
  size_t max_queued_bytes_total = size_t{512} * 1024 * 1024;

  // Access, beside the bounds.
  // Origins (scheme://host[:port]) whose pages may open /ws, besides the
  // server's own (the Host the request names). Requests without an Origin
  // (command-line tools) are let through: they still need the workshop's code
  // and keys, and carry no cookies.
  std::vector<std::string> allowed_origins;
  // If set, /metrics answers only to "Authorization: Bearer <token>".
  std::string metrics_token;
};

}  // namespace campana::net

#endif  // CAMPANA_NET_LIMITS_H_
