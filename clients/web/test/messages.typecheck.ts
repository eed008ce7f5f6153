// Compiled by `npm run typecheck` and never run: what defineMessages refuses to compile, so
// that a text missing in one language cannot reach a page.
import { defineMessages } from '../src/i18n/i18n';

export function refusedCatalogues(): void {
  defineMessages({ es: { yes: 'sí', no: 'no' }, en: { yes: 'yes', no: 'no' } });
  // @ts-expect-error: an English text is missing.
  defineMessages({ es: { yes: 'sí', no: 'no' }, en: { yes: 'yes' } });
  // @ts-expect-error: English has a text Spanish does not.
  defineMessages({ es: { yes: 'sí' }, en: { yes: 'yes', no: 'no' } });
  // @ts-expect-error: the same text takes other arguments in English.
  defineMessages({ es: { n: (n: number) => `${n}` }, en: { n: (n: string) => n } });
  // @ts-expect-error: an activity's text may not take a shared text's name.
  defineMessages({ es: { appName: 'x' }, en: { appName: 'x' } });
}
