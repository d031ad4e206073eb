#include "util/shared_library.hpp"

#include <dlfcn.h>

namespace minsheng {

SharedLibrary::SharedLibrary(const std::string& soname)
    : soname_(soname), handle_(dlopen(soname.c_str(), RTLD_NOW | RTLD_LOCAL)) {
  if (!handle_) {
    const char* why = dlerror();
    throw SharedLibraryError(why ? why : soname + ": 无法打开");
  }
}

void* SharedLibrary::symbol(const char* name) const {
  dlerror();
  void* p = dlsym(handle_, name);
  if (!p) throw SharedLibraryError(soname_ + ": 没有符号 " + name + "（版本不符？）");
  return p;
}

}  // namespace minsheng
