#!/usr/bin/env bash
# scripts/postfix.sh — a private, loopback-only Postfix 3.x (Debian's package) in front of
# the private Dovecot of scripts/dovecot.sh: the provider's MX on an SMTP port and its
# submission port, handing mail to Dovecot over LMTP.
#
#   scripts/postfix.sh check            is Postfix installed? (exit 3 if not)
#   scripts/postfix.sh install          install Debian's package if missing (exit 3 if impossible)
#   scripts/postfix.sh start  DIR       install if missing, write DIR/main.cf and DIR/master.cf, start
#   scripts/postfix.sh stop   DIR       stop the master by its pid, forget DIR in the system main.cf
#   scripts/postfix.sh status DIR       print whether it runs (exit 0 running, 1 not)
#   scripts/postfix.sh queue  DIR       the queue as `postqueue -j` prints it (one JSON object a line)
#   scripts/postfix.sh flush  DIR       retry every deferred mail now (`postqueue -f`)
#
# DIR must be short (/tmp/..., /dev/shm/...): Postfix's queue sockets live under it. Settings come from
# the environment; each has a default:
#   SMTP_PORT=10025                 the MX (port 25 in production), on 127.0.0.1
#   SUBMISSION_PORT=0               587: STARTTLS required, AUTH only after it (0: none)
#   SUBMISSIONS_PORT=0              465: implicit TLS (smtpd_tls_wrappermode), AUTH (0: none)
#   LMTP_PORT=10024                 Dovecot's LMTP on 127.0.0.1 (virtual_transport)
#   MX_HOSTNAME=mx.example.org      myhostname (greeting, Received header, bounces)
#   DOMAINS="example.org example.com"  virtual_mailbox_domains: every one goes to Dovecot
#   MESSAGE_SIZE_LIMIT=10240000     message_size_limit (Postfix's default)
#   QUEUE_RUN_DELAY=300s MINIMAL_BACKOFF_TIME=300s MAXIMAL_BACKOFF_TIME=4000s
#   MAXIMAL_QUEUE_LIFETIME=5d BOUNCE_QUEUE_LIFETIME=5d   the queue's timing (Postfix's defaults)
#   TLS_CERT= TLS_KEY=              PEM files for STARTTLS (both ports); empty: no STARTTLS
#   SASL_PATH=                      Dovecot's auth socket for AUTH on the submission port
#   DELIVERY=lmtp                   lmtp: hand mail to Dovecot; discard: accept and throw away
#                                   (replaying a submission dialogue whose delivery is replayed elsewhere)
#   QUEUE_TEMPLATE=                 a directory for a copy of a started instance's queue and data
#                                   directories as `postfix set-permissions` made them and Postfix's
#                                   start-up checks passed them; an instance started with the copy
#                                   there takes it and skips those checks (see start_it)
#
# Postfix only runs a config directory that the system main.cf lists in
# alternate_config_directories, and says so only to syslog: start adds DIR there
# (under a lock, other runs may do the same), stop removes it again. The system
# instance is never started. Its log is DIR/log/postfix.log (maillog_file).
#
# Exit codes: 0 ok, 1 failure, 2 usage, 3 Postfix is missing and cannot be installed here.
set -euo pipefail
# postfix, postconf and postqueue live in /usr/sbin, which a user's PATH may lack.
PATH="$PATH:/usr/sbin:/sbin"

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

ACTION=${1:-}
[ -n "$ACTION" ] || usage
[ "$ACTION" = check ] || [ "$ACTION" = install ] || [ -n "${2:-}" ] || usage
DIR=$(realpath -m "${2:-/nonexistent}")
SMTP_PORT=${SMTP_PORT:-10025}
SUBMISSION_PORT=${SUBMISSION_PORT:-0}
SUBMISSIONS_PORT=${SUBMISSIONS_PORT:-0}
DELIVERY=${DELIVERY:-lmtp}
LMTP_PORT=${LMTP_PORT:-10024}
MX_HOSTNAME=${MX_HOSTNAME:-mx.example.org}
DOMAINS=${DOMAINS:-example.org example.com}
MESSAGE_SIZE_LIMIT=${MESSAGE_SIZE_LIMIT:-10240000}
QUEUE_RUN_DELAY=${QUEUE_RUN_DELAY:-300s}
MINIMAL_BACKOFF_TIME=${MINIMAL_BACKOFF_TIME:-300s}
MAXIMAL_BACKOFF_TIME=${MAXIMAL_BACKOFF_TIME:-4000s}
MAXIMAL_QUEUE_LIFETIME=${MAXIMAL_QUEUE_LIFETIME:-5d}
BOUNCE_QUEUE_LIFETIME=${BOUNCE_QUEUE_LIFETIME:-5d}
TLS_CERT=${TLS_CERT:-}
TLS_KEY=${TLS_KEY:-}
SASL_PATH=${SASL_PATH:-}
QUEUE_TEMPLATE=${QUEUE_TEMPLATE:-}
LOCK=/run/lock/mss-postfix-alternate.lock
[ -d /run/lock ] || LOCK=/tmp/mss-postfix-alternate.lock

