# `imapkit proxy` (src/cli/proxy.cpp) between real clients and a throwaway Dovecot (dovecot.sh).
# Included from tests/CMakeLists.txt only when Dovecot and python3 exist.
#  - integration.proxy_dovecot: the example client and imaplib sessions give the same results
#    through the proxy as directly; the proxy reports 0 violations; trace and JSON Lines checked.
#  - integration.proxy_malformed: malformed commands are forwarded unchanged, Dovecot's BAD
#    answers come back unchanged, the proxy flags exactly those commands, --once exits 1.
#  - cli.proxy: loopback-only targets, half-close forwarding, a literal split across reads, and
#    violations in server responses, against a scripted server (no Dovecot).
# examples/ (imapkit_example_client) is added after tests/: $<TARGET_FILE:...> still resolves.
if(TARGET imapkit_cli)
  add_test(NAME integration.proxy_dovecot
    COMMAND ${IMAPKIT_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/proxy_dovecot.py
            --imapkit $<TARGET_FILE:imapkit_cli>
            --client $<TARGET_FILE:imapkit_example_client>
            --dovecot-sh ${CMAKE_CURRENT_LIST_DIR}/dovecot.sh
            --dovecot ${IMAPKIT_DOVECOT_EXECUTABLE})
  set_tests_properties(integration.proxy_dovecot PROPERTIES LABELS integration TIMEOUT 180)
  add_test(NAME integration.proxy_malformed
    COMMAND ${IMAPKIT_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/proxy_malformed.py
            --imapkit $<TARGET_FILE:imapkit_cli>
            --dovecot-sh ${CMAKE_CURRENT_LIST_DIR}/dovecot.sh
            --dovecot ${IMAPKIT_DOVECOT_EXECUTABLE})
  set_tests_properties(integration.proxy_malformed PROPERTIES LABELS integration TIMEOUT 180)
  add_test(NAME cli.proxy
    COMMAND ${IMAPKIT_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/proxy_cli.py
            --imapkit $<TARGET_FILE:imapkit_cli>)
  set_tests_properties(cli.proxy PROPERTIES LABELS cli TIMEOUT 60)
endif()
