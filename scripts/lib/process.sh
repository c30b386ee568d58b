# Shared by scripts/dovecot.sh and scripts/postfix.sh: installing Debian's packages
# without starting their system instance, waiting for a server's port, and stopping
# a master process by pid. The sourcing script defines say(), and installed() and missing_help() for install_or_explain().

# Running and not a zombie (an init that reaps slowly leaves exited daemons as Z for a while).
# Read with bash's own `read`, not a process per look: a stop looks every 50 ms. The state is
# the field after the command name, which is in parentheses and may itself hold spaces or ")".
alive() {
  local stat state
  read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
  state=${stat##*) }
  state=${state%% *}
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

# Ask a master to stop, give it 10 s, then kill it.
stop_pid() {
  local pid=$1
  kill -TERM "$pid"
  for _ in $(seq 1 200); do alive "$pid" || break; sleep 0.05; done
  if alive "$pid"; then say "master $pid still alive after 10 s, sending SIGKILL"; kill -KILL "$pid" || true; fi
}

# Wait until a TCP port on 127.0.0.1 answers with a greeting line.
wait_port() {
  local port=$1 deadline=$((SECONDS + 15))
  while :; do
    if exec 9<>"/dev/tcp/127.0.0.1/$port" 2>/dev/null; then
      local line=""
      read -r -t 2 line <&9 || true
      exec 9<&- 9>&-
      [ -n "$line" ] && return 0
    fi
    [ $SECONDS -lt $deadline ] || { say "port $port did not answer within 15 s"; return 1; }
    sleep 0.02
  done
}

# Install Debian packages without letting their postinst start a system-wide
# instance (a policy-rc.d that answers 101 while apt runs, removed after unless it
# was already there). apt's output goes to LOG; returns apt's exit code.
apt_install_no_start() {
  local log=$1 own_policy="" rc=0
  shift
  export DEBIAN_FRONTEND=noninteractive
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    own_policy=1
  fi
  { apt-get update -qq && apt-get install -o DPkg::Lock::Timeout=300 -y -qq --no-install-recommends "$@"; } > "$log" 2>&1 || rc=$?
  [ -n "$own_policy" ] && rm -f /usr/sbin/policy-rc.d
  return $rc
}

# Install Debian packages that the sourcing script's installed() finds missing, or
# explain through its missing_help() (which exits 3) why that cannot be done here:
# not root, no apt-get, or apt-get failed (its last lines are shown). Arguments: the
# log file for apt's output, then the packages.
install_or_explain() {
  local log=$1 rc=0
  shift
  [ "$(id -u)" = 0 ] || missing_help "installing needs root"
  command -v apt-get >/dev/null 2>&1 || missing_help "this system has no apt-get (not Debian)"
  say "installing $* (apt-get) ..."
  apt_install_no_start "$log" "$@" || rc=$?
  if [ "$rc" != 0 ] || ! installed; then
    tail -n 20 "$log" >&2 || true
    missing_help "apt-get failed (exit $rc)"
  fi
}
