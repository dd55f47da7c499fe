// Random commands and client lines, in the normal form the command grammar produces
// (src/command/command*.hpp, search_def.hpp, fetch_command_def.hpp): every
// command_body alternative, every search key, fetch item, modifier and return option. Fields a
// kind does not use stay empty, names kept "as written" are set, and names that would be read as
// a keyword of their context are avoided.
#include <algorithm>
#include <iterator>
#include <new>
#include <string>

#include "generate.hpp"

namespace imapkit::generate {

namespace {

class command_generator {
 public:
  explicit command_generator(builder& b) : b_(b), e_(b.rng()), mem_(b.mem()) {}

  command make_command() {
    command c;
    c.tag = b_.tag();
    c.body = body();
    return c;
  }

  client_message make_client_message() {
    const auto r = e_.below(100);
    if (r < 90) return make_command();
    if (r < 95) {
      authenticate_data d;
      if (e_.chance(20))
        d.cancel = true;
      else
        d.base64 = b_.make_invalid() ? std::string_view("ab=c") : b_.base64();
      return d;
    }
    return idle_done{};
  }

 private:
  template <class T>
  void push(list<T>& l, const T& v) {
    l.push_back(mem_, v);
  }
  std::string_view copy(const std::string& s) { return b_.copy(s); }
  imapkit::string astr() { return b_.string_value(true); }

  // --- RFC 4466 parameters ---------------------------------------------------------------------

  // A generic list value: "(" [value *(SP value)] ")".
  generic_value generic_list(unsigned depth = 1) {
    generic_value v;
    v.kind = generic_value::kind_t::list;
    const auto n = b_.count(0, depth);
    for (std::size_t i = 0; i < n; ++i) push(v.items, b_.generic_value(depth));
    return v;
  }

  // A sequence-set / number as a token.
  std::string_view set_token(bool negative_range) {
    switch (e_.below(negative_range ? 6 : 5)) {
      case 0:
        return copy(std::to_string(b_.number64()));
      case 1:
        return "*";
      case 2:
        return "$";
      case 3:
        return copy(std::to_string(b_.nz_number()) + ":*");
      case 4:
        return copy(std::to_string(b_.nz_number()) + "," + std::to_string(b_.nz_number()) + ":" +
                    std::to_string(b_.nz_number()));
      default:
        return copy("-" + std::to_string(b_.nz_number()) + ":-" + std::to_string(b_.nz_number()));
    }
  }

  // tagged-ext-val: a sequence-set / number token, or a list.
  generic_value tagged_ext_val(bool negative_range) {
    if (e_.chance(30)) return generic_list();
    generic_value v;
    v.kind = generic_value::kind_t::atom;
    v.text = imapkit::string::atom(set_token(negative_range));
    return v;
  }

  // select-param / create-param / getmetadata-option / scope-option of the tagged-ext shape.
  list<tagged_ext_param> tagged_ext_params(std::initializer_list<std::string_view> reserved) {
    list<tagged_ext_param> out;
    const auto n = b_.count(1);
    for (std::size_t i = 0; i < n; ++i) {
      tagged_ext_param p;
      p.name = b_.atom_not(reserved);
      if (e_.chance(50)) p.value = tagged_ext_val(false);
      push(out, p);
    }
    return out;
  }

  // option-extension (LIST): name [SP "(" ... ")"]
  list<tagged_ext_param> option_extensions(std::size_t min,
                                           std::initializer_list<std::string_view> reserved) {
    list<tagged_ext_param> out;
    const auto n = b_.count(min);
    for (std::size_t i = 0; i < n; ++i) {
      tagged_ext_param p;
      p.name = b_.atom_not(reserved);
      if (e_.chance(30)) p.value = generic_list();
      push(out, p);
    }
    return out;
  }

