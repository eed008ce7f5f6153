import { useMessages } from '../../i18n/i18n';
import type { Status } from '../../net/connection';

// The connection as a dot: green and silent while online (its words stay for screen readers),
// spelled out when it is not, since that is when it matters.
export function ConnectionDot({ status }: { status: Status }) {
  const m = useMessages();
  const text = status === 'online' ? m.online : status === 'connecting' ? m.connecting : m.reconnecting;
  return (
    <span class={`status status-${status}`} role="status" aria-live="polite">
      <span class={status === 'online' ? 'visually-hidden' : ''}>{text}</span>
    </span>
  );
}
