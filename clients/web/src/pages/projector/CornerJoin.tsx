import { useMessages } from '../../i18n/i18n';
import { useProjectorMessages } from './messages';
import { joinUrl, useQrSvg } from './qr';

// The way in, in the corner of every other scene: people can join at any moment (Campana
// never closes the door), so the code and the QR code stay readable from the back of the room.
export function CornerJoin({ code }: { code: string }) {
  const m = useMessages();
  const pm = useProjectorMessages();
  const url = joinUrl(code);
  const qr = useQrSvg(url);
  return (
    <aside class="corner-join" aria-label={pm.joinCorner}>
      <div class="corner-join-text">
        <p class="corner-url">{url}</p>
        <p class="join-code" aria-label={m.codeLabel}>
          {code}
        </p>
      </div>
      <img class="corner-qr" src={qr} alt={m.qrAlt(url)} />
    </aside>
  );
}
