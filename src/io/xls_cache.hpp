// The cells of .xls files read before, by their bytes, as ccache keeps compilations: starting
// minsheng-xls costs each .xls some milliseconds at every run, and a unit's file is read again by
// every command of every month after it came. An entry holds the file's bytes and is used only
// for the very same bytes, read by the same minsheng-xls; anything else is read afresh.
#pragma once
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace minsheng {

class XlsCache {
 public:
  // `reader` names what made the cells (minsheng-xls's version, size and time): another reader's
  // entries are not this one's. The entries take at most about `max_bytes`: the least recently
  // used go first.
  XlsCache(std::filesystem::path dir, std::string reader,
           std::uintmax_t max_bytes = std::uintmax_t{256} << 20);
  // In $XDG_CACHE_HOME/minsheng/xls, else ~/.cache/minsheng/xls; none without either, or without
  // a reader.
  static XlsCache user(std::string reader);

  // The packed cells stored for exactly these bytes, or nullopt.
  std::optional<std::string> find(std::string_view source) const;
  // Best effort, never throws: a cache that cannot be written is only slower. The folder is
  // the user's alone (0700), as the files hold the units' figures. One store in 64 prunes.
  void store(std::string_view source, std::string_view packed) const;
  // Removes the least recently used entries until they take three quarters of max_bytes, and
  // temporaries a killed run left.
  void prune() const;

 private:
  std::filesystem::path entry(std::string_view source) const;
  std::string header(std::string_view source, std::size_t packed_size) const;
  std::filesystem::path dir_;
  std::string reader_;
  std::uintmax_t max_bytes_;
};

}  // namespace minsheng
