import { useMessages } from '../../i18n/i18n';
import { joinUrl, useQrSvg } from './qr';

// The way in, big, for the joining scene: the address, the code, and a QR code of the address.
export function JoinPanel({ code }: { code: string }) {
  const m = useMessages();
  const url = joinUrl(code);
  const qr = useQrSvg(url);
  return (
    <section class="join-panel" aria-label={m.joinAt}>
      <p class="join-at">{m.joinAt}</p>
      <p class="join-url">{url}</p>
      <p class="join-code" aria-label={m.codeLabel}>
        {code}
      </p>
      <p class="join-scan">{m.orScan}</p>
      <img class="qr" src={qr} alt={m.qrAlt(url)} />
    </section>
  );
}
