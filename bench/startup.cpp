// Benchmark (not a test): start-up, as issue 17 measures it. Runs each command in turn, ROUNDS
// times interleaved (so a noisy minute hits them alike), through posix_spawn with stdout to
// /dev/null, and prints each one's median and minimum wall time and its ratio to the first.
// Usage: ./build/minsheng_startup [ROUNDS] -- /bin/true --- ./build/minsheng --version --- ...
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

extern char** environ;

int main(int argc, char** argv) {
  int rounds = 150;
  int i = 1;
  if (i < argc && std::strcmp(argv[i], "--") != 0) rounds = std::atoi(argv[i++]);
  if (i < argc && std::strcmp(argv[i], "--") == 0) ++i;
  std::vector<std::vector<char*>> commands(1);
  for (; i < argc; ++i) {
    if (std::strcmp(argv[i], "---") == 0)
      commands.emplace_back();
    else
      commands.back().push_back(argv[i]);
  }
  if (rounds < 1 || commands.front().empty()) {
    std::fprintf(stderr, "usage: %s [ROUNDS] -- CMD ARGS... [--- CMD ARGS...]\n", argv[0]);
    return 2;
  }
  for (auto& c : commands) c.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  std::vector<std::vector<double>> ms(commands.size());
  for (int r = 0; r < rounds; ++r)
    for (std::size_t c = 0; c < commands.size(); ++c) {
      auto start = std::chrono::steady_clock::now();
      pid_t pid;
      if (posix_spawn(&pid, commands[c][0], &actions, nullptr, commands[c].data(), environ) != 0) {
        std::perror(commands[c][0]);
        return 1;
      }
      int status = 0;
      waitpid(pid, &status, 0);
      if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::fprintf(stderr, "%s failed (status %d)\n", commands[c][0], status);
        return 1;
      }
      ms[c].push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
              .count());
    }
  double first = 0;
  for (std::size_t c = 0; c < commands.size(); ++c) {
    std::sort(ms[c].begin(), ms[c].end());
    double median = ms[c][ms[c].size() / 2];
    if (c == 0) first = median;
    std::string line;
    for (char** a = commands[c].data(); *a; ++a)
      line += std::string(a == commands[c].data() ? "" : " ") + *a;
    std::printf("%8.2f ms median %8.2f ms min %6.1f×  %s\n", median, ms[c].front(), median / first,
                line.c_str());
  }
}
