import type { FunctionComponent } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useMessages } from '../../i18n/i18n';
import { LanguageSwitch } from '../../ui/Chrome';
import { OrganizerApi } from './api';
import { CreateForm } from './CreateForm';
import { FeedbackLine } from './FeedbackLine';
import { useOrganizerMessages } from './messages';
import { UploadForm } from './UploadForm';
import { useOrganizer } from './useOrganizer';
import { WorkshopList } from './WorkshopList';
import './organizer.css';

// The organizer's page at `/` (with the organizer's key): create workshops from the server's
// templates or from a file, and list, open, duplicate, close and delete them. A key the server
// refuses is forgotten, and `/` is the join page again, saying why.
export function OrganizerApp({ organizerKey }: { organizerKey: string }) {
  const api = useMemo(() => new OrganizerApi(organizerKey), [organizerKey]);
  const org = useOrganizer(api);
  const m = useOrganizerMessages();
  const shared = useMessages();
  // The join page, as main.tsx loads it (dynamically: a static import here would be a second
  // way to it, which the bundler warns about).
  const [Home, setHome] = useState<FunctionComponent<{ keyRefused?: boolean }>>();
  useEffect(() => {
    if (org.refused) void import('../Home').then((page) => setHome(() => page.Home));
  }, [org.refused]);
  if (org.refused) return Home ? <Home keyRefused /> : null;
  return (
    <main class="organizer">
      <header class="bar">
        <strong>{shared.appName}</strong>
        <LanguageSwitch />
      </header>
      <div class="org-page">
        <h1>{m.organizer}</h1>
        {org.overview === undefined ? (
          <>
            <FeedbackLine feedback={org.feedback} where="list" onClose={org.dismiss} />
            {org.feedback?.where === 'list' ? (
              <button type="button" onClick={() => void org.refresh()}>
                {shared.tryAgain}
              </button>
            ) : (
              <p role="status">{m.loading}</p>
            )}
          </>
        ) : (
          <>
            <div class="org-forms">
              <CreateForm org={org} />
              <UploadForm org={org} />
            </div>
            <WorkshopList org={org} />
          </>
        )}
      </div>
    </main>
  );
}
