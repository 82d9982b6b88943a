import { trimEndOf } from './trim';

const ELLIPSIS = '…';

/** Collapses whitespace and cuts `text` to at most `max` characters on a word boundary, adding an ellipsis. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const room = flat.slice(0, Math.max(0, max - ELLIPSIS.length) + 1);
  const cut = room.lastIndexOf(' ');
  // A single word longer than the budget is cut mid-word rather than dropped.
  const head = cut > 0 ? room.slice(0, cut) : room.slice(0, room.length - 1);
  return `${trimEndOf(head, ',;:.!?-', true)}${ELLIPSIS}`;
}
