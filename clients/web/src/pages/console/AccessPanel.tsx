import { DocKind } from '../../gen/campana/v1/docs_enums';
import { useState } from 'preact/hooks';
import type { Session } from '../../session';
import { Refusal, useCommand } from '../../ui/useCommand';
import { useConsoleMessages } from './messages';

// Who may see and come in: the projector link (its secret is in the fragment, like the
// console's key) with a copy button and a way to replace it, and the people kept out, each
// with "let back in". From the Access document, which only facilitators receive.
export function AccessPanel({ session }: { session: Session }) {
  const m = useConsoleMessages();
  const command = useCommand(session);
  const [copied, setCopied] = useState(false);
  const access = session.view.doc(DocKind.ACCESS);
  if (!access) return null;
  const link = projectorLink(session.code, access.projectorKey);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // No clipboard (plain http on a LAN address): select the link for Ctrl+C instead.
      const field = document.getElementById('projector-link') as HTMLInputElement | null;
      field?.select();
    }
  };
  const rotate = () => {
    if (window.confirm(m.confirmNewProjectorLink)) {
      setCopied(false);
      void command.send({ case: 'rotateProjectorKey', value: {} });
    }
  };

  return (
    <section class="panel" aria-labelledby="access">
      <h2 id="access">{m.access}</h2>
      <label class="field">
        <span>{m.projectorLink}</span>
        <input id="projector-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <p class="muted">{m.projectorLinkHint}</p>
      <div class="buttons">
        <button type="button" onClick={() => void copy()}>
          {copied ? m.copied : m.copy}
        </button>
        <a class="button" href={link} target="_blank" rel="noreferrer">
          {m.screenLink}
        </a>
        <button type="button" class="danger" onClick={rotate}>
          {m.newProjectorLink}
        </button>
      </div>
      <h3>{m.keptOut}</h3>
      {access.banned.length === 0 ? (
        <p class="muted">{m.nobodyKeptOut}</p>
      ) : (
        <ul class="kept-out-list">
          {access.banned.map((b) => (
            <li key={b.participantId}>
              <span class="said name">{b.displayName}</span>
              <button
                type="button"
                aria-label={m.letBackInWho(b.displayName)}
                onClick={() => void command.send({ case: 'allowBack', value: { participantId: b.participantId } })}
              >
                {m.letBackIn}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Refusal command={command} />
    </section>
  );
}

export function projectorLink(code: string, key: string): string {
  const base = `${location.protocol}//${location.host}/screen/${code}`;
  return key ? `${base}#key=${key}` : base;
}
