# Imported targets for codeloom's third-party dependencies:
#   codeloom::llama        libllama + ggml (from a prefix, or your own checkout)
#   codeloom::tree_sitter  tree-sitter runtime + Python/Java/C++/JavaScript grammars
#   Debian packages: nlohmann_json, CLI11, GTest, benchmark, Threads.
find_package(Threads REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(CLI11 REQUIRED)

# ---- llama.cpp --------------------------------------------------------------
add_library(codeloom_llama INTERFACE)
add_library(codeloom::llama ALIAS codeloom_llama)
if(CODELOOM_LLAMA_SOURCE_DIR)
  message(STATUS "codeloom: building llama.cpp from ${CODELOOM_LLAMA_SOURCE_DIR}")
  set(LLAMA_BUILD_TESTS OFF CACHE BOOL "" FORCE)
  set(LLAMA_BUILD_TOOLS OFF CACHE BOOL "" FORCE)
  set(LLAMA_BUILD_EXAMPLES OFF CACHE BOOL "" FORCE)
  set(LLAMA_BUILD_SERVER OFF CACHE BOOL "" FORCE)
  set(LLAMA_BUILD_COMMON OFF CACHE BOOL "" FORCE)
  add_subdirectory("${CODELOOM_LLAMA_SOURCE_DIR}" "${PROJECT_BINARY_DIR}/llama.cpp" EXCLUDE_FROM_ALL)
  target_link_libraries(codeloom_llama INTERFACE llama ggml)
  set(CODELOOM_LLAMA_BIN_DIR "" CACHE INTERNAL "")
  set(CODELOOM_LLAMA_VOCAB_DIR "${CODELOOM_LLAMA_SOURCE_DIR}/models" CACHE INTERNAL "")
elseif(CODELOOM_LLAMA_PREFIX)
  message(STATUS "codeloom: llama.cpp prefix ${CODELOOM_LLAMA_PREFIX}")
  if(NOT EXISTS "${CODELOOM_LLAMA_PREFIX}/include/llama.h")
    message(FATAL_ERROR "CODELOOM_LLAMA_PREFIX=${CODELOOM_LLAMA_PREFIX} has no include/llama.h; run scripts/setup")
  endif()
  find_package(OpenMP REQUIRED)
  set(_p "${CODELOOM_LLAMA_PREFIX}/lib")
  # Order matters for static linking: llama -> ggml -> ggml-cpu -> ggml-base.
  target_link_libraries(codeloom_llama INTERFACE
    "${_p}/libllama.a" "${_p}/libggml.a" "${_p}/libggml-cpu.a" "${_p}/libggml-base.a"
    OpenMP::OpenMP_CXX Threads::Threads ${CMAKE_DL_LIBS} m)
  target_include_directories(codeloom_llama SYSTEM INTERFACE "${CODELOOM_LLAMA_PREFIX}/include")
  set(CODELOOM_LLAMA_BIN_DIR "${CODELOOM_LLAMA_PREFIX}/bin" CACHE INTERNAL "")
  set(CODELOOM_LLAMA_VOCAB_DIR "${CODELOOM_LLAMA_PREFIX}/share/vocab" CACHE INTERNAL "")
else()
  message(FATAL_ERROR "codeloom: llama.cpp not found. Run scripts/setup, or pass "
                      "-DCODELOOM_LLAMA_PREFIX=<prefix> or -DCODELOOM_LLAMA_SOURCE_DIR=<checkout>.")
endif()

# ---- tree-sitter ------------------------------------------------------------
if(NOT EXISTS "${CODELOOM_TREE_SITTER_PREFIX}/include/tree_sitter/api.h")
  message(FATAL_ERROR "codeloom: tree-sitter not found; run scripts/setup or pass -DCODELOOM_TREE_SITTER_PREFIX")
endif()
message(STATUS "codeloom: tree-sitter prefix ${CODELOOM_TREE_SITTER_PREFIX}")
add_library(codeloom_tree_sitter INTERFACE)
add_library(codeloom::tree_sitter ALIAS codeloom_tree_sitter)
set(_p "${CODELOOM_TREE_SITTER_PREFIX}/lib")
target_link_libraries(codeloom_tree_sitter INTERFACE
  "${_p}/libtree-sitter-python.a" "${_p}/libtree-sitter-java.a"
  "${_p}/libtree-sitter-cpp.a" "${_p}/libtree-sitter-javascript.a" "${_p}/libtree-sitter.a")
target_include_directories(codeloom_tree_sitter SYSTEM INTERFACE "${CODELOOM_TREE_SITTER_PREFIX}/include")
