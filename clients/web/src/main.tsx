import { render } from 'preact';
import { activities } from './activities/registry';
import { fetchExport } from './net/fetchExport';
import { keyInFragment, takeOrganizerKey } from './pages/organizer/organizerKey';
import { loadViews, preloadViews } from './ui/lazyView';
import './styles.css';

// One page, three roles, chosen by the path: /j/CODE, /screen/CODE, /console/CODE#key=..., and
// the facilitators' report, /report/CODE#key=...; `/` is the join page, or, with the organizer's
// key, the organizer's page.
// Each role's code is its own chunk, loaded only on its page, and so is each activity's view
// for that role (ui/lazyView.ts), fetched ahead once the page is idle: a phone on venue Wi-Fi
// does not download the console's or the projector's code.
async function route() {
  // For the benchmarks (bench/report_render.mjs): the core has been evaluated.
  performance.mark('campana:core');
  const [, section = '', rawCode = ''] = location.pathname.split('/');
  const code = decodeURIComponent(rawCode).toUpperCase();
  // The console's and the projector's secrets are in the fragment (#key=...), which is never
  // sent in a request or a Referer; the pages send it only in their Hello.
  const key = new URLSearchParams(location.hash.slice(1)).get('key') ?? '';
  if (section === 'screen' && code) {
    // The projector fits each scene to the screen once it has rendered: its views are all
    // there before the first scene, so that no scene is measured before its view arrived.
    const [{ ProjectorApp }] = await Promise.all([
      import('./pages/projector/ProjectorApp'),
      loadViews(activities.map((a) => a.Projector)),
    ]);
    return <ProjectorApp code={code} projectorKey={key} />;
  }
  if (section === 'console' && code) {
    const { ConsoleApp } = await import('./pages/console/ConsoleApp');
    preloadViews(activities.map((a) => a.Console));
    return <ConsoleApp code={code} facilitatorKey={key} />;
  }
  if (section === 'report' && code) {
    // Its data, its code and its activities' sections are asked for at once: the export does
    // not wait for the page's code to arrive and run (docs/performance.md, "The report").
    const exported = fetchExport(code);
    const [{ ReportApp }] = await Promise.all([
      import('./pages/report/ReportApp'),
      loadViews(activities.map((a) => a.Report)),
    ]);
    performance.mark('campana:report-code'); // its code and its sections' have arrived and run
    return <ReportApp exported={exported} />;
  }
  if (section === 'j' && code) {
    // Its activities' views are fetched ahead as the agenda nears them (usePreloadComing).
    const { PhoneApp } = await import('./pages/phone/PhoneApp');
    return <PhoneApp code={code} />;
  }
  if (location.pathname === '/') {
    // A link with a key opened over this page changes only the fragment: the page starts again.
    addEventListener('hashchange', () => {
      if (keyInFragment(location.hash)) location.reload();
    });
    // The organizer's page, with the organizer's key (#key=..., then kept in localStorage): its
    // own chunk, which a phone, which comes without a key, never downloads.
    const organizerKey = takeOrganizerKey();
    if (organizerKey) {
      const { OrganizerApp } = await import('./pages/organizer/OrganizerApp');
      return <OrganizerApp organizerKey={organizerKey} />;
    }
  }
  const { Home } = await import('./pages/Home');
  return <Home />;
}

void route().then((page) => render(page, document.getElementById('app')!));
