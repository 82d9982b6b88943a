import type { Message } from '../schema/conversation';

/** User turn (from 1) of each message, index-aligned; null for bot, agent and system messages. */
export function userTurns(messages: readonly Pick<Message, 'role'>[]): (number | null)[] {
  let turn = 0;
  return messages.map((message) => (message.role === 'user' ? (turn += 1) : null));
}
