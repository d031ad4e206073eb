#include "io/yaml_lite.hpp"

#include <algorithm>
#include <set>

namespace minsheng::lite {

namespace {
constexpr std::uint32_t kNone = 0xffffffffu;
enum class Kind : std::uint8_t { null, scalar, seq, map };
}  // namespace

struct Doc {
  struct N {
    Kind kind = Kind::null;
    int line = 0, col = 0;
    std::string_view value;
    std::uint32_t first = kNone, next = kNone,
                  count = 0;  // children: map keys and values alternate
  };
  std::string_view text;
  std::vector<N> nodes;
};

namespace {

struct Unsupported {};  // outside the subset: the caller uses yaml-cpp

struct Line {
  int no;                    // 0-based
  int indent;                // leading spaces
  std::string_view content;  // after the indentation
};

class Parser {
 public:
  Parser(Doc& d, int first_line) : d_(d), first_line_(first_line) {}

  std::uint32_t document() {
    std::string_view t = d_.text;
    // Control characters (tabs too, whose rules differ by place) are left to yaml-cpp.
    for (char c : t)
      if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\r') || c == 0x7f)
        throw Unsupported{};
    if (t.find("\xEF\xBB\xBF") != std::string_view::npos) throw Unsupported{};  // a BOM inside
    for (std::size_t i = 0; i < t.size(); ++i)
      if (t[i] == '\r' && (i + 1 == t.size() || t[i + 1] != '\n'))
        throw Unsupported{};  // a lone CR
    int no = first_line_;
    for (std::size_t start = 0; start <= t.size(); ++no) {
      std::size_t end = t.find('\n', start);
      if (end == std::string_view::npos) end = t.size();
      std::string_view l = t.substr(start, end - start);
      if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
      std::size_t ind = 0;
      while (ind < l.size() && l[ind] == ' ') ++ind;
      if (ind < l.size() && l[ind] == '\t') throw Unsupported{};
      std::string_view c = l.substr(ind);
      bool blank = c.empty() || c.front() == '#';
      if (!blank && (c.starts_with("---") || c.starts_with("...") || c.front() == '%'))
        throw Unsupported{};
      if (!blank) lines_.push_back({no, static_cast<int>(ind), c});
      start = end + 1;
    }
    if (lines_.empty() || (first_line_ == 0 && lines_[0].indent != 0)) throw Unsupported{};
    std::uint32_t root = block(lines_[0].indent);
    if (pos_ != lines_.size()) throw Unsupported{};
    return root;
  }

 private:
  std::uint32_t add(Kind k, int line, int col, std::string_view v = {}) {
    d_.nodes.push_back({k, line, col, v, kNone, kNone, 0});
    return static_cast<std::uint32_t>(d_.nodes.size() - 1);
  }
  void append(std::uint32_t parent, std::uint32_t& last, std::uint32_t child) {
    if (last == kNone)
      d_.nodes[parent].first = child;
    else
      d_.nodes[last].next = child;
    last = child;
  }

  static bool is_seq_item(std::string_view c) { return c == "-" || c.starts_with("- "); }

  // Where a plain "key:" ends in `c`, or npos.
  static std::size_t key_colon(std::string_view c) {
    if (c.empty() ||
        std::string_view("[]{},\"'&*!|>%@`#?:-").find(c.front()) != std::string_view::npos)
      return std::string_view::npos;
    for (std::size_t i = 0; i < c.size(); ++i) {
      if (c[i] == '#' && i > 0 && c[i - 1] == ' ') return std::string_view::npos;
      if (c[i] == ':' && (i + 1 == c.size() || c[i + 1] == ' ')) return i;
    }
    return std::string_view::npos;
  }

  // Nesting deeper than any plan needs is left to yaml-cpp's guard, which names it.
  struct Depth {
    int& d;
    explicit Depth(int& depth) : d(depth) {
      if (++d > 32) throw Unsupported{};
    }
    ~Depth() { --d; }
  };

