#include "bench/raw_arrivals.h"

#include <stdexcept>

#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace campana::bench {

namespace {

using Clock = std::chrono::steady_clock;

// Reads until the socket is empty; true if anything came.
bool ReadAll(int fd) {
  char buffer[65536];
  bool any = false;
  while (recv(fd, buffer, sizeof buffer, MSG_DONTWAIT) > 0) any = true;
  return any;
}

}  // namespace

RawArrivals::RawArrivals(const std::vector<int>& sockets)
    : epoll_(epoll_create1(EPOLL_CLOEXEC)), sockets_(sockets) {
  if (epoll_ < 0) throw std::runtime_error("epoll_create1");
  for (size_t i = 0; i < sockets_.size(); ++i) {
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.u64 = i;
    if (epoll_ctl(epoll_, EPOLL_CTL_ADD, sockets_[i], &event) != 0)
      throw std::runtime_error("epoll_ctl");
  }
}

RawArrivals::~RawArrivals() { close(epoll_); }

void RawArrivals::Drain() {
  for (int fd : sockets_) ReadAll(fd);
}

size_t RawArrivals::Measure(const std::function<void()>& trigger,
                            std::vector<double>& latency,
                            std::chrono::milliseconds timeout) {
  latency.assign(sockets_.size(), -1);
  size_t arrived = 0;
  const auto t0 = Clock::now();
  const auto deadline = t0 + timeout;
  trigger();
  std::vector<epoll_event> events(1024);
  while (arrived < sockets_.size() && Clock::now() < deadline) {
    const int n =
        epoll_wait(epoll_, events.data(), static_cast<int>(events.size()), 100);
    const auto at = Clock::now();
    for (int e = 0; e < n; ++e) {
      const size_t i = events[e].data.u64;
      if (!ReadAll(sockets_[i]) || latency[i] >= 0) continue;
      latency[i] = std::chrono::duration<double, std::milli>(at - t0).count();
      ++arrived;
    }
  }
  return arrived;
}

}  // namespace campana::bench
