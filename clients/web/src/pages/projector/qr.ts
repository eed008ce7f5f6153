import qrcode from 'qrcode-generator';
import { useMemo } from 'preact/hooks';

// The phones' address for this workshop.
export function joinUrl(code: string): string {
  return `${location.protocol}//${location.host}/j/${code}`;
}

// A QR code of `url` as an SVG data URL, drawn here: no service on the internet is asked for it.
export function useQrSvg(url: string): string {
  return useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(url);
    qr.make();
    const svg = qr.createSvgTag({ cellSize: 8, margin: 2, scalable: true });
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  }, [url]);
}
