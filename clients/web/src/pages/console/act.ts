import { useState } from 'preact/hooks';
import { rejectionText, useMessages } from '../../i18n/i18n';
import type { CommandBody } from '../../net/connection';
import type { Session } from '../../session';

// Sends a facilitator command and keeps the last refusal, in the user's language, to show.
export function useAct(session: Session): {
  act: (body: CommandBody) => Promise<boolean>;
  error: string;
  clear: () => void;
} {
  const m = useMessages();
  const [error, setError] = useState('');
  const act = async (body: CommandBody) => {
    const reply = await session.connection.send(body);
    setError(
      reply.ok
        ? ''
        : `${rejectionText(m, reply.code)}${reply.ok || reply.code === 'unsent' ? '' : ` (${reply.message})`}`,
    );
    return reply.ok;
  };
  return { act, error, clear: () => setError('') };
}
