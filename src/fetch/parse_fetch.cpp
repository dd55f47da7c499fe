// Instantiates the FETCH response grammar: msg-att (for the response grammar, which calls it as
// separately_compiled[msg_att_list_rule]) and the parse_fetch_items / parse_body_structure /
// parse_envelope entry points.
#include "fetch/fetch_def.hpp"
#include "imapkit/parse.hpp"
#include "x3/run.hpp"

namespace imapkit {

namespace grammar {
BOOST_SPIRIT_INSTANTIATE(decltype(msg_att_list_rule), iterator_type, context_type)
}  // namespace grammar

result<msg_att_list> parse_fetch_items(std::string_view text, arena& mem,
                                       const parse_options& options) {
  return grammar::run<msg_att_list>(grammar::msg_att_list_rule, text, mem, options, "msg-att");
}

result<body_structure> parse_body_structure(std::string_view text, arena& mem,
                                            const parse_options& options) {
  return grammar::run<body_structure>(grammar::body, text, mem, options, "body");
}

result<envelope> parse_envelope(std::string_view text, arena& mem, const parse_options& options) {
  return grammar::run<envelope>(grammar::envelope, text, mem, options, "envelope");
}

std::string_view msg_att::name() const noexcept {
  struct namer {
    std::string_view operator()(const fetch_flags&) const {
      return to_string(fetch_att_kind::flags);
    }
    std::string_view operator()(const fetch_modseq&) const {
      return to_string(fetch_att_kind::modseq);
    }
    std::string_view operator()(const fetch_envelope&) const {
      return to_string(fetch_att_kind::envelope);
    }
    std::string_view operator()(const fetch_internal_date&) const {
      return to_string(fetch_att_kind::internal_date);
    }
    std::string_view operator()(const fetch_rfc822_size&) const {
      return to_string(fetch_att_kind::rfc822_size);
    }
    std::string_view operator()(const fetch_rfc822& r) const {
      switch (r.part) {
        case fetch_rfc822::part_t::header:
          return to_string(fetch_att_kind::rfc822_header);
        case fetch_rfc822::part_t::text:
          return to_string(fetch_att_kind::rfc822_text);
        case fetch_rfc822::part_t::whole:
          break;
      }
      return to_string(fetch_att_kind::rfc822);
    }
    std::string_view operator()(const fetch_body_structure& b) const {
      return to_string(b.extensible ? fetch_att_kind::body_structure : fetch_att_kind::body);
    }
    std::string_view operator()(const fetch_body_section&) const {
      return to_string(fetch_att_kind::body_section);
    }
    std::string_view operator()(const fetch_binary&) const {
      return to_string(fetch_att_kind::binary);
    }
    std::string_view operator()(const fetch_binary_size&) const { return "BINARY.SIZE"; }
    std::string_view operator()(const fetch_uid&) const { return to_string(fetch_att_kind::uid); }
    std::string_view operator()(const fetch_object_id& o) const {
      return to_string(o.which == fetch_object_id::which_t::email_id ? fetch_att_kind::email_id
                                                                     : fetch_att_kind::thread_id);
    }
    std::string_view operator()(const fetch_preview&) const {
      return to_string(fetch_att_kind::preview);
    }
    std::string_view operator()(const fetch_save_date&) const {
      return to_string(fetch_att_kind::save_date);
    }
    std::string_view operator()(const fetch_gmail_id& g) const {
      return to_string(g.which == fetch_gmail_id::which_t::message_id ? vendor_item::gmail_msgid
                                                                      : vendor_item::gmail_thrid);
    }
    std::string_view operator()(const fetch_gmail_labels&) const {
      return to_string(vendor_item::gmail_labels);
    }
    std::string_view operator()(const fetch_snippet&) const {
      return to_string(vendor_item::snippet);
    }
    std::string_view operator()(const fetch_x_guid&) const {
      return to_string(vendor_item::x_guid);
    }
    std::string_view operator()(const fetch_x_mailbox&) const {
      return to_string(vendor_item::x_mailbox);
    }
    std::string_view operator()(const fetch_annotation&) const {
      return to_string(fetch_att_kind::annotation);
    }
    std::string_view operator()(const fetch_other& o) const { return o.name; }
    std::string_view operator()(const fetch_invalid& i) const { return i.name; }
  };
  return std::visit(namer{}, value);
}

}  // namespace imapkit
