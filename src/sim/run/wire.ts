// The wire between a client and the server: a client's command goes to the
// server's port, the port's effects are applied to the store, and both sides'
// lines are written to the transcript. The client gets only the reply.
// TLS is one line in the transcript, written as the server's side of the
// handshake: before the greeting on the implicit ports (993, 995), right after
// the server's go-ahead for STARTTLS/STLS on the plain ones (143, 110).
import type { ImapWire, Pop3Wire } from '../client/host';
import { imapCommandText, isListing, messageLiteral, type ImapCommand, type ImapReply } from '../protocol/imap';
import { pop3CommandText, type Pop3Command, type Reply } from '../protocol/pop3';
import { handshakeLine, portOf, tlsModeOf, type TlsMode } from '../protocol/tls';
import { handleImap, imapIdleNews, imapSecured, imapSessionLooked, openImapSession, type ImapServerSession } from '../server/imap/imapServer';
import { handlePop3, openPop3Session, pop3LocksOf, pop3Secured, type Pop3ServerSession } from '../server/pop3/pop3Server';
import { SERVER_HOST } from '../server/lmtp/lmtpServer';
import type { SessionInfo } from '../timeline';
import type { Run } from './run';

/** The handshake as the transcript shows it: the certificate names the server the client connected to. */
export const HANDSHAKE = handshakeLine(SERVER_HOST);

export function openImapWire(run: Run, client: string, account: string, tls: boolean | TlsMode): ImapWire {
  const mode = tlsModeOf(tls);
  const implicit = mode === 'implicit';
  const info: SessionInfo = run.recorder.openSession({ protocol: 'IMAP', client, account, tls: implicit, port: portOf('imap', mode) });
  const acc = run.account(account);
  const opened = openImapSession(run.imapAccount(account, client), acc.password, implicit);
  let session: ImapServerSession = opened.session;
  const rec = run.recorder;
  if (implicit) rec.line(info, 'S', HANDSHAKE);
  rec.line(info, 'S', opened.greeting);
  return {
    greeting: opened.greeting,
    send(tag: string, command: ImapCommand): ImapReply {
      const wasSecured = imapSecured(session);
      const answer = handleImap(run.store, session, tag, command);
      // What this session changes itself is never pushed back to it (rule 86).
      session = imapSessionLooked(run.store, answer.session);
      const reply = answer.reply;
      if (command.type === 'client.done') {
        rec.line(info, 'C', 'DONE');
        rec.line(info, 'S', `${answer.tag} ${reply.status}`);
        return reply;
      }
      rec.line(info, 'C', `${tag} ${imapCommandText(command)}`);
      if (command.type === 'client.idle') {
        rec.line(info, 'S', reply.continuation ?? '');
        return reply;
      }
      if (reply.continuation && command.type === 'client.append') {
        rec.line(info, 'S', reply.continuation);
        rec.line(info, 'C', messageLiteral(command.mail, command.size));
      }
      run.applyEffects(answer.effects);
      session = imapSessionLooked(run.store, session);
      if (isListing(reply.untagged)) rec.listing(info, reply.untagged);
      else rec.lines(info, 'S', reply.untagged);
      rec.line(info, 'S', `${answer.tag} ${reply.status}`);
      if (!wasSecured && imapSecured(session)) rec.line(info, 'S', HANDSHAKE);
      return reply;
    },
    unasked(): readonly string[] {
      const news = imapIdleNews(run.store, session);
      run.applyEffects(news.effects);
      session = imapSessionLooked(run.store, news.session);
      rec.lines(info, 'S', news.lines);
      return news.lines;
    },
  };
}

export function openPop3Wire(run: Run, client: string, account: string, tls: boolean | TlsMode): Pop3Wire {
  const mode = tlsModeOf(tls);
  const implicit = mode === 'implicit';
  const info: SessionInfo = run.recorder.openSession({ protocol: 'POP3', client, account, tls: implicit, port: portOf('pop3', mode) });
  const acc = run.account(account);
  // pop3_lock_session: a second session of the account is refused while one is logged in (rule 11).
  const opened = openPop3Session(run.store, account, acc.password, implicit, run.world.server.pop3LockSession ? pop3LocksOf(run) : null);
  let session: Pop3ServerSession = opened.session;
  const rec = run.recorder;
  if (implicit) rec.line(info, 'S', HANDSHAKE);
  rec.lines(info, 'S', opened.greeting);
  return {
    greeting: opened.greeting,
    send(command: Pop3Command): Reply {
      rec.line(info, 'C', pop3CommandText(command));
      const wasSecured = pop3Secured(session);
      const answer = handlePop3(run.store, session, command);
      session = answer.session;
      run.applyEffects(answer.effects);
      rec.lines(info, 'S', answer.reply);
      if (!wasSecured && pop3Secured(session)) rec.line(info, 'S', HANDSHAKE);
      return answer.reply;
    },
    drop(): void {
      session = handlePop3(run.store, session, { type: 'connection.drop' }).session;
      rec.line(info, 'C', '<connection dropped>');
    },
  };
}
