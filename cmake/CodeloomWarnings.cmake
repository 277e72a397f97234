# codeloom_target_defaults(TARGET): warnings, sanitizers and include paths
# shared by every codeloom target.
function(codeloom_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
  if(CODELOOM_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(CODELOOM_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=${CODELOOM_SANITIZE} -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=${CODELOOM_SANITIZE})
  endif()
endfunction()

# codeloom_add_module(NAME SOURCES... [DEPS ...]): one module = one folder under
# src/, one static library codeloom_<NAME> (alias codeloom::<NAME>), public
# headers under include/codeloom/<NAME>/.
function(codeloom_add_module name)
  cmake_parse_arguments(M "" "" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(codeloom_${name} STATIC ${M_SOURCES})
  add_library(codeloom::${name} ALIAS codeloom_${name})
  target_include_directories(codeloom_${name} PUBLIC "${PROJECT_SOURCE_DIR}/include"
                                              PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}")
  target_link_libraries(codeloom_${name} PUBLIC ${M_DEPS} PRIVATE ${M_PRIVATE_DEPS})
  codeloom_target_defaults(codeloom_${name})
endfunction()
