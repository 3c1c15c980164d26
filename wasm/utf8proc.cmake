# utf8proc for the WASM build, compiled with emcc from the C source that
# `make setup` (scripts/setup.sh) fetches as a Debian source package into
# third_party/utf8proc/ (same version as the native build's libutf8proc-dev, whose
# Debian build uses the shipped Unicode tables in utf8proc_data.c as well).
# Included by the top-level CMakeLists.txt under EMSCRIPTEN. A four-line target
# instead of add_subdirectory() of utf8proc's own CMakeLists (install rules,
# shared/static options, -O2 forced into COMPILE_FLAGS).
set(REUSELENS_UTF8PROC_DIR "${PROJECT_SOURCE_DIR}/third_party/utf8proc")

if(NOT EXISTS "${REUSELENS_UTF8PROC_DIR}/utf8proc.c")
  message(FATAL_ERROR
    "utf8proc C source not found: ${REUSELENS_UTF8PROC_DIR}/utf8proc.c\n"
    "The WASM build compiles utf8proc from source. Run `make setup` "
    "(scripts/setup.sh) to fetch it, then configure again.")
endif()

# utf8proc.c #includes utf8proc_data.c (the Unicode tables).
add_library(reuselens_utf8proc STATIC "${REUSELENS_UTF8PROC_DIR}/utf8proc.c")
target_compile_definitions(reuselens_utf8proc PUBLIC UTF8PROC_STATIC)
target_include_directories(reuselens_utf8proc PUBLIC "${REUSELENS_UTF8PROC_DIR}")
set_target_properties(reuselens_utf8proc PROPERTIES
  C_STANDARD 99
  C_STANDARD_REQUIRED ON
  C_EXTENSIONS OFF)
