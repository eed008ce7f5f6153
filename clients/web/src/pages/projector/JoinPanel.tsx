import qrcode from 'qrcode-generator';
import { useMemo } from 'preact/hooks';
import { useMessages } from '../../i18n/i18n';

// The code, big enough to read from the back of the room, the address, and a QR code of it,
// drawn here (no service on the internet is asked for it).
export function JoinPanel({ code }: { code: string }) {
  const m = useMessages();
  const url = `${location.protocol}//${location.host}/j/${code}`;
  const svg = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(url);
    qr.make();
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qr.createSvgTag({ cellSize: 8, margin: 2, scalable: true }))}`;
  }, [url]);
  return (
    <section class="join-panel" aria-label={m.joinAt}>
      <p class="join-at">{m.joinAt}</p>
      <p class="join-url">{url}</p>
      <p class="join-code" aria-label={m.codeLabel}>
        {code}
      </p>
      <p class="join-scan">{m.orScan}</p>
      <img class="qr" src={svg} alt={m.qrAlt(url)} />
    </section>
  );
}
