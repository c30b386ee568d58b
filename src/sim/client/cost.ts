// What a sync costs: the bytes that crossed the link and the round trips the
// client waited for. Its time is bytes at the link's speed plus one round
// trip per exchange the client had to wait for (connecting and the greeting,
// then every command and its reply; pipelined commands share one).
/** Seconds one round trip takes (a typical broadband latency to a mail provider). */
export const ROUND_TRIP_SECONDS = 0.05;

export class Cost {
  bytes = 0;
  roundTrips = 0;

  /** Bytes moved in either direction. */
  add(bytes: number): void {
    this.bytes += bytes;
  }

  /** The client waits for the other side once more. */
  wait(): void {
    this.roundTrips++;
  }

  seconds(linkKbps: number): number {
    return Math.round(((this.bytes * 8) / (linkKbps * 1000) + this.roundTrips * ROUND_TRIP_SECONDS) * 100) / 100;
  }

  reset(): void {
    this.bytes = 0;
    this.roundTrips = 0;
  }
}

/** Bytes of lines on the wire: a literal counts its announced size (`{n}` then the placeholder line), other lines their length plus CRLF. */
export function lineBytes(lines: readonly string[]): number {
  let n = 0;
  let literal = -1;
  for (const l of lines) {
    if (literal >= 0 && l.charCodeAt(0) === 60 /* < */) {
      n += literal;
      literal = -1;
      continue;
    }
    literal = announcedLiteral(l);
    const octets = l.charCodeAt(0) === 60 /* < */ ? messageOctets(l) : -1;
    n += octets >= 0 ? octets : l.length + 2;
  }
  return n;
}

/** `… {61440}` at the end of a line: the size of the literal that follows (-1: none). Read by hand: every reply line passes here. */
function announcedLiteral(l: string): number {
  const end = l.length - 1;
  if (l.charCodeAt(end) !== 125 /* } */) return -1;
  const open = l.lastIndexOf('{', end);
  return open >= 0 && open < end - 1 && isDigits(l, open + 1, end) ? Number(l.slice(open + 1, end)) : -1;
}

const OCTETS = /^<message \S+, (\d+) octets>$/;
/** A message literal's placeholder, `<message m1, 4096 octets>`: the octets it stands for (-1: not one). */
function messageOctets(l: string): number {
  const m = OCTETS.exec(l);
  return m ? Number(m[1]) : -1;
}

function isDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
