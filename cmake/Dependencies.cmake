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
# Hyperscan (x86 only) or its portable fork Vectorscan: the same API (hs.h). Debian's
# libvectorscan-dev installs its pkg-config file under Hyperscan's name, libhs.pc (Name: libhs),
# with the Vectorscan version (5.4.9 in Debian 12); Intel's Hyperscan stopped at 5.4.2. The two
# -dev packages conflict, so asking for libhs >= 5.4.5 when QQ_USE_VECTORSCAN is ON makes sure
# the build really links Vectorscan and fails clearly if only Hyperscan is installed.
if(QQ_USE_VECTORSCAN)
  pkg_check_modules(HYPERSCAN REQUIRED IMPORTED_TARGET "libhs>=5.4.5")
  message(STATUS "Pattern matcher: Vectorscan ${HYPERSCAN_VERSION}")
else()
  pkg_check_modules(HYPERSCAN REQUIRED IMPORTED_TARGET libhs)
  message(STATUS "Pattern matcher: Hyperscan ${HYPERSCAN_VERSION}")
endif()
# OpenCC (libopencc-dev): Simplified → Traditional forms of the tagger's dictionary terms.
pkg_check_modules(OPENCC REQUIRED IMPORTED_TARGET opencc)

if(QQ_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
