#!/usr/bin/env bash
# A throwaway Courier IMAP 5.0 for integration tests: unprivileged, on 127.0.0.1, in a temp
# directory, run from the prefix scripts/install-servers.sh unpacked it into.
#
#   courier.sh start DIR    writes DIR's configuration, starts authdaemond and couriertcpd
#                           (imaplogin, imapd), prints "PORT"
#   courier.sh stop DIR     stops both by their PIDs (also fine if they are not running)
#
# Courier reads its configuration and finds its authentication daemon only at compiled-in paths:
# /etc/courier (authdaemonrc, userdb.dat), /run/courier/authdaemon/socket and the modules in
# /usr/lib/courier-authlib. So both daemons run in a private mount namespace of their own
# (`unshare --mount`), in which /etc is an overlay whose upper layer is DIR/etc, /usr/lib an
# overlay with the prefix's usr/lib on top, and /run a bind of DIR/run: nothing outside DIR
# changes, and the host's /etc, /usr/lib and /run are untouched.
#
# Not unprivileged: Courier needs root. imaplogin, which reads LOGIN, becomes the mail user with
# setgroups(), setgid() and setuid() before it runs imapd; an unprivileged user namespace may not
# call setgroups() (the kernel denies it unless a privileged helper writes the group map), so
# LOGIN fails there. As root, authdaemond, couriertcpd and imaplogin run as root, as Courier's
# own init script runs them, and each session's imapd runs as "nobody" after LOGIN. Run by
# another user, or where no mount namespace can be made, `start` says so and exits 77 (the test
# is then skipped).
#
# One user, "imapkit" with password "imapkit-pass" (Courier's userdb, SHA-512 crypt), whose mail
# is the maildir DIR/home/imapkit/Maildir, owned by nobody. The daemons' standard error goes to
# DIR/authdaemond.log and DIR/couriertcpd.log (no syslog).
set -euo pipefail

cmd=${1:?usage: courier.sh start|stop DIR}
dir=${2:?usage: courier.sh start|stop DIR}
prefix=${IMAPKIT_SERVERS:-/opt/imapkit/servers}/courier

# shellcheck source=server_common.sh
source "$(dirname "${BASH_SOURCE[0]}")/server_common.sh"

stop() {
  stop_by_pidfile "$dir/run/couriertcpd.pid"
  stop_by_pidfile "$dir/run/authdaemond.pid"
}

start() {
  [[ -x "$prefix/usr/bin/imapd" ]] || {
    echo "courier.sh: Courier is not unpacked in $prefix (scripts/install-servers.sh)" >&2
    exit 1
  }
  if [[ $(id -u) -ne 0 ]]; then
    echo "courier.sh: Courier's imaplogin must start as root to become the mail user" >&2
    exit 77
  fi
  if ! unshare --mount --propagation private true 2>/dev/null; then
    echo "courier.sh: no private mount namespace here (a container without CAP_SYS_ADMIN?)" >&2
    exit 77
  fi
  stop
  rm -rf "$dir"
  mkdir -p "$dir/etc/courier" "$dir/etc-work" "$dir/run/courier/authdaemon" "$dir/home/imapkit"
  local port hash uid gid
  uid=$(id -u nobody)
  gid=$(id -g nobody)
  port=$(free_port)
  hash=$(openssl passwd -6 imapkit-pass)
  cat > "$dir/etc/courier/authdaemonrc" <<CONF
authmodulelist="authuserdb"
daemons=2
authdaemonvar=/run/courier/authdaemon
DEBUG_LOGIN=0
DEFAULTOPTIONS=""
CONF
  printf 'imapkit\tuid=%s|gid=%s|home=%s|mail=%s|systempw=%s\n' "$uid" "$gid" \
    "$dir/home/imapkit" "$dir/home/imapkit/Maildir" "$hash" > "$dir/etc/courier/userdb"
  chmod 600 "$dir/etc/courier/userdb"
  # imapd's settings, as Debian's /etc/courier/imapd sets them, minus the Trash purge, with IDLE
  # polling each second (no FAM daemon here) and the shared-folder index in DIR.
  cat > "$dir/imapd.env" <<CONF
IMAP_CAPABILITY="IMAP4rev1 UIDPLUS CHILDREN NAMESPACE THREAD=ORDEREDSUBJECT THREAD=REFERENCES SORT QUOTA IDLE"
IMAP_KEYWORDS=1
IMAP_ACL=1
IMAP_PROXY=0
IMAP_IDLE_TIMEOUT=1
IMAP_ENHANCEDIDLE=0
IMAP_MAILBOX_SANITY_CHECK=1
IMAP_DISABLETHREADSORT=0
IMAP_CHECK_ALL_FOLDERS=0
IMAP_OBSOLETE_CLIENT=0
IMAP_UMASK=022
IMAP_USELOCKS=1
IMAP_SHAREDINDEXFILE=$dir/shared/index
IMAP_TRASHFOLDERNAME=Trash
IMAP_EMPTYTRASH=""
IMAP_MOVE_EXPUNGE_TO_TRASH=0
MAILDIRPATH=Maildir
CONF
  # The namespace's set-up and the two daemons, each started in the background with its PID in
  # DIR/run (one PID namespace: the host sees the same numbers).
  local inside
  inside=$(cat <<'SH'
set -euo pipefail
dir=$1 prefix=$2 port=$3 uid=$4 gid=$5
mount -t overlay overlay -o "lowerdir=/etc,upperdir=$dir/etc,workdir=$dir/etc-work" /etc
mount -t overlay overlay -o "lowerdir=$prefix/usr/lib:/usr/lib" /usr/lib
mount --bind "$dir/run" /run
export LD_LIBRARY_PATH=$prefix/usr/lib
"$prefix/usr/sbin/makeuserdb"
"$prefix/usr/bin/maildirmake.courier" "$dir/home/imapkit/Maildir"
chown -R "$uid:$gid" "$dir/home/imapkit"
setsid "$prefix/usr/lib/courier/courier-authlib/authdaemond" \
  > "$dir/authdaemond.log" 2>&1 < /dev/null &
echo $! > "$dir/run/authdaemond.pid"
for _ in $(seq 100); do [[ -S /run/courier/authdaemon/socket ]] && break; sleep 0.05; done
set -a
# shellcheck disable=SC1091
. "$dir/imapd.env"
set +a
setsid "$prefix/usr/sbin/couriertcpd" -address=127.0.0.1 -maxprocs=20 -maxperip=20 \
  -nodnslookup -noidentlookup "$port" "$prefix/usr/lib/courier/courier/imaplogin" \
  "$prefix/usr/bin/imapd" Maildir > "$dir/couriertcpd.log" 2>&1 < /dev/null &
echo $! > "$dir/run/couriertcpd.pid"
SH
)
  unshare --mount --propagation private bash -c "$inside" courier "$dir" "$prefix" "$port" \
    "$uid" "$gid"
  wait_for_port "$port" && return 0
  echo "courier.sh: Courier did not start; its logs:" >&2
  cat "$dir/authdaemond.log" "$dir/couriertcpd.log" >&2 || true
  exit 1
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: courier.sh start|stop DIR" >&2; exit 2 ;;
esac
