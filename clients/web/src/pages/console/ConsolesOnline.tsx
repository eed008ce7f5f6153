import { DocKind } from '../../gen/campana/v1/docs_enums';
import type { Session } from '../../session';
import { consolesOpen } from './facilitatorLinks';
import { useConsoleMessages } from './messages';

// Who has a console open now, by link: "Consolas abiertas: principal (1), Ana (2)". In the
// facilitators' panel always; in the header (`othersOnly`) only when this is not the only one.
export function ConsolesOnline({ session, othersOnly = false }: { session: Session; othersOnly?: boolean }) {
  const m = useConsoleMessages();
  const access = session.view.doc(DocKind.ACCESS);
  if (!access) return null;
  const { open, total } = consolesOpen(access.consolesOnline, access.facilitators);
  if (total === 0 || (othersOnly && total <= 1)) return null;
  return (
    <p class="consoles-online">
      {m.consolesOnline}:{' '}
      {open.map((c, i) => (
        <span key={c.linkId}>
          {i > 0 && ', '}
          <bdi>{c.name ?? m.mainConsole}</bdi> ({c.count})
        </span>
      ))}
    </p>
  );
}