say() { echo "postfix.sh: $*" >&2; }
# shellcheck source=lib/process.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/process.sh"

installed() { command -v postfix >/dev/null 2>&1 && command -v postconf >/dev/null 2>&1 && command -v postqueue >/dev/null 2>&1; }

missing_help() {
  say "Postfix is not installed here, and $1."
  say "The conformance test needs Debian's package postfix (the system instance stays stopped)."
  say "Install it as root with:  echo exit 101 > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d;"
  say "  DEBIAN_FRONTEND=noninteractive apt-get install -y postfix; rm /usr/sbin/policy-rc.d"
  say "(or run the test as root on Debian/Ubuntu, where it installs it itself)."
  exit 3
}

install_package() {
  installed && return 0
  # "Local only": the system main.cf then relays nowhere, should anyone start it.
  printf 'postfix postfix/main_mailer_type select Local only\npostfix postfix/mailname string localhost\n' | debconf-set-selections 2>/dev/null || true
  # The system instance stays stopped (it would listen on *:25).
  install_or_explain "${TMPDIR:-/tmp}/postfix-apt.log" postfix
  say "installed: postfix $(postconf -h mail_version)"
}

# ---- alternate_config_directories in the system main.cf, edited under a lock ------

# The entries other than DIR, and other than directories of dead runs (/tmp/mss-*/ or
# /dev/shm/mss-*/ gone).
alt_others() {
  local cur entry
  cur=$(postconf -h alternate_config_directories 2>/dev/null || true)
  for entry in ${cur//,/ }; do
    [ "$entry" = "$DIR" ] && continue
    case "$entry" in /tmp/mss-* | /dev/shm/mss-*) [ -d "$entry" ] || continue ;; esac
    printf '%s ' "$entry"
  done
}

# Postfix reads a config file written within the last two seconds only after it has
# "cooled down" (dict_load_file: 300 ms naps until its mtime is 2 s old), in every
# postconf and postfix command. These files are written whole before they are read,
# so their mtime is set a few seconds back: a start then costs no 2.4 s per file
# written, and stops, one after the other under the lock, no 2.4 s each.
cooled() {
  local now
  printf -v now '%(%s)T' -1
  touch -c -d "@$((now - 5))" "$@"
}

alt_set() {
  (
    flock -w 30 9 || { say "cannot lock $LOCK"; exit 1; }
    local list
    list="$(alt_others)${1:+$DIR}"
    postconf -e "alternate_config_directories = ${list% }"
    cooled "$(postconf -d -h config_directory)/main.cf"  # -d: not read from the file just written
  ) 9> "$LOCK"
}

# ---- the instance -------------------------------------------------------------------

# The master pid, only if that process is the master of this DIR (pid files go stale).
our_pid() {
  local file="$DIR/queue/pid/master.pid" pid
  [ -f "$file" ] || return 1
  pid=$(tr -d ' \n' < "$file")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  alive "$pid" || return 1
  tr "\\0" "\\n" 2>/dev/null < "/proc/$pid/environ" | grep -qxF "MAIL_CONFIG=$DIR" || return 1
  echo "$pid"
}

stop_it() {
  local pid
  if pid=$(our_pid); then
    stop_pid "$pid"
  fi
  # The master's children leave when it does; wait for the ones that were mid-delivery.
  for _ in $(seq 1 100); do children_alive || break; sleep 0.05; done
  rm -f "$DIR/queue/pid/master.pid"
  installed && alt_set ""
}

# Any process (besides us) whose MAIL_CONFIG is this DIR. Only Postfix's daemons
# (named as the programs in daemon_directory: the master starts nothing else) have
# their environment read, with bash's own read: reading another process's
# environment waits for its memory map, up to ~0.7 s for a busy Node or browser,
# and this runs up to 100 times a stop.
children_alive() {
  local proc comm var want="MAIL_CONFIG=$DIR"
  [ -n "${DAEMONS:-}" ] || DAEMONS=" $(cd "$(postconf -h daemon_directory)" && echo *) "
  for proc in /proc/[0-9]*; do
    [ "$proc" = "/proc/$BASHPID" ] && continue
    { read -r comm < "$proc/comm"; } 2>/dev/null || continue
    [[ "$DAEMONS" == *" $comm "* ]] || continue
    { while IFS= read -r -d '' var; do [ "$var" = "$want" ] && return 0; done < "$proc/environ"; } 2>/dev/null
  done
  return 1
}


