// What the harness's self-checks share: a transcript written by hand in
// Dovecot's words, frame by frame, and its replay against a real server. The
// checks differ only in their lines and in how the server is started.
import type { Dovecot } from './dovecot';
import { Replayer, type FrameLike, type LineLike, type ReplayResult } from './replay';
import type { TlsTrust } from './wire';

export type HandWrittenFrame = FrameLike & { lines: LineLike[] };

/** A line the client sends (`C`) or the server answers (`S`). */
export const L = (session: string, dir: 'C' | 'S', text: string): LineLike => ({ session, dir, text });
/** Several lines of the server's, in order. */
export const S = (session: string, ...texts: string[]) => texts.map((t) => L(session, 'S', t));

/** Replay hand-written frames for anna (password "secret"); with `tls`, the server speaks TLS as production does. */
export function replayHandWritten(scenario: string, frames: HandWrittenFrame[], server: () => Promise<Dovecot>, tls?: TlsTrust): Promise<ReplayResult> {
  return new Replayer({
    scenario,
    variant: null,
    accounts: [{ id: 'anna', address: 'anna@example.org', password: 'secret' }],
    extraFolders: [],
    frames,
    linesOf: (f) => (f as HandWrittenFrame).lines,
    server: async () => server(),
    ...(tls ? { tls } : {}),
  }).run();
}
