# integration.servers_compare (issue 15, item 4): the ENVELOPE, BODY, BODYSTRUCTURE and
# BODY[section] answers of Dovecot, Cyrus, Courier, Mailutils and the example server for the same
# test messages, compared field by field (servers_compare.py; the write-up is docs/servers.md).
# Differences are findings and only printed; a response imapkit cannot parse fails the test. A
# server that is not unpacked (or Dovecot not installed, or Courier when not root) is left out
# with a message; skipped (77) when fewer than two servers can run. The servers run one after
# another, so the test takes a few seconds. Included from tests/CMakeLists.txt when python3 and
# the CLI exist, after servers.cmake (its IMAPKIT_SERVERS prefix).
if(NOT imapkit_servers_prefix)
  set(imapkit_servers_prefix /opt/imapkit/servers)
endif()
set(imapkit_compare_args --imapkit $<TARGET_FILE:imapkit_cli>
    --example-server $<TARGET_FILE:imapkit_example_server>)
if(IMAPKIT_DOVECOT_EXECUTABLE)
  list(APPEND imapkit_compare_args --dovecot ${IMAPKIT_DOVECOT_EXECUTABLE})
endif()
add_test(NAME integration.servers_compare
  COMMAND ${IMAPKIT_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/servers_compare.py ${imapkit_compare_args})
set_tests_properties(integration.servers_compare PROPERTIES
  LABELS "integration;cyrus;courier;mailutils" TIMEOUT 120 SKIP_RETURN_CODE 77
  ENVIRONMENT "IMAPKIT_SERVERS=${imapkit_servers_prefix}")
