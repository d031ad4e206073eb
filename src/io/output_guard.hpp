// What an output may never be: one of the run's inputs. `-o` is typed by hand, and a slip
// (-o reports, -o tasks.yaml) would otherwise replace the units' files or the plan.
#pragma once
#include <filesystem>
#include <string>

namespace minsheng {

// Empty when `out` may be written; otherwise what it is, in Chinese ("计划文件"). Refused:
// the plan; the data folder and any folder holding it or the plan; a month folder; anything in
// a month's submissions/ or in breakdown/; the --received log and a folder holding it. Paths
// are compared after resolving symlinks.
std::string input_role(const std::filesystem::path& out, const std::filesystem::path& plan,
                       const std::filesystem::path& data,
                       const std::filesystem::path& received = {});

// input_role as a UsageError naming the option and the path; nothing has been written yet.
void refuse_input_as_output(const std::string& option, const std::filesystem::path& out,
                            const std::filesystem::path& plan, const std::filesystem::path& data,
                            const std::filesystem::path& received = {});

// A UsageError when the folder `out` goes into is missing or not a folder: a mistyped -o
// (-o 报告/6月.md) is said, not answered by a new folder somewhere unexpected.
void require_output_folder(const std::string& option, const std::filesystem::path& out);

}  // namespace minsheng
