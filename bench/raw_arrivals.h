#ifndef CAMPANA_BENCH_RAW_ARRIVALS_H_
#define CAMPANA_BENCH_RAW_ARRIVALS_H_

#include <chrono>
#include <functional>
#include <vector>

namespace campana::bench {

// Times the arrival of one broadcast on many client sockets with epoll and
// recv, without parsing WebSocket frames. The clients share two cores with the
// server they measure, so the less each arrival costs them, the less they slow
// it down; this costs a fraction of a WebSocket client's read (the table
// reports both sides' CPU per delivery). Each broadcast is one frame, so the
// first bytes on a socket after the trigger are its arrival.
//
// The sockets stay owned by their connections; while Measure runs, nothing
// else may read them (their io_context must not run).
class RawArrivals {
 public:
  explicit RawArrivals(const std::vector<int>& sockets);
  ~RawArrivals();
  RawArrivals(const RawArrivals&) = delete;
  RawArrivals& operator=(const RawArrivals&) = delete;

  // Reads and drops whatever is waiting on every socket.
  void Drain();
  // Calls `trigger`, then waits until every socket has received something or
  // `timeout` passes. Fills `latency` (ms from the trigger, one per socket);
  // returns how many arrived.
  size_t Measure(const std::function<void()>& trigger,
                 std::vector<double>& latency,
                 std::chrono::milliseconds timeout);

 private:
  int epoll_ = -1;
  std::vector<int> sockets_;
};

}  // namespace campana::bench

#endif  // CAMPANA_BENCH_RAW_ARRIVALS_H_