check_time() {
  [[ "$2" =~ ^[0-9]+[smhdw]?$ ]] || { say "$1 must be a Postfix time (a number, optionally s m h d w), not '$2'"; exit 2; }
}

write_conf() {
  for p in SMTP_PORT SUBMISSION_PORT SUBMISSIONS_PORT LMTP_PORT MESSAGE_SIZE_LIMIT; do
    [[ "${!p}" =~ ^[0-9]+$ ]] || { say "$p must be a number, not '${!p}'"; exit 2; }
  done
  for t in QUEUE_RUN_DELAY MINIMAL_BACKOFF_TIME MAXIMAL_BACKOFF_TIME MAXIMAL_QUEUE_LIFETIME BOUNCE_QUEUE_LIFETIME; do
    check_time "$t" "${!t}"
  done
  [[ "$DOMAINS $MX_HOSTNAME" =~ ^[A-Za-z0-9.\ -]+$ ]] || { say "DOMAINS and MX_HOSTNAME must be host names"; exit 2; }
  local transport
  case "$DELIVERY" in
    lmtp) transport="lmtp:inet:127.0.0.1:$LMTP_PORT" ;;
    discard) transport="discard:replayed-submission" ;;
    *) say "DELIVERY must be lmtp or discard, not '$DELIVERY'"; exit 2 ;;
  esac
  mkdir -p "$DIR"/{queue,data,log}
  chmod 755 "$DIR"
  local tls="" sasl=""
  if [ -n "$TLS_CERT" ]; then
    tls="smtpd_tls_cert_file = $TLS_CERT
smtpd_tls_key_file = $TLS_KEY
smtpd_tls_security_level = may
smtpd_tls_auth_only = yes"
  fi
  if [ -n "$SASL_PATH" ]; then
    sasl="smtpd_sasl_type = dovecot
smtpd_sasl_path = $SASL_PATH"
  fi
  cat > "$DIR/main.cf" <<CF
# Written by scripts/postfix.sh: a private Postfix for the conformance harness.
compatibility_level = 3.6
queue_directory = $DIR/queue
data_directory = $DIR/data
maillog_file = $DIR/log/postfix.log
maillog_file_prefixes = $DIR/log
myhostname = $MX_HOSTNAME
myorigin = \$myhostname
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.1/32
# Debian's main.cf: the banner every Debian Postfix greets with
smtpd_banner = \$myhostname ESMTP \$mail_name (Debian/GNU)
biff = no
# every domain of the bench is a mailbox domain on Dovecot; Dovecot's LMTP says who exists
virtual_mailbox_domains = $DOMAINS
virtual_mailbox_maps = static:dovecot
virtual_transport = $transport
default_transport = $([ "$DELIVERY" = discard ] && echo "$transport" || echo "error:this test bench delivers only to its own domains")
relay_transport = $([ "$DELIVERY" = discard ] && echo "$transport" || echo "error:this test bench delivers only to its own domains")
message_size_limit = $MESSAGE_SIZE_LIMIT
queue_run_delay = $QUEUE_RUN_DELAY
minimal_backoff_time = $MINIMAL_BACKOFF_TIME
maximal_backoff_time = $MAXIMAL_BACKOFF_TIME
maximal_queue_lifetime = $MAXIMAL_QUEUE_LIFETIME
bounce_queue_lifetime = $BOUNCE_QUEUE_LIFETIME
$tls
$sasl
CF
  # Debian's master.cf without chroot (the queue directory is per run), the MX on
  # SMTP_PORT and, if asked, submission as production runs it.
  awk -v smtp="127.0.0.1:$SMTP_PORT" '
    /^smtp[ \t]+inet[ \t]/ { print smtp "      inet  n       -       n       -       -       smtpd"; next }
    /^[a-z]/ && NF >= 8 { $5 = "n" }
    { print }' /etc/postfix/master.cf > "$DIR/master.cf"
  if [ "$SUBMISSION_PORT" != 0 ]; then
    [ -n "$TLS_CERT" ] && [ -n "$SASL_PATH" ] || { say "SUBMISSION_PORT needs TLS_CERT, TLS_KEY and SASL_PATH"; exit 2; }
    cat >> "$DIR/master.cf" <<MC
