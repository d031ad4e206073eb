// minsheng-xls: reads one .xls or BIFF .et, given on standard input, with FreeXL for minsheng
// (io/xls), under the limits minsheng passed, and answers with its cells on standard output.
// Not for people to run.
#include "io/xls.hpp"
#include "util/contained.hpp"

int main(int argc, char** argv) {
  return minsheng::contained_main(argc, argv, [](const std::vector<std::string>& args) {
    if (!args.empty()) throw std::runtime_error("minsheng-xls 从标准输入读取工作簿，不接受参数");
    // Standard input is the workbook's bytes in a file of memory (util/contained), which FreeXL
    // opens by name.
    return minsheng::pack_workbook(minsheng::read_xls_with_freexl("/proc/self/fd/0"));
  });
}