  std::uint32_t block(int indent) {
    Depth guard(depth_);
    const Line& l = lines_[pos_];
    if (l.indent != indent) throw Unsupported{};
    return is_seq_item(l.content) ? sequence(indent) : mapping(indent);
  }

  std::uint32_t mapping(int indent) {
    const Line& first = lines_[pos_];
    std::uint32_t m = add(Kind::map, first.no, indent), last = kNone;
    std::set<std::string_view> keys;
    while (pos_ < lines_.size() && lines_[pos_].indent == indent &&
           !is_seq_item(lines_[pos_].content)) {
      Line l = lines_[pos_];
      std::size_t colon = key_colon(l.content);
      if (colon == std::string_view::npos) throw Unsupported{};
      std::string_view key = l.content.substr(0, colon);
      while (!key.empty() && key.back() == ' ') key.remove_suffix(1);
      if (key.empty() || is_null_word(key) || !keys.insert(key).second)
        throw Unsupported{};  // yaml-cpp decides these
      std::uint32_t k = add(Kind::scalar, l.no, indent, key);
      append(m, last, k);
      ++d_.nodes[m].count;
      std::string_view rest = l.content.substr(colon + 1);
      std::size_t skip = 0;
      while (skip < rest.size() && rest[skip] == ' ') ++skip;
      rest.remove_prefix(skip);
      int col = indent + static_cast<int>(colon + 1 + skip);
      ++pos_;
      std::uint32_t v;
      if (rest.empty() || rest.front() == '#') {
        if (pos_ < lines_.size() && lines_[pos_].indent > indent)
          v = block(lines_[pos_].indent);
        else if (pos_ < lines_.size() && lines_[pos_].indent == indent &&
                 is_seq_item(lines_[pos_].content))
          v = sequence(indent);
        else
          v = add(Kind::null, l.no, col);
      } else {
        v = inline_value(rest, l.no, col);
        if (pos_ < lines_.size() && lines_[pos_].indent > indent)
          throw Unsupported{};  // a continued scalar
      }
      append(m, last, v);
    }
    if (pos_ < lines_.size() && lines_[pos_].indent > indent) throw Unsupported{};
    return m;
  }

  std::uint32_t sequence(int indent) {
    std::uint32_t s = add(Kind::seq, lines_[pos_].no, indent), last = kNone;
    while (pos_ < lines_.size() && lines_[pos_].indent == indent &&
           is_seq_item(lines_[pos_].content)) {
      Line& l = lines_[pos_];
      std::string_view rest = l.content.substr(1);
      std::size_t skip = 0;
      while (skip < rest.size() && rest[skip] == ' ') ++skip;
      rest.remove_prefix(skip);
      int col = indent + 1 + static_cast<int>(skip);
      std::uint32_t item;
      if (rest.empty() || rest.front() == '#') {
        ++pos_;
        if (pos_ < lines_.size() && lines_[pos_].indent > indent)
          item = block(lines_[pos_].indent);
        else
          item = add(Kind::null, l.no, col);
      } else if (is_seq_item(rest)) {
        throw Unsupported{};  // "- - a": nested compact sequences
      } else if (key_colon(rest) != std::string_view::npos) {
        // "- key: value": a mapping whose keys line up under this first one.
        l.indent = col;
        l.content = rest;
        item = mapping(col);
      } else {
        item = inline_value(rest, l.no, col);
        if (pos_ < lines_.size() && lines_[pos_].indent > indent) throw Unsupported{};
      }
      append(s, last, item);
      ++d_.nodes[s].count;
    }
    if (pos_ < lines_.size() && lines_[pos_].indent > indent) throw Unsupported{};
    return s;
  }

  // Where a value is being read: an offset into the text, its line and where that line starts.
  struct Cur {
    std::size_t i;
    int line;
    std::size_t line_start;
    int col() const { return static_cast<int>(i - line_start); }
  };