127.0.0.1:$SUBMISSION_PORT inet n - n - - smtpd
  -o syslog_name=postfix/submission
  -o smtpd_tls_security_level=encrypt
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_tls_auth_only=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
MC
  fi
  if [ "$SUBMISSIONS_PORT" != 0 ]; then
    [ -n "$TLS_CERT" ] && [ -n "$SASL_PATH" ] || { say "SUBMISSIONS_PORT needs TLS_CERT, TLS_KEY and SASL_PATH"; exit 2; }
    cat >> "$DIR/master.cf" <<MC
127.0.0.1:$SUBMISSIONS_PORT inet n - n - - smtpd
  -o syslog_name=postfix/submissions
  -o smtpd_tls_wrappermode=yes
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
MC
  fi
  cooled "$DIR/main.cf" "$DIR/master.cf"
  postconf -c "$DIR" -n > /dev/null
}

# A start that failed: Postfix's own words (the start's output and the instance's log), then stop.
start_failed() {
  cat "$1" "$DIR/log/postfix.log" >&2
  stop_it
  exit 1
}

start_it() {
  install_package
  if [ "$(id -u)" != 0 ]; then
    say "Postfix is installed, but a private instance needs root here (its daemons drop to the"
    say "postfix user, and Postfix only runs a config directory the system main.cf names)."
    say "Run the conformance test as root."
    exit 3
  fi
  stop_it
  write_conf
  alt_set add
  local log="$DIR/log/start.log" fresh=""
  : > "$DIR/log/postfix.log"
  # Postfix's own preparation of an instance costs about 480 processes: `postfix
  # set-permissions` (post-install: owners and modes of every file Postfix has, one
  # chown and chmod each) and the start-up checks of `postfix start` (post-install
  # create-missing, postsuper, and check-warn's finds). Every instance of a run gets
  # the same queue and data directories, so the first one to start takes that whole
  # way and leaves a copy of both as set-permissions made them in QUEUE_TEMPLATE;
  # the later ones copy them (cp -a keeps owners and modes) and start with Postfix's
  # quick-start marker, which makes `postfix start` skip the checks (postfix-script,
  # as after `postfix quick-stop`). The servers run and answer the same either way.
  if [ -n "$QUEUE_TEMPLATE" ] && [ -f "$QUEUE_TEMPLATE/checked" ]; then
    rm -rf "$DIR/queue" "$DIR/data"
    cp -a "$QUEUE_TEMPLATE/queue" "$QUEUE_TEMPLATE/data" "$DIR/"
    : > "$DIR/queue/quick-start"
    postfix -c "$DIR" start < /dev/null > "$log" 2>&1 || start_failed "$log"
  else
    if [ -n "$QUEUE_TEMPLATE" ] && [ ! -e "$QUEUE_TEMPLATE" ]; then fresh="$QUEUE_TEMPLATE.$$"; fi
    if ! { postfix -c "$DIR" set-permissions &&
      { [ -z "$fresh" ] || { mkdir -p "$fresh" && cp -a "$DIR/queue" "$DIR/data" "$fresh/"; }; } &&
      postfix -c "$DIR" start; } < /dev/null > "$log" 2>&1; then
      [ -z "$fresh" ] || rm -rf "$fresh"
      start_failed "$log"
    fi
  fi
  local p
  for p in "$SMTP_PORT" $([ "$SUBMISSION_PORT" != 0 ] && echo "$SUBMISSION_PORT"); do
    wait_port "$p" || { tail -n 20 "$DIR/log/postfix.log" >&2 || true; stop_it; exit 1; }
  done
  local pid; pid=$(our_pid) || { say "the master did not stay up"; tail -n 20 "$DIR/log/postfix.log" >&2; stop_it; exit 1; }
  # This instance passed Postfix's checks and runs: its directories as they were before
  # the start are the template (another instance may have put one there meanwhile).
  if [ -n "$fresh" ]; then
    : > "$fresh/checked"
    mv -T "$fresh" "$QUEUE_TEMPLATE" 2>/dev/null || rm -rf "$fresh"
  fi
  echo "postfix $(postconf -h mail_version) pid $pid dir $DIR smtp 127.0.0.1:$SMTP_PORT submission 127.0.0.1:$SUBMISSION_PORT submissions 127.0.0.1:$SUBMISSIONS_PORT lmtp 127.0.0.1:$LMTP_PORT"
}

case "$ACTION" in
  check) installed || missing_help "this run does not install it"; echo "postfix $(postconf -h mail_version)" ;;
  install) install_package ;;
  start) start_it ;;
  stop) stop_it; echo "stopped" ;;
  status) if pid=$(our_pid); then echo "running pid $pid"; else echo "not running"; exit 1; fi ;;
  queue) postqueue -c "$DIR" -j ;;
  flush) postqueue -c "$DIR" -f ;;
  *) usage ;;
esac
