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

find_program(IMAPKIT_MBSYNC_EXECUTABLE mbsync)
if(IMAPKIT_MBSYNC_EXECUTABLE)
  add_test(NAME integration.server_mbsync
    COMMAND ${IMAPKIT_PYTHON3} ${imapkit_server_tests}/server_mbsync.py
            --server $<TARGET_FILE:imapkit_example_server> --mbsync ${IMAPKIT_MBSYNC_EXECUTABLE})
  set_tests_properties(integration.server_mbsync PROPERTIES LABELS integration TIMEOUT 180)
else()
  message(STATUS "integration.server_mbsync skipped: needs mbsync (isync)")
endif()

find_program(IMAPKIT_FETCHMAIL_EXECUTABLE fetchmail)
if(IMAPKIT_FETCHMAIL_EXECUTABLE)
  add_test(NAME integration.server_fetchmail
    COMMAND ${IMAPKIT_PYTHON3} ${imapkit_server_tests}/server_fetchmail.py
            --server $<TARGET_FILE:imapkit_example_server>
            --fetchmail ${IMAPKIT_FETCHMAIL_EXECUTABLE})
  set_tests_properties(integration.server_fetchmail PROPERTIES LABELS integration TIMEOUT 180)
else()
  message(STATUS "integration.server_fetchmail skipped: needs fetchmail")
endif()

find_program(IMAPKIT_CURL_EXECUTABLE curl)
if(IMAPKIT_CURL_EXECUTABLE)
  add_test(NAME integration.server_curl
    COMMAND ${IMAPKIT_PYTHON3} ${imapkit_server_tests}/server_curl.py
            --server $<TARGET_FILE:imapkit_example_server> --curl ${IMAPKIT_CURL_EXECUTABLE})
  set_tests_properties(integration.server_curl PROPERTIES LABELS integration TIMEOUT 180)
else()
  message(STATUS "integration.server_curl skipped: needs curl")
endif()

# perl is always there; the module is what may be missing (libmail-imapclient-perl).
find_program(IMAPKIT_PERL_EXECUTABLE perl)
if(IMAPKIT_PERL_EXECUTABLE)
  execute_process(COMMAND ${IMAPKIT_PERL_EXECUTABLE} -MMail::IMAPClient -e 1
                  RESULT_VARIABLE imapkit_perl_imapclient_status OUTPUT_QUIET ERROR_QUIET
                  TIMEOUT 30)
endif()
if(IMAPKIT_PERL_EXECUTABLE AND imapkit_perl_imapclient_status EQUAL 0)
  add_test(NAME integration.server_perl_imapclient
    COMMAND ${IMAPKIT_PYTHON3} ${imapkit_server_tests}/server_perl_imapclient.py
            --server $<TARGET_FILE:imapkit_example_server> --perl ${IMAPKIT_PERL_EXECUTABLE})
  set_tests_properties(integration.server_perl_imapclient PROPERTIES LABELS integration
                       TIMEOUT 180)
else()
  message(STATUS "integration.server_perl_imapclient skipped: needs perl with Mail::IMAPClient "
                 "(libmail-imapclient-perl)")
endif()

# php-cli may come without the imap extension (php8.2-imap).
find_program(IMAPKIT_PHP_EXECUTABLE php)
if(IMAPKIT_PHP_EXECUTABLE)
  execute_process(COMMAND ${IMAPKIT_PHP_EXECUTABLE} -r "exit(function_exists('imap_open') ? 0 : 1);"
                  RESULT_VARIABLE imapkit_php_imap_status OUTPUT_QUIET ERROR_QUIET TIMEOUT 30)
endif()
if(IMAPKIT_PHP_EXECUTABLE AND imapkit_php_imap_status EQUAL 0)
  add_test(NAME integration.server_php_imap
    COMMAND ${IMAPKIT_PYTHON3} ${imapkit_server_tests}/server_php_imap.py
            --server $<TARGET_FILE:imapkit_example_server> --php ${IMAPKIT_PHP_EXECUTABLE})
  set_tests_properties(integration.server_php_imap PROPERTIES LABELS integration TIMEOUT 180)
else()
  message(STATUS "integration.server_php_imap skipped: needs php with the imap extension "
                 "(php8.2-cli, php8.2-imap)")
endif()
