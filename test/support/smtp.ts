/**
 * A real SMTP server (smtp-server) for the tests that deliver mail through the mail job: no mock of nodemailer, so
 * the message that arrives is the one a real mail server would get.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as the server received it: the envelope's recipients (comma-separated) and the raw message. */
export interface ReceivedMail {
  to: string;
  data: string;
}

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>`, for mailJobHandler's `smtpUrl`. */
  url: string;
  /** Every message received so far, in order of arrival. */
  received: ReceivedMail[];
  close(): Promise<void>;
}

/** Starts a server on a free port of 127.0.0.1 that accepts every message without login or TLS. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, cb) {
      let data = '';
      stream.on('data', (d: Buffer) => { data += d.toString('utf8'); });
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
        cb();
      });
    },
  });
  // SMTPServer itself emits no 'listening'; its callback says when the port is open.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
