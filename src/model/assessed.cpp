#include "model/assessed.hpp"

namespace minsheng {

bool AssessedRow::reported() const {
  return actual || value_month ||
         (status && *status != Status::not_reported && *status != Status::pending);
}

}  // namespace minsheng
