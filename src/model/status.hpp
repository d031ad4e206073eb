// Assessment statuses: stable English codes for machines, Chinese labels for people.
#pragma once
#include <array>
#include <optional>
#include <string_view>

#include "util/color.hpp"

namespace minsheng {

// Declared worst first: a task's status is the minimum of its targets' statuses.
enum class Status {
  invalid,
  overdue,
  seriously_behind,
  behind,
  not_reported,
  pending,
  on_track,
  ahead,
  done
};

inline constexpr std::array<Status, 9> kAllStatuses = {
    Status::invalid,  Status::overdue,      Status::seriously_behind,
    Status::behind,   Status::not_reported, Status::pending,
    Status::on_track, Status::ahead,        Status::done};

// The order people read a headline in: best news first.
inline constexpr std::array<Status, 9> kHeadlineOrder = {Status::done,
                                                         Status::ahead,
                                                         Status::on_track,
                                                         Status::behind,
                                                         Status::seriously_behind,
                                                         Status::overdue,
                                                         Status::not_reported,
                                                         Status::pending,
                                                         Status::invalid};

// One row per status: everything that tells one status from another outside the rules.
struct StatusInfo {
  Status status;
  const char* code;   // stable, for CSV and JSON: "on_track"
  const char* label;  // for people: "序时推进"
  Color color;        // on a terminal
  const char* hex;    // in charts and badges
};
const StatusInfo& status_info(Status s);
inline const char* status_code(Status s) {
  return status_info(s).code;
}
inline const char* status_label(Status s) {
  return status_info(s).label;
}
std::optional<Status> parse_status(std::string_view code_or_label);
inline int severity_rank(Status s) {
  return static_cast<int>(s);
}  // lower is worse
inline bool worse(Status a, Status b) {
  return severity_rank(a) < severity_rank(b);
}
bool is_lagging(Status s);  // behind, seriously_behind or overdue

}  // namespace minsheng
