#ifndef CAMPANA_TESTS_SUPPORT_SERVER_PROCESS_H_
#define CAMPANA_TESTS_SUPPORT_SERVER_PROCESS_H_

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace campana::testing {

// The real campana binary, started on an ephemeral loopback port with its own
// database. Start() returns once the server says it is listening (read from its
// log, not guessed with a sleep).
class ServerProcess {
 public:
  struct Options {
    std::string binary;  // path to campana
    std::string db_path;
    std::string web_root;  // may be empty
    std::string demo_template;
    std::vector<std::string> extra_args;
    uint16_t port = 0;  // 0: any free one
  };

  explicit ServerProcess(Options options) : options_(std::move(options)) {}
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // Starts and waits until it listens; false (with the log so far in `error`)
  // on failure.
  bool Start(std::string* error,
             std::chrono::seconds timeout = std::chrono::seconds(60));
  // SIGKILL: no shutdown, no flush. What was acknowledged must still be there.
  void Kill();
  // SIGTERM, then waits for the exit status.
  int Stop();

  uint16_t port() const { return port_; }
  int pid() const { return pid_; }
  bool running() const { return pid_ > 0; }
  // What the process printed on stdout (the demo URLs) and stderr (its log).
  std::string out() const;
  std::string log() const;
  // Waits until a line containing `text` appears in the log.
  bool WaitForLog(const std::string& text, std::chrono::milliseconds timeout);

 private:
  void Drain(int fd, std::string* into);
  void Reap();

  Options options_;
  int pid_ = -1;
  uint16_t port_ = 0;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::string out_;
  std::string log_;
  std::thread out_reader_;
  std::thread log_reader_;
};

// The path of the campana binary, given to test binaries by CMake.
std::string CampanaBinary();
std::string SourceDir();

}  // namespace campana::testing

#endif  // CAMPANA_TESTS_SUPPORT_SERVER_PROCESS_H_
