import { formatPersonalCode } from '../../ui/personalCode';
import { usePhoneMessages } from './messages';

// The person's own code, folded at the foot of the page, out of the moment's way: typed on
// another phone (CodeJoinForm), it makes that phone them. Nothing for an identity stored before
// there were codes.
export function MyCode({ code }: { code: string }) {
  const m = usePhoneMessages();
  if (!code) return null;
  return (
    <details class="card my-code">
      <summary>{m.myCode}</summary>
      <p class="personal-code">{formatPersonalCode(code)}</p>
      <p>{m.myCodeText}</p>
    </details>
  );
}