  // tagged-ext-label: ALPHA / "-" / "_" / "." then also DIGIT / ":"; none of the keywords of
  // `reserved`, a keyword table.
  template <class Row, std::size_t N>
  std::string_view label(const Row (&reserved)[N]) {
    static constexpr std::string_view first =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static constexpr std::string_view rest =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.:-";
    for (;;) {
      std::string s(1, first[e_.below(first.size())]);
      const auto n = e_.below(10);
      for (std::uint64_t i = 0; i < n; ++i) s += rest[e_.below(rest.size())];
      if (!names_keyword(reserved, s)) return copy(s);
    }
  }

  // --- search ----------------------------------------------------------------------------------

  imapkit::string charset() {
    constexpr std::string_view atoms[] = {"UTF-8", "US-ASCII", "ISO-8859-1", "x-weird"};
    constexpr std::string_view quoted[] = {"utf 8", "a\"b", "back\\slash", "", "(paren)"};
    if (e_.chance(70)) return imapkit::string::atom(b_.random_case(atoms[e_.below(4)]));
    return imapkit::string::quoted(quoted[e_.below(5)]);
  }

  // mechanism = "INTERNAL" / 1*(ALPHA / DIGIT / "-" / ".") (RFC 4467); now and then a bad one.
  std::string_view mechanism() {
    if (b_.make_invalid()) return "x_y";
    if (e_.chance(50)) return "INTERNAL";
    return b_.chars_from(mechanism_chars, 1, 12);
  }

  // RFC 5257's entry-atts (STORE's att-annotate, APPEND's append-ext): one or more entries, each
  // with one or more attribute values.
  list<annotation_entry> annotations() {
    list<annotation_entry> out;
    const auto n = b_.count(1);
    for (std::size_t i = 0; i < n; ++i) {
      annotation_entry entry;
      entry.entry = astr();
      const auto k = b_.count(1);
      for (std::size_t j = 0; j < k; ++j)
        push(entry.values, annotation_value{astr(), b_.nstring_value(false)});
      push(out, entry);
    }
    return out;
  }

  // Astrings, at least min of them.
  list<imapkit::string> strings(std::size_t min) {
    list<imapkit::string> out;
    const auto n = b_.count(min);
    for (std::size_t i = 0; i < n; ++i) push(out, astr());
    return out;
  }

  // filter-name = 1*<any ATOM-CHAR except "/"> (RFC 5466); now and then one with "/".
  std::string_view filter_name() {
    std::string name(b_.atom());
    if (!b_.make_invalid())
      for (char& c : name)
        if (c == '/') c = '-';
    return copy(name);
  }

  std::string_view objectid() {
    if (b_.make_invalid()) return "not an id";
    return b_.chars_from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", 1, 30);
  }

  std::string_view vendor_name() {
    return copy(std::string(e_.chance(50) ? "X-" : "x-") + std::string(b_.atom()));
  }

  // A key of a random kind with an argument of the form search_key_names gives that kind.
  search_key key(unsigned depth) {
    using A = search_arg;
    search_key k;
    A arg;
    for (;;) {
      k.kind = e_.pick<search_key_kind>(std::size(search_key_names));
      arg = name_of(k.kind).arg;
      const bool compound = arg == A::one_key || arg == A::two_keys || arg == A::key_list;
      if (!compound || depth < b_.opts().max_depth) break;
    }
    const auto operands = [&](std::size_t n) {
      search_operands o;
      for (std::size_t i = 0; i < n; ++i) push(o.keys, key(depth + 1));
      return o;
    };
    switch (arg) {
      case A::none:
        break;
      case A::astring:
        k.arg = search_astring{astr()};
        break;
      case A::header:
        k.arg = search_header{astr(), astr()};
        break;
      case A::flag_keyword:
        k.arg = search_atom{b_.atom()};
        break;
      case A::filter_name:
        k.arg = search_atom{filter_name()};
        break;
      case A::objectid:
        k.arg = search_atom{objectid()};
        break;
      case A::date:
        k.arg = search_date{b_.date()};
        break;
      case A::number64:
        k.arg = search_number{b_.number64()};
        break;
      case A::nz_number:
        k.arg = search_number{b_.nz_number()};
        break;
      case A::set:
        k.arg = search_set{b_.sequence_set()};
        break;
      case A::modseq: {
        search_modseq m{b_.number64(), std::nullopt};
        if (e_.chance(40))
          m.entry = search_modseq_entry{
              imapkit::string::quoted(
                  copy(std::string(b_.random_case("/flags/")) + std::string(b_.flag().name))),
              static_cast<modseq_entry_type>(e_.below(3))};
        k.arg = m;
        break;
      }
      case A::one_key:
        k.arg = operands(1);
        break;
      case A::two_keys:
        k.arg = operands(2);
        break;
      case A::key_list:
        k.arg = operands(b_.count(1, depth));
        break;
      case A::extension:
        k.arg = search_extension{vendor_name(), astr()};
        break;
      case A::annotation:
        k.arg = search_annotation{
            list_mailbox().value, b_.nstring_value(false),
            e_.pick<annotation_attribute>(std::size(annotation_attribute_names))};
        break;
    }
    return k;
  }

