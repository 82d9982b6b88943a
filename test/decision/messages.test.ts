import { customerMessage } from '../../src/decision/messages/render';
import { languageOf } from '../../src/decision/messages/templates';
import { openingInWords, waitInWords } from '../../src/decision/messages/words';
import type { Availability } from '../../src/decision/availability';

const handoff = (extra: Partial<Availability> = {}): Availability => ({ action: 'handoff', because: '', queue: 'general', closed: false, phoneKnown: false, ...extra });
const monday = { daysAhead: 1, weekday: 'mon' as const, time: '09:00' };

describe('waits and openings in words', () => {
  it('rounds waits up, in each language', () => {
    expect([30, 61, 180, 5400].map((s) => waitInWords(s))).toEqual(['less than a minute', 'about 2 minutes', 'about 3 minutes', 'about 1.5 hours']);
    expect(waitInWords(180, 'es')).toBe('unos 3 minutos');
    expect(waitInWords(180, 'fr')).toBe('environ 3 minutes');
    expect(waitInWords(5400, 'de')).toBe('etwa 1,5 Stunden');
  });

  it('says when the desk opens, relative to today', () => {
    expect(openingInWords(monday)).toBe('tomorrow at 9:00');
    expect(openingInWords({ ...monday, daysAhead: 0 }, 'es')).toBe('hoy a las 9:00');
    expect(openingInWords({ ...monday, daysAhead: 3 }, 'fr')).toBe('lundi à 9:00');
    expect(openingInWords({ ...monday, daysAhead: 3 }, 'de')).toBe('am Montag um 9:00');
  });

  it('picks the language from the locale, English otherwise', () => {
    expect([languageOf('es-MX'), languageOf('fr'), languageOf('de-AT'), languageOf('pt-BR'), languageOf(undefined)]).toEqual(['es', 'fr', 'de', 'en', 'en']);
  });
});

// One test per language and action: the message is in that language and honest about the wait.
describe.each([
  ['en', /passing you.*about 3 minutes\. You are number 4 in line/, /can't tell exactly how long/, /call you back/, /leave a phone number/, /in writing/, /back tomorrow at 9:00/],
  ['es', /Te paso.*unos 3 minutos\. Eres el número 4/, /No puedo decirte con exactitud/, /te llamaremos/, /Si nos dejas un número/, /por escrito/, /vuelve mañana a las 9:00/],
  ['fr', /Je vous mets en relation.*environ 3 minutes\. Vous êtes numéro 4/, /ne peux pas vous dire exactement/, /nous vous rappellerons/, /Si vous nous laissez un numéro/, /par écrit/, /revient demain à 9:00/],
  ['de', /Ich verbinde Sie.*etwa 3 Minuten\. Sie sind Nummer 4/, /nicht genau sagen/, /rufen wir Sie zurück/, /Telefonnummer hinterlassen/, /schriftliche Antwort/, /morgen um 9:00 wieder da/],
])('customer messages in %s', (locale, wait, unknownWait, callback, callbackAsk, ticket, closed) => {
  const say = (availability: Availability): string => customerMessage({ availability, locale, reasons: [] });

  it('handoff with a known wait and position', () => expect(say(handoff({ waitSeconds: 170, queuePosition: 4 }))).toMatch(wait));
  it('handoff with an unknown wait promises no time', () => expect(say(handoff())).toMatch(unknownWait));
  it('callback', () => expect(say({ ...handoff(), action: 'callback', phoneKnown: true })).toMatch(callback));
  it('callback asking for a number', () => expect(say({ ...handoff(), action: 'callback' })).toMatch(callbackAsk));
  it('ticket', () => expect(say({ ...handoff(), action: 'ticket' })).toMatch(ticket));
  it('closed, with the opening time', () => expect(say({ ...handoff(), action: 'ticket', closed: true, opening: monday })).toMatch(closed));
});

describe('customer message composition', () => {
  it('greets by name, puts reason sentences first and says the context goes along', () => {
    expect(customerMessage({ availability: handoff({ waitSeconds: 50 }), name: 'Ana', reasons: ['safety'] })).toBe(
      "Thank you, Ana. If you or anyone else is in immediate danger, please call your local emergency number now. I'm passing you to a member of our team. The wait is less than a minute. They will see our conversation so far, so you won't need to repeat yourself.",
    );
  });

  it('uses the caller’s sentences where given', () => {
    const text = customerMessage({
      availability: handoff({ waitSeconds: 120 }),
      locale: 'es',
      reasons: ['fraud'],
      overrides: { es: { handoff: 'Un agente de fraude te atiende en {wait}.', 'reason.fraud': 'Hemos bloqueado tu tarjeta.' } },
    });
    expect(text).toBe('Hemos bloqueado tu tarjeta. Un agente de fraude te atiende en unos 2 minutos. Verán nuestra conversación hasta ahora, así que no tendrás que repetir nada.');
  });

  it('tells a customer who waited too long, with the fallback', () => {
    const text = customerMessage({ availability: { ...handoff(), action: 'ticket' }, reasons: [], waitedTooLong: true });
    expect(text).toMatch(/^Thank you for waiting\. Everyone on our team is still busy\. No one from our team is free/);
  });
});
