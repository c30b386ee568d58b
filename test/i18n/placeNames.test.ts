// A place id in words, in both languages: every kind of place the model has,
// the two queues apart (the provider's MX queue, and a sending server's queue
// where a mail refused at RCPT TO waits, rule 64).
import { describe, expect, it } from 'vitest';
import { placeName } from '../../src/i18n/names';
import { fixedT } from '../../src/lms/texts';

const names = { device: (id: string) => (id === 'laptop' ? 'Anna’s laptop' : id), account: (id: string) => `${id}@example.org`, folder: () => undefined };

describe('place names', () => {
  it('rule 64: the sender’s queue is named with its domain, not as the provider’s MX queue', () => {
    expect(placeName('queue/example.net', fixedT('en'), names)).toBe("the sender's queue (example.net)");
    expect(placeName('queue/example.net', fixedT('de'), names)).toBe('Warteschlange des Absenders (example.net)');
    expect(placeName('queue', fixedT('en'), names)).toBe("the provider's MX queue");
  });

  it('server, device and outside places name their owner and folder', () => {
    expect(placeName('server/anna/INBOX', fixedT('en'), names)).toContain('anna@example.org');
    expect(placeName('device/laptop/INBOX', fixedT('en'), names)).toContain('Anna’s laptop');
    expect(placeName('outside/ben@example.net', fixedT('en'), names)).toContain('ben@example.net');
  });
});
