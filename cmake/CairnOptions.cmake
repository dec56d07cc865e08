# SPDX-License-Identifier: GPL-3.0-or-later
# One INTERFACE target carries the language standard, warnings and the strict Qt defines,
# so every module and test is built the same way.
add_library(cairn_options INTERFACE)
add_library(cairn::options ALIAS cairn_options)
target_compile_features(cairn_options INTERFACE cxx_std_20)
target_compile_definitions(cairn_options INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CAST_FROM_BYTEARRAY
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_NO_CONTEXTLESS_CONNECT
  QT_NO_FOREACH
  QT_NO_KEYWORDS
  QT_STRICT_ITERATORS
  QT_DISABLE_DEPRECATED_UP_TO=0x060400)
# Warnings as errors is off by default: a packager's newer compiler may warn where ours does
# not. The dev, ci and asan presets turn it on, so CI fails on any warning.
option(CAIRN_WERROR "Treat compiler warnings as errors" OFF)
if(MSVC)
  set(cairn_werror $<$<BOOL:${CAIRN_WERROR}>:/WX>)
  target_compile_options(cairn_options INTERFACE /W4 ${cairn_werror} /permissive- /utf-8)
else()
  set(cairn_werror $<$<BOOL:${CAIRN_WERROR}>:-Werror>)
  # A local that hides another local: GCC and Clang spell the warning differently.
  set(cairn_shadow $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local>
    $<$<CXX_COMPILER_ID:Clang,AppleClang>:-Wshadow-uncaptured-local>)
  target_compile_options(cairn_options INTERFACE -Wall -Wextra -Wpedantic ${cairn_werror}
    ${cairn_shadow} -Wnon-virtual-dtor -Wcast-qual -Wimplicit-fallthrough)
endif()

# ccache when the machine has it, unless the user chose a launcher; a machine without it
# builds all the same. Set before any target exists: targets copy the launcher when made.
if(NOT CMAKE_CXX_COMPILER_LAUNCHER)
  find_program(CCACHE_PROGRAM ccache)
  if(CCACHE_PROGRAM)
    set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
  endif()
endif()

option(CAIRN_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(CAIRN_SANITIZE AND NOT MSVC)
  target_compile_options(cairn_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
    -fno-sanitize-recover=undefined)
  target_link_options(cairn_options INTERFACE -fsanitize=address,undefined)
endif()

# The fuzz preset (clang only): every library instrumented for libFuzzer's coverage, with
# AddressSanitizer and UBSan; the fuzz targets in tests/fuzz link libFuzzer's main.
option(CAIRN_FUZZ "Build the libFuzzer targets (clang)" OFF)
if(CAIRN_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "CAIRN_FUZZ needs clang (libFuzzer): cmake --preset fuzz")
  endif()
  target_compile_options(cairn_options INTERFACE -fsanitize=fuzzer-no-link,address,undefined
    -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(cairn_options INTERFACE -fsanitize=address,undefined)
endif()

# Every module is a static library named cairn_<module> with namespace cairn::<module>.
# Sources are picked up from the module folder so that adding a class is adding its files.
function(cairn_add_module name)
  cmake_parse_arguments(ARG "" "" "PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp ${CMAKE_CURRENT_SOURCE_DIR}/*.h)
  if(NOT sources)
    # A module that holds no code yet still has its place in the layering.
    add_library(cairn_${name} INTERFACE)
    add_library(cairn::${name} ALIAS cairn_${name})
    target_link_libraries(cairn_${name} INTERFACE cairn::options ${ARG_PUBLIC_LIBS})
    return()
  endif()
  add_library(cairn_${name} STATIC ${sources})
  add_library(cairn::${name} ALIAS cairn_${name})
  target_include_directories(cairn_${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(cairn_${name} PUBLIC cairn::options ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
endfunction()
