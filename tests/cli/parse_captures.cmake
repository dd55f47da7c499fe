# Runs `imapkit parse --summary` on every capture: responses on *.s2c, commands on *.c2s;
# Dovecot's at the top of corpus/captures, the other servers' in their folders, whose responses
# are read in strict mode with the flags of the folder's `quirks` file. Every file must parse
# with the expected number of errors (0 but for the messages listed below) and the same summary
# for every chunk size; the deliberate error session (imaplib-errors*.c2s) is checked message by
# message by the command tests instead.
#
# The sessions recorded with the other servers (tests/integration/real_server_session.py) send
# 4 malformed commands each: session.c2s has 4 errors in every folder.
#
# Three client sessions hold one deliberately invalid message each. They are not valid under
# the ABNF, Dovecot refused each of them, and tests/corpus_commands_test.cpp pins each one with
# its offset:
#   imaplib-broad.c2s               DOAO104 FETCH             (FETCH without arguments; BAD)
#   imaplib-auth-conn4.c2s          !!notbase64!!             (AUTHENTICATE data not base64; NO)
#   imaplib-search-sort-thread.c2s  ... BODY München          (8-bit octets in an atom; BAD)
set(expected_errors_imaplib-broad.c2s 1)
set(expected_errors_imaplib-auth-conn4.c2s 1)
set(expected_errors_imaplib-search-sort-thread.c2s 1)

include(${CMAKE_CURRENT_LIST_DIR}/capture_quirks.cmake)

file(GLOB captures ${CORPUS}/*.s2c ${CORPUS}/*.c2s ${CORPUS}/*/*.s2c ${CORPUS}/*/*.c2s)
set(failures "")
foreach(capture IN LISTS captures)
  file(RELATIVE_PATH name ${CORPUS} ${capture})
  capture_quirks(${capture} ${CORPUS} quirks)
  if(name MATCHES "/session\\.c2s$")
    set(expected_errors_${name} 4)  # in every other server's folder
  endif()
  if(name MATCHES "\\.raw\\.")
    continue()  # compressed bytes: not IMAP above the COMPRESS layer
  endif()
  if(name MATCHES "\\.s2c$")
    set(direction --responses)
  else()
    set(direction --commands)
    set(quirks "")
    if(name MATCHES "^imaplib-errors")
      continue()
    endif()
  endif()
  set(first_summary "")
  file(SIZE ${capture} size)
  # One-byte chunks of every capture are covered by the framer tests (CaptureTest); here they
  # are run on the small captures only, where the CLI's per-chunk work stays cheap under ASan.
  set(chunks 65536 7 1)
  if(size GREATER 300000)
    set(chunks 65536 4093)
  elseif(size GREATER 30000)
    set(chunks 65536 7)
  endif()
  foreach(chunk IN LISTS chunks)
    execute_process(COMMAND ${IMAPKIT} parse ${direction} ${quirks} --summary --chunk-size ${chunk}
                            ${capture}
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    string(STRIP "${out}" out)
    set(expected 0)
    if(DEFINED expected_errors_${name})
      set(expected ${expected_errors_${name}})
    endif()
    set(expected_rc 0)
    if(expected GREATER 0)
      set(expected_rc 1)
    endif()
    if(NOT rc EQUAL expected_rc OR NOT out MATCHES "errors=${expected} ")
      list(APPEND failures "${name} (chunk ${chunk}): rc=${rc} ${out}\n${err}")
      break()
    endif()
    if(first_summary STREQUAL "")
      set(first_summary "${out}")
    elseif(NOT out STREQUAL first_summary)
      list(APPEND failures "${name}: chunk ${chunk} gave '${out}', 65536 gave '${first_summary}'")
    endif()
  endforeach()
  message(STATUS "${name}: ${first_summary}")
endforeach()
if(failures)
  message(FATAL_ERROR "captures that did not parse cleanly:\n${failures}")
endif()
