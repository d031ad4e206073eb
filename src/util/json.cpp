#include "util/json.hpp"

namespace minsheng {

std::string dump_json(const Json& j) {
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace minsheng
