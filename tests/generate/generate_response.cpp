// Random responses, in the normal form parse_response produces (names as the grammar stores
// them, typed parts derived as the grammar derives them), for the round-trip tests.
//
// Wrapped building blocks (generate_common.cpp is shared and left as it is):
// - text: builder::text() may end like a literal announcement (" {5}"), which the framer would
//   wait for; such a text is drawn again (resp_text_line).
// - strings in slots that take only an atom or a quoted string (charset, a code's text) are
//   drawn here from a 7-bit alphabet.
#include <string>

#include "generate.hpp"
#include "imapkit/parse.hpp"
#include "imapkit/serialize.hpp"

namespace imapkit::generate {

namespace {

// True when name is, but for case, the first word of a code keyword: the grammar reads it as
// that code, never as an unknown one.
bool names_known_code(std::string_view name) {
  for (const resp_code_name& row : resp_code_names)
    if (row.is_keyword && iequal(name, row.head())) return true;
  return false;
}

class response_generator {
 public:
  explicit response_generator(builder& b) : b_(b), e_(b.rng()), mem_(b.mem()) {}

  response any() {
    response r;
    const auto k = e_.below(100);
    if (k < 8)
      r.value = continue_request();
    else if (k < 25)
      r.value = tagged_response();
    else
      r.value = untagged{untagged_data_value()};
    return r;
  }

 private:
  builder& b_;
  entropy& e_;
  arena& mem_;

  unsigned max_depth() const { return b_.opts().max_depth; }

  template <class T, class F>
  list<T> make_list(std::size_t min, unsigned depth, F&& make) {
    list<T> out;
    const auto n = b_.count(min, depth);
    for (std::size_t i = 0; i < n; ++i) out.push_back(mem_, make());
    return out;
  }

  // 7-bit printable characters from `alphabet`, 1..max long.
  std::string_view chars_from(std::string_view alphabet, std::size_t min, std::size_t max) {
    return b_.chars_from(alphabet, min, max);
  }

  std::string_view objectid() {
    return chars_from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", 1, 24);
  }

  // text for the end of a line (builder::text never ends like a literal announcement).
  std::string_view line_text(bool may_be_empty = true) { return b_.text(may_be_empty); }

  // ---------------------------------------------------------------------------------------------
  // resp-text

  // An unknown code's text: 1*<any TEXT-CHAR except "]">, 7-bit.
  std::string_view code_text() {
    return chars_from(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 "
        "-_.,:;!?()[{}<>\"\\'*%$",
        1, 40);
  }

