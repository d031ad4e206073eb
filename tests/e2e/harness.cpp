#include "harness.hpp"

#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

namespace minsheng::e2e {

namespace fs = std::filesystem;

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fs::path source(const std::string& rel) {
  return fs::path(MINSHENG_SOURCE_DIR) / rel;
}

namespace {

Run capture(const std::string& command_line) {
  static std::random_device rd;
  fs::path err_file = fs::temp_directory_path() / ("minsheng-e2e-err-" + std::to_string(rd()));
  std::string cmd = command_line + " 2>" + shell_quote(err_file.string()) + " </dev/null";
  Run r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.rc = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = slurp(err_file);
  fs::remove(err_file);
  return r;
}

}  // namespace

Run run(const std::string& args, const fs::path& cwd, const std::string& env) {
  return capture("cd " + shell_quote(cwd.string()) + " && env -u COLUMNS NO_COLOR= " + env + " " +
                 shell_quote(MINSHENG_BIN) + " " + args);
}

Run run_shell(const std::string& command_line) {
  return capture("cd " + shell_quote(MINSHENG_SOURCE_DIR) + " && " + command_line);
}

Sandbox::Sandbox() {
  static std::random_device rd;
  dir_ = fs::temp_directory_path() / ("minsheng-e2e-" + std::to_string(rd()));
  fs::create_directories(dir_ / "demo");
  fs::copy(source("demo/reports"), dir_ / "demo" / "reports", fs::copy_options::recursive);
  fs::copy_file(source("tasks.yaml"), dir_ / "tasks.yaml");
}

Sandbox::~Sandbox() {
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

void Sandbox::drop_months_after(const std::string& month) const {
  std::vector<fs::path> later;
  for (const auto& e : fs::directory_iterator(data()))
    if (e.is_directory() && e.path().filename().string().size() == 7 &&
        e.path().filename().string() > month)
      later.push_back(e.path());
  for (const auto& p : later) fs::remove_all(p);
}

void Sandbox::write(const std::string& rel, const std::string& bytes) const {
  fs::path p = dir_ / rel;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

}  // namespace minsheng::e2e
