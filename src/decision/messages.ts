import type { Availability } from './availability';

/** Renders a wait in words, rounding up so the promise is never shorter than the estimate. */
export function waitInWords(seconds: number): string {
  if (seconds < 60) return 'less than a minute';
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `about ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round((minutes / 60) * 2) / 2;
  return `about ${hours} hour${hours === 1 ? '' : 's'}`;
}

/**
 * An honest message for the customer: it never promises an immediate person when the wait is
 * long or unknown, and always says the conversation so far goes with them.
 */
export function customerMessage(availability: Availability, name?: string): string {
  return cap((name === undefined ? '' : `${name}, `) + body(availability));
}

function body(availability: Availability): string {
  const context = "they will see our conversation so far, so you won't need to repeat yourself.";
  switch (availability.action) {
    case 'handoff': {
      if (availability.waitSeconds === undefined) {
        return `I'm passing you to a member of our team. I can't tell exactly how long the wait will be; ${context}`;
      }
      const position = availability.queuePosition === undefined ? '' : ` You are number ${availability.queuePosition} in line.`;
      return `I'm passing you to a member of our team. The wait is ${waitInWords(availability.waitSeconds)}.${position} ${cap(context)}`;
    }
    case 'callback':
      return `no one from our team is free to chat right now, so we will call you back as soon as someone is available. ${cap(context)}`;
    case 'ticket':
      return `no one from our team is free to chat right now, so I've passed your request to them and they will get back to you in writing. ${cap(context)}`;
  }
}

function cap(text: string): string {
  return text === '' ? '' : text[0]!.toUpperCase() + text.slice(1);
}
