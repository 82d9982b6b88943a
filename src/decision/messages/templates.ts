/** Languages with built-in customer messages; other locales fall back to English. */
export const LANGUAGES = ['en', 'es', 'fr', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The sentences a customer message is built from. `{name}`, `{wait}`, `{position}`,
 * `{opening}` and `{queue}` are filled in; a sentence whose variable is unknown is not used.
 */
export interface Templates {
  readonly greeting: string;
  readonly handoff: string;
  readonly handoffUnknownWait: string;
  readonly position: string;
  readonly callback: string;
  readonly callbackAsk: string;
  readonly callbackClosed: string;
  readonly ticket: string;
  readonly ticketClosed: string;
  readonly context: string;
  readonly waitingTimeout: string;
  /** Said first for a reason of this code, e.g. `reason.safety`. */
  readonly [reason: `reason.${string}`]: string;
}

export type TemplateKey = keyof Templates;

export const DEFAULT_TEMPLATES: Readonly<Record<Language, Templates>> = {
  en: {
    greeting: 'Thank you, {name}.',
    handoff: "I'm passing you to a member of our team. The wait is {wait}.",
    handoffUnknownWait: "I'm passing you to a member of our team. I can't tell exactly how long the wait will be.",
    position: 'You are number {position} in line.',
    callback: 'No one from our team is free to chat right now, so we will call you back as soon as someone is available.',
    callbackAsk:
      'No one from our team is free to chat right now. If you leave a phone number, we will call you back as soon as someone is available.',
    callbackClosed: 'Our team is away right now and back {opening}: we will call you back then.',
    ticket:
      "No one from our team is free to chat right now, so I've passed your request to them and they will get back to you in writing.",
    ticketClosed: "Our team is away right now and back {opening}: I've passed your request to them and they will get back to you in writing.",
    context: "They will see our conversation so far, so you won't need to repeat yourself.",
    waitingTimeout: 'Thank you for waiting. Everyone on our team is still busy.',
    'reason.safety': 'If you or anyone else is in immediate danger, please call your local emergency number now.',
    'reason.bereavement': "I'm very sorry for your loss.",
  },
  es: {
    greeting: 'Gracias, {name}.',
    handoff: 'Te paso con una persona de nuestro equipo. La espera es de {wait}.',
    handoffUnknownWait: 'Te paso con una persona de nuestro equipo. No puedo decirte con exactitud cuánto tendrás que esperar.',
    position: 'Eres el número {position} en la cola.',
    callback: 'Ahora mismo no hay nadie de nuestro equipo libre para chatear, así que te llamaremos en cuanto alguien esté disponible.',
    callbackAsk:
      'Ahora mismo no hay nadie de nuestro equipo libre para chatear. Si nos dejas un número de teléfono, te llamaremos en cuanto alguien esté disponible.',
    callbackClosed: 'Nuestro equipo no está disponible ahora y vuelve {opening}: te llamaremos entonces.',
    ticket:
      'Ahora mismo no hay nadie de nuestro equipo libre para chatear, así que les he pasado tu solicitud y te responderán por escrito.',
    ticketClosed: 'Nuestro equipo no está disponible ahora y vuelve {opening}: les he pasado tu solicitud y te responderán por escrito.',
    context: 'Verán nuestra conversación hasta ahora, así que no tendrás que repetir nada.',
    waitingTimeout: 'Gracias por esperar. Todo nuestro equipo sigue ocupado.',
    'reason.safety': 'Si tú o alguien más está en peligro inmediato, llama ahora al número de emergencias local.',
    'reason.bereavement': 'Siento mucho tu pérdida.',
  },
  fr: {
    greeting: 'Merci, {name}.',
    handoff: 'Je vous mets en relation avec un membre de notre équipe. Temps d’attente : {wait}.',
    handoffUnknownWait:
      'Je vous mets en relation avec un membre de notre équipe. Je ne peux pas vous dire exactement combien de temps durera l’attente.',
    position: 'Vous êtes numéro {position} dans la file.',
    callback: 'Personne de notre équipe n’est libre pour discuter en ce moment : nous vous rappellerons dès que quelqu’un sera disponible.',
    callbackAsk:
      'Personne de notre équipe n’est libre pour discuter en ce moment. Si vous nous laissez un numéro de téléphone, nous vous rappellerons dès que quelqu’un sera disponible.',
    callbackClosed: 'Notre équipe est absente pour le moment et revient {opening} : nous vous rappellerons à ce moment-là.',
    ticket: 'Personne de notre équipe n’est libre pour discuter en ce moment : j’ai transmis votre demande et l’on vous répondra par écrit.',
    ticketClosed: 'Notre équipe est absente pour le moment et revient {opening} : j’ai transmis votre demande et l’on vous répondra par écrit.',
    context: 'Notre conversation lui sera transmise : vous n’aurez rien à répéter.',
    waitingTimeout: 'Merci de votre patience. Toute notre équipe est encore occupée.',
    'reason.safety': 'Si vous ou quelqu’un d’autre êtes en danger immédiat, appelez tout de suite le numéro d’urgence local.',
    'reason.bereavement': 'Toutes nos condoléances pour votre perte.',
  },
  de: {
    greeting: 'Danke, {name}.',
    handoff: 'Ich verbinde Sie mit jemandem aus unserem Team. Die Wartezeit beträgt {wait}.',
    handoffUnknownWait: 'Ich verbinde Sie mit jemandem aus unserem Team. Wie lange die Wartezeit ist, kann ich leider nicht genau sagen.',
    position: 'Sie sind Nummer {position} in der Warteschlange.',
    callback: 'Gerade ist niemand aus unserem Team für den Chat frei, deshalb rufen wir Sie zurück, sobald jemand verfügbar ist.',
    callbackAsk:
      'Gerade ist niemand aus unserem Team für den Chat frei. Wenn Sie uns eine Telefonnummer hinterlassen, rufen wir Sie zurück, sobald jemand verfügbar ist.',
    callbackClosed: 'Unser Team ist gerade nicht erreichbar und {opening} wieder da: Wir rufen Sie dann zurück.',
    ticket:
      'Gerade ist niemand aus unserem Team für den Chat frei, deshalb habe ich Ihr Anliegen weitergegeben. Sie erhalten eine schriftliche Antwort.',
    ticketClosed:
      'Unser Team ist gerade nicht erreichbar und {opening} wieder da: Ich habe Ihr Anliegen weitergegeben. Sie erhalten eine schriftliche Antwort.',
    context: 'Das Team sieht unser bisheriges Gespräch, Sie müssen also nichts wiederholen.',
    waitingTimeout: 'Danke für Ihre Geduld. Unser ganzes Team ist noch beschäftigt.',
    'reason.safety': 'Wenn Sie oder jemand anderes in unmittelbarer Gefahr sind, rufen Sie bitte sofort den örtlichen Notruf.',
    'reason.bereavement': 'Mein herzliches Beileid.',
  },
};

/** The built-in language for a BCP 47 locale (`es-MX` → `es`), English when there is none. */
export function languageOf(locale: string | undefined): Language {
  const base = (locale ?? 'en').slice(0, 2).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : 'en';
}
