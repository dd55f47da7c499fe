# Streamed and buffered parsing give the same results (issue 16): every capture is parsed by
# `imapkit parse` with no literal streamed, then with every literal of more than 0, 1 and 4096
# bytes streamed (--streamed-literal-bytes shows a streamed literal's bytes as a buffered one's),
# fed in chunks of 65536 and 7 bytes (QUICK, below: fewer); the JSON Lines and the error lines must be the same byte
# for byte. The messages themselves are the same at every chunk size: the framer's test
# (CaptureTest.StreamingLiteralsDoesNotChangeFraming) feeds every capture in chunks of 1, 7, 4096
# and 65536 bytes at the same thresholds in process, where it costs a fraction of a process per
# run (CI runs this under ASan too).
#
# Every run refuses literals above 64 MiB, as Dovecot did when it recorded the captures: the CLI
# streams literals of any size by default, so it would wait for the 99,999,999,999 bytes of the
# synchronizing literal Dovecot refused in imaplib-errors-conn2.c2s (whose client then sent none).
# The buffered reference streams nothing up to that size.
set(server_limit 67108864)
# A sanitizer build (QUICK) compares one way only, streaming every literal in 64 KiB feeds: its
# processes are ten times slower, and the in-process framer test covers the rest there.
set(thresholds 0 1 4096)
set(chunks 65536 7)
if(QUICK)
  set(thresholds 0)
  set(chunks 65536)
endif()
include(${CMAKE_CURRENT_LIST_DIR}/capture_quirks.cmake)
file(GLOB captures ${CORPUS}/*.s2c ${CORPUS}/*.c2s ${CORPUS}/*/*.s2c ${CORPUS}/*/*.c2s)
set(failures "")
set(runs 0)
foreach(capture IN LISTS captures)
  file(RELATIVE_PATH name ${CORPUS} ${capture})
  if(name MATCHES "\\.raw\\.")
    continue()  # compressed bytes
  endif()
  set(quirks "")
  if(name MATCHES "\\.s2c$")
    set(direction --responses)
    capture_quirks(${capture} ${CORPUS} quirks)
  else()
    set(direction --commands)
  endif()
  execute_process(COMMAND ${IMAPKIT} parse ${direction} ${quirks}
                          --stream-literals-above ${server_limit}
                          --max-streamed-literal ${server_limit} ${capture}
                  OUTPUT_VARIABLE buffered_out ERROR_VARIABLE buffered_err)
  foreach(threshold ${thresholds})
    foreach(chunk ${chunks})
      execute_process(COMMAND ${IMAPKIT} parse ${direction} ${quirks} --streamed-literal-bytes
                              --stream-literals-above ${threshold} --chunk-size ${chunk}
                              --max-streamed-literal ${server_limit}
                              ${capture}
                      OUTPUT_VARIABLE out ERROR_VARIABLE err)
      math(EXPR runs "${runs} + 1")
      if(NOT out STREQUAL buffered_out OR NOT err STREQUAL buffered_err)
        list(APPEND failures "${name}: streaming above ${threshold}, chunks of ${chunk}")
      endif()
    endforeach()
  endforeach()
endforeach()
message(STATUS "${runs} streamed runs compared with the buffered ones")
if(failures)
  list(JOIN failures "\n" text)
  message(FATAL_ERROR "streamed parsing differs from buffered parsing:\n${text}")
endif()
