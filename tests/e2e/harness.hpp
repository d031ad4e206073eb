// Runs the built minsheng binary as a user would, from a chosen folder.
#pragma once
#include <filesystem>
#include <string>

namespace minsheng::e2e {

struct Run {
  int rc = -1;
  std::string out;
  std::string err;
};

// Runs `minsheng ARGS` in `cwd` (default: the source tree) with stdout and stderr captured.
Run run(const std::string& args, const std::filesystem::path& cwd = MINSHENG_SOURCE_DIR,
        const std::string& env = "");
// Runs a whole shell command line in the source tree, capturing stdout and stderr.
Run run_shell(const std::string& command_line);
std::string slurp(const std::filesystem::path& p);
std::filesystem::path source(const std::string& rel);
std::string shell_quote(const std::string& s);

// A copy of the demo data under a fresh folder, laid out as demo/reports so paths print alike.
class Sandbox {
 public:
  Sandbox();
  ~Sandbox();
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;
  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path data() const { return dir_ / "demo" / "reports"; }
  void write(const std::string& rel, const std::string& bytes) const;
  // The demo as it stood at `month` ("2024-06"): later month folders removed, for a test that
  // writes its own later months.
  void drop_months_after(const std::string& month) const;

 private:
  std::filesystem::path dir_;
};

}  // namespace minsheng::e2e