  list<search_key> keys() {
    list<search_key> out;
    const auto n = b_.count(1);
    for (std::size_t i = 0; i < n; ++i) push(out, key(1));
    return out;
  }

  search_return_opts returns() {
    search_return_opts r;
    if (!e_.chance(30)) return r;
    r.present = true;
    const auto n = b_.count(0);
    for (std::size_t i = 0; i < n; ++i) {
      search_return_opt o;
      o.kind = e_.pick<search_return_opt_kind>(std::size(search_return_opt_names));
      if (o.kind == search_return_opt_kind::partial) o.range = b_.partial_range();
      if (o.kind == search_return_opt_kind::extension) {
        o.name = label(search_return_opt_names);
        if (e_.chance(50)) o.value = tagged_ext_val(true);
      }
      push(r.options, o);
    }
    return r;
  }

  search_program search() {
    search_program p;
    p.returns = returns();
    if (e_.chance(30)) p.charset = charset();
    p.keys = keys();
    return p;
  }

  sort_program sort() {
    sort_program p;
    p.returns = returns();
    const auto n = b_.count(1);
    for (std::size_t i = 0; i < n; ++i) {
      sort_criterion c;
      c.reverse = e_.chance(30);
      c.key = e_.pick<sort_key_kind>(std::size(sort_key_names));
      if (c.key == sort_key_kind::extension) c.name = vendor_name();
      if (c.key == sort_key_kind::annotation) {  // att-sort: value.priv / value.shared
        c.entry = astr();
        c.attribute =
            e_.chance(50) ? annotation_attribute::value_priv : annotation_attribute::value_shared;
      }
      push(p.criteria, c);
    }
    p.charset = charset();
    p.keys = keys();
    return p;
  }

  thread_program thread() {
    thread_program p;
    p.algorithm = e_.pick<thread_algorithm>(std::size(thread_algorithm_names));
    p.name = p.algorithm == thread_algorithm::other ? b_.atom_not(thread_algorithm_names)
                                                    : b_.random_case(to_string(p.algorithm));
    p.charset = charset();
    p.keys = keys();
    return p;
  }

  // --- fetch / store ---------------------------------------------------------------------------

