import type { ComponentChildren } from 'preact';
import { type Language, language, setLanguage, useMessages } from '../i18n/i18n';
import type { Status } from '../net/connection';

export function LanguageSwitch() {
  const m = useMessages();
  return (
    <label class="language">
      <span class="visually-hidden">{m.language}</span>
      <select value={language()} onChange={(e) => setLanguage(e.currentTarget.value as Language)}>
        <option value="es">{m.languageSpanish}</option>
        <option value="en">{m.languageEnglish}</option>
      </select>
    </label>
  );
}

export function StatusLine({ status }: { status: Status }) {
  const m = useMessages();
  const text = status === 'online' ? m.online : status === 'connecting' ? m.connecting : m.reconnecting;
  return (
    <span class={`status status-${status}`} role="status" aria-live="polite">
      {text}
    </span>
  );
}

export function Flash({ on }: { on: boolean }) {
  return <div class={`flash ${on ? 'on' : ''}`} aria-hidden="true" />;
}

export function Notice({ children, onClose }: { children: ComponentChildren; onClose?: () => void }) {
  const m = useMessages();
  return (
    <div class="notice" role="alert">
      <span>{children}</span>
      {onClose && (
        <button type="button" class="link" onClick={onClose} aria-label={m.close}>
          ×
        </button>
      )}
    </div>
  );
}

export function Fatal({ status }: { status: Status }) {
  const m = useMessages();
  if (status === 'unknown-workshop') return <Notice>{m.unknownWorkshop}</Notice>;
  if (status === 'denied') return <Notice>{m.wrongKey}</Notice>;
  return null;
}
