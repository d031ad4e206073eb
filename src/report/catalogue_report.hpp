// Renders the plan's tasks and targets (`minsheng tasks`).
#pragma once
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "report/table.hpp"

namespace minsheng {

std::string target_summary(const Target& t);  // "1680个", "10场以上", "100人左右", "里程碑"

std::string catalogue_table(const Plan& plan, const std::vector<const Task*>& tasks,
                            const Style& style);
std::string catalogue_markdown(const Plan& plan, const std::vector<const Task*>& tasks);
std::string catalogue_csv(const Plan& plan, const std::vector<const Task*>& tasks);
std::string catalogue_json(const Plan& plan, const std::vector<const Task*>& tasks);

}  // namespace minsheng
