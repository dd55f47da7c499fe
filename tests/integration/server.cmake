# Integration (issue 8): examples/server (imapkit_example_server) driven by real clients from
# Debian packages, each against a fresh temporary maildir on a free port of 127.0.0.1:
#   integration.server_imaplib    Python's imaplib: every command the server implements
#   integration.server_mbsync     mbsync (isync): sync down to a local maildir and back up
#   integration.server_fetchmail  fetchmail: download every message through an MDA
#   integration.server_curl       curl: URLs (RFC 5092), custom commands (-X), APPEND (-T)
#   integration.server_perl_imapclient  Perl's Mail::IMAPClient: folders, FETCH and
#                                 BODYSTRUCTURE, flags, APPEND, COPY / MOVE, EXPUNGE, IDLE
#   integration.server_php_imap   PHP's imap extension (UW c-client): the same ground
# Included from tests/CMakeLists.txt when python3 (IMAPKIT_PYTHON3) is found; a test whose
# client is missing is skipped with a message.
set(imapkit_server_tests ${CMAKE_CURRENT_LIST_DIR})

add_test(NAME integration.server_imaplib
  COMMAND ${IMAPKIT_PYTHON3} ${imapkit_server_tests}/server_imaplib.py
          --server $<TARGET_FILE:imapkit_example_server>)
set_tests_properties(integration.server_imaplib PROPERTIES LABELS integration TIMEOUT 180)

# imapkit_server_client_test(NAME OPTION EXECUTABLE MISSING): integration.server_NAME, the
# example server driven by server_NAME.py, which is given OPTION EXECUTABLE; skipped with a
# message naming MISSING when EXECUTABLE is empty.
function(imapkit_server_client_test name option executable missing)
  if(NOT executable)
    message(STATUS "integration.server_${name} skipped: needs ${missing}")
    return()
  endif()
  add_test(NAME integration.server_${name}
    COMMAND ${IMAPKIT_PYTHON3} ${imapkit_server_tests}/server_${name}.py
            --server $<TARGET_FILE:imapkit_example_server> ${option} ${executable})
  set_tests_properties(integration.server_${name} PROPERTIES LABELS integration TIMEOUT 180)
endfunction()

find_program(IMAPKIT_MBSYNC_EXECUTABLE mbsync)
imapkit_server_client_test(mbsync --mbsync "${IMAPKIT_MBSYNC_EXECUTABLE}" "mbsync (isync)")
find_program(IMAPKIT_FETCHMAIL_EXECUTABLE fetchmail)
imapkit_server_client_test(fetchmail --fetchmail "${IMAPKIT_FETCHMAIL_EXECUTABLE}" fetchmail)
find_program(IMAPKIT_CURL_EXECUTABLE curl)
imapkit_server_client_test(curl --curl "${IMAPKIT_CURL_EXECUTABLE}" curl)

# perl is always there; the module is what may be missing (libmail-imapclient-perl).
find_program(IMAPKIT_PERL_EXECUTABLE perl)
set(imapkit_perl_with_imapclient "")
if(IMAPKIT_PERL_EXECUTABLE)
  execute_process(COMMAND ${IMAPKIT_PERL_EXECUTABLE} -MMail::IMAPClient -e 1
                  RESULT_VARIABLE imapkit_perl_imapclient_status OUTPUT_QUIET ERROR_QUIET
                  TIMEOUT 30)
  if(imapkit_perl_imapclient_status EQUAL 0)
    set(imapkit_perl_with_imapclient ${IMAPKIT_PERL_EXECUTABLE})
  endif()
endif()
imapkit_server_client_test(perl_imapclient --perl "${imapkit_perl_with_imapclient}"
                           "perl with Mail::IMAPClient (libmail-imapclient-perl)")

# php-cli may come without the imap extension (php8.2-imap).
find_program(IMAPKIT_PHP_EXECUTABLE php)
set(imapkit_php_with_imap "")
if(IMAPKIT_PHP_EXECUTABLE)
  execute_process(COMMAND ${IMAPKIT_PHP_EXECUTABLE} -r "exit(function_exists('imap_open') ? 0 : 1);"
                  RESULT_VARIABLE imapkit_php_imap_status OUTPUT_QUIET ERROR_QUIET TIMEOUT 30)
  if(imapkit_php_imap_status EQUAL 0)
    set(imapkit_php_with_imap ${IMAPKIT_PHP_EXECUTABLE})
  endif()
endif()
imapkit_server_client_test(php_imap --php "${imapkit_php_with_imap}"
                           "php with the imap extension (php8.2-imap)")

# integration.large_message (issue 16): a 100 MB message APPENDed with `imapkit_example_client
# append --file` and fetched back with `fetch --to`, through Dovecot (when it is installed) and
# through the example server: SHA-256 of what came back, peak RSS of both example programs.
set(imapkit_large_message_dovecot "")
if(IMAPKIT_DOVECOT_EXECUTABLE)
  set(imapkit_large_message_dovecot --dovecot-sh ${imapkit_server_tests}/dovecot.sh
                                    --dovecot ${IMAPKIT_DOVECOT_EXECUTABLE})
endif()
# Under sanitizers the programs' RSS holds ASan's shadow memory and its quarantine of freed
# blocks (measured: 41 MiB client, 59 MiB server, against 4-5 MiB in a release build): the limit
# is then 80 MiB, still below the 95 MiB message, which neither program may hold.
set(imapkit_large_message_limit 48)
if(IMAPKIT_SANITIZERS)
  set(imapkit_large_message_limit 80)
endif()
add_test(NAME integration.large_message
  COMMAND ${IMAPKIT_PYTHON3} ${imapkit_server_tests}/large_message.py
          --client $<TARGET_FILE:imapkit_example_client>
          --server $<TARGET_FILE:imapkit_example_server> ${imapkit_large_message_dovecot}
          --peak-limit-mib ${imapkit_large_message_limit})
set_tests_properties(integration.large_message PROPERTIES LABELS integration TIMEOUT 300)
