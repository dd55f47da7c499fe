#!/usr/bin/env bash
# Installs, from Debian's packages, whatever imapkit needs that is missing. Idempotent: a second
# run installs nothing. Runs apt-get as root, or through sudo when it is there.
set -euo pipefail

packages=(
  build-essential cmake                 # compiler and build
  libboost1.81-dev libboost-json1.81-dev  # Spirit X3, Asio; Boost.JSON for the CLI
  libcli11-dev                           # the CLI's option parsing
  libssl-dev                             # the CLI: SHA-256 of streamed literals
  pkg-config dpkg-dev file               # imapkit.pc checks; cpack -G DEB (dpkg-shlibdeps, file)
  libgtest-dev libgmock-dev              # tests
  libbenchmark-dev python3               # benchmarks (python3 makes their input streams)
  libetpan-dev libvmime-dev              # benchmark peers: libetpan, vmime
  dovecot-dev dovecot-core               # benchmark peer: Dovecot's lib-imap (libdovecot)
  dovecot-imapd                          # integration tests: the client and the proxy against Dovecot
  isync fetchmail                        # integration tests: real clients of the example server
  curl libmail-imapclient-perl           # integration tests: real clients of the example server
  php8.2-cli php8.2-imap                 # integration tests: real clients of the example server
  sasl2-bin libsasl2-modules libsasl2-modules-db  # integration tests: Cyrus's users (sasldb, PLAIN)
  openssl procps                         # integration tests: Mailutils' password hash; pkill
  clang libclang-rt-14-dev               # libFuzzer harnesses
  clang-format
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: every package is installed"
else
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
    sudo="sudo"
  fi
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update
  $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

# The IMAP servers apt cannot install beside Dovecot, unpacked into a private prefix.
"$(dirname "$0")/install-servers.sh"