  // Spaces, and inside a flow collection also line breaks and comments.
  void skip(Cur& c, bool in_flow) {
    std::string_view t = d_.text;
    while (c.i < t.size()) {
      char x = t[c.i];
      if (x == ' ') {
        ++c.i;
      } else if (x == '\t') {
        throw Unsupported{};
      } else if (in_flow && (x == '\n' || x == '\r')) {
        if (x == '\n') ++c.line, c.line_start = c.i + 1;
        ++c.i;
      } else if (in_flow && x == '#' && (c.i == c.line_start || t[c.i - 1] == ' ')) {
        while (c.i < t.size() && t[c.i] != '\n') ++c.i;
      } else {
        break;
      }
    }
  }

  // A value from where `rest` starts: a flat flow collection (which may go on over several
  // lines), a quoted or a plain scalar; then only a comment may follow on its last line.
  std::uint32_t inline_value(std::string_view rest, int line, int col) {
    std::size_t at = static_cast<std::size_t>(rest.data() - d_.text.data());
    Cur c{at, line, at - static_cast<std::size_t>(col)};
    skip(c, false);
    bool flow = c.i < d_.text.size() && (d_.text[c.i] == '[' || d_.text[c.i] == '{');
    std::uint32_t v = flow ? flow_collection(c) : scalar(c, false);
    skip(c, false);
    std::string_view t = d_.text;
    if (c.i < t.size() && t[c.i] == '#' && t[c.i - 1] == ' ')
      while (c.i < t.size() && t[c.i] != '\n') ++c.i;
    if (c.i < t.size() && t[c.i] != '\n' && t[c.i] != '\r') throw Unsupported{};
    while (pos_ < lines_.size() && lines_[pos_].no <= c.line) ++pos_;  // lines the value took
    return v;
  }

  static bool is_null_word(std::string_view w) {
    return w == "~" || w == "null" || w == "Null" || w == "NULL";
  }

  // A flow collection of scalars, as plans write targets ({name: …, value: …}) and lists
  // ([个, 家]). A collection inside one is outside the subset: yaml-cpp reads the file.
  std::uint32_t flow_collection(Cur& c) {
    std::string_view s = d_.text;
    bool map = s[c.i] == '{';
    char close = map ? '}' : ']';
    std::uint32_t n = add(map ? Kind::map : Kind::seq, c.line, c.col()), last = kNone;
    std::set<std::string_view> keys;
    ++c.i;
    for (;;) {
      skip(c, true);
      if (c.i >= s.size()) throw Unsupported{};
      if (s[c.i] == close) {
        ++c.i;
        return n;
      }
      if (map) {
        append(n, last, flow_key(c, keys));
        Cur peek = c;
        skip(peek, true);
        bool empty = peek.i < s.size() && (s[peek.i] == ',' || s[peek.i] == '}');
        append(n, last, empty ? add(Kind::null, peek.line, peek.col()) : flow_item(c));
      } else {
        append(n, last, flow_item(c));
      }
      ++d_.nodes[n].count;
      skip(c, true);
      if (c.i < s.size() && s[c.i] == ',')
        ++c.i;
      else if (c.i >= s.size() || s[c.i] != close)
        throw Unsupported{};
    }
  }

  std::uint32_t flow_item(Cur& c) {
    skip(c, true);
    if (c.i < d_.text.size() && (d_.text[c.i] == '[' || d_.text[c.i] == '{')) throw Unsupported{};
    return scalar(c, true);
  }

  // A flow mapping's key, up to and past its ':'; plain, unique, and not a null word.
  std::uint32_t flow_key(Cur& c, std::set<std::string_view>& keys) {
    std::string_view s = d_.text;
    std::size_t start = c.i;
    int line = c.line, col = c.col();
    for (; c.i < s.size() && std::string_view(":,}\n").find(s[c.i]) == std::string_view::npos;
         ++c.i)
      if (std::string_view("[]{?").find(s[c.i]) != std::string_view::npos ||
          (s[c.i] == '#' && s[c.i - 1] == ' '))
        throw Unsupported{};
    if (c.i >= s.size() || s[c.i] != ':') throw Unsupported{};
    std::string_view key = s.substr(start, c.i - start);
    while (!key.empty() && key.back() == ' ') key.remove_suffix(1);
    if (key.empty() || is_null_word(key) ||
        std::string_view("[]{},\"'&*!|>%@`#?:-").find(key.front()) != std::string_view::npos ||
        !keys.insert(key).second)
      throw Unsupported{};
    ++c.i;  // ':'
    if (c.i < s.size() && std::string_view(" ,}\n").find(s[c.i]) == std::string_view::npos)
      throw Unsupported{};
    return add(Kind::scalar, line, col, key);
  }

