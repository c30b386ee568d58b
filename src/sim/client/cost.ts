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
    literal = -1;
    const announced = /\{(\d+)\}$/.exec(l);
    if (announced) literal = Number(announced[1]);
    const octets = /^<message \S+, (\d+) octets>$/.exec(l);
    n += octets ? Number(octets[1]) : l.length + 2;
  }
  return n;
}
