import { render } from 'preact';
import { ConsoleApp } from './pages/console/ConsoleApp';
import { Home } from './pages/Home';
import { PhoneApp } from './pages/phone/PhoneApp';
import { ProjectorApp } from './pages/projector/ProjectorApp';
import './styles.css';

// One page, three roles, chosen by the path: /j/CODE, /screen/CODE, /console/CODE#key=...
function route() {
  const [, section = '', rawCode = ''] = location.pathname.split('/');
  const code = decodeURIComponent(rawCode).toUpperCase();
  // The console's and the projector's secrets are in the fragment (#key=...), which is never
  // sent in a request or a Referer; the pages send it only in their Hello.
  const key = new URLSearchParams(location.hash.slice(1)).get('key') ?? '';
  if (section === 'screen' && code) return <ProjectorApp code={code} projectorKey={key} />;
  if (section === 'console' && code) return <ConsoleApp code={code} facilitatorKey={key} />;
  if (section === 'j' && code) return <PhoneApp code={code} />;
  return <Home />;
}

render(route(), document.getElementById('app')!);
