#!/usr/bin/env bash
# scripts/dovecot.sh — a private, loopback-only Dovecot 2.3 (IMAP, POP3, LMTP,
# quota plugin) for the conformance harness.
#
#   scripts/dovecot.sh check             is everything installed? (exit 3 if not)
#   scripts/dovecot.sh install           install Debian's packages if missing (exit 3 if impossible)
#   scripts/dovecot.sh start  [DIR]      install if missing, write DIR/dovecot.conf, start, wait for the ports
#   scripts/dovecot.sh stop   [DIR]      stop the instance by the master pid it wrote
#   scripts/dovecot.sh reset  [DIR]      stop, then wipe mail, state, run and log
#   scripts/dovecot.sh status [DIR]      print whether it runs (exit 0 running, 1 not)
#   scripts/dovecot.sh cert   DIR        write DIR/cert.pem and DIR/key.pem (self-signed, for MAIL_HOSTNAME)
#
# DIR defaults to /tmp/mss-dovecot-UID: Dovecot's unix sockets live under it, and a
# socket path may not exceed 108 bytes, so it must be short whatever the checkout's
# path. Settings come from the environment; each has a default:
#   IMAP_PORT=10143 POP3_PORT=10110 LMTP_PORT=10024   (listening on 127.0.0.1 only)
#   TLS=off                          off: ssl = no, plaintext logins allowed (a test bench)
#                                    required: ssl = required as production runs it: STARTTLS on
#                                    IMAP_PORT/POP3_PORT, no plaintext login before it
#   IMAPS_PORT=0 POP3S_PORT=0        implicit TLS listeners (993/995), with TLS=required; 0: none
#   TLS_CERT= TLS_KEY=               PEM files; empty: a certificate made at start in DIR/tls
#   MAIL_HOSTNAME=mail.example.org   Dovecot's `hostname` (LMTP greeting, Received header)
#   QUOTA_GRACE=10%%                 quota_grace (a user's userdb field may override it)
#   QUOTA_TEMPFAIL=no                quota_full_tempfail (yes: over-quota LMTP gets 452 4.2.2)
#   POP3_LOCK_SESSION=no             pop3_lock_session
#   EXTRA_FOLDERS=""                 folders every user gets besides INBOX Sent Drafts Trash Archive
#                                    (comma-separated)
#   MAIL_UID=5000 MAIL_GID=5000      the numeric owner of all mail (needs no /etc/passwd entry)
#   QUOTA_STATUS_PORT=0              Dovecot's quota-status policy service for Postfix on 127.0.0.1
#                                    (`quota-status -p postfix`); 0: none
#   QUOTA_STATUS_OVERQUOTA=          its quota_status_overquota ("552 5.2.2 Mailbox is full")
# Users live in DIR/users.passwd (passwd-file: `name:{PLAIN}pw:::::HOME::userdb_quota_rule=...`),
# looked up by the full name given: IMAP/POP3 log in with the login, LMTP looks up the
# lower-cased recipient address, so a user has one line per name (same home). Dovecot
# re-reads the file when its mtime or size changes (looking at most once a second), so
# a caller may replace it while the server runs, without a reload (conformance/dovecot.ts
# writeUsers). A line without HOME gets DIR/mail/NAME.
#
# Exit codes: 0 ok, 1 failure, 2 usage, 3 Dovecot is missing and cannot be installed here.
set -euo pipefail

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

