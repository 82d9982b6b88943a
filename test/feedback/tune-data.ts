/** Labelled conversations for the tuning tests, written for them. */

const QUESTIONS = ['where is my parcel', 'can I change my delivery address', 'how do I update my card', 'what time do you open', 'is the sale still on'];
const ODD = ['flibber the gronk', 'blue seven sideways', 'zorp wibble', 'the quantum hamster', 'plink plonk'];

/** A calm chat; with `fallbacks` bot replies that did not understand the customer in a row. */
function chat(id: string, fallbacks: number, n: number) {
  const messages: object[] = [{ role: 'user', text: QUESTIONS[n % QUESTIONS.length] }];
  for (let i = 0; i < fallbacks; i++) {
    messages.push({ role: 'bot', text: "Sorry, I didn't get that.", fallback: true });
    messages.push({ role: 'user', text: ODD[(n + i) % ODD.length] });
  }
  messages.push({ role: 'bot', text: 'Here is what I found.' });
  return { id, messages };
}

/** A team whose agents want a person after one failed bot reply; the default pack waits for two. */
export function oneFallbackTeam() {
  const conversations = [];
  const outcomes = [];
  for (let n = 0; n < 12; n++) {
    conversations.push(chat(`calm-${n}`, 0, n));
    outcomes.push({ conversationId: `calm-${n}`, outcome: 'unneeded' });
    conversations.push(chat(`one-${n}`, 1, n));
    outcomes.push({ conversationId: `one-${n}`, outcome: 'missed', idealTurn: 2 });
  }
  return { conversations, outcomes };
}