  fetch_att att(bool listed) {
    using F = fetch_att_kind;
    fetch_att a;
    a.kind = e_.pick<F>(std::size(fetch_att_names));
    const auto partial = [&] {
      if (e_.chance(30)) a.partial = fetch_partial{b_.number(), b_.nz_number()};
    };
    switch (a.kind) {
      case F::body_section:
        a.peek = e_.chance(50);
        a.section = b_.section(false);
        partial();
        break;
      case F::binary:
        a.peek = e_.chance(50);
        a.section = b_.section(true);
        partial();
        break;
      case F::binary_size:
        a.section = b_.section(true);
        break;
      case F::preview:
        a.lazy = e_.chance(50);
        break;
      case F::extension:
        a.name = e_.chance(80) ? vendor_name() : b_.random_case("SNIPPET");
        if (listed && e_.chance(30)) a.params = generic_list();
        break;
      case F::annotation: {
        auto* stored = mem_.allocate_array<annotation_fetch>(1);
        annotation_fetch& an = *new (stored) annotation_fetch;
        a.annotation = &an;
        an.entries_parenthesized = e_.chance(50);
        an.attributes_parenthesized = e_.chance(50);
        const auto entries = an.entries_parenthesized ? b_.count(1) : 1;
        for (std::size_t i = 0; i < entries; ++i) push(an.entries, list_mailbox());
        const auto attributes = an.attributes_parenthesized ? b_.count(1) : 1;
        for (std::size_t i = 0; i < attributes; ++i) push(an.attributes, astr());
        break;
      }
      default:
        break;
    }
    return a;
  }

  fetch_program fetch() {
    fetch_program p;
    p.set = b_.sequence_set();
    if (e_.chance(15)) {
      p.macro = static_cast<fetch_macro>(e_.between(1, 3));
    } else if (e_.chance(60)) {
      p.parenthesized = true;
      const auto n = b_.count(1);
      for (std::size_t i = 0; i < n; ++i) push(p.atts, att(true));
    } else {
      push(p.atts, att(false));
    }
    if (e_.chance(30)) {
      const auto n = b_.count(1);
      for (std::size_t i = 0; i < n; ++i) {
        fetch_modifier m;
        m.kind = e_.pick<fetch_modifier_kind>(std::size(fetch_modifier_names));
        switch (m.kind) {
          case fetch_modifier_kind::changed_since:
            m.mod_sequence = b_.nz_number64();
            break;
          case fetch_modifier_kind::partial:
            m.range = b_.partial_range();
            break;
          case fetch_modifier_kind::extension:
            m.name = label(fetch_modifier_names);
            if (e_.chance(50)) m.value = tagged_ext_val(true);
            break;
          default:
            break;
        }
        push(p.modifiers, m);
      }
    }
    return p;
  }

  store_program store() {
    store_program p;
    p.set = b_.sequence_set();
    if (e_.chance(20)) {
      const auto n = b_.count(1);
      for (std::size_t i = 0; i < n; ++i) {
        store_modifier m;
        m.kind = e_.pick<store_modifier_kind>(std::size(store_modifier_names));
        if (m.kind == store_modifier_kind::unchanged_since) {
          m.mod_sequence = b_.number64();
        } else {
          m.name = label(store_modifier_names);
          if (e_.chance(50)) m.value = tagged_ext_val(true);
        }
        push(p.modifiers, m);
      }
    }
    p.operation = e_.pick<store_operation>(3);
    p.silent = e_.chance(50);
    p.parenthesized = e_.chance(50);
    if (e_.chance(10)) {  // RFC 5257 att-annotate: no "+" / "-", no ".SILENT"
      p.item = store_item::annotation;
      p.operation = store_operation::replace;
      p.silent = false;
      p.parenthesized = false;
      p.annotations = annotations();
      return p;
    }
    if (e_.chance(15)) {  // Gmail's X-GM-LABELS: system labels, NIL, any astring
      p.item = store_item::gmail_labels;
      const auto n = b_.count(p.parenthesized ? 0 : 1);
      for (std::size_t i = 0; i < n; ++i) {
        const auto pick = e_.below(4);
        push(p.labels, pick == 0   ? imapkit::string{}
                       : pick == 1 ? imapkit::string::atom(b_.copy("\\" + std::string(b_.atom())))
                                   : astr());
      }
      return p;
    }
    if (p.parenthesized) {
      p.flags = b_.flags();
    } else {
      const auto n = b_.count(1);
      for (std::size_t i = 0; i < n; ++i) push(p.flags, b_.flag());
    }
    return p;
  }