  // A quoted or plain scalar at `c` (or a null where the line ends).
  std::uint32_t scalar(Cur& c, bool in_flow) {
    std::string_view s = d_.text;
    if (c.i >= s.size() || s[c.i] == '\n' || s[c.i] == '\r')
      return add(Kind::null, c.line, c.col());
    char ch = s[c.i];
    int line = c.line, col = c.col();
    if (ch == '"' || ch == '\'') {
      std::size_t end = s.find(ch, c.i + 1);
      if (end == std::string_view::npos) throw Unsupported{};
      std::string_view v = s.substr(c.i + 1, end - c.i - 1);
      if (v.find_first_of("\\\n\r") != std::string_view::npos ||
          (end + 1 < s.size() && s[end + 1] == ch))
        throw Unsupported{};  // escapes, or a quoted scalar over several lines
      c.i = end + 1;
      return add(Kind::scalar, line, col, v);
    }
    if (std::string_view("&*!|>%@`#]},?:[{").find(ch) != std::string_view::npos)
      throw Unsupported{};  // indicators; no plan value starts so
    if (ch == '-' && (c.i + 1 >= s.size() ||
                      std::string_view(" \r\n,]}").find(s[c.i + 1]) != std::string_view::npos))
      throw Unsupported{};
    std::size_t start = c.i;
    while (c.i < s.size() && !plain_ends(c.i, start, in_flow)) ++c.i;
    std::string_view v = s.substr(start, c.i - start);
    while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
    if (in_flow) {
      // A plain scalar that goes on over a line break is outside the subset.
      Cur peek = c;
      skip(peek, true);
      if (peek.line != c.line && peek.i < s.size() && s[peek.i] != ',' && s[peek.i] != ']' &&
          s[peek.i] != '}')
        throw Unsupported{};
    }
    return add(is_null_word(v) ? Kind::null : Kind::scalar, line, col, v);
  }

  // Whether a plain scalar begun at `start` ends before `i`; throws where yaml-cpp would read
  // an indicator (a mapping where a value belongs, a '?' in a flow).
  bool plain_ends(std::size_t i, std::size_t start, bool in_flow) const {
    std::string_view s = d_.text;
    char x = s[i];
    if (x == '\n' || x == '\r') return true;
    if (x == '#' && i > start && s[i - 1] == ' ') return true;
    if (x == ':') {
      char next = i + 1 == s.size() ? ' ' : s[i + 1];
      if (next == ' ' || next == '\n' || next == '\r' ||
          (in_flow && (next == ',' || next == ']' || next == '}')))
        throw Unsupported{};
    }
    if (in_flow && x == '?') throw Unsupported{};
    return in_flow && std::string_view(",][{}").find(x) != std::string_view::npos;
  }

