// `imapkit proxy`: a live IMAP protocol proxy that forwards bytes unchanged between a client and
// a server and parses both streams on the way (docs/cli-json.md, "imapkit proxy").
#pragma once

#include <cstddef>
#include <string>

namespace imapkit::cli {

struct proxy_options {
  std::string listen;           // HOST:PORT to accept clients on (port 0: any free port)
  std::string connect;          // HOST:PORT of the server
  std::string json_file;        // JSON Lines output, empty for none
  std::string record_dir;       // write each connection's bytes as DIR/connN.c2s and .s2c
  bool once = false;            // serve one connection, then exit
  std::size_t connections = 0;  // serve this many connections, then exit (0: until a signal)
  bool strict = false;          // parse following the ABNF only (default: lenient)
  bool allow_remote = false;    // allow non-loopback --listen / --connect addresses
  bool json_literals = false;   // write literal data into the JSON (default: sizes only)
  std::size_t width = 160;      // longest message text on a trace line (0: no limit)
};

// Runs the proxy until its connections are served or SIGINT/SIGTERM. Returns the exit status: 0,
// or 1 when a bounded run (--once / --connections) saw a violation; 2 on a usage or I/O error.
int run_proxy(const proxy_options& options);

}  // namespace imapkit::cli
