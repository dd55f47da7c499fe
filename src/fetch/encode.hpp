// The fetch area's encoders that other areas call: msg-att for the response serializer, the
// arguments of FETCH and STORE for the command serializer. Internal to the library.
#pragma once

#include "imapkit/ast/fetch.hpp"
#include "imapkit/ast/fetch_command.hpp"
#include "imapkit/serialize.hpp"

namespace imapkit::encode {

// msg-att = "(" (msg-att-dynamic / msg-att-static) *(SP (msg-att-dynamic / msg-att-static)) ")"
bool msg_att(writer& w, const msg_att_list& items);
// sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att / "(" fetch-att *(SP fetch-att) ")")
// [fetch-modifiers]
bool fetch_program(writer& w, const imapkit::fetch_program& p);
// sequence-set [store-modifiers] SP store-att-flags
bool store_program(writer& w, const imapkit::store_program& p);
// entry-att = entry SP "(" att-value *(SP att-value) ")"; att-value = attrib SP value
// (RFC 5257: STORE's att-annotate and FETCH's ANNOTATION item)
bool entry_att(writer& w, const annotation_entry& e);
// Gmail's label = "NIL" / "\" atom / astring (X-GM-LABELS of FETCH and STORE)
bool gmail_label(writer& w, const imapkit::string& l);

}  // namespace imapkit::encode
