# Integration (issue 8): examples/server (imapkit_example_server) driven by real clients from
# Debian packages, each against a fresh temporary maildir on a free port of 127.0.0.1:
#   integration.server_imaplib    Python's imaplib: every command the server implements
#   integration.server_mbsync     mbsync (isync): sync down to a local maildir and back up
#   integration.server_fetchmail  fetchmail: download every message through an MDA
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
