// The wire between a client and the server: a client's command goes to the
// server's port, the port's effects are applied to the store, and both sides'
// lines are written to the transcript. The client gets only the reply.
// TLS is one line in the transcript, written as the server's side of the
// handshake: before the greeting on the implicit ports (993, 995), right after
// the server's go-ahead for STARTTLS/STLS on the plain ones (143, 110).
import type { ImapWire, Pop3Wire } from '../client/host';
import { imapCommandText, isListing, messageLiteral, type ImapCommand, type ImapReply } from '../protocol/imap';
import { fetchLinesText, isFetchLines } from '../protocol/imapFetch';
import { pop3CommandText, type Pop3Command, type Reply } from '../protocol/pop3';
import { handshakeLine, portOf, tlsModeOf, type TlsMode } from '../protocol/tls';
import { handleImap, imapDropped, imapIdleNews, imapIdling, imapSecured, imapSessionLooked, openImapSession, type ImapServerSession } from '../server/imap/imapServer';
import { handlePop3, openPop3Session, pop3LocksOf, pop3Secured, type Pop3ServerSession } from '../server/pop3/pop3Server';
import { SERVER_HOST } from '../server/lmtp/lmtpServer';
import type { SessionInfo } from '../timeline';
import type { Run } from './run';
import { accountOfMailbox, isGoneMailbox } from '../model/places';

/**
 * What the server port is asked with for a session to `mailbox`: a login the
 * old provider no longer knows (rule 92) is put to a port whose password no
 * login can give (passwords have at least one character), so it gets the
 * server's own refusal — Dovecot answers an unknown user as a wrong password.
 */
function portLogin(mailbox: string, password: string): { mailbox: string; password: string } {
  // The port reads the account's one mailbox left (the new provider's, under the plain id) but lets no login in.
  return isGoneMailbox(mailbox) ? { mailbox: accountOfMailbox(mailbox), password: '' } : { mailbox, password };
}

/** The handshake as the transcript shows it: the certificate names the server the client connected to. */
export const HANDSHAKE = handshakeLine(SERVER_HOST);

/**
 * The mailbox a login reaches: a provider keeps a mailbox per login, and during
 * a move the same login names a mailbox at the old and at the new provider
 * (stagedMove.ts). The client sends its login name as it is (the transcript
 * shows that); the server port is asked with the mailbox's id.
 */
function loginToMailbox<C extends { type: string }>(command: C, account: string, mailbox: string): C {
  if (mailbox === account) return command;
  if (command.type === 'client.login' && (command as unknown as { user: string }).user === account) return { ...command, user: mailbox };
  if (command.type === 'client.user' && (command as unknown as { name: string }).name === account) return { ...command, name: mailbox };
  return command;
}

