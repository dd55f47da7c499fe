# The libFuzzer harnesses: fuzz/fuzz_<name>.cpp each defines LLVMFuzzerTestOneInput, and has a
# dictionary fuzz/<name>.dict, seeds in the archive corpus/fuzz/<name>_seed_corpus.zip and
# reproducers of fixed crashes in fuzz/regressions/<name>/. Included by fuzz/CMakeLists.txt (the libFuzzer binaries, fuzz preset)
# and by tests/CMakeLists.txt (the same harnesses as plain replay programs run by ctest).
#
# A harness whose entry point is not in the library yet is simply not listed here; adding one is
# one word in this list plus its .cpp, .dict and seed archive. Every harness links the library
# and the random AST generator (tests/generate/, used by ast_roundtrip).
set(IMAPKIT_FUZZ_HARNESSES
  framer
  mutf7
  generic
  lexical_writer
  bodystructure
  search_key
  response
  command
  serializer_injection
  ast_roundtrip
)
