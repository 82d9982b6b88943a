import { DEFAULT_TEMPLATES, languageOf, type Language, type TemplateKey } from './templates';
import { openingInWords, waitInWords } from './words';
import type { Availability } from '../availability';

/** Template overrides per language; a missing sentence falls back to the built-in one. */
export type MessageOverrides = Partial<Record<Language, Partial<Record<TemplateKey, string>>>>;

export interface MessageInput {
  readonly availability: Availability;
  readonly locale?: string | undefined;
  readonly overrides?: MessageOverrides | undefined;
  /** The customer's first name, when known. */
  readonly name?: string | undefined;
  /** Reason codes of the escalation, most pressing first. */
  readonly reasons: readonly string[];
  /** The customer has waited past the bound: say so and offer the fallback. */
  readonly waitedTooLong?: boolean | undefined;
}

function fill(template: string, vars: Readonly<Record<string, string | undefined>>): string | null {
  let missing = false;
  const text = template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = vars[key];
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? null : text;
}

/**
 * An honest message for the customer in their language: it never promises an immediate
 * person when the wait is long or unknown, and always says the conversation goes with them.
 */
export function customerMessage(input: MessageInput): string {
  const language = languageOf(input.locale);
  const own = input.overrides?.[language] ?? {};
  const pick = (key: TemplateKey): string | undefined => own[key] ?? DEFAULT_TEMPLATES[language][key];
  const a = input.availability;
  const vars = {
    name: input.name,
    wait: a.waitSeconds === undefined ? undefined : waitInWords(a.waitSeconds, language),
    position: a.queuePosition === undefined ? undefined : String(a.queuePosition),
    opening: a.opening === undefined ? undefined : openingInWords(a.opening, language),
    queue: a.queue,
  };
  const say = (key: TemplateKey): string | null => {
    const template = pick(key);
    return template === undefined ? null : fill(template, vars);
  };
  const parts: (string | null)[] = [say('greeting')];
  for (const reason of input.reasons) parts.push(say(`reason.${reason}`));
  if (input.waitedTooLong === true) parts.push(say('waitingTimeout'));
  switch (a.action) {
    case 'handoff':
      parts.push(say('handoff') ?? say('handoffUnknownWait'), say('position'));
      break;
    case 'callback':
      parts.push((a.closed ? say('callbackClosed') : null) ?? say(a.phoneKnown ? 'callback' : 'callbackAsk'));
      break;
    case 'ticket':
      parts.push((a.closed ? say('ticketClosed') : null) ?? say('ticket'));
      break;
  }
  parts.push(say('context'));
  return parts.filter((p): p is string => p !== null && p !== '').join(' ');
}

