import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { WorkshopSummary } from '../../gen/campana/v1/organizer_pb';
import { useMessages } from '../../i18n/i18n';
import { Notice } from '../../ui/Chrome';
import { errorText } from './errors';
import { useOrganizerMessages } from './messages';
import type { Organizer } from './useOrganizer';
import { titleMatches } from './workshops';

// Deleting cannot be undone: a modal dialog says so and asks for the workshop's title, typed;
// the button stays off until it matches, and the server checks the title again (confirmTitle).
export function DeleteDialog({
  workshop,
  org,
  onClose,
}: {
  workshop: WorkshopSummary;
  org: Organizer;
  onClose: () => void;
}) {
  const m = useOrganizerMessages();
  const shared = useMessages();
  const dialog = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  const heading = useId();
  const warning = useId();
  const where = `delete:${workshop.code}`;
  const failure = org.feedback?.where === where ? org.feedback.failure : undefined;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  const submit = async () => {
    const outcome = await org.act((api) => api.deleteWorkshop(workshop.code, typed.trim()), {
      where,
      done: () => ({ where: 'list', say: (m) => m.deletedNotice(workshop.title) }),
    });
    if (outcome.ok) dialog.current?.close();
  };

  return (
    <dialog ref={dialog} class="org-dialog" aria-labelledby={heading} aria-describedby={warning} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (titleMatches(typed, workshop.title)) void submit();
        }}
      >
        <h2 id={heading} class="said title">
          {m.deleteHeading(workshop.title)}
        </h2>
        <p id={warning}>{m.deleteWarning}</p>
        <label class="field">
          <span>{m.typeTitle}</span>
          <input value={typed} autoComplete="off" spellcheck={false} onInput={(e) => setTyped(e.currentTarget.value)} />
        </label>
        {failure && <Notice>{failure.code === 'conflict' ? m.titleMismatch : errorText(m, failure)}</Notice>}
        <div class="buttons">
          <button type="submit" class="danger" disabled={!titleMatches(typed, workshop.title) || org.busy}>
            {m.deleteForGood}
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            {shared.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
