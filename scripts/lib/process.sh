# Shared by scripts/dovecot.sh and scripts/postfix.sh: waiting for a server's
# port and stopping a master process by pid. The sourcing script defines say().

# Running and not a zombie (an init that reaps slowly leaves exited daemons as Z for a while).
alive() {
  local state
  state=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
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
