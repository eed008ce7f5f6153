#ifndef CAMPANA_TESTS_INTEGRATION_RAW_SOCKET_H_
#define CAMPANA_TESTS_INTEGRATION_RAW_SOCKET_H_

#include <chrono>
#include <cstdint>
#include <fstream>
#include <string>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace campana::testing {

// A bare TCP connection to the server for what a well-behaved client library
// will not do: never read, flood pings, send odd headers. Blocking unless
// made otherwise; closed on destruction.
class RawSocket {
 public:
  RawSocket() = default;
  RawSocket(const RawSocket&) = delete;
  RawSocket& operator=(const RawSocket&) = delete;
  RawSocket(RawSocket&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  ~RawSocket() {
    if (fd_ >= 0) ::close(fd_);
  }

  // `receive_buffer` > 0 shrinks SO_RCVBUF before connecting (a device that
  // stops reading fills it at once).
  bool Connect(uint16_t port, int receive_buffer = 0) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) return false;
    if (receive_buffer > 0)
      ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &receive_buffer,
                   sizeof(receive_buffer));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return ::connect(fd_, reinterpret_cast<sockaddr*>(&address),
                     sizeof(address)) == 0;
  }

  bool SendAll(const std::string& bytes) {
    for (size_t sent = 0; sent < bytes.size();) {
      const ssize_t n =
          ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<size_t>(n);
    }
    return true;
  }

  // Reads until `end` has arrived (e.g. the blank line after HTTP headers);
  // whatever arrived, possibly short, on timeout or close.
  std::string ReadUntil(const std::string& end,
                        std::chrono::milliseconds timeout) {
    std::string got;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (got.find(end) == std::string::npos) {
      if (!WaitReadable(deadline)) break;
      char buffer[4096];
      const ssize_t n = ::recv(fd_, buffer, sizeof(buffer), 0);
      if (n <= 0) break;
      got.append(buffer, static_cast<size_t>(n));
    }
    return got;
  }

  // An HTTP request for a WebSocket on `path`; returns the response's headers.
  std::string Upgrade(uint16_t port, const std::string& extra_headers = "",
                      const std::string& path = "/ws") {
    SendAll("GET " + path +
            " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
            "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            "Sec-WebSocket-Version: 13\r\n" +
            extra_headers + "\r\n");
    return ReadUntil("\r\n\r\n", std::chrono::seconds(10));
  }

  // True once the server has closed the connection (EOF or reset), reading
  // and dropping whatever else arrives; false at the deadline.
  bool WaitClosed(std::chrono::steady_clock::time_point deadline) {
    while (WaitReadable(deadline)) {
      char buffer[4096];
      const ssize_t n = ::recv(fd_, buffer, sizeof(buffer), 0);
      if (n <= 0) return true;
    }
    return false;
  }

  void SetSendTimeout(std::chrono::milliseconds timeout) {
    timeval tv{};
    tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
    tv.tv_usec = static_cast<suseconds_t>(timeout.count() % 1000 * 1000);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
  }
  int fd() const { return fd_; }

 private:
  bool WaitReadable(std::chrono::steady_clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    return ::poll(&p, 1, static_cast<int>(left.count())) > 0;
  }

  int fd_ = -1;
};

// A client-to-server WebSocket frame (masked, as RFC 6455 requires), FIN set.
inline std::string MaskedFrame(uint8_t opcode, const std::string& payload) {
  std::string frame;
  frame += static_cast<char>(0x80 | opcode);
  if (payload.size() < 126) {
    frame += static_cast<char>(0x80 | payload.size());
  } else {
    frame += static_cast<char>(0x80 | 126);
    frame += static_cast<char>(payload.size() >> 8);
    frame += static_cast<char>(payload.size() & 0xff);
  }
  const char mask[4] = {0x11, 0x22, 0x33, 0x44};
  frame.append(mask, 4);
  for (size_t i = 0; i < payload.size(); ++i)
    frame += static_cast<char>(payload[i] ^ mask[i % 4]);
  return frame;
}

// The resident memory of a process, in bytes (Linux).
inline size_t ResidentBytes(int pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stoul(line.substr(6)) * 1024;
  }
  return 0;
}

}  // namespace campana::testing

#endif  // CAMPANA_TESTS_INTEGRATION_RAW_SOCKET_H_
