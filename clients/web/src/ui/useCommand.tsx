import { useState } from 'preact/hooks';
import { rejectionText, useMessages } from '../i18n/i18n';
import type { Ack } from '../gen/campana/v1/wire_pb';
import type { CommandBody, Reply } from '../net/connection';
import type { Session } from '../session';
import { Notice } from './Chrome';

export interface CommandState {
  // Sends the command; resolves true when it was applied.
  send: (body: CommandBody) => Promise<boolean>;
  // The same, for a command whose Ack carries a result (a new personal code): resolves with the
  // Ack, or undefined when it was refused.
  ask: (body: CommandBody) => Promise<Ack | undefined>;
  // The last refusal, in the person's language ('' when the last command went through).
  refusal: string;
  clear: () => void;
  // A command is on its way (or being retried while the server is busy).
  sending: boolean;
}

// One button's or form's way to the server, on the phone and the console alike: send a
// command, and keep the refusal to show. The refusal is kept as the server's code and put into
// words when shown, so switching the language translates it too. The server's English detail
// is not shown: it stays in the server's log.
export function useCommand(session: Session): CommandState {
  const m = useMessages();
  const [refused, setRefused] = useState<Extract<Reply, { ok: false }> | undefined>(undefined);
  const [inFlight, setInFlight] = useState(0);
  const ask = async (body: CommandBody) => {
    setInFlight((n) => n + 1);
    const reply = await session.connection.send(body);
    setInFlight((n) => n - 1);
    setRefused(reply.ok ? undefined : reply);
    // The server's English detail is for whoever reads the browser's console, never the page.
    if (!reply.ok) console.info('campana: command refused:', body.case, reply.code, reply.message);
    return reply.ok ? reply.ack : undefined;
  };
  return {
    send: async (body) => (await ask(body)) !== undefined,
    ask,
    refusal: refused ? rejectionText(m, refused.code) : '',
    clear: () => setRefused(undefined),
    sending: inFlight > 0,
  };
}

// The refusal of a command, if any, with a button to put it away.
export function Refusal({ command }: { command: CommandState }) {
  return command.refusal ? <Notice onClose={command.clear}>{command.refusal}</Notice> : null;
}
