import { useState } from 'preact/hooks';
import { useMessages } from '../i18n/i18n';
import { LanguageSwitch, Notice } from '../ui/Chrome';

// Where a phone lands without a code: type the one on the screen. keyRefused: the organizer's
// page was asked for with a key the server refused (pages/organizer/), which is forgotten.
export function Home({ keyRefused = false }: { keyRefused?: boolean }) {
  const m = useMessages();
  const [code, setCode] = useState('');
  return (
    <main class="phone">
      <header class="bar">
        <strong>{m.appName}</strong>
        <LanguageSwitch />
      </header>
      {keyRefused && (
        <div class="home-notice">
          <Notice>{m.organizerKeyRefused}</Notice>
        </div>
      )}
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          const clean = code.toUpperCase().replace(/[\s-]/g, '');
          if (clean) location.assign(`/j/${encodeURIComponent(clean)}`);
        }}
      >
        <label class="field">
          <span>{m.codeLabel}</span>
          <input
            class="code-input"
            autoCapitalize="characters"
            autoComplete="off"
            maxLength={12}
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
            aria-describedby="code-hint"
          />
        </label>
        <p id="code-hint" class="muted">
          {m.codeHint}
        </p>
        <button type="submit" class="primary big">
          {m.enter}
        </button>
      </form>
    </main>
  );
}
