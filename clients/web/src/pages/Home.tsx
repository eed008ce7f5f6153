import { useState } from 'preact/hooks';
import { useMessages } from '../i18n/i18n';
import { LanguageSwitch } from '../ui/Chrome';

// Where a phone lands without a code: type the one on the screen.
export function Home() {
  const m = useMessages();
  const [code, setCode] = useState('');
  return (
    <main class="phone">
      <header class="bar">
        <strong>{m.appName}</strong>
        <LanguageSwitch />
      </header>
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
