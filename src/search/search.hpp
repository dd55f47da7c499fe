// SEARCH, SORT and THREAD arguments (RFC 9051 §9, RFC 3501 §9, RFC 4466, RFC 4731, RFC 5032,
// RFC 5182, RFC 5256, RFC 5267, RFC 5957, RFC 6203, RFC 7162, RFC 8474, RFC 8514, RFC 9394).
//
// Declarations only: the rules are defined in search_def.hpp and instantiated for
// (iterator_type, context_type) in src/search/parse_search.cpp. Call them from another translation
// unit as separately_compiled[search_program_rule][action] (see context.hpp).
#pragma once

#include <boost/spirit/home/x3.hpp>

#include "imapkit/ast/search.hpp"
#include "x3/expect.hpp"

namespace imapkit::grammar {

// search-key (RFC 9051 §9 and the extensions above): one key, recursive through OR, NOT, FUZZY
// and parenthesised lists.
IMAPKIT_RULE(search_key, "search-key", imapkit::search_key);

// What follows "SEARCH" SP (RFC 9051 search, RFC 4466 search-return-opts):
// [search-return-opts SP] ["CHARSET" SP charset SP] search-key *(SP search-key)
// ("SEARCH" [search-return-opts] SP search-program with the leading SP moved before RETURN.)
IMAPKIT_RULE(search_program, "search", imapkit::search_program);

// What follows "SORT" SP (RFC 5256, RFC 5267 ESORT):
// [sort-return-opts SP] sort-criteria SP search-criteria
IMAPKIT_RULE(sort_program, "sort", imapkit::sort_program);

// What follows "THREAD" SP (RFC 5256): thread-alg SP search-criteria
IMAPKIT_RULE(thread_program, "thread", imapkit::thread_program);

BOOST_SPIRIT_DECLARE(decltype(search_key_rule), decltype(search_program_rule),
                     decltype(sort_program_rule), decltype(thread_program_rule))

}  // namespace imapkit::grammar
