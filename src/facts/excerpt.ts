import { redactText } from '../packet/redact';

const MAX_EXCERPT = 80;

/** A short, redacted piece of customer text, safe to put in a decision or a trace. */
export function excerptOf(text: string): string {
  const clean = redactText(text).text.replace(/\s+/g, ' ').trim();
  if (clean.length <= MAX_EXCERPT) return clean;
  const cut = clean.slice(0, MAX_EXCERPT - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > MAX_EXCERPT / 2 ? cut.slice(0, space) : cut}…`;
}