ACTION=${1:-}
[ -n "$ACTION" ] || usage
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=$(realpath -m "${2:-/tmp/mss-dovecot-$(id -u)}")
IMAP_PORT=${IMAP_PORT:-10143}
POP3_PORT=${POP3_PORT:-10110}
LMTP_PORT=${LMTP_PORT:-10024}
MAIL_HOSTNAME=${MAIL_HOSTNAME:-mail.example.org}
QUOTA_GRACE=${QUOTA_GRACE:-10%%}
QUOTA_TEMPFAIL=${QUOTA_TEMPFAIL:-no}
POP3_LOCK_SESSION=${POP3_LOCK_SESSION:-no}
EXTRA_FOLDERS=${EXTRA_FOLDERS:-}
MAIL_UID=${MAIL_UID:-5000}
MAIL_GID=${MAIL_GID:-5000}
TLS=${TLS:-off}
IMAPS_PORT=${IMAPS_PORT:-0}
POP3S_PORT=${POP3S_PORT:-0}
TLS_CERT=${TLS_CERT:-}
TLS_KEY=${TLS_KEY:-}
QUOTA_STATUS_PORT=${QUOTA_STATUS_PORT:-0}
QUOTA_STATUS_OVERQUOTA=${QUOTA_STATUS_OVERQUOTA:-}
CONF="$DIR/dovecot.conf"
PACKAGES="dovecot-core dovecot-imapd dovecot-pop3d dovecot-lmtpd"

say() { echo "dovecot.sh: $*" >&2; }
# shellcheck source=lib/process.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/process.sh"

installed() {
  command -v dovecot >/dev/null 2>&1 && command -v doveconf >/dev/null 2>&1 &&
    [ -x /usr/lib/dovecot/imap ] && [ -x /usr/lib/dovecot/pop3 ] && [ -x /usr/lib/dovecot/lmtp ]
}

missing_help() {
  say "Dovecot is not installed here, and $1."
  say "The conformance test needs the Debian packages: $PACKAGES"
  say "Install them as root with:  apt-get install -y $PACKAGES"
  say "(or run the test as root on Debian/Ubuntu, where it installs them itself)."
  exit 3
}

install_packages() {
  installed && return 0
  # The system-wide instance stays stopped (it would listen on *:143/*:110).
  # shellcheck disable=SC2086 # PACKAGES is a list of package names
  install_or_explain "${TMPDIR:-/tmp}/dovecot-apt.log" $PACKAGES
  say "installed: $(dovecot --version)"
}

# A self-signed certificate for MAIL_HOSTNAME (EC P-256: made in milliseconds), with
# openssl from Debian's package, installed when missing.
make_cert() {
  local dir=$1
  if ! command -v openssl >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 ||
      { say "openssl is not installed and cannot be installed here (apt-get install -y openssl)"; exit 3; }
    say "installing openssl (apt-get) ..."
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -o DPkg::Lock::Timeout=300 -y -qq openssl; } \
      > "${TMPDIR:-/tmp}/openssl-apt.log" 2>&1 || { tail -n 20 "${TMPDIR:-/tmp}/openssl-apt.log" >&2; say "apt-get install openssl failed"; exit 3; }
  fi
  mkdir -p "$dir"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
    -subj "/CN=$MAIL_HOSTNAME" -addext "subjectAltName=DNS:$MAIL_HOSTNAME" \
    -keyout "$dir/key.pem" -out "$dir/cert.pem" > "$dir/openssl.log" 2>&1 ||
    { cat "$dir/openssl.log" >&2; say "openssl could not make a certificate"; exit 1; }
  chmod 644 "$dir/cert.pem"; chmod 600 "$dir/key.pem"
}

# The master pid, only if that process really is our master (pid files go stale).
our_pid() {
  [ -f "$DIR/run/master.pid" ] || return 1
  local pid; pid=$(cat "$DIR/run/master.pid")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  alive "$pid" || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "-c $CONF" || return 1
  echo "$pid"
}

stop_it() {
  local pid
  if pid=$(our_pid); then
    stop_pid "$pid"
  fi
  rm -f "$DIR/run/master.pid"
}


folder_blocks() {
  local name use
  for name in Sent Drafts Trash Archive; do
    use="\\$name"
    printf '  mailbox %s {\n    special_use = %s\n    auto = subscribe\n  }\n' "$name" "$use"
  done
  local IFS=,
  for name in $EXTRA_FOLDERS; do
    [ -n "$name" ] || continue
    printf '  mailbox "%s" {\n    auto = subscribe\n  }\n' "$name"
  done
}

