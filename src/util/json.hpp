// A small streaming JSON writer: stable key order, two-space indent, UTF-8 passed through.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace minsheng {

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
  JsonWriter& value(double d);
  JsonWriter& value(int i);
  JsonWriter& value(long i);
  JsonWriter& value(std::size_t i) { return value(static_cast<long>(i)); }
  JsonWriter& value(bool b);
  JsonWriter& null();
  // Writes null for an absent value.
  JsonWriter& value(const std::optional<double>& d) { return d ? value(*d) : null(); }
  JsonWriter& value(const std::optional<std::string>& s) { return s ? value(*s) : null(); }
  template <typename T>
  JsonWriter& field(std::string_view k, const T& v) {
    key(k);
    return value(v);
  }
  std::string str() const { return out_ + "\n"; }

 private:
  void before_value();
  JsonWriter& close(char bracket);
  void newline();
  std::string out_;
  std::vector<bool> first_;  // per open container: nothing written yet
  bool after_key_ = false;
};

std::string json_escape(std::string_view s);

}  // namespace minsheng
