import { useState } from 'preact/hooks';
import { DocKind } from '../../gen/campana/v1/docs_enums';
import { type FacilitatorLink } from '../../gen/campana/v1/docs_pb';
import type { Session } from '../../session';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { GuardedButton } from '../../ui/GuardedButton';
import { cleanText } from '../../ui/text';
import { Refusal, useCommand } from '../../ui/useCommand';
import { ConsolesOnline } from './ConsolesOnline';
import { facilitatorLink, inviteBlock, sortedLinks } from './facilitatorLinks';
import { useConsoleMessages } from './messages';

// More facilitators: who has a console open now; a console link for a colleague, by name, to
// copy and send them; the links given so far, each with "revoke" (which closes that console at
// once); revoked ones stay listed, greyed, to show who had one. From the Access document, which
// only facilitators receive.
export function FacilitatorsPanel({ session }: { session: Session }) {
  const m = useConsoleMessages();
  const command = useCommand(session);
  const [name, setName] = useState('');
  // The link ids there were when the last invitation was sent: the new one is the one not among
  // them, whenever the Access document brings it.
  const [before, setBefore] = useState<Set<number> | undefined>(undefined);
  const [copied, setCopied] = useState<number | undefined>(undefined);
  const access = session.view.doc(DocKind.ACCESS);
  if (!access) return null;
  const links = sortedLinks(access.facilitators);
  const blocked = inviteBlock(name, links);
  const fresh = before && links.find((l) => !l.revoked && !before.has(l.linkId));

  const invite = () => {
    const known = new Set(links.map((l) => l.linkId));
    void command.send({ case: 'inviteFacilitator', value: { name: cleanText(name) } }).then((ok) => {
      if (!ok) return;
      setBefore(known);
      setName('');
    });
  };
  const copy = async (link: FacilitatorLink, url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(link.linkId);
    } catch {
      // No clipboard (plain http on a LAN address): select the link for Ctrl+C instead.
      (document.getElementById(fieldId(link)) as HTMLInputElement | null)?.select();
    }
  };

  return (
    <section class="panel facilitators" aria-labelledby="facilitators">
      <h2 id="facilitators">{m.facilitators}</h2>
      <p class="muted">{m.facilitatorsHint}</p>
      <ConsolesOnline session={session} />
      <form
        class="row"
        onSubmit={(e) => {
          e.preventDefault(); // Enter in the name invites, as the button does
          if (!blocked) invite();
        }}
      >
        <label class="field wide">
          <span>{m.colleagueName}</span>
          <input value={name} maxLength={80} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <div class="buttons">
          <GuardedButton class="primary" why={blocked && m.inviteBlocked[blocked]} onClick={invite}>
            {m.invite}
          </GuardedButton>
        </div>
      </form>
      <p role="status">{fresh ? m.invited(fresh.name) : ''}</p>
      {links.length === 0 ? (
        <p class="muted">{m.noFacilitatorLinks}</p>
      ) : (
        <ul class="facilitator-list">
          {links.map((l) => {
            if (l.revoked) {
              return (
                <li key={l.linkId} class="revoked">
                  <span class="said name">{l.name}</span>
                  <span>{m.linkRevoked}</span>
                </li>
              );
            }
            const url = facilitatorLink(location.origin, session.code, l.key);
            return (
              <li key={l.linkId} class={l === fresh ? 'fresh' : undefined}>
                <span class="said name">{l.name}</span>
                <input
                  id={fieldId(l)}
                  readOnly
                  aria-label={m.facilitatorLinkOf(l.name)}
                  value={url}
                  onFocus={(e) => e.currentTarget.select()}
                />
                <div class="buttons">
                  <button type="button" aria-label={m.copyLinkOf(l.name)} onClick={() => void copy(l, url)}>
                    {copied === l.linkId ? m.copied : m.copy}
                  </button>
                  <ConfirmButton
                    class="danger"
                    label={m.revokeWho(l.name)}
                    question={m.confirmRevoke(l.name)}
                    yes={m.revokeYes}
                    onClick={() => void command.send({ case: 'revokeFacilitator', value: { linkId: l.linkId } })}
                  >
                    {m.revoke}
                  </ConfirmButton>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <Refusal command={command} />
    </section>
  );
}

const fieldId = (link: FacilitatorLink) => `facilitator-link-${link.linkId}`;
