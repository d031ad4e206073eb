// A shared library opened at run time, for one that only some runs need: linked, it would cost
// every run the time to load it (and what it pulls in) at start-up.
#pragma once
#include <stdexcept>
#include <string>

namespace minsheng {

class SharedLibraryError : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

class SharedLibrary {
 public:
  // Throws SharedLibraryError with the loader's words when it cannot be opened.
  explicit SharedLibrary(const std::string& soname);
  // Stays loaded for the life of the process, as a linked library would.
  SharedLibrary(const SharedLibrary&) = delete;
  SharedLibrary& operator=(const SharedLibrary&) = delete;

  // The function `name`, typed by its declaration: get<decltype(::f)>("f").
  // Throws SharedLibraryError when the library has no such symbol.
  template <class F>
  F* get(const char* name) const {
    return reinterpret_cast<F*>(symbol(name));
  }

 private:
  void* symbol(const char* name) const;
  std::string soname_;
  void* handle_;
};

}  // namespace minsheng
