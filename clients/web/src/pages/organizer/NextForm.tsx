import { useId, useState } from 'preact/hooks';
import type { WorkshopSummary } from '../../gen/campana/v1/organizer_pb';
import { useMessages } from '../../i18n/i18n';
import { useOrganizerMessages } from './messages';
import { TemplateOptions } from './TemplateOptions';
import type { Organizer } from './useOrganizer';
import { maxTitle } from './workshops';

// The same agenda again, in the select (the templates are valued by their index).
const sameAgenda = '-1';

// "Next session", on a workshop's card: the next workshop of its series, with its people (and
// their groups and teams, if kept), from its own agenda again or from a template. The result
// shows on the card as Duplicate's does: the new workshop's links (FeedbackLine).
export function NextForm({
  workshop,
  org,
  onDone,
}: {
  workshop: WorkshopSummary;
  org: Organizer;
  onDone: () => void; // created, or given up
}) {
  const m = useOrganizerMessages();
  const shared = useMessages();
  const templates = org.overview?.templates ?? [];
  const [chosen, setChosen] = useState(sameAgenda);
  const [title, setTitle] = useState('');
  const [keepGroups, setKeepGroups] = useState(true);
  const heading = useId();
  const hint = useId();
  const template = chosen === sameAgenda ? undefined : templates[Number(chosen)];

  const submit = async () => {
    const request = { template: template?.name ?? '', language: template?.language ?? '', title, keepGroups };
    const outcome = await org.act((api) => api.next(workshop.code, request), {
      where: workshop.code,
      done: (created) => ({
        created,
        say: (m) => m.createdNotice(created.workshop?.title ?? '', created.workshop?.code ?? ''),
      }),
    });
    if (outcome.ok) onDone();
  };

  return (
    <form
      class="org-next"
      aria-labelledby={heading}
      aria-describedby={hint}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h4 id={heading} class="said title">
        {m.nextHeading(workshop.title)}
      </h4>
      <p id={hint} class="muted">
        {m.nextHint}
      </p>
      <label class="field">
        <span>{m.nextAgenda}</span>
        <select value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
          <option value={sameAgenda}>{m.sameAgenda(workshop.title)}</option>
          <TemplateOptions templates={templates} />
        </select>
      </label>
      <label class="field">
        <span>{m.titleOptional}</span>
        <input
          value={title}
          maxLength={maxTitle}
          placeholder={template?.title ?? workshop.title}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </label>
      <label class="check">
        <input type="checkbox" checked={keepGroups} onChange={(e) => setKeepGroups(e.currentTarget.checked)} />
        {m.keepGroups}
      </label>
      <div class="buttons">
        <button type="submit" class="primary" disabled={org.busy}>
          {m.createNext}
        </button>
        <button type="button" onClick={onDone}>
          {shared.cancel}
        </button>
      </div>
    </form>
  );
}
