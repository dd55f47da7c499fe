# capture_quirks(CAPTURE CORPUS OUT): the `imapkit parse` options for the responses of a capture:
# the flags of its folder's one-line `quirks` file (the other servers' captures), read strictly
# otherwise (an empty file: --strict); nothing for Dovecot's at the top of CORPUS (lenient, the
# responses' default).
function(capture_quirks capture corpus out)
  get_filename_component(folder ${capture} DIRECTORY)
  set(quirks "")
  if(NOT folder STREQUAL corpus AND EXISTS ${folder}/quirks)
    file(STRINGS ${folder}/quirks flags LIMIT_COUNT 1)
    if(flags STREQUAL "")
      set(quirks --strict)
    else()
      set(quirks --quirks "${flags}")
    endif()
  endif()
  set(${out} "${quirks}" PARENT_SCOPE)
endfunction()
