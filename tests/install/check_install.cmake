# `cmake --install` into a fresh prefix puts every file where a packager expects it, and
# nothing else. Run by CTest: cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DPREFIX=... -DAPPSTREAM_ID=...
# -DWITH_GUI=ON|OFF -DWITH_MAN=ON|OFF -P check_install.cmake
cmake_minimum_required(VERSION 3.25)
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${result}):\n${output}")
endif()

set(expected
  bin/downhill-cli
  share/bash-completion/completions/downhill-cli
  share/doc/downhill/copyright
  share/doc/downhill/changelog.gz)
if(WITH_MAN)
  list(APPEND expected share/man/man1/downhill-cli.1.gz)
endif()
if(WITH_GUI)
  list(APPEND expected
    bin/downhill
    share/applications/downhill.desktop
    share/icons/hicolor/scalable/apps/downhill.svg
    share/metainfo/${APPSTREAM_ID}.metainfo.xml)
  if(WITH_MAN)
    list(APPEND expected share/man/man1/downhill.1.gz)
  endif()
endif()
file(GLOB lessons RELATIVE "${SOURCE_DIR}/resources/lessons" "${SOURCE_DIR}/resources/lessons/*.json")
list(LENGTH lessons lesson_count)
if(lesson_count LESS 14)
  message(FATAL_ERROR "only ${lesson_count} lessons in ${SOURCE_DIR}/resources/lessons")
endif()
foreach(lesson ${lessons})
  list(APPEND expected share/downhill/lessons/${lesson})
endforeach()

file(GLOB_RECURSE installed RELATIVE "${PREFIX}" LIST_DIRECTORIES false "${PREFIX}/*")
set(problems "")
foreach(f ${expected})
  if(NOT EXISTS "${PREFIX}/${f}")
    string(APPEND problems "missing: ${f}\n")
  endif()
endforeach()
foreach(f ${installed})
  if(NOT f IN_LIST expected)
    string(APPEND problems "unexpected: ${f}\n")
  endif()
endforeach()
# The man pages are gzip files (policy), the programs executable.
foreach(f ${expected})
  if(f MATCHES "\\.gz$" AND EXISTS "${PREFIX}/${f}")
    file(READ "${PREFIX}/${f}" magic LIMIT 2 HEX)
    if(NOT magic STREQUAL "1f8b")
      string(APPEND problems "not gzip: ${f}\n")
    endif()
  endif()
endforeach()
foreach(program bin/downhill-cli bin/downhill)
  if(EXISTS "${PREFIX}/${program}" AND NOT IS_DIRECTORY "${PREFIX}/${program}")
    execute_process(COMMAND "${PREFIX}/${program}" --version RESULT_VARIABLE r OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(NOT r EQUAL 0)
      string(APPEND problems "${program} --version exits ${r}: ${out}\n")
    endif()
  endif()
endforeach()
if(problems)
  message(FATAL_ERROR "install into ${PREFIX}:\n${problems}")
endif()
list(LENGTH expected count)
message(STATUS "install into ${PREFIX}: all ${count} files where they belong")
file(REMOVE_RECURSE "${PREFIX}")
