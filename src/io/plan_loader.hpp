// Reads tasks.yaml into a Plan, reporting every problem at once as FILE:LINE:COL.
#pragma once
#include <string>
#include <string_view>

#include "model/plan.hpp"

namespace minsheng {

// `file` names the source in messages. Throws DataError listing every problem found.
Plan parse_plan(std::string_view yaml_text, const std::string& file);
// The same through yaml-cpp alone: the reference the fast path is tested against.
Plan parse_plan_with_yaml_cpp(std::string_view yaml_text, const std::string& file);
Plan load_plan(const std::string& path);

}  // namespace minsheng
