# `imapkit lint` on the captures and on a capture of known quirks (tests/cli/lint/).
#
# Dovecot's responses (every *.s2c) conform to the ABNF: no quirk, no unreadable message. The
# clients' commands (*.c2s) conform too, but for imaplib's unquoted UTF-8 search value
# (eight_bit_search_atom, allowed here) and the deliberately invalid messages that
# parse_captures.cmake lists (imaplib-errors*.c2s is all errors and is left out).
# tests/cli/lint/quirks.s2c holds quirks of other servers and one unreadable FETCH: its JSON
# report must be exactly quirks.json.
file(GLOB responses ${CORPUS}/*.s2c)
file(GLOB commands ${CORPUS}/*.c2s)
list(FILTER responses EXCLUDE REGEX "\\.raw\\.")
list(FILTER commands EXCLUDE REGEX "\\.raw\\.|/imaplib-errors")
set(failures "")

execute_process(COMMAND ${IMAPKIT} lint ${responses}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(REGEX MATCHALL "[^\n]+\n" lines "${out}")
list(LENGTH lines line_count)
list(LENGTH responses file_count)
if(NOT rc EQUAL 0 OR NOT line_count EQUAL file_count OR out MATCHES "needs_quirks|fails")
  list(APPEND failures "responses: rc=${rc} (want 0, one 'conforms' line per file)\n${out}${err}")
endif()

execute_process(COMMAND ${IMAPKIT} lint --allow eight_bit_search_atom ${commands}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(REGEX MATCHALL "[^\n]+: fails [^\n]+" failed "${out}")
set(want_failed
    "${CORPUS}/imaplib-auth-conn4.c2s: fails (commands, 7 messages; 1 unreadable)"
    "${CORPUS}/imaplib-broad.c2s: fails (commands, 111 messages; 1 unreadable)")
if(NOT rc EQUAL 1 OR NOT failed STREQUAL "${want_failed}" OR out MATCHES "needs_quirks")
  list(APPEND failures "commands: rc=${rc}, failed files:\n${failed}\n${out}${err}")
endif()
if(NOT out MATCHES "imaplib-search-sort-thread.c2s: quirk eight_bit_search_atom \\(allowed\\): 1 message")
  list(APPEND failures "commands: the allowed quirk of imaplib-search-sort-thread.c2s is not reported\n${out}")
endif()

execute_process(COMMAND ${IMAPKIT} lint --json quirks.s2c WORKING_DIRECTORY ${LINT_DIR}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(READ ${LINT_DIR}/quirks.json want)
if(NOT rc EQUAL 1 OR NOT out STREQUAL want)
  list(APPEND failures "quirks.s2c: rc=${rc} (want 1)\ngot:  ${out}want: ${want}${err}")
endif()

# The other servers' captures (corpus/captures/<server>/): with the flags of the folder's
# `quirks` file allowed they conform, and each of those flags is needed by some response (the
# file lists exactly what the server's bytes need; docs/quirks.md has them with the bytes).
file(GLOB quirk_files ${CORPUS}/*/quirks)
foreach(quirk_file IN LISTS quirk_files)
  get_filename_component(folder ${quirk_file} DIRECTORY)
  file(STRINGS ${quirk_file} flags LIMIT_COUNT 1)
  file(GLOB server_responses ${folder}/*.s2c)
  execute_process(COMMAND ${IMAPKIT} lint --allow "${flags}" ${server_responses}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR out MATCHES "needs_quirks|fails")
    list(APPEND failures "${folder}: rc=${rc} with --allow '${flags}'\n${out}${err}")
  endif()
  string(REPLACE "," ";" flag_list "${flags}")
  foreach(flag IN LISTS flag_list)
    if(NOT out MATCHES "quirk ${flag} \\(allowed\\)")
      list(APPEND failures "${folder}/quirks lists ${flag}, which no response needs\n${out}")
    endif()
  endforeach()
endforeach()

# A direction the name does not tell is a usage error.
execute_process(COMMAND ${IMAPKIT} lint ${LINT_DIR}/quirks.json
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 2 OR NOT err MATCHES "which direction")
  list(APPEND failures "a file named neither .s2c nor .c2s: rc=${rc} ${err}")
endif()

if(failures)
  message(FATAL_ERROR "imapkit lint:\n${failures}")
endif()
