import { useId, useRef, useState } from 'preact/hooks';
import { WorkshopStatus } from '../../gen/campana/v1/organizer_enums';
import {
  type SeriesAttendance,
  type WorkshopCreatedReply,
  type WorkshopSummary,
} from '../../gen/campana/v1/organizer_pb';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { FeedbackLine } from './FeedbackLine';
import { LinkList } from './LinkList';
import { useOrganizerMessages } from './messages';
import { NextForm } from './NextForm';
import { SeriesTable } from './SeriesTable';
import type { Organizer } from './useOrganizer';
import { createdText } from './workshops';

// One workshop of the list: what it is (and where it stands in its series), and what the
// organizer may do with it.
export function WorkshopItem({
  workshop,
  place,
  org,
  onDelete,
}: {
  workshop: WorkshopSummary;
  place: { series: string; session: number } | undefined;
  org: Organizer;
  onDelete: (workshop: WorkshopSummary) => void;
}) {
  const m = useOrganizerMessages();
  const shared = useMessages();
  const language = useLanguage();
  const [links, setLinks] = useState<WorkshopCreatedReply>();
  const [nextOpen, setNextOpen] = useState(false);
  const [attendance, setAttendance] = useState<SeriesAttendance>();
  const nextButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const linksId = useId();
  const nextId = useId();
  const attendanceId = useId();
  const { code, title } = workshop;
  const closed = workshop.status === WorkshopStatus.CLOSED;

  // The links carry the workshop's secrets: asked for when wanted, not with the list.
  const toggleLinks = async () => {
    if (links) {
      setLinks(undefined);
      return;
    }
    const outcome = await org.act((api) => api.links(code), { where: code, refresh: false });
    if (outcome.ok) setLinks(outcome.value);
  };
  // Who came to what over the series: asked for when wanted, and again each time it opens.
  const toggleAttendance = async () => {
    if (attendance) {
      setAttendance(undefined);
      return;
    }
    const outcome = await org.act((api) => api.series(code), { where: code, refresh: false });
    if (outcome.ok) setAttendance(outcome.value);
  };
  // Done or given up, the form closes and focus goes back to the button that opened it.
  const nextDone = () => {
    setNextOpen(false);
    nextButton.current?.focus();
  };
  const duplicate = () =>
    org.act((api) => api.duplicate(code), {
      where: code,
      done: (created) => ({
        created,
        say: (m) => m.createdNotice(created.workshop?.title ?? '', created.workshop?.code ?? ''),
      }),
    });
  const close = () =>
    org.act((api) => api.close(code), {
      where: code,
      done: (closed) => ({ say: (m) => m.closedNotice(closed.title) }),
    });

  return (
    <li class="org-workshop">
      <article aria-labelledby={titleId}>
        <h3 id={titleId} class="said title">
          {title}
        </h3>
        <dl class="org-facts">
          <div>
            <dt>{m.code}</dt>
            <dd class="org-code">{code}</dd>
          </div>
          <div>
            <dt>{m.createdAt}</dt>
            <dd>{createdText(language, workshop.createdAtMs)}</dd>
          </div>
          <div>
            <dt>{m.status}</dt>
            <dd class={closed ? 'org-closed' : 'org-open'}>{closed ? m.statusClosed : m.statusOpen}</dd>
          </div>
          <div>
            <dt>{shared.people}</dt>
            <dd>{workshop.participants}</dd>
          </div>
          <div>
            <dt>{m.agendaItems}</dt>
            <dd>{workshop.agendaItems}</dd>
          </div>
          {place && (
            <div>
              <dt>{m.series}</dt>
              <dd class="org-series">{m.seriesPlace(place.series, place.session)}</dd>
            </div>
          )}
        </dl>
        <div class="buttons">
          <button
            type="button"
            aria-label={m.linksOf(title)}
            aria-expanded={links !== undefined}
            aria-controls={linksId}
            disabled={org.busy && !links}
            onClick={() => void toggleLinks()}
          >
            {m.links}
          </button>
          <button type="button" aria-label={m.duplicateWho(title)} disabled={org.busy} onClick={() => void duplicate()}>
            {m.duplicate}
          </button>
          <button
            type="button"
            ref={nextButton}
            aria-label={m.nextSessionOf(title)}
            aria-expanded={nextOpen}
            aria-controls={nextId}
            onClick={() => setNextOpen(!nextOpen)}
          >
            {m.nextSession}
          </button>
          {place && (
            <button
              type="button"
              aria-label={m.seriesAttendanceOf(title)}
              aria-expanded={attendance !== undefined}
              aria-controls={attendanceId}
              disabled={org.busy && !attendance}
              onClick={() => void toggleAttendance()}
            >
              {m.seriesAttendance}
            </button>
          )}
          <ConfirmButton
            question={m.confirmClose(title)}
            yes={m.closeYes}
            why={closed ? m.alreadyClosed : undefined}
            label={m.closeWho(title)}
            onClick={() => void close()}
          >
            {m.closeWorkshop}
          </ConfirmButton>
          <button type="button" class="danger" aria-label={m.deleteWho(title)} onClick={() => onDelete(workshop)}>
            {m.deleteWorkshop}
          </button>
        </div>
        <div id={linksId}>{links && <LinkList reply={links} />}</div>
        <div id={nextId}>{nextOpen && <NextForm workshop={workshop} org={org} onDone={nextDone} />}</div>
        <div id={attendanceId}>{attendance && <SeriesTable attendance={attendance} />}</div>
        <FeedbackLine feedback={org.feedback} where={code} onClose={org.dismiss} />
      </article>
    </li>
  );
}