tls_settings() {
  if [ "$TLS" = required ]; then
    printf 'ssl = required\nssl_cert = <%s\nssl_key = <%s\ndisable_plaintext_auth = yes\n' "$TLS_CERT" "$TLS_KEY"
  else
    printf 'ssl = no\ndisable_plaintext_auth = no\n'
  fi
}

# The quota-status policy service (docs/rules.md rule 64), as Dovecot's quota plugin
# documentation sets it up for Postfix: DUNNO for success and unknown users.
quota_status_block() {
  [ "$QUOTA_STATUS_PORT" != 0 ] || return 0
  printf 'service quota-status {\n  executable = quota-status -p postfix\n  inet_listener {\n    address = 127.0.0.1\n    port = %s\n  }\n  client_limit = 1\n}\n' "$QUOTA_STATUS_PORT"
  printf 'plugin {\n  quota_status_success = DUNNO\n  quota_status_nouser = DUNNO\n  quota_status_overquota = "%s"\n}\n' "$QUOTA_STATUS_OVERQUOTA"
}

write_conf() {
  [[ "$QUOTA_STATUS_PORT" =~ ^[0-9]+$ ]] || { say "QUOTA_STATUS_PORT must be a number, not '$QUOTA_STATUS_PORT'"; exit 2; }
  [ "$QUOTA_STATUS_PORT" = 0 ] || [[ "$QUOTA_STATUS_OVERQUOTA" =~ ^[45][0-9][0-9]\ [45]\.[0-9]\.[0-9]\ [A-Za-z\ ]+$ ]] ||
    { say "QUOTA_STATUS_OVERQUOTA must be an SMTP reply (\"552 5.2.2 Mailbox is full\"), not '$QUOTA_STATUS_OVERQUOTA'"; exit 2; }
  case "$TLS" in
    off) ;;
    required)
      if [ -z "$TLS_CERT" ]; then make_cert "$DIR/tls"; TLS_CERT=$DIR/tls/cert.pem; TLS_KEY=$DIR/tls/key.pem; fi ;;
    *) say "TLS must be off or required, not $TLS"; exit 2 ;;
  esac
  mkdir -p "$DIR"/{mail,state,run,log}
  chmod 755 "$DIR"
  chown "$MAIL_UID:$MAIL_GID" "$DIR/mail"; chmod 770 "$DIR/mail"
  [ -f "$DIR/users.passwd" ] || : > "$DIR/users.passwd"
  chown root:dovecot "$DIR/users.passwd"; chmod 640 "$DIR/users.passwd"  # auth runs as dovecot
  cat > "$CONF" <<CF
# Written by scripts/dovecot.sh: a self-contained Dovecot 2.3 for the conformance harness.
instance_name = sandbox-$(printf %s "$DIR" | md5sum | cut -c1-8)
base_dir = $DIR/run
state_dir = $DIR/state
protocols = imap pop3 lmtp
listen = 127.0.0.1
hostname = $MAIL_HOSTNAME
shutdown_clients = yes
# no statistics: one connection less per session
stats_writer_socket_path =
log_path = $DIR/log/dovecot.log
info_log_path = $DIR/log/dovecot.log
debug_log_path = $DIR/log/dovecot.log

$(tls_settings)
auth_mechanisms = plain login

default_login_user = dovenull
default_internal_user = dovecot
mail_uid = $MAIL_UID
mail_gid = $MAIL_GID
first_valid_uid = $MAIL_UID
last_valid_uid = $MAIL_UID
first_valid_gid = $MAIL_GID
last_valid_gid = $MAIL_GID

passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $DIR/users.passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u $DIR/users.passwd
  default_fields = home=$DIR/mail/%u
}

mail_location = sdbox:~/sdbox
# a throw-away test server: no fsync (deliveries are 5-10x faster)
mail_fsync = never
namespace inbox {
  inbox = yes
  separator = /
$(folder_blocks)
}

mail_plugins = \$mail_plugins quota
protocol imap {
  mail_plugins = \$mail_plugins imap_quota
}
protocol lmtp {
  # RCPT TO:<Alice@Example.org> -> user "alice@example.org"
  auth_username_format = %Lu
}
lmtp_rcpt_check_quota = no
quota_full_tempfail = $QUOTA_TEMPFAIL
pop3_lock_session = $POP3_LOCK_SESSION

