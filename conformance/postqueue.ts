// Reading Postfix's queue as `postqueue -j` prints it: one JSON object per
// line, one line per queued message (Postfix 3.1+, postqueue(1)).
//
//   {"queue_name": "deferred", "queue_id": "4Q2...", "arrival_time": 1764585600,
//    "message_size": 1234, "forced_expire": false, "sender": "bob@example.com",
//    "recipients": [{"address": "carl@example.org",
//                    "delay_reason": "host 127.0.0.1[127.0.0.1] said: 452 4.2.2 ..."}]}

export type QueueName = 'incoming' | 'active' | 'deferred' | 'hold' | 'maildrop';

export interface QueuedRecipient {
  readonly address: string;
  /** Why the last attempt failed (a deferred recipient); absent while untried. */
  readonly delayReason?: string;
}

export interface QueuedMail {
  readonly queue: QueueName;
  readonly id: string;
  readonly arrivalTime: number;
  readonly size: number;
  readonly forcedExpire: boolean;
  /** The envelope sender; "" for a bounce (null sender). */
  readonly sender: string;
  readonly recipients: readonly QueuedRecipient[];
}

const QUEUES: readonly string[] = ['incoming', 'active', 'deferred', 'hold', 'maildrop'];

/** Every queued message; throws naming the line and field when the output is not what postqueue writes. */
export function parsePostqueue(output: string): QueuedMail[] {
  const mails: QueuedMail[] = [];
  output.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const where = `postqueue -j line ${i + 1}`;
    let o: unknown;
    try {
      o = JSON.parse(line);
    } catch {
      throw new Error(`${where}: not JSON: ${line.slice(0, 80)}`);
    }
    if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new Error(`${where}: not a JSON object`);
    const r = o as Record<string, unknown>;
    const text = (k: string) => {
      if (typeof r[k] !== 'string') throw new Error(`${where}: "${k}" is not a string`);
      return r[k] as string;
    };
    const num = (k: string) => {
      if (typeof r[k] !== 'number' || !Number.isFinite(r[k])) throw new Error(`${where}: "${k}" is not a number`);
      return r[k] as number;
    };
    const queue = text('queue_name');
    if (!QUEUES.includes(queue)) throw new Error(`${where}: unknown queue "${queue}"`);
    if (!Array.isArray(r.recipients)) throw new Error(`${where}: "recipients" is not a list`);
    const recipients = r.recipients.map((x: unknown, n: number): QueuedRecipient => {
      const rec = x as Record<string, unknown> | null;
      if (typeof rec !== 'object' || rec === null || typeof rec.address !== 'string') throw new Error(`${where}: recipient ${n + 1} has no address`);
      if (rec.delay_reason !== undefined && typeof rec.delay_reason !== 'string') throw new Error(`${where}: recipient ${n + 1}: "delay_reason" is not a string`);
      return rec.delay_reason === undefined ? { address: rec.address } : { address: rec.address, delayReason: rec.delay_reason };
    });
    mails.push({
      queue: queue as QueueName,
      id: text('queue_id'),
      arrivalTime: num('arrival_time'),
      size: num('message_size'),
      forcedExpire: r.forced_expire === true,
      sender: text('sender'),
      recipients,
    });
  });
  return mails;
}

/** The SMTP/LMTP reply inside a delay reason: "... said: 452 4.2.2 <carl@example.org> Quota exceeded (in reply to end of DATA command)" → "452 4.2.2 ...". */
export function replyInDelayReason(reason: string): { code: number; status: string; text: string } | null {
  const m = /said: (\d{3})[ -](\d\.\d{1,3}\.\d{1,3}) (.*?)(?: \(in reply to [^)]*\))?$/.exec(reason);
  return m ? { code: Number(m[1]), status: m[2], text: m[3] } : null;
}
