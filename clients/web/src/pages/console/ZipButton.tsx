import { useState } from 'preact/hooks';
import { language } from '../../i18n/i18n';
import { useConsoleMessages } from './messages';

// "Download everything (zip)": the zip's code (zipExport.ts, with the zip library and the
// activities' file writers) is imported when pressed, never with the console's page. `onResult`
// says whether it worked; the console shows a notice when it did not.
export function ZipButton({ code, onResult }: { code: string; onResult: (ok: boolean) => void }) {
  const m = useConsoleMessages();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    let ok = false;
    try {
      ok = await (await import('./zipExport')).downloadZip(code, language());
    } catch (error) {
      // The chunk could not be loaded (the network, or a newer server's build).
      console.warn('campana: zip export failed', error);
    }
    setBusy(false);
    onResult(ok);
  };
  return (
    <button type="button" class="link on-dark" disabled={busy} aria-busy={busy} onClick={() => void download()}>
      {busy ? m.zipPreparing : m.zipDownload}
    </button>
  );
}
