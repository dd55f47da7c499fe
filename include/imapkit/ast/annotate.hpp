// RFC 5257 ANNOTATE-EXPERIMENT-1: the annotation entries that STORE sends and FETCH returns.
#pragma once

#include <boost/describe/class.hpp>

#include "imapkit/list.hpp"
#include "imapkit/string.hpp"

namespace imapkit {

// att-value = attrib SP value; attrib = astring; value = nstring / literal8   (RFC 5257 §5)
struct annotation_value {
  imapkit::string attribute;  // "value.priv", "value.shared"
  imapkit::string value;      // NIL removes the annotation
  friend bool operator==(const annotation_value&, const annotation_value&) = default;
};
BOOST_DESCRIBE_STRUCT(annotation_value, (), (attribute, value))

// entry-att = entry SP "(" att-value *(SP att-value) ")"; entry = astring   (RFC 5257 §5)
struct annotation_entry {
  imapkit::string entry;  // "/comment"
  list<annotation_value> values;
  friend bool operator==(const annotation_entry&, const annotation_entry&) = default;
};
BOOST_DESCRIBE_STRUCT(annotation_entry, (), (entry, values))

}  // namespace imapkit
