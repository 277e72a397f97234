# cmake -DOUT=<header> -DDIR=<grader dir> -P embed.cmake: the trusted Python
# grader sources as C++ string constants (grader_sources.h), so the .py files
# stay readable and testable on their own.
set(_text "// Generated from src/harness/grader/*.py by embed.cmake; do not edit.\n#pragma once\n\nnamespace codeloom::harness::detail {\n\n")
foreach(_part core program evalplus)
  file(READ "${DIR}/${_part}.py" _src)
  string(FIND "${_src}" ")CODELOOM_PY\"" _bad)
  if(NOT _bad EQUAL -1)
    message(FATAL_ERROR "${_part}.py contains the raw-string delimiter")
  endif()
  string(APPEND _text "inline constexpr const char kGrader_${_part}[] = R\"CODELOOM_PY(${_src})CODELOOM_PY\";\n\n")
endforeach()
string(APPEND _text "}  // namespace codeloom::harness::detail\n")
file(WRITE "${OUT}.tmp" "${_text}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