plugin {
  quota = count:User quota
  quota_vsizes = yes
  quota_grace = $QUOTA_GRACE
}

# Login processes in Dovecot's high-performance mode (service_count = 0: one login
# process serves many connections, doc.dovecot.org/2.3/admin_manual/login_processes),
# and imap and pop3 processes reused for up to 100 sessions one after another
# (service_count, doc.dovecot.org/2.3/configuration_manual/service_configuration):
# how busy production servers run them; no reply changes. Users are never changed
# by a reload (conformance/dovecot.ts replaces the users file, which the one auth
# process re-reads), so no process outlives a configuration it was started with.
service imap-login {
  service_count = 0
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $([ "$TLS" = required ] && echo "$IMAPS_PORT" || echo 0)
    ssl = yes
  }
}
service pop3-login {
  service_count = 0
  inet_listener pop3 {
    address = 127.0.0.1
    port = $POP3_PORT
  }
  inet_listener pop3s {
    address = 127.0.0.1
    port = $([ "$TLS" = required ] && echo "$POP3S_PORT" || echo 0)
    ssl = yes
  }
}
service imap {
  service_count = 100
}
service pop3 {
  service_count = 100
}
# SASL for a private Postfix's submission port (smtpd_sasl_type = dovecot)
service auth {
  # room for every process that may keep a connection to it now that they are reused
  # (doveconf warns below the sum of their process limits, 2,448)
  client_limit = 4096
  unix_listener auth-postfix {
    mode = 0666
  }
}
service lmtp {
  unix_listener lmtp {
    mode = 0600
  }
  inet_listener lmtp {
    address = 127.0.0.1
    port = $LMTP_PORT
  }
}
$(quota_status_block)
CF
  doveconf -c "$CONF" -n > /dev/null  # fails loudly on a bad setting
}

start_it() {
  install_packages
  [ "$(id -u)" = 0 ] || missing_help "starting a private instance needs root here (mail owner uid $MAIL_UID)"
  id dovenull >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin dovenull
  id dovecot >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin dovecot
  stop_it
  write_conf
  : > "$DIR/log/startup.log"
  # Detach stdio: the daemon's children must not hold a caller's pipes open.
  if ! dovecot -c "$CONF" < /dev/null > "$DIR/log/startup.log" 2>&1; then
    cat "$DIR/log/startup.log" >&2
    exit 1
  fi
  local p
  local ports="$IMAP_PORT $POP3_PORT $LMTP_PORT"
  # (the implicit TLS listeners open with these; they greet only after a handshake)
  for p in $ports; do
    wait_port "$p" || { tail -n 20 "$DIR/log/dovecot.log" >&2 || true; stop_it; exit 1; }
  done
  local tls="tls off"
  [ "$TLS" = required ] && tls="tls required imaps 127.0.0.1:$IMAPS_PORT pop3s 127.0.0.1:$POP3S_PORT"
  echo "dovecot $(dovecot --version | cut -d' ' -f1) pid $(cat "$DIR/run/master.pid") dir $DIR imap 127.0.0.1:$IMAP_PORT pop3 127.0.0.1:$POP3_PORT lmtp 127.0.0.1:$LMTP_PORT $tls auth $DIR/run/auth-postfix"
}

case "$ACTION" in
  check) installed || missing_help "this run does not install it"; echo "dovecot $(dovecot --version)" ;;
  install) install_packages ;;
  start) start_it ;;
  stop) stop_it; echo "stopped" ;;
  reset) stop_it; rm -rf "$DIR/mail" "$DIR/state" "$DIR/run" "$DIR/log"; echo "reset" ;;
  cert) [ -n "${2:-}" ] || usage; make_cert "$DIR"; echo "$DIR/cert.pem $DIR/key.pem" ;;
  status) if pid=$(our_pid); then echo "running pid $pid"; else echo "not running"; exit 1; fi ;;
  *) usage ;;
esac
