# qq_library(NAME SOURCES... DEPS ...): one static library per src/ folder; the DEPS make the
# layer arrows of DESIGN.md real (a layer can only include what it links).
function(qq_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(qq_${name} STATIC ${ARG_SOURCES})
  target_include_directories(qq_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(qq_${name} PUBLIC ${ARG_DEPS})
endfunction()

# qq_test(NAME LABEL SOURCES... DEPS ...): a GoogleTest binary whose tests CTest discovers.
function(qq_test name label)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE QQ_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  gtest_discover_tests(${name} PROPERTIES LABELS ${label} DISCOVERY_TIMEOUT 60)
endfunction()
