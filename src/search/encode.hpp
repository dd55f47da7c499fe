// The search area's encoders that other areas call (the command serializer): the arguments of
// SEARCH, SORT and THREAD. Internal to the library.
#pragma once

#include "imapkit/ast/search.hpp"
#include "imapkit/serialize.hpp"

namespace imapkit::encode {

// search-program = [search-return-opts SP] ["CHARSET" SP charset SP] search-key *(SP search-key)
bool search_program(writer& w, const imapkit::search_program& p);
// [sort-return-opts SP] sort-criteria SP search-criteria   (RFC 5256, RFC 5267)
bool sort_program(writer& w, const imapkit::sort_program& p);
// thread-alg SP search-criteria   (RFC 5256)
bool thread_program(writer& w, const imapkit::thread_program& p);

}  // namespace imapkit::encode