  Doc& d_;
  int first_line_;
  std::vector<Line> lines_;
  std::size_t pos_ = 0;
  int depth_ = 0;
};

}  // namespace

std::optional<Node> parse(std::string_view text, int first_line) {
  auto doc = std::make_shared<Doc>();
  doc->text = text;
  try {
    Parser p(*doc, first_line);
    std::uint32_t root = p.document();
    return Node(std::move(doc), root);
  } catch (const Unsupported&) {
    return std::nullopt;
  }
}

std::optional<Split> split_sequence(std::string_view text, std::string_view key) {
  Split out;
  out.head.reserve(text.size());
  int no = 0;
  bool inside = false, found = false;
  int item_indent = -1;
  for (std::size_t start = 0; start < text.size(); ++no) {
    std::size_t end = text.find('\n', start);
    std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
    std::string_view line = text.substr(start, next - start);
    // Up to the first CR or LF; one memchr for CR (find_first_of would call memchr per byte).
    std::string_view body = line.substr(0, std::min(line.find('\r'), end - start));
    std::size_t ind = body.find_first_not_of(' ');
    bool blank = ind == std::string_view::npos || body[ind] == '#';
    if (inside && !blank && ind == 0 && !body.starts_with("- ") && body != "-") inside = false;
    if (!inside && !found && body.starts_with(key) && body.size() > key.size() &&
        body[key.size()] == ':') {
      std::string_view rest = body.substr(key.size() + 1);
      std::size_t r = rest.find_first_not_of(' ');
      if (r != std::string_view::npos && rest[r] != '#') return std::nullopt;  // a flow list
      inside = found = true;
      out.head.append(line);
    } else if (inside) {
      if (!blank) {
        if (item_indent < 0) item_indent = static_cast<int>(ind);
        bool item = static_cast<int>(ind) == item_indent &&
                    (body.substr(ind).starts_with("- ") || body.substr(ind) == "-");
        if (item)
          out.items.push_back({line, no});
        else if (out.items.empty() || static_cast<int>(ind) < item_indent)
          return std::nullopt;
        else
          out.items.back().text = text.substr(
              static_cast<std::size_t>(out.items.back().text.data() - text.data()),
              next - static_cast<std::size_t>(out.items.back().text.data() - text.data()));
      } else if (!out.items.empty()) {
        out.items.back().text = text.substr(
            static_cast<std::size_t>(out.items.back().text.data() - text.data()),
            next - static_cast<std::size_t>(out.items.back().text.data() - text.data()));
      }
      out.head.append(line.ends_with('\n') ? "\n" : "");
    } else {
      out.head.append(line);
    }
    start = next;
  }
  if (!found || out.items.empty()) return std::nullopt;
  return out;
}

bool Node::IsNull() const {
  return doc_ && doc_->nodes[i_].kind == Kind::null;
}
bool Node::IsScalar() const {
  return doc_ && doc_->nodes[i_].kind == Kind::scalar;
}
bool Node::IsSequence() const {
  return doc_ && doc_->nodes[i_].kind == Kind::seq;
}
bool Node::IsMap() const {
  return doc_ && doc_->nodes[i_].kind == Kind::map;
}
std::string Node::Scalar() const {
  return IsScalar() ? std::string(doc_->nodes[i_].value) : std::string();
}
lite::Mark Node::Mark() const {
  if (!doc_) return {};
  return {doc_->nodes[i_].line, doc_->nodes[i_].col};
}
std::size_t Node::size() const {
  return doc_ ? doc_->nodes[i_].count : 0;
}
Node Node::operator[](std::string_view key) const {
  if (!IsMap()) return {};
  for (std::uint32_t k = doc_->nodes[i_].first; k != kNone;
       k = doc_->nodes[doc_->nodes[k].next].next)
    if (doc_->nodes[k].value == key) return {doc_, doc_->nodes[k].next};
  return {};
}
Node Node::operator[](std::size_t index) const {
  if (!IsSequence()) return {};
  std::uint32_t k = doc_->nodes[i_].first;
  for (std::size_t n = 0; k != kNone && n < index; ++n) k = doc_->nodes[k].next;
  return k == kNone ? Node() : Node(doc_, k);
}

Node::iterator Node::begin() const {
  if (!IsMap() && !IsSequence()) return end();
  return {doc_, doc_->nodes[i_].first, IsMap()};
}
Node::iterator Node::end() const {
  return {doc_, kNone, false};
}
Node::Entry Node::iterator::operator*() const {
  Entry e;
  if (map_) {
    e.first = Node(doc_, i_);
    e.second = Node(doc_, doc_->nodes[i_].next);
  } else {
    static_cast<Node&>(e) = Node(doc_, i_);
  }
  return e;
}
Node::iterator& Node::iterator::operator++() {
  i_ = doc_->nodes[i_].next;
  if (map_ && i_ != kNone) i_ = doc_->nodes[i_].next;
  return *this;
}

}  // namespace minsheng::lite