  // --- commands --------------------------------------------------------------------------------

  list<status_att> status_atts() {
    list<status_att> out;
    const auto n = b_.count(1);
    // every named attribute (status_att::other is the last enumerator: never in a command)
    for (std::size_t i = 0; i < n; ++i)
      push(out, e_.pick<status_att>(static_cast<unsigned>(status_att::other)));
    return out;
  }

  imapkit::string list_mailbox() {
    if (e_.chance(40)) {
      static constexpr std::string_view chars =
          "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789%*]/.-_";
      std::string s;
      const auto n = e_.between(1, 12);
      for (std::uint64_t i = 0; i < n; ++i) s += chars[e_.below(chars.size())];
      return imapkit::string::atom(copy(s));
    }
    return astr();
  }

  imapkit::append_message append_message() {
    imapkit::append_message m;
    if (e_.chance(40)) {
      m.has_flags = true;
      m.flags = b_.flags();
    }
    if (e_.chance(40)) m.date_time = b_.date_time();
    if (e_.chance(10)) {  // RFC 5257's append-ext
      m.annotations = annotations();
    }
    if (e_.chance(15)) {  // CATENATE (RFC 4469): TEXT, URL and UTF8 parts
      const std::size_t n = 1 + e_.below(3);
      for (std::size_t i = 0; i < n; ++i) {
        catenate_part part;
        part.kind = e_.pick<catenate_part::kind_t>(3);
        // TEXT is a literal, which holds no NUL; UTF8's literal8 may.
        const std::string_view data = b_.any_string(part.kind != catenate_part::kind_t::utf8);
        part.value = part.kind == catenate_part::kind_t::url    ? astr()
                     : part.kind == catenate_part::kind_t::utf8 ? imapkit::string::literal8(data)
                                                                : imapkit::string::literal(data);
        push(m.catenate, part);
      }
      return m;
    }
    const std::string_view data = b_.any_string(false);
    m.utf8 = e_.chance(20);
    m.data = m.utf8 || data.find('\0') != std::string_view::npos ? imapkit::string::literal8(data)
                                                                 : imapkit::string::literal(data);
    return m;
  }

  mailbox_filter filter() {
    mailbox_filter f;
    do {  // selected-delayed: NOTIFY only, refused in ESEARCH
      f.kind = mailbox_filter_names[e_.below(std::size(mailbox_filter_names))].kind;
    } while (f.kind == mailbox_filter::kind_t::selected_delayed);
    if (takes_mailboxes(f.kind)) {
      const auto n = b_.count(1);
      for (std::size_t i = 0; i < n; ++i) push(f.mailboxes, b_.mailbox());
    }
    return f;
  }

