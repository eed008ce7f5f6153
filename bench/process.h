#ifndef CAMPANA_BENCH_PROCESS_H_
#define CAMPANA_BENCH_PROCESS_H_

#include <chrono>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace campana::bench {

// A server under test as a child process: started, its port read from the
// "listening on HOST:PORT" line it prints on stderr, its memory read from
// /proc, stopped with SIGTERM.
class Process {
 public:
  explicit Process(std::vector<std::string> argv) : argv_(std::move(argv)) {}
  ~Process() { Stop(); }

  // Starts and waits for "listening on HOST:PORT" and, if given, for `also` in
  // the output; returns the port.
  uint16_t Start(const std::string& also = "") {
    int err[2];
    if (pipe2(err, O_CLOEXEC) != 0) throw std::runtime_error("pipe");
    std::vector<char*> argv;
    for (auto& a : argv_) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, err[1], STDERR_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err[1], STDOUT_FILENO);
    started_ = std::chrono::steady_clock::now();
    if (posix_spawnp(&pid_, argv_[0].c_str(), &actions, nullptr, argv.data(),
                     environ) != 0) {
      throw std::runtime_error("cannot start " + argv_[0]);
    }
    posix_spawn_file_actions_destroy(&actions);
    close(err[1]);
    reader_ = std::thread([this, fd = err[0]] {
      char buffer[4096];
      ssize_t n;
      while ((n = read(fd, buffer, sizeof buffer)) > 0) {
        std::lock_guard lock(mutex_);
        log_.append(buffer, static_cast<size_t>(n));
        if (log_.size() > (1 << 20)) log_.erase(0, log_.size() - (1 << 19));
        changed_.notify_all();
      }
      close(fd);
    });
    std::unique_lock lock(mutex_);
    std::smatch match;
    const std::regex listening(R"(listening on [^ :]+:(\d+))");
    if (!changed_.wait_for(lock, std::chrono::seconds(60), [&] {
          return std::regex_search(log_, match, listening) &&
                 (also.empty() || log_.find(also) != std::string::npos);
        })) {
      throw std::runtime_error(argv_[0] + " did not start:\n" + log_);
    }
    return static_cast<uint16_t>(std::stoi(match[1]));
  }

  void Stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    if (reader_.joinable()) reader_.join();
  }

  // Resident memory, in bytes.
  size_t Rss() const {
    std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
    std::string line;
    while (std::getline(status, line)) {
      if (line.rfind("VmRSS:", 0) == 0)
        return std::stoul(line.substr(6)) * 1024;
    }
    return 0;
  }

  // CPU time used so far (user and system), in seconds.
  double CpuSeconds() const {
    std::ifstream stat("/proc/" + std::to_string(pid_) + "/stat");
    std::string line;
    std::getline(stat, line);
    // Fields after the command name (which may hold spaces): state is the 3rd
    // field, utime the 14th, stime the 15th.
    std::istringstream rest(line.substr(line.rfind(')') + 2));
    std::string field;
    double ticks = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i) {
      if (i >= 14) ticks += std::stod(field);
    }
    return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
  }

  std::string log() {
    std::lock_guard lock(mutex_);
    return log_;
  }
  std::chrono::steady_clock::time_point started() const { return started_; }
  pid_t pid() const { return pid_; }

 private:
  std::vector<std::string> argv_;
  pid_t pid_ = -1;
  std::thread reader_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::string log_;
  std::chrono::steady_clock::time_point started_;
};

}  // namespace campana::bench

#endif  // CAMPANA_BENCH_PROCESS_H_
