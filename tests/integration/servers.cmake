# The real IMAP servers other than Dovecot (issue 15), each started by its script from the prefix
# scripts/install-servers.sh unpacked it into (IMAPKIT_SERVERS, default /opt/imapkit/servers),
# with every byte of a session through `imapkit proxy` (real_server_session.py), then the example
# client's session (examples/ is added after tests/: $<TARGET_FILE:...> still resolves). Labels:
# integration and the server's name. A server that is not unpacked is skipped with a message.
# Included from tests/CMakeLists.txt when python3 and the CLI exist.
set(IMAPKIT_SERVERS "$ENV{IMAPKIT_SERVERS}" CACHE PATH
    "where scripts/install-servers.sh unpacked the test servers (empty: /opt/imapkit/servers)")
if(IMAPKIT_SERVERS)
  set(imapkit_servers_prefix ${IMAPKIT_SERVERS})
else()
  set(imapkit_servers_prefix /opt/imapkit/servers)
endif()

# imapkit_server_session(NAME PROGRAM USER LIMITS): the session test of server NAME when PROGRAM
# (relative to its prefix) is there; USER its test user's login name ("": imapkit); LIMITS its
# known shortcomings that the test then does not hold against it (docs/quirks.md). The quirk
# flags its responses may need are those its recorded captures need, one line in
# corpus/captures/NAME/quirks, each in docs/quirks.md with the server's bytes.
function(imapkit_server_session name program user limits)
  file(STRINGS ${PROJECT_SOURCE_DIR}/corpus/captures/${name}/quirks quirks LIMIT_COUNT 1)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
               ${PROJECT_SOURCE_DIR}/corpus/captures/${name}/quirks)
  if(NOT user)
    set(user imapkit)
  endif()
  if(NOT EXISTS ${imapkit_servers_prefix}/${name}/${program})
    message(STATUS "integration.${name}_session skipped: ${name} is not unpacked in "
                   "${imapkit_servers_prefix} (scripts/install-servers.sh)")
    return()
  endif()
  add_test(NAME integration.${name}_session
    COMMAND ${IMAPKIT_PYTHON3} ${CMAKE_CURRENT_LIST_DIR}/real_server_session.py
            --imapkit $<TARGET_FILE:imapkit_cli>
            --server-sh ${CMAKE_CURRENT_LIST_DIR}/${name}.sh --name ${name}
            --client $<TARGET_FILE:imapkit_example_client>
            --allowed-quirks "${quirks}" --user ${user} --limits "${limits}")
  set_tests_properties(integration.${name}_session PROPERTIES
    LABELS "integration;${name}" TIMEOUT 240 SKIP_RETURN_CODE 77
    ENVIRONMENT "IMAPKIT_SERVERS=${imapkit_servers_prefix}")
endfunction()

imapkit_server_session(cyrus usr/lib/cyrus/bin/master "" "")
imapkit_server_session(courier usr/bin/imapd "" "malformed_answered_no")
imapkit_server_session(mailutils usr/sbin/imap4d "imapkit@imapkit.test"
  "idle_pushes_nothing,other_session_append_unreported")