export function openImapWire(run: Run, client: string, account: string, tls: boolean | TlsMode, mailbox = account): ImapWire {
  const mode = tlsModeOf(tls);
  const implicit = mode === 'implicit';
  const info: SessionInfo = run.recorder.openSession({ protocol: 'IMAP', client, account: mailbox, tls: implicit, port: portOf('imap', mode) });
  const port = portLogin(mailbox, run.account(account).password);
  const opened = openImapSession(run.imapAccount(port.mailbox, client), port.password, implicit);
  let session: ImapServerSession = opened.session;
  const rec = run.recorder;
  if (implicit) rec.line(info, 'S', HANDSHAKE);
  rec.line(info, 'S', opened.greeting);
  // From news pushed to the idling client until it idles again (an IDLE push, ten thousand a year on a
  // phone), the exchange is kept as steps, written out only when read (recorder/imapSteps.ts).
  let pushing = false;
  return {
    greeting: opened.greeting,
    send(tag: string, command: ImapCommand, text?: string): ImapReply {
      const wasSecured = imapSecured(session);
      const answer = handleImap(run.store, session, tag, loginToMailbox(command, account, port.mailbox));
      // What this session changes itself is never pushed back to it (rule 86).
      session = imapSessionLooked(run.store, answer.session);
      const reply = answer.reply;
      if (pushing) {
        // A push kept as steps (see above); what a push does not hold (a literal, a listing, TLS) ends it.
        if (command.type === 'client.done') {
          rec.imapStep(info, { kind: 'done', tag: answer.tag, status: reply.status });
          return reply;
        }
        if (command.type === 'client.idle') {
          rec.imapStep(info, { kind: 'idle', tag, continuation: reply.continuation ?? '' });
          pushing = false;
          return reply;
        }
        const untagged = reply.untagged;
        if (reply.continuation === undefined && !isListing(untagged) && wasSecured === imapSecured(session)) {
          rec.imapStep(info, { kind: 'command', tag, text: text ?? imapCommandText(command), untagged, status: reply.status });
          run.applyEffects(answer.effects);
          session = imapSessionLooked(run.store, session);
          return reply;
        }
        pushing = false;
      }
      if (command.type === 'client.done') {
        rec.line(info, 'C', 'DONE');
        rec.line(info, 'S', `${answer.tag} ${reply.status}`);
        return reply;
      }
      if (reply.continuation === undefined && answer.tag === tag && isFetchLines(reply.untagged)) {
        // A FETCH kept as a step too (its entries as plain values, recorder/imapSteps.ts): the
        // command, its FETCH lines and its OK are written only when read. The command's line is
        // counted before the effects are applied, as when it is written.
        rec.countLines(1);
        const commandText = text ?? imapCommandText(command);
        run.applyEffects(answer.effects);
        session = imapSessionLooked(run.store, session);
        rec.imapCommand(info, { kind: 'command', tag, text: commandText, untagged: reply.untagged, status: reply.status }, 1);
        if (!wasSecured && imapSecured(session)) rec.line(info, 'S', HANDSHAKE);
        return reply;
      }
      rec.line(info, 'C', `${tag} ${text ?? imapCommandText(command)}`);
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
      const untagged = reply.untagged;
      if (isListing(untagged)) rec.listing(info, untagged);
      // A FETCH reply that asked the server to continue: its lines are written from its entries here, once.
      else if (isFetchLines(untagged)) rec.lines(info, 'S', fetchLinesText(untagged));
      else rec.lines(info, 'S', untagged);
      rec.line(info, 'S', `${answer.tag} ${reply.status}`);
      if (!wasSecured && imapSecured(session)) rec.line(info, 'S', HANDSHAKE);
      return reply;
    },
    unasked(): readonly string[] {
      const idling = imapIdling(session);
      const news = imapIdleNews(run.store, session);
      run.applyEffects(news.effects);
      session = imapSessionLooked(run.store, news.session);
      if (idling && news.lines.length) {
        pushing = true;
        rec.imapStep(info, { kind: 'news', lines: news.lines });
      } else rec.lines(info, 'S', news.lines);
      return news.lines;
    },
    drop(dir: 'C' | 'S', line: string): void {
      pushing = false;
      session = imapDropped(session);
      rec.line(info, dir, line);
    },
  };
}

export function openPop3Wire(run: Run, client: string, account: string, tls: boolean | TlsMode, mailbox = account): Pop3Wire {
  const mode = tlsModeOf(tls);
  const implicit = mode === 'implicit';
  const info: SessionInfo = run.recorder.openSession({ protocol: 'POP3', client, account: mailbox, tls: implicit, port: portOf('pop3', mode) });
  const port = portLogin(mailbox, run.account(account).password);
  // pop3_lock_session: a second session of the account is refused while one is logged in (rule 11).
  const opened = openPop3Session(run.store, port.mailbox, port.password, implicit, run.world.server.pop3LockSession ? pop3LocksOf(run) : null);
  let session: Pop3ServerSession = opened.session;
  const rec = run.recorder;
  if (implicit) rec.line(info, 'S', HANDSHAKE);
  rec.lines(info, 'S', opened.greeting);
  return {
    greeting: opened.greeting,
    send(command: Pop3Command, text?: string): Reply {
      rec.line(info, 'C', text ?? pop3CommandText(command));
      const wasSecured = pop3Secured(session);
      const answer = handlePop3(run.store, session, loginToMailbox(command, account, port.mailbox));
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
