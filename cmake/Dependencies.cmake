# Every C++ dependency comes from a Debian -dev package (scripts/setup installs them).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(CLI11 REQUIRED)

find_package(pugixml REQUIRED)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)  # its CMake config references binaries Debian does not ship

pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(UCHARDET REQUIRED IMPORTED_TARGET uchardet)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
# Debian builds toml++ as a shared library; its .pc file carries the matching defines.
pkg_check_modules(TOMLPP REQUIRED IMPORTED_TARGET tomlplusplus)
if(QQ_USE_VECTORSCAN)
  pkg_check_modules(HYPERSCAN REQUIRED IMPORTED_TARGET libhs)  # vectorscan ships the same libhs.pc
else()
  pkg_check_modules(HYPERSCAN REQUIRED IMPORTED_TARGET libhs)
endif()

if(QQ_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