  command_body body() {
    switch (e_.below(std::variant_size_v<command_body>)) {
      case 0:
        return capability_command{};
      case 1:
        return logout_command{};
      case 2:
        return noop_command{};
      case 3: {
        id_command c;
        if (e_.chance(20)) {
          c.nil = true;
          return c;
        }
        const auto n = b_.count(0);
        for (std::size_t i = 0; i < n; ++i)
          push(c.params, id_param{astr(), b_.nstring_value(true)});
        return c;
      }
      case 4: {
        enable_command c;
        const auto n = b_.count(1);
        for (std::size_t i = 0; i < n; ++i) push(c.capabilities, b_.atom());
        return c;
      }
      case 5:
        return compress_command{b_.atom()};
      case 6:
        return unauthenticate_command{};
      case 7:
        return starttls_command{};
      case 8:
        return login_command{astr(), astr()};
      case 9: {
        authenticate_command c;
        c.mechanism = b_.atom();
        const auto r = e_.below(100);
        if (r < 30)
          c.initial_response.reset();
        else if (r < 40)
          c.initial_response = "=";
        else if (r < 50)
          c.initial_response = "";
        else
          c.initial_response = b_.make_invalid() ? std::string_view("abc") : b_.base64();
        return c;
      }
      case 10: {
        select_command c;
        c.read_only = e_.chance(50);
        c.mailbox = b_.mailbox();
        c.condstore = e_.chance(30);
        if (e_.chance(20)) {
          qresync_param q;
          q.uidvalidity = b_.nz_number();
          q.modseq = b_.nz_number64();
          if (e_.chance(50)) q.known_uids = b_.sequence_set();
          if (e_.chance(50)) {
            q.known_sequence_set = b_.sequence_set();
            q.known_uid_set = b_.sequence_set();
          }
          c.qresync = q;
        }
        if (e_.chance(20)) c.other_params = tagged_ext_params({"CONDSTORE", "QRESYNC"});
        return c;
      }
      case 11: {
        create_command c;
        c.mailbox = b_.mailbox();
        if (e_.chance(30)) {
          c.has_use = true;
          constexpr std::string_view uses[] = {"\\All",  "\\Archive", "\\Drafts", "\\Flagged",
                                               "\\Junk", "\\Sent",    "\\Trash"};
          const auto n = b_.count(0);
          for (std::size_t i = 0; i < n; ++i)
            push(c.use, e_.chance(80) ? uses[e_.below(7)] : copy("\\" + std::string(b_.atom())));
        }
        if (e_.chance(20)) c.other_params = tagged_ext_params({"USE"});
        return c;
      }
      case 12:
        return delete_command{b_.mailbox()};
      case 13:
        return rename_command{b_.mailbox(), b_.mailbox()};
      case 14:
        return subscribe_command{b_.mailbox()};
      case 15:
        return unsubscribe_command{b_.mailbox()};
      case 16: {
        list_command c;
        if (e_.chance(30)) c.selection_options = option_extensions(1, {});
        c.reference = b_.mailbox();
        c.patterns_parenthesized = e_.chance(30);
        const auto n = c.patterns_parenthesized ? b_.count(1) : 1;
        for (std::size_t i = 0; i < n; ++i) push(c.patterns, list_mailbox());
        if (e_.chance(30)) {
          c.has_return = true;
          if (e_.chance(60)) c.return_options = option_extensions(0, {"STATUS"});
          if (e_.chance(40)) {
            c.return_status = true;
            c.status_attributes = status_atts();
          }
        }
        return c;
      }
      case 17:
        return lsub_command{b_.mailbox(), list_mailbox()};
      case 18:
        return namespace_command{};
      case 19:
        return status_command{b_.mailbox(), status_atts()};
      case 20: {
        append_command c;
        c.mailbox = b_.mailbox();
        const auto n = b_.count(1);
        for (std::size_t i = 0; i < n; ++i) push(c.messages, append_message());
        return c;
      }
      case 21:
        return idle_command{};
      case 22:
        return getquota_command{astr()};
      case 23:
        return getquotaroot_command{b_.mailbox()};
      case 24: {
        setquota_command c;
        c.quota_root = astr();
        const auto n = b_.count(0);
        for (std::size_t i = 0; i < n; ++i) push(c.limits, quota_limit{b_.atom(), b_.number64()});
        return c;
      }
      case 25: {
        getmetadata_command c;
        if (e_.chance(30)) c.maxsize = b_.number();
        c.depth = e_.pick<getmetadata_command::depth_t>(std::size(metadata_depth_names));
        if (e_.chance(20)) c.other_options = tagged_ext_params({"MAXSIZE", "DEPTH"});
        c.mailbox = b_.mailbox();
        c.entries_parenthesized = e_.chance(40);
        const auto n = c.entries_parenthesized ? b_.count(1) : 1;
        for (std::size_t i = 0; i < n; ++i) push(c.entries, astr());
        return c;
      }
      case 26: {
        setmetadata_command c;
        c.mailbox = b_.mailbox();
        const auto n = b_.count(1);
        for (std::size_t i = 0; i < n; ++i) {
          metadata_entry_value v;
          v.entry = astr();
          if (e_.chance(15)) {
            v.value = imapkit::string::nil();
          } else {
            const std::string_view data = b_.any_string(false);
            v.value = data.find('\0') != std::string_view::npos ? imapkit::string::literal8(data)
                                                                : imapkit::string::quoted(data);
          }
          push(c.entries, v);
        }
        return c;
      }
      case 27:
        return setacl_command{b_.mailbox(), astr(), astr()};
      case 28:
        return deleteacl_command{b_.mailbox(), astr()};
      case 29:
        return getacl_command{b_.mailbox()};
      case 30:
        return listrights_command{b_.mailbox(), astr()};
      case 31:
        return myrights_command{b_.mailbox()};
      case 32:
        return check_command{};
      case 33:
        return close_command{};
      case 34:
        return unselect_command{};
      case 35:
        return expunge_command{};
      case 36:
        return uid_expunge_command{b_.sequence_set(false, false)};
      case 37:
        return copy_command{e_.chance(50), b_.sequence_set(), b_.mailbox()};
      case 38:
        return move_command{e_.chance(50), b_.sequence_set(), b_.mailbox()};
      case 39:
        return search_command{e_.chance(50), search()};
      case 40:
        return fetch_command{e_.chance(50), fetch()};
      case 41:
        return store_command{e_.chance(50), store()};
      case 42:
        return sort_command{e_.chance(50), sort()};
      case 43:
        return thread_command{e_.chance(50), thread()};
      case 44: {
        replace_command c;
        c.uid = e_.chance(50);
        c.number = e_.chance(10) ? seq_range::star : b_.nz_number();
        c.mailbox = b_.mailbox();
        c.message = append_message();
        return c;
      }
      case 45: {
        esearch_command c;
        c.uid = e_.chance(30);
        if (e_.chance(40)) {
          const auto n = b_.count(1);
          for (std::size_t i = 0; i < n; ++i) push(c.sources, filter());
          if (e_.chance(30)) c.scope_options = tagged_ext_params({});
        }
        c.program = search();
        return c;
      }
      case 46:
        return language_command{strings(0)};
      case 47:
        return comparator_command{strings(0)};
      case 48:
        return getjmapaccess_command{};
      case 49: {
        genurlauth_command c;
        const auto n = b_.count(1);
        for (std::size_t i = 0; i < n; ++i) push(c.rumps, url_rump{astr(), mechanism()});
        return c;
      }
      case 50: {
        urlfetch_command c;
        const auto n = b_.count(1);
        for (std::size_t i = 0; i < n; ++i) {
          urlfetch_arg a;
          a.url = astr();
          a.extended = e_.chance(50);
          if (a.extended) {
            constexpr std::string_view params[] = {"BODY", "BINARY", "BODYPARTSTRUCTURE"};
            const auto m = b_.count(0);
            for (std::size_t k = 0; k < m; ++k)
              push(a.params, e_.chance(80) ? params[e_.below(3)] : b_.atom());
          }
          push(c.urls, a);
        }
        return c;
      }
      case 51: {
        resetkey_command c;
        if (e_.chance(70)) {
          c.mailbox = b_.mailbox();
          const auto n = b_.count(0);
          for (std::size_t i = 0; i < n; ++i) push(c.mechanisms, mechanism());
        }
        return c;
      }
      default: {
        generic_command c;
        do c.name = b_.atom();
        while (std::any_of(std::begin(command_keywords), std::end(command_keywords),
                           [&](std::string_view k) { return iequal(c.name, k); }));
        const auto n = b_.count(0);
        for (std::size_t i = 0; i < n; ++i) push(c.args, b_.generic_value());
        return c;
      }
    }
  }

  builder& b_;
  entropy& e_;
  arena& mem_;
};

}  // namespace

command random_command(builder& b) { return command_generator(b).make_command(); }

client_message random_client_message(builder& b) {
  return command_generator(b).make_client_message();
}

}  // namespace imapkit::generate
