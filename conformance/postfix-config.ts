// The settings of a private Postfix (scripts/postfix.sh) as one checked value:
// the harness states ports, the size limit and the queue's timing per run, and
// this turns them into the script's environment, refusing what Postfix would
// misread.

/** Postfix's time values: a number with an optional unit (s, m, h, d, w). */
export type PostfixTime = string;

/** The queue's timing (postconf(5)); each defaults to Postfix's own default. */
export interface QueueTiming {
  readonly queueRunDelay: PostfixTime;
  readonly minimalBackoffTime: PostfixTime;
  readonly maximalBackoffTime: PostfixTime;
  readonly maximalQueueLifetime: PostfixTime;
  readonly bounceQueueLifetime: PostfixTime;
}

export const POSTFIX_DEFAULT_QUEUE: QueueTiming = {
  queueRunDelay: '300s',
  minimalBackoffTime: '300s',
  maximalBackoffTime: '4000s',
  maximalQueueLifetime: '5d',
  bounceQueueLifetime: '5d',
};

/** Postfix's default message_size_limit (bytes of the message as sent, after encoding). */
export const POSTFIX_DEFAULT_SIZE_LIMIT = 10_240_000;

export interface PostfixOptions {
  /** The MX (25 in production). */
  readonly smtpPort: number;
  /** Submission (587): STARTTLS required, AUTH only after it; needs tls and saslPath. */
  readonly submissionPort?: number;
  /** Submission with implicit TLS (465): AUTH from the start; needs tls and saslPath. */
  readonly submissionsPort?: number;
  /** Dovecot's LMTP on 127.0.0.1. */
  readonly lmtpPort: number;
  /** 'lmtp' (default): mail goes to Dovecot; 'discard': accepted and thrown away (a replayed submission whose delivery the replay carries itself). */
  readonly delivery?: 'lmtp' | 'discard';
  readonly hostname?: string;
  readonly domains?: readonly string[];
  readonly messageSizeLimit?: number;
  readonly queue?: Partial<QueueTiming>;
  /** PEM files for STARTTLS. */
  readonly tls?: { readonly cert: string; readonly key: string };
  /** Dovecot's auth socket (Dovecot.authSocket). */
  readonly saslPath?: string;
}

const TIME = /^[0-9]+[smhdw]?$/;
const HOST = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

/** Seconds in a Postfix time value ("300s", "5d", "4000" = seconds). */
export function postfixSeconds(t: PostfixTime): number {
  const m = /^([0-9]+)([smhdw]?)$/.exec(t);
  if (!m) throw new Error(`not a Postfix time value: ${JSON.stringify(t)}`);
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400, w: 604800 }[m[2] as '' | 's' | 'm' | 'h' | 'd' | 'w'];
  return Number(m[1]) * unit;
}

/** The environment scripts/postfix.sh reads; throws naming the first setting Postfix could not take. */
export function postfixEnv(o: PostfixOptions): Record<string, string> {
  const port = (name: string, p: number | undefined, optional = false) => {
    if (optional && (p === undefined || p === 0)) return '0';
    if (!Number.isInteger(p) || p! < 1 || p! > 65535) throw new Error(`${name} must be a TCP port, not ${p}`);
    return String(p);
  };
  const q = { ...POSTFIX_DEFAULT_QUEUE, ...o.queue };
  for (const [k, v] of Object.entries(q)) if (!TIME.test(v)) throw new Error(`queue.${k} must be a Postfix time value (like 300s or 5d), not ${JSON.stringify(v)}`);
  // Postfix refuses to run with a backoff range upside down.
  if (postfixSeconds(q.minimalBackoffTime) > postfixSeconds(q.maximalBackoffTime)) throw new Error(`queue.minimalBackoffTime (${q.minimalBackoffTime}) exceeds queue.maximalBackoffTime (${q.maximalBackoffTime})`);
  const limit = o.messageSizeLimit ?? POSTFIX_DEFAULT_SIZE_LIMIT;
  if (!Number.isInteger(limit) || limit < 0) throw new Error(`messageSizeLimit must be a whole number of bytes, not ${limit}`);
  const hostname = o.hostname ?? 'mx.example.org';
  const domains = o.domains ?? ['example.org', 'example.com'];
  for (const h of [hostname, ...domains]) if (!HOST.test(h)) throw new Error(`not a host name: ${JSON.stringify(h)}`);
  const submission = port('submissionPort', o.submissionPort, true);
  if (submission !== '0' && (!o.tls || !o.saslPath)) throw new Error('a submission port needs tls and saslPath (AUTH only after STARTTLS)');
  const submissions = port('submissionsPort', o.submissionsPort, true);
  if (submissions !== '0' && (!o.tls || !o.saslPath)) throw new Error('a submissions port needs tls and saslPath');
  const delivery = o.delivery ?? 'lmtp';
  if (delivery !== 'lmtp' && delivery !== 'discard') throw new Error(`delivery must be lmtp or discard, not ${JSON.stringify(delivery)}`);
  return {
    SMTP_PORT: port('smtpPort', o.smtpPort),
    SUBMISSION_PORT: submission,
    SUBMISSIONS_PORT: submissions,
    DELIVERY: delivery,
    LMTP_PORT: port('lmtpPort', o.lmtpPort),
    MX_HOSTNAME: hostname,
    DOMAINS: domains.join(' '),
    MESSAGE_SIZE_LIMIT: String(limit),
    QUEUE_RUN_DELAY: q.queueRunDelay,
    MINIMAL_BACKOFF_TIME: q.minimalBackoffTime,
    MAXIMAL_BACKOFF_TIME: q.maximalBackoffTime,
    MAXIMAL_QUEUE_LIFETIME: q.maximalQueueLifetime,
    BOUNCE_QUEUE_LIFETIME: q.bounceQueueLifetime,
    TLS_CERT: o.tls?.cert ?? '',
    TLS_KEY: o.tls?.key ?? '',
    SASL_PATH: o.saslPath ?? '',
  };
}
