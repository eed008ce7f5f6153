#include "support/server_process.h"

#include <cstring>
#include <regex>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace campana::testing {

std::string CampanaBinary() { return CAMPANA_BINARY; }
std::string SourceDir() { return CAMPANA_SOURCE_DIR; }

ServerProcess::~ServerProcess() {
  if (pid_ > 0) Kill();
  Reap();
}

bool ServerProcess::Start(std::string* error, std::chrono::seconds timeout) {
  Reap();
  {
    std::lock_guard lock(mutex_);
    out_.clear();
    log_.clear();
  }
  int out_pipe[2];
  int log_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(log_pipe, O_CLOEXEC) != 0) {
    *error = "pipe failed";
    return false;
  }
  std::vector<std::string> args = {
      options_.binary,  "--port",        std::to_string(options_.port),
      "--bind",         "127.0.0.1",     "--db",
      options_.db_path, "--public-host", "127.0.0.1"};
  if (!options_.web_root.empty())
    args.insert(args.end(), {"--web-root", options_.web_root});
  if (!options_.demo_template.empty())
    args.insert(args.end(), {"--demo", options_.demo_template});
  args.insert(args.end(), options_.extra_args.begin(),
              options_.extra_args.end());
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, log_pipe[1], STDERR_FILENO);
  const int rc = posix_spawn(&pid_, options_.binary.c_str(), &actions, nullptr,
                             argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(log_pipe[1]);
  if (rc != 0) {
    *error = "cannot start " + options_.binary + ": " + std::strerror(rc);
    pid_ = -1;
    return false;
  }
  out_reader_ = std::thread([this, fd = out_pipe[0]] { Drain(fd, &out_); });
  log_reader_ = std::thread([this, fd = log_pipe[0]] { Drain(fd, &log_); });

  // "listening on 127.0.0.1:PORT" in the log; the organizer page's URL, and
  // with a demo its URLs, come after it.
  const std::regex listening(R"(listening on [^ ]+:(\d+))");
  std::unique_lock lock(mutex_);
  std::smatch match;
  const bool ready = changed_.wait_for(lock, timeout, [&] {
    const bool demo_done = out_.find("Organizer page:") != std::string::npos &&
                           (options_.demo_template.empty() ||
                            out_.find("/console/") != std::string::npos);
    return (std::regex_search(log_, match, listening) && demo_done) ||
           pid_ <= 0 || log_.find("error") != std::string::npos;
  });
  if (!ready || !std::regex_search(log_, match, listening)) {
    *error = "the server did not start:\n" + log_;
    return false;
  }
  port_ = static_cast<uint16_t>(std::stoi(match[1]));
  return true;
}

void ServerProcess::Drain(int fd, std::string* into) {
  char buffer[4096];
  while (true) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n <= 0) break;
    std::lock_guard lock(mutex_);
    into->append(buffer, static_cast<size_t>(n));
    changed_.notify_all();
  }
  close(fd);
}

void ServerProcess::Kill() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  Reap();
}

int ServerProcess::Stop() {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  Reap();
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void ServerProcess::Reap() {
  if (out_reader_.joinable()) out_reader_.join();
  if (log_reader_.joinable()) log_reader_.join();
}

std::string ServerProcess::out() const {
  std::lock_guard lock(mutex_);
  return out_;
}

std::string ServerProcess::log() const {
  std::lock_guard lock(mutex_);
  return log_;
}

bool ServerProcess::WaitForLog(const std::string& text,
                               std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(
      lock, timeout, [&] { return log_.find(text) != std::string::npos; });
}

}  // namespace campana::testing
