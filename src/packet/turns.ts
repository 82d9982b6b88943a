import type { Message } from '../schema/conversation';

/**
 * User turn (from 1) of each message, index-aligned; null for bot, agent and system messages.
 * `before` user turns came before the first message (a session that dropped its oldest ones).
 */
export function userTurns(messages: readonly Pick<Message, 'role'>[], before = 0): (number | null)[] {
  let turn = before;
  return messages.map((message) => (message.role === 'user' ? (turn += 1) : null));
}
