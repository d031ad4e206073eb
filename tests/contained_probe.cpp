// A program for util/contained's tests: does what its first argument says, as contained work.
#include <dirent.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include "util/contained.hpp"

int main(int argc, char** argv) {
  return minsheng::contained_main(argc, argv, [](const std::vector<std::string>& args) {
    const std::string what = args.empty() ? "" : args[0];
    if (what == "echo") return args.at(1);
    if (what == "bytes") {  // N bytes, a NUL at 17 and a 'y' at the end
      std::string big(std::stoul(args.at(1)), 'x');
      if (big.size() > 17) big[17] = '\0';
      if (!big.empty()) big.back() = 'y';
      return big;
    }
    if (what == "throw") throw std::runtime_error(args.at(1));
    if (what == "segv") raise(SIGSEGV);
    if (what == "abort") std::abort();
    if (what == "spin") {
      volatile unsigned long sink = 0;
      for (unsigned long i = 0;; ++i) sink = sink + i;
    }
    if (what == "sleep") sleep(30);
    if (what == "allocate") {  // N MB, touched
      std::vector<char> huge(std::stoul(args.at(1)) << 20, 'x');
      return std::string(huge.data(), 1);
    }
    if (what == "descriptors") {  // the open descriptors but the one listing them
      std::string out;
      DIR* d = opendir("/proc/self/fd");
      if (!d) throw std::runtime_error("no /proc/self/fd");
      while (dirent* e = readdir(d))
        if (e->d_name[0] != '.' && std::atoi(e->d_name) != dirfd(d))
          out += std::string(out.empty() ? "" : " ") + e->d_name;
      closedir(d);
      return out;
    }
    if (what == "input") {  // standard input, as FreeXL reads a file: opened by name, sought
      std::FILE* f = std::fopen("/proc/self/fd/0", "rb");
      if (!f) throw std::runtime_error("no input");
      std::fseek(f, 0, SEEK_END);
      long size = std::ftell(f);
      std::fseek(f, 0, SEEK_SET);
      std::string in(static_cast<std::size_t>(size), '\0');
      std::size_t got = std::fread(in.data(), 1, in.size(), f);
      std::fclose(f);
      return std::to_string(size) + ":" + in.substr(0, got);
    }
    throw std::runtime_error("unknown probe: " + what);
  });
}
