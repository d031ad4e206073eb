// A fast reader for the plain subset of YAML that plans are written in: block mappings and
// sequences, flat flow collections of scalars (`{name: …, value: …}`, `[个, 家]`, which may go
// on over lines), plain and simply quoted scalars, comments. A province's plan (100,000 tasks)
// reads in a fraction of a second and a few bytes per value, where yaml-cpp takes seconds and a
// gigabyte. Anything else (a collection inside a flow collection, anchors, block scalars,
// escapes, tabs…) is refused (nullopt), and the caller reads the file with yaml-cpp, whose
// results and messages are the reference.
// Marks: every scalar, mapping and sequence has yaml-cpp's mark (fuzz_yaml_lite compares them).
// A null value's is not promised: yaml-cpp puts an empty value at the next token, often on a
// later line, and this reader where the value would have begun.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace minsheng::lite {

struct Mark {
  int line = -1, column = -1;  // 0-based line and byte column, as yaml-cpp counts them
  bool is_null() const { return line < 0; }
};

struct Doc;

// The part of YAML::Node's interface the plan loader uses.
class Node {
 public:
  Node() = default;
  Node(std::shared_ptr<const Doc> doc, std::uint32_t i) : doc_(std::move(doc)), i_(i) {}

  bool IsDefined() const { return doc_ != nullptr; }
  bool IsNull() const;
  bool IsScalar() const;
  bool IsSequence() const;
  bool IsMap() const;
  std::string Scalar() const;
  lite::Mark Mark() const;
  std::size_t size() const;
  Node operator[](std::string_view key) const;
  Node operator[](std::size_t index) const;  // a sequence's item
  template <class T>
  T as(const T& fallback) const {
    return IsScalar() ? T(Scalar()) : fallback;
  }

  struct Entry;
  class iterator;
  iterator begin() const;
  iterator end() const;

 private:
  std::shared_ptr<const Doc> doc_;
  std::uint32_t i_ = 0;
};

// A sequence item is the entry itself; a mapping entry has `first` (key) and `second` (value).
struct Node::Entry : Node {
  Node first, second;
};

class Node::iterator {
 public:
  iterator(std::shared_ptr<const Doc> doc, std::uint32_t i, bool map)
      : doc_(std::move(doc)), i_(i), map_(map) {}
  Entry operator*() const;
  iterator& operator++();
  bool operator!=(const iterator& o) const { return i_ != o.i_; }

 private:
  std::shared_ptr<const Doc> doc_;
  std::uint32_t i_;
  bool map_;
};

// The document's root, or nullopt when the text uses anything outside the subset. `first_line`
// numbers the text's lines when it is a piece of a larger file; the piece's first line may be
// indented. The nodes refer to `text`, which must outlive them.
std::optional<Node> parse(std::string_view text, int first_line = 0);

// A long top-level block sequence (a province's 100,000 tasks), so that each item can be read
// and dropped in turn: `head` is the text with the sequence's lines emptied (line numbers kept),
// `items` each item's lines.
struct Split {
  std::string head;
  struct Item {
    std::string_view text;
    int first_line;
  };
  std::vector<Item> items;
};
std::optional<Split> split_sequence(std::string_view text, std::string_view key);

}  // namespace minsheng::lite
