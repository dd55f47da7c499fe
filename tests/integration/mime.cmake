# integration.server_mime_vs_dovecot: the example server's MIME walker (examples/server/mime.cpp)
# against Dovecot. Each message of messages/ is APPENDed to a throwaway Dovecot (dovecot.sh),
# and Dovecot's ENVELOPE, BODY, BODYSTRUCTURE and BODY[section]s of it are compared with
# mime_message's by imapkit_example_mime_check. Included only when Dovecot and python3 exist.
add_test(NAME integration.server_mime_vs_dovecot
  COMMAND ${IMAPKIT_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/mime_vs_dovecot.py
          --check $<TARGET_FILE:imapkit_example_mime_check>
          --dovecot-sh ${CMAKE_CURRENT_LIST_DIR}/dovecot.sh
          --dovecot ${IMAPKIT_DOVECOT_EXECUTABLE}
          --messages ${CMAKE_CURRENT_LIST_DIR}/messages)
set_tests_properties(integration.server_mime_vs_dovecot PROPERTIES LABELS integration TIMEOUT 180)
