# The harnesses as plain programs (fuzz/replay_main.cpp instead of libFuzzer), built with the
# ordinary compiler and flags, and ctest tests that replay each harness's seeds and its crash
# reproducers (fuzz/regressions/<name>/). Included from tests/CMakeLists.txt, so `ctest` in the
# release and dev presets runs them (label `fuzz`).
#
# The seeds are an archive, corpus/fuzz/<name>_seed_corpus.zip. Every ctest run extracts it anew
# (test fuzz.seeds.<name>, a fixture of fuzz.replay.<name>) into the build tree: the replay
# always sees exactly what the archive holds now, never a stale copy. That test runs this file as
# a script: cmake -DARCHIVE=<zip> -DDIR=<dir> -P fuzz/replay.cmake.
if(CMAKE_SCRIPT_MODE_FILE)
  file(REMOVE_RECURSE "${DIR}")
  file(MAKE_DIRECTORY "${DIR}")
  file(ARCHIVE_EXTRACT INPUT "${ARCHIVE}" DESTINATION "${DIR}")
  file(GLOB seeds "${DIR}/*")
  list(LENGTH seeds count)
  message(STATUS "${ARCHIVE}: ${count} seeds extracted to ${DIR}")
  return()
endif()

include(${PROJECT_SOURCE_DIR}/fuzz/harnesses.cmake)

foreach(harness IN LISTS IMAPKIT_FUZZ_HARNESSES)
  set(archive ${PROJECT_SOURCE_DIR}/corpus/fuzz/${harness}_seed_corpus.zip)
  set(seeds ${CMAKE_CURRENT_BINARY_DIR}/fuzz-seeds/${harness})
  if(NOT EXISTS ${archive})
    message(FATAL_ERROR "imapkit: no seed archive ${archive} for fuzz harness ${harness} "
                        "(scripts/fuzz.sh seeds makes one)")
  endif()
  add_executable(fuzz_${harness}_replay ${PROJECT_SOURCE_DIR}/fuzz/fuzz_${harness}.cpp
                                        ${PROJECT_SOURCE_DIR}/fuzz/replay_main.cpp)
  target_link_libraries(fuzz_${harness}_replay PRIVATE imapkit imapkit_generate)
  target_compile_options(fuzz_${harness}_replay PRIVATE -Wall -Wextra)
  add_test(NAME fuzz.seeds.${harness}
    COMMAND ${CMAKE_COMMAND} -DARCHIVE=${archive} -DDIR=${seeds}
            -P ${PROJECT_SOURCE_DIR}/fuzz/replay.cmake)
  set_tests_properties(fuzz.seeds.${harness} PROPERTIES LABELS fuzz TIMEOUT 300
                       FIXTURES_SETUP fuzz_seeds_${harness})
  add_test(NAME fuzz.replay.${harness}
    COMMAND fuzz_${harness}_replay ${seeds} ${PROJECT_SOURCE_DIR}/fuzz/regressions/${harness})
  set_tests_properties(fuzz.replay.${harness} PROPERTIES LABELS fuzz TIMEOUT 600
                       FIXTURES_REQUIRED fuzz_seeds_${harness})
endforeach()
