import type { Weekday } from '../../schema/environment';
import type { Language } from './templates';

const DAY_NAMES: Record<Language, Record<Weekday, string>> = {
  en: { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' },
  es: { mon: 'lunes', tue: 'martes', wed: 'miércoles', thu: 'jueves', fri: 'viernes', sat: 'sábado', sun: 'domingo' },
  fr: { mon: 'lundi', tue: 'mardi', wed: 'mercredi', thu: 'jeudi', fri: 'vendredi', sat: 'samedi', sun: 'dimanche' },
  de: { mon: 'Montag', tue: 'Dienstag', wed: 'Mittwoch', thu: 'Donnerstag', fri: 'Freitag', sat: 'Samstag', sun: 'Sonntag' },
};

function decimal(x: number, language: Language): string {
  const text = String(x);
  return language === 'en' ? text : text.replace('.', ',');
}

/** A wait in words, rounded up so the promise is never shorter than the estimate. */
export function waitInWords(seconds: number, language: Language = 'en'): string {
  if (seconds < 60) {
    return { en: 'less than a minute', es: 'menos de un minuto', fr: 'moins d’une minute', de: 'weniger als eine Minute' }[language];
  }
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) {
    const one = minutes === 1;
    switch (language) {
      case 'en':
        return `about ${minutes} minute${one ? '' : 's'}`;
      case 'es':
        return one ? 'alrededor de un minuto' : `unos ${minutes} minutos`;
      case 'fr':
        return `environ ${minutes} minute${one ? '' : 's'}`;
      case 'de':
        return `etwa ${minutes} Minute${one ? '' : 'n'}`;
    }
  }
  const hours = Math.ceil((minutes / 60) * 2) / 2;
  const one = hours === 1;
  const h = decimal(hours, language);
  switch (language) {
    case 'en':
      return `about ${h} hour${one ? '' : 's'}`;
    case 'es':
      return one ? 'alrededor de una hora' : `unas ${h} horas`;
    case 'fr':
      return `environ ${h} heure${one ? '' : 's'}`;
    case 'de':
      return `etwa ${h} Stunde${one ? '' : 'n'}`;
  }
}

/** When the desk opens next, relative to now: "tomorrow at 9:00", "el lunes a las 9:00". */
export function openingInWords(opening: { daysAhead: number; weekday: Weekday; time: string }, language: Language = 'en'): string {
  const time = opening.time.replace(/^0(?=\d)/, '');
  const day = DAY_NAMES[language][opening.weekday];
  const when = opening.daysAhead === 0 ? 'today' : opening.daysAhead === 1 ? 'tomorrow' : 'day';
  switch (language) {
    case 'en':
      return when === 'today' ? `today at ${time}` : when === 'tomorrow' ? `tomorrow at ${time}` : `on ${day} at ${time}`;
    case 'es':
      return when === 'today' ? `hoy a las ${time}` : when === 'tomorrow' ? `mañana a las ${time}` : `el ${day} a las ${time}`;
    case 'fr':
      return when === 'today' ? `aujourd’hui à ${time}` : when === 'tomorrow' ? `demain à ${time}` : `${day} à ${time}`;
    case 'de':
      return when === 'today' ? `heute um ${time}` : when === 'tomorrow' ? `morgen um ${time}` : `am ${day} um ${time}`;
  }
}
