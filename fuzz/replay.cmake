# The harnesses as plain programs (fuzz/replay_main.cpp instead of libFuzzer), built with the
# ordinary compiler and flags, and a ctest test per harness that replays its seeds
# (corpus/fuzz/<name>/) and its crash reproducers (fuzz/regressions/<name>/). Included from
# tests/CMakeLists.txt, so `ctest` in the release and dev presets runs them (label `fuzz`).
include(${PROJECT_SOURCE_DIR}/fuzz/harnesses.cmake)

foreach(harness IN LISTS IMAPKIT_FUZZ_HARNESSES)
  add_executable(fuzz_${harness}_replay ${PROJECT_SOURCE_DIR}/fuzz/fuzz_${harness}.cpp
                                        ${PROJECT_SOURCE_DIR}/fuzz/replay_main.cpp)
  target_link_libraries(fuzz_${harness}_replay PRIVATE imapkit imapkit_generate)
  target_compile_options(fuzz_${harness}_replay PRIVATE -Wall -Wextra)
  add_test(NAME fuzz.replay.${harness}
    COMMAND fuzz_${harness}_replay ${PROJECT_SOURCE_DIR}/corpus/fuzz/${harness}
            ${PROJECT_SOURCE_DIR}/fuzz/regressions/${harness})
  set_tests_properties(fuzz.replay.${harness} PROPERTIES LABELS fuzz TIMEOUT 600)
endforeach()

