# imapkit_example_server (main.cpp, session.cpp, store.cpp, util.cpp): the IMAP server itself,
# on the MIME walker (imapkit_example_mime, mime.cmake) and Boost.Asio coroutines.
add_executable(imapkit_example_server
  ${CMAKE_CURRENT_LIST_DIR}/main.cpp
  ${CMAKE_CURRENT_LIST_DIR}/session.cpp
  ${CMAKE_CURRENT_LIST_DIR}/store.cpp
  ${CMAKE_CURRENT_LIST_DIR}/util.cpp)
target_link_libraries(imapkit_example_server PRIVATE imapkit imapkit_example_mime Threads::Threads)
target_compile_options(imapkit_example_server PRIVATE -Wall -Wextra)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  # GCC 12 pairs an inlined coroutine frame's allocation with Asio's operator delete of
  # awaitable frames and warns, though both are Asio's own operator new/delete (a false
  # positive of -Wmismatched-new-delete on coroutines).
  target_compile_options(imapkit_example_server PRIVATE -Wno-mismatched-new-delete)
endif()