  // The argument of a known code, in the form resp_code_names gives its kind.
  resp_code_argument code_argument(resp_code_arg arg) {
    switch (arg) {
      case resp_code_arg::none:
      case resp_code_arg::text:  // other: code() draws it
        return std::monostate{};
      case resp_code_arg::charsets:
        return resp_code_charsets{make_list<imapkit::string>(0, 0, [&] {
          return e_.chance(50) ? imapkit::string::atom(b_.atom())
                               : imapkit::string::quoted(chars_from(
                                     "abcdefghijklmnopqrstuvwxyz0123456789 -_()\"\\{}", 0, 12));
        })};
      case resp_code_arg::capabilities:
        return resp_code_capabilities{make_list<std::string_view>(0, 0, [&] { return b_.atom(); })};
      case resp_code_arg::flags:
        return resp_code_flags{b_.flags(true)};
      case resp_code_arg::nz_number:
        return resp_code_number{b_.nz_number()};
      case resp_code_arg::number:
        return resp_code_number{b_.number()};
      case resp_code_arg::mod_sequence_value:
        return resp_code_number{b_.nz_number64()};
      case resp_code_arg::appenduid: {
        resp_code_appenduid a;
        a.uidvalidity = b_.nz_number();
        a.uids = b_.sequence_set(false, false);
        return a;
      }
      case resp_code_arg::copyuid: {
        resp_code_copyuid a;
        a.uidvalidity = b_.nz_number();
        a.source_uids = b_.sequence_set(false, false);
        a.uids = b_.sequence_set(false, false);
        return a;
      }
      case resp_code_arg::set:
        return resp_code_set{b_.sequence_set()};
      case resp_code_arg::objectid:
        return resp_code_objectid{objectid()};
      case resp_code_arg::url_text:
        return resp_code_text{code_text()};
      case resp_code_arg::filter_name:
        return resp_code_text{chars_from(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:+!#&'", 1, 20)};
      case resp_code_arg::urlmech:
        return resp_code_urlmech{make_list<url_mechanism>(0, 3, [&] {
          url_mechanism m;
          m.name = chars_from(mechanism_chars, 1, 12);
          m.has_access = e_.chance(50);
          if (m.has_access) m.access = b_.base64();
          return m;
        })};
      case resp_code_arg::inprogress: {
        resp_code_inprogress p;
        p.has_state = e_.chance(70);
        if (p.has_state) {
          if (e_.chance(70))
            p.tag = imapkit::string::quoted(chars_from(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-", 0, 8));
          if (e_.chance(70)) p.count = b_.number();
          if (p.count && e_.chance(60)) p.total = b_.nz_number();
        }
        return p;
      }
      case resp_code_arg::annotations: {
        resp_code_annotations a;
        switch (e_.below(3)) {
          case 0:
            a.none = true;
            break;
          case 1:
            a.read_only = true;
            break;
          default:
            a.max_size = b_.nz_number();
        }
        a.noprivate = !a.none && e_.chance(50);
        return a;
      }
      case resp_code_arg::messagelimit: {
        resp_code_messagelimit m;
        m.limit = b_.nz_number();
        if (e_.chance(50)) m.uid = b_.nz_number();
        return m;
      }
    }
    return std::monostate{};
  }

  // A code of any kind: its name (the keyword's first word, in random case) and the argument
  // the table says it takes.
  resp_text_code code() {
    resp_text_code c;
    c.kind = e_.pick<resp_code_kind>(static_cast<unsigned>(resp_code_kind::other) + 1);
    const resp_code_name& row = name_of(c.kind);
    if (c.kind == resp_code_kind::other) {
      do c.name = b_.atom();
      while (names_known_code(c.name));
      // A code without data that has text is an unknown code too ("[ALERT x]").
      const bool simple_name = e_.chance(20);
      if (simple_name) {
        std::string_view simple[std::size(resp_code_names)];
        std::size_t n = 0;
        for (const resp_code_name& r : resp_code_names)
          if (r.is_keyword && r.arg == resp_code_arg::none && r.tail().empty())
            simple[n++] = r.keyword;
        c.name = b_.random_case(simple[e_.below(n)]);
      }
      if (simple_name || e_.chance(60)) c.arg = resp_code_text{code_text()};
      // A known code's keyword whose argument is not its own is the generic code too
      // ("[UIDNEXT]", "[COPYUID ( x]"): "( " starts no code's argument.
      if (e_.chance(15)) {
        const resp_code_name* with_argument[std::size(resp_code_names)];
        std::size_t n = 0;
        for (const resp_code_name& r : resp_code_names)
          // (Not BADURL: any text is its url-resp-text.)
          if (r.is_keyword && r.arg != resp_code_arg::none && r.arg != resp_code_arg::url_text)
            with_argument[n++] = &r;
        const resp_code_name& r = *with_argument[e_.below(n)];
        c.name = b_.random_case(r.head());
        const bool argument_optional = r.arg == resp_code_arg::charsets ||
                                       r.arg == resp_code_arg::capabilities ||
                                       r.arg == resp_code_arg::inprogress;
        if (argument_optional || e_.chance(50))
          c.arg = resp_code_text{b_.copy("( " + std::string(code_text()))};
        else
          c.arg = std::monostate{};
      }
      return c;
    }
    c.name = b_.random_case(row.head());
    c.arg = code_argument(row.arg);
    return c;
  }

  resp_text text() {
    resp_text t;
    if (e_.chance(50)) t.code = code();
    t.text = line_text();
    if (b_.make_invalid()) t.text = "[ALERT] not a code";  // no code: "[" would be read as one
    return t;
  }

  continue_req continue_request() {
    continue_req c;
    if (e_.chance(40)) {
      c.text.text = b_.base64();
    } else {
      c.text = text();
    }
    c.is_base64 = !c.text.code && is_valid_base64(c.text.text);
    return c;
  }

  resp_cond cond(unsigned kinds) {
    resp_cond c;
    c.status = e_.pick<status_kind>(kinds);
    c.text = text();
    return c;
  }

  tagged tagged_response() {
    tagged t;
    t.tag = b_.tag();
    t.state = cond(3);
    if (b_.make_invalid()) t.state.status = status_kind::preauth;  // not a resp-cond-state
    return t;
  }

  // ---------------------------------------------------------------------------------------------
  // mailbox data

  std::optional<char> delimiter() {
    if (e_.chance(20)) return std::nullopt;
    constexpr std::string_view d = "/.\\\"|:-_ ()[]{}*%";
    if (e_.chance(70)) return d[e_.below(d.size())];
    return static_cast<char>(e_.between(0x20, 0x7e));
  }

  // The typed part of an extended item, as grammar/mailbox_data.hpp derives it.
  void type_item(list_extended_item& item) {
    using kind_t = imapkit::generic_value::kind_t;
    if (item.value.kind != kind_t::list) return;
    if (iequal(item.tag.value, "CHILDINFO")) {
      item.kind = list_extended_kind::childinfo;
      for (const auto& v : item.value.items)
        if (v.kind == kind_t::string || v.kind == kind_t::atom)
          item.childinfo.push_back(mem_, v.text);
    } else if (iequal(item.tag.value, "OLDNAME") && item.value.items.size() == 1 &&
               item.value.items[0].kind != kind_t::list &&
               item.value.items[0].kind != kind_t::nil) {
      item.kind = list_extended_kind::oldname;
      item.old_name.name = item.value.items[0].text;
    }
  }

  list_extended_item extended_item() {
    list_extended_item item;
    const auto k = e_.below(3);
    using kind_t = imapkit::generic_value::kind_t;
    if (k == 0) {
      item.tag = imapkit::string::atom(b_.random_case("CHILDINFO"));
      item.value.kind = kind_t::list;
      item.value.items = make_list<imapkit::generic_value>(1, 1, [&] {
        imapkit::generic_value v;
        v.kind = e_.chance(50) ? kind_t::atom : kind_t::string;
        v.text = v.kind == kind_t::atom ? imapkit::string::atom(b_.random_case("SUBSCRIBED"))
                                        : imapkit::string::quoted(b_.any_string());
        return v;
      });
    } else if (k == 1) {
      item.tag = imapkit::string::quoted(b_.random_case("OLDNAME"));
      item.value.kind = kind_t::list;
      imapkit::generic_value v;
      v.kind = kind_t::string;
      v.text = imapkit::string::quoted(b_.any_string());
      item.value.items.push_back(mem_, v);
    } else {
      item.tag = b_.string_value();
      item.value = b_.generic_value(1);
    }
    type_item(item);
    return item;
  }

  mailbox_list mailbox_list_value() {
    mailbox_list l;
    l.lsub = e_.chance(20);
    l.flags = b_.flags();
    l.delimiter = delimiter();
    l.mailbox = b_.mailbox();
    if (e_.chance(40))
      l.extended = make_list<list_extended_item>(1, 0, [&] { return extended_item(); });
    if (e_.chance(3)) {  // an attribute nothing reads, as quirk::item_recovery keeps it
      static constexpr std::string_view damaged[] = {"\\Mar\"ked\"", "\\", "\\Sent\\x",
                                                     "\\Junk(1)"};
      const std::string line =
          "* LIST (" + std::string(damaged[e_.below(std::size(damaged))]) + ") NIL x\r\n";
      const result<response> parsed = parse_response(b_.copy(line), b_.mem(), reading_options());
      imapkit::invalid_list_attribute a =
          std::get<mailbox_list>(std::get<untagged>(parsed.value().value).data)
              .invalid_attributes[0];
      a.position = e_.below(l.flags.size() + 1);
      l.invalid_attributes.push_back(b_.mem(), a);
    }
    return l;
  }

  status_att_val status_item() {
    if (e_.chance(3)) {  // an attribute nothing reads, as quirk::item_recovery keeps it
      static constexpr std::string_view damaged[] = {"UIDNEXT x", "MESSAGES -1", "X-FOO (1 2)",
                                                     "SIZE abc", "MAILBOXID ()"};
      const std::string line =
          "* STATUS x (" + std::string(damaged[e_.below(std::size(damaged))]) + ")\r\n";
      const std::string_view bytes = b_.copy(line);
      const result<response> parsed = parse_response(bytes, b_.mem(), reading_options());
      return std::get<status_data>(std::get<untagged>(parsed.value().value).data).attributes[0];
    }
    status_att_val a;
    a.att = e_.pick<status_att>(std::size(status_att_names));
    if (a.att == status_att::other) {
      a.name = b_.atom_not(status_att_names);
      a.number = b_.number64();
      return a;
    }
    a.name = b_.random_case(to_string(a.att));
    switch (a.att) {
      case status_att::uidnext:
      case status_att::uidvalidity:
        a.number = b_.nz_number();
        break;
      case status_att::messages:
      case status_att::unseen:
      case status_att::deleted:
      case status_att::recent:
        a.number = b_.number();
        break;
      case status_att::appendlimit:
        if (e_.chance(30))
          a.is_nil = true;
        else
          a.number = b_.number();
        break;
      case status_att::mailboxid:
        a.text = objectid();
        break;
      case status_att::highestmodseq:
        a.number = b_.nz_number64();  // mod-sequence-value
        break;
      default:
        a.number = b_.number64();
        break;
    }
    return a;
  }

  search_return_data return_data(bool first, bool uid) {
    using k = search_return_data_kind;
    if (e_.chance(3)) {  // a return data nothing reads, as quirk::item_recovery keeps it
      static constexpr std::string_view damaged[] = {"MIN 1\x01", "COUNT \"a\"b", "X-FOO (1 \x02)"};
      const std::string line =
          "* ESEARCH " + std::string(damaged[e_.below(std::size(damaged))]) + "\r\n";
      const result<response> parsed = parse_response(b_.copy(line), b_.mem(), reading_options());
      return std::get<esearch_data>(std::get<untagged>(parsed.value().value).data).items[0];
    }
    search_return_data d;
    d.kind = e_.pick<k>(std::size(search_return_data_names));
    d.name = b_.random_case(to_string(d.kind));
    switch (d.kind) {
      case k::min:
      case k::max:
        d.number = b_.nz_number();
        break;
      case k::count:
        d.number = b_.number();
        break;
      case k::modseq:
        d.number = b_.nz_number64();  // mod-sequence-value
        break;
      case k::all:
        d.set = b_.sequence_set();
        break;
      case k::partial:
        d.range = b_.partial_range();
        if (e_.chance(30))
          d.is_nil = true;
        else
          d.set = b_.sequence_set();
        break;
      case k::addto:
      case k::removefrom:
        d.value = b_.generic_value();
        break;
      case k::other:
        // not a known name, nor the "UID" that may follow ESEARCH's correlator
        do {
          d.name = b_.atom_not(search_return_data_names);
        } while (first && !uid && iequal(d.name, "UID"));
        d.value = b_.generic_value();
        break;
    }
    return d;
  }

  esearch_data esearch() {
    esearch_data d;
    if (e_.chance(50)) d.correlator = b_.string_value();
    if (e_.chance(20)) {  // MULTISEARCH (RFC 7377)
      d.mailbox = b_.mailbox();
      d.uidvalidity = b_.nz_number();
    }
    d.uid = e_.chance(50);
    const auto n = b_.count();
    for (std::size_t i = 0; i < n; ++i) d.items.push_back(mem_, return_data(i == 0, d.uid));
    return d;
  }

  // thread-list: a chain of members, then no branch or at least two (one would be a member).
  thread_list thread(unsigned depth) {
    thread_list t;
    const bool leaf = depth >= max_depth() || e_.exhausted() || e_.chance(40);
    if (leaf) {
      t.members = make_list<std::uint32_t>(1, 0, [&] { return b_.nz_number(); });
      if (b_.make_invalid()) t.children.push_back(mem_, thread(max_depth()));  // a lone branch
      return t;
    }
    if (e_.chance(70)) t.members = make_list<std::uint32_t>(1, 0, [&] { return b_.nz_number(); });
    const auto n = std::max<std::size_t>(2, b_.count(2, depth + 1));
    for (std::size_t i = 0; i < n; ++i) t.children.push_back(mem_, thread(depth + 1));
    return t;
  }

  list<namespace_descr> namespaces() {
    if (e_.chance(30)) return {};
    return make_list<namespace_descr>(1, 1, [&] {
      namespace_descr d;
      d.prefix = b_.string_value();
      d.delimiter = delimiter();
      if (e_.chance(30))
        d.extensions = make_list<namespace_extension>(1, 2, [&] {
          namespace_extension x;
          x.name = b_.string_value();
          x.values = make_list<imapkit::string>(1, 1, [&] { return b_.string_value(); });
          return x;
        });
      return d;
    });
  }

  // ---------------------------------------------------------------------------------------------
  // FETCH

  address address_value() {
    address a;
    a.name = b_.nstring_value();
    a.adl = e_.chance(80) ? imapkit::string::nil() : b_.nstring_value();
    a.mailbox = b_.nstring_value();
    a.host = b_.nstring_value();
    return a;
  }

  address_list addresses() {
    address_list l;
    if (e_.chance(20)) return l;  // NIL
    const auto n = b_.count(1);
    for (std::size_t i = 0; i < n; ++i) {
      if (e_.chance(15)) {
        // A group: start (NIL host, the group's name as mailbox), members, end (all NIL).
        address start;
        start.mailbox = b_.string_value();
        l.push_back(mem_, start);
        const auto members = e_.below(3);
        for (std::uint64_t m = 0; m < members; ++m) l.push_back(mem_, address_value());
        l.push_back(mem_, address{});
      } else {
        l.push_back(mem_, address_value());
      }
    }
    return l;
  }

  envelope envelope_value() {
    envelope e;
    e.date = b_.nstring_value();
    e.subject = b_.nstring_value();
    e.from = addresses();
    e.sender = addresses();
    e.reply_to = addresses();
    e.to = addresses();
    e.cc = addresses();
    e.bcc = addresses();
    e.in_reply_to = b_.nstring_value();
    e.message_id = b_.nstring_value();
    return e;
  }

  body_params params() {
    if (e_.chance(30)) return {};
    return make_list<body_param>(1, 1, [&] {
      return body_param{b_.string_value(), b_.string_value()};
    });
  }

  body_extension extension(unsigned depth) {
    body_extension x;
    const auto k = e_.below(3);
    if (k == 0 || depth >= 2) {
      if (e_.chance(50)) {
        x.kind = body_extension::kind_t::number;
        x.number = b_.number64();
      } else {
        x.text = b_.nstring_value();
      }
      return x;
    }
    x.kind = body_extension::kind_t::list;
    x.items = make_list<body_extension>(1, depth + 1, [&] { return extension(depth + 1); });
    return x;
  }

  // The extension data, as far as b.extension_fields says.
  void extension_data(body_structure& b) {
    b.extension_fields = static_cast<std::uint8_t>(e_.below(5));
    if (b.extension_fields >= 1) {
      if (b.is_multipart())
        b.multipart_params = params();
      else
        b.md5 = b_.nstring_value();
    }
    if (b.extension_fields >= 2 && e_.chance(70)) {
      b.disposition.type = b_.string_value();
      b.disposition.params = params();
    }
    if (b.extension_fields >= 3 && e_.chance(70))
      b.language = make_list<imapkit::string>(1, 1, [&] { return b_.string_value(); });
    if (b.extension_fields >= 4) {
      b.location = b_.nstring_value();
      if (e_.chance(40))
        b.extensions = make_list<body_extension>(1, 1, [&] { return extension(0); });
    }
  }

  imapkit::string media_basic_type() {
    constexpr std::string_view types[] = {"IMAGE", "APPLICATION", "AUDIO", "VIDEO", "MESSAGE"};
    for (;;) {
      const imapkit::string t =
          e_.chance(60) ? imapkit::string::quoted(b_.random_case(types[e_.below(std::size(types))]))
                        : b_.string_value();
      if (!iequal(t.value, "TEXT")) return t;
    }
  }

  body_structure body(unsigned depth) {
    body_structure b;
    using kind_t = body_structure::kind_t;
    b.kind = e_.pick<kind_t>(depth >= max_depth() ? 2 : 4);
    if (b.kind == kind_t::multipart) {
      b.parts = make_list<body_structure>(1, depth + 1, [&] { return body(depth + 1); });
      b.media_subtype = b_.string_value();
      extension_data(b);
      return b;
    }
    b.fields.params = params();
    b.fields.id = b_.nstring_value();
    b.fields.description = b_.nstring_value();
    b.fields.encoding = b_.string_value();
    b.fields.octets = b_.number();
    switch (b.kind) {
      case kind_t::basic:
        b.media_type = media_basic_type();
        b.media_subtype = b_.string_value();
        if (iequal(b.media_type.value, "MESSAGE") &&
            (iequal(b.media_subtype.value, "RFC822") || iequal(b.media_subtype.value, "GLOBAL")))
          b.media_subtype = imapkit::string::quoted("DELIVERY-STATUS");
        break;
      case kind_t::text:
        b.media_type = imapkit::string::quoted(b_.random_case("TEXT"));
        b.media_subtype = b_.string_value();
        b.lines = b_.number64();
        break;
      default:
        b.media_type = imapkit::string::quoted(b_.random_case("MESSAGE"));
        b.media_subtype =
            imapkit::string::quoted(b_.random_case(e_.chance(50) ? "RFC822" : "GLOBAL"));
        b.message_envelope.push_back(mem_, envelope_value());
        b.parts.push_back(mem_, body(depth + 1));
        b.lines = b_.number64();
        break;
    }
    extension_data(b);
    return b;
  }

  imapkit::string gmail_label() {
    if (e_.chance(30))
      return imapkit::string::atom(b_.copy(std::string("\\") + std::string(b_.atom())));
    return b_.string_value();
  }

  // A known item with a value its grammar refuses, as lenient mode keeps it (fetch_invalid): the
  // bytes of real servers' damaged items (docs/quirks.md), the error as the grammar reports it.
  msg_att invalid_item() {
    static constexpr std::string_view damaged[] = {
        "BODYSTRUCTURE ((\"x\" 42 ((( \"y\" ))) NIL) 7 7 7)",
        "ENVELOPE (\"d\" \"s\")",
        "MODSEQ (-1)",
        "UID abc",
        "INTERNALDATE \"yesterday\"",
        "RFC822.SIZE {2}\r\n12",
        "BODY[2] ",
        "FLAGS \\Seen",
    };
    std::string items = "(";
    items += damaged[e_.below(std::size(damaged))];
    items += ')';
    const std::string_view bytes = b_.copy(items);
    parse_options reading;
    reading.quirks = {quirk::item_recovery};
    const result<msg_att_list> parsed = parse_fetch_items(bytes, b_.mem(), reading);
    return parsed.value()[0];
  }

  msg_att item() {
    msg_att a;
    switch (e_.below(22)) {
      case 19:
        return invalid_item();
      case 20: {  // RFC 5257: the entries with their values, or the names of changed entries
        fetch_annotation an;
        if (e_.chance(70)) {
          an.entries = make_list<annotation_entry>(1, 0, [&] {
            return annotation_entry{
                b_.string_value(), make_list<annotation_value>(1, 0, [&] {
                  return annotation_value{b_.string_value(), b_.nstring_value(false)};
                })};
          });
        } else {
          an.changed = make_list<imapkit::string>(1, 0, [&] { return b_.string_value(); });
        }
        a.value = an;
        break;
      }
      case 0:
        a.value = fetch_flags{b_.flags()};
        break;
      case 1:
        a.value = fetch_modseq{b_.nz_number64()};
        break;
      case 2:
        a.value = fetch_envelope{envelope_value()};
        break;
      case 3:
        a.value = fetch_internal_date{b_.date_time()};
        break;
      case 4:
        a.value = fetch_rfc822_size{b_.number64()};
        break;
      case 5:
        a.value = fetch_rfc822{e_.pick<fetch_rfc822::part_t>(3), b_.nstring_value()};
        break;
      case 6:
        a.value = fetch_body_structure{body(0), e_.chance(60)};
        break;
      case 7: {
        fetch_body_section s;
        s.section = b_.section();
        if (e_.chance(30)) s.origin = b_.number();
        s.data = b_.nstring_value();
        a.value = s;
        break;
      }
      case 8: {
        fetch_binary s;
        s.section = b_.section(true);
        if (e_.chance(30)) s.origin = b_.number();
        s.data = b_.nstring_value(false);
        a.value = s;
        break;
      }
      case 9:
        a.value = fetch_binary_size{b_.section(true), b_.number()};
        break;
      case 10: {
        fetch_uid u{b_.nz_number()};
        if (b_.make_invalid()) u.value = 0;
        a.value = u;
        break;
      }
      case 11: {
        fetch_object_id o;
        o.which = e_.pick<fetch_object_id::which_t>(2);
        if (o.which == fetch_object_id::which_t::thread_id && e_.chance(30))
          o.is_nil = true;
        else
          o.id = objectid();
        a.value = o;
        break;
      }
      case 12:
        a.value = fetch_preview{b_.nstring_value()};
        break;
      case 13: {
        fetch_save_date s;
        if (e_.chance(70)) s.value = b_.date_time();
        a.value = s;
        break;
      }
      case 14:
        a.value = fetch_gmail_id{e_.pick<fetch_gmail_id::which_t>(2), b_.number64()};
        break;
      case 15:
        a.value =
            fetch_gmail_labels{make_list<imapkit::string>(0, 0, [&] { return gmail_label(); })};
        break;
      case 16:
        a.value = fetch_snippet{b_.random_case("FUZZY"), b_.nstring_value()};
        break;
      case 17:
        a.value = fetch_x_guid{b_.string_value()};
        break;
      case 18:
        a.value = fetch_x_mailbox{b_.mailbox()};
        break;
      default: {
        fetch_other o;
        do {
          o.name = b_.atom_not(fetch_att_names);
        } while (names_keyword(vendor_item_names, o.name) || generate::iequal(o.name, "NIL") ||
                 generate::iequal(o.name, "BINARY") || generate::iequal(o.name, "BINARY.SIZE"));
        // An extension's item with a section: its "[...]" may hold spaces and parentheses.
        if (e_.chance(30))
          o.name =
              b_.copy(std::string(o.name) + "[" +
                      std::string(chars_from("0123456789.HEADER.FIELDS (a-b) <>\\\"{}", 0, 20)) +
                      "]" + (e_.chance(50) ? "<" + std::to_string(b_.number()) + ">" : ""));
        o.value = b_.generic_value();
        a.value = o;
        break;
      }
    }
    return a;
  }

  // ---------------------------------------------------------------------------------------------

  untagged_data untagged_data_value() {
    switch (e_.below(29)) {
      case 0:
        return cond(5);
      case 1:
        return capability_data{make_list<std::string_view>(1, 0, [&] { return b_.atom(); })};
      case 2:
        return enable_data{make_list<std::string_view>(0, 0, [&] { return b_.atom(); })};
      case 3:
        return flags_data{b_.flags()};
      case 4:
        return mailbox_list_value();
      case 5:
        return status_data{b_.mailbox(),
                           make_list<status_att_val>(0, 0, [&] { return status_item(); })};
      case 6: {
        search_data d;
        d.numbers = make_list<std::uint32_t>(0, 0, [&] { return b_.nz_number(); });
        if (e_.chance(30)) d.modseq = b_.nz_number64();  // mod-sequence-value
        return d;
      }
      case 7:
        return esearch();
      case 8: {
        sort_data d;
        d.numbers = make_list<std::uint32_t>(0, 0, [&] { return b_.nz_number(); });
        if (e_.chance(30)) d.modseq = b_.nz_number64();  // mod-sequence-value
        return d;
      }
      case 9:
        return thread_data{make_list<thread_list>(0, 1, [&] { return thread(1); })};
      case 10:
        return exists_data{b_.number()};
      case 11:
        return recent_data{b_.number()};
      case 12:
        return namespace_data{namespaces(), namespaces(), namespaces()};
      case 13:
        return quota_data{b_.string_value(), make_list<quota_resource>(0, 0, [&] {
                            return quota_resource{b_.atom(), b_.number64(), b_.number64()};
                          })};
      case 14:
        return quotaroot_data{b_.mailbox(),
                              make_list<imapkit::string>(0, 0, [&] { return b_.string_value(); })};
      case 15: {
        metadata_data d;
        d.mailbox = b_.mailbox();
        if (e_.chance(60))
          d.entries = make_list<metadata_entry>(1, 0, [&] {
            return metadata_entry{b_.string_value(), b_.nstring_value(false)};
          });
        else
          d.changed = make_list<imapkit::string>(1, 0, [&] { return b_.string_value(); });
        return d;
      }
      case 16:
        return id_data{make_list<id_param>(0, 0, [&] {
          return id_param{b_.string_value(), b_.nstring_value()};
        })};
      case 17:
        return acl_data{b_.mailbox(), make_list<acl_entry>(0, 0, [&] {
                          return acl_entry{b_.string_value(), b_.string_value()};
                        })};
      case 18:
        return listrights_data{b_.mailbox(), b_.string_value(), b_.string_value(),
                               make_list<imapkit::string>(0, 0, [&] { return b_.string_value(); })};
      case 19:
        return myrights_data{b_.mailbox(), b_.string_value()};
      case 20:
        return expunge_data{b_.nz_number()};
      case 21:
        return vanished_data{e_.chance(50), b_.sequence_set(false, false)};
      case 22: {
        fetch_data f;
        f.number = b_.nz_number();
        f.attributes = make_list<msg_att>(1, 0, [&] { return item(); });
        f.uidfetch = e_.chance(20);
        return f;
      }
      case 23:
        return jmapaccess_data{imapkit::string::quoted(
            chars_from("abcdefghijklmnopqrstuvwxyz0123456789:/.-_?=&%", 0, 40))};
      case 24:
        return genurlauth_data{make_list<imapkit::string>(1, 0, [&] { return b_.string_value(); })};
      case 25:
        return urlfetch_data{make_list<urlfetch_item>(1, 0, [&] {
          urlfetch_item u;
          u.url = b_.string_value();
          if (e_.chance(70)) {
            u.data = b_.nstring_value();
            return u;
          }
          u.extended = true;
          static constexpr std::string_view structures[] = {
              "(\"IMAGE\" \"PNG\" NIL NIL NIL \"BINARY\" 123)",
              "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3 1)",
              "((\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 0 0) \"MIXED\")"};
          if (e_.chance(40)) u.body_part_structure = structures[e_.below(std::size(structures))];
          u.has_body = e_.chance(60);
          if (u.has_body) u.body = b_.nstring_value();
          u.has_binary = (!u.has_body && u.body_part_structure.empty()) || e_.chance(50);
          if (u.has_binary) u.binary = b_.nstring_value(false);
          return u;
        })};
      case 26:
        return language_data{make_list<imapkit::string>(1, 0, [&] { return b_.string_value(); })};
      case 27:
        return comparator_data{b_.string_value(),
                               make_list<imapkit::string>(0, 0, [&] { return b_.string_value(); })};
      default: {
        generic_data d;
        if (e_.chance(40)) d.number = b_.number();
        do {
          d.name = b_.atom_not(untagged_data_keywords);
        } while (names_keyword(status_kind_names, d.name));
        d.values = make_list<imapkit::generic_value>(0, 0, [&] { return b_.generic_value(); });
        return d;
      }
    }
  }
};

}  // namespace

response random_response(builder& b) { return response_generator(b).any(); }

}  // namespace imapkit::generate
