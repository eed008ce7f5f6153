import { defineMessages } from '../../i18n/i18n';

// Texts only the card sort's phone view uses (the shared card texts are in messages.ts).
export const usePhoneCardsMessages = defineMessages({
  es: { howToSort: 'Instrucciones' },
  en: { howToSort: 'Instructions' },
});
