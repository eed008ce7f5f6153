import { useState } from 'preact/hooks';
import type { WorkshopSummary } from '../../gen/campana/v1/organizer_pb';
import { DeleteDialog } from './DeleteDialog';
import { FeedbackLine } from './FeedbackLine';
import { useOrganizerMessages } from './messages';
import type { Organizer } from './useOrganizer';
import { WorkshopItem } from './WorkshopItem';
import { newestFirst, seriesPlace } from './workshops';

// Every workshop on the server, newest first (workshops.ts says why).
export function WorkshopList({ org }: { org: Organizer }) {
  const m = useOrganizerMessages();
  const [deleting, setDeleting] = useState<WorkshopSummary>();
  const workshops = newestFirst(org.overview?.workshops ?? []);
  return (
    <section class="org-list" aria-labelledby="org-workshops">
      <h2 id="org-workshops">{m.workshopsHeading}</h2>
      <FeedbackLine feedback={org.feedback} where="list" onClose={org.dismiss} />
      {workshops.length === 0 ? (
        <p>{m.noWorkshops}</p>
      ) : (
        <>
          <p class="muted">{m.newestFirst}</p>
          <ul class="org-workshops">
            {workshops.map((w) => (
              <WorkshopItem
                key={w.code}
                workshop={w}
                place={seriesPlace(workshops, w)}
                org={org}
                onDelete={setDeleting}
              />
            ))}
          </ul>
        </>
      )}
      {deleting && <DeleteDialog workshop={deleting} org={org} onClose={() => setDeleting(undefined)} />}
    </section>
  );
}
