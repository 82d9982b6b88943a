/**
 * Emoji valences on VADER's -4..4 scale. VADER covers ASCII emoticons but not emoji,
 * which customers use in chat at least as often. Values are per family, chosen for
 * service conversations, with the reason next to each family.
 */

const FAMILIES: readonly (readonly [valence: number, emoji: string])[] = [
  // Happy faces: plain satisfaction, as strong as "good" to "great".
  [2.0, '😀😃😄😁😊🙂☺😌😇'],
  // Love and delight: the strongest praise a customer types, like "love".
  [2.8, '😍🥰😘🤩🥳'],
  // Laughing: usually pleasure, but in complaints often bitter, so weaker than a smile.
  [1.2, '😆😂🤣😹'],
  // Winks and cool: friendly, mildly positive.
  [1.0, '😉😎🤗😋'],
  // Nervous or embarrassed smiles: mixed feelings, close to neutral.
  [0.3, '😅🙃'],
  // Hearts: affection or thanks.
  [2.0, '❤♥💕💖💗💙💚💛💜🧡🤍💯'],
  // Approval gestures and celebration: a thumbs up closes a good exchange.
  [1.5, '👍👌👏🙌💪🎉✨🌟⭐✅✔🆗'],
  // Thanks or pleading: polite, mildly positive either way.
  [0.8, '🙏'],
  // Sadness and disappointment: like "sad", "disappointed".
  [-1.8, '😞😔😟🙁☹😕😢😥😓😿😪'],
  // Despair: heavier than sadness ("devastated").
  [-2.4, '😭😩😫💔'],
  // Anger: the clearest negative signal, as strong as "furious".
  [-2.8, '😠😡🤬👿💢😤'],
  // Rude gesture: an insult in itself.
  [-3.0, '🖕'],
  // Exasperation: eye rolls and facepalms mean "you are not helping".
  [-1.5, '🙄😒🤦😑'],
  // Blank or unsure faces: mild discontent.
  [-0.6, '😐😶🤔🤷😬'],
  // Shock and fear: something went badly wrong.
  [-1.6, '😱😨😰😧😦😮😳🥺'],
  // Disgust and sickness.
  [-2.2, '🤢🤮'],
  // Disapproval and failure marks: "doesn't work ❌".
  [-1.5, '👎❌✖🚫⛔'],
  // Alarms: something urgent and wrong, mildly negative in tone.
  [-1.0, '⚠🚨🆘'],
  // Deliberately absent: 🔥 (praise or literal fire), 💀 ("I'm dead" means laughing),
  // 😈 and 🤡 (playful or insulting): their sign depends on context.
];

const EMOJI_VALENCE: ReadonlyMap<string, number> = new Map(
  FAMILIES.flatMap(([valence, emoji]) => Array.from(emoji, (e): [string, number] => [e, valence])),
);

// Presentation selector and skin tones do not change what an emoji says.
const MODIFIERS = /[\u{FE0F}\u{1F3FB}-\u{1F3FF}]/gu;

/** The valence of one emoji token, or undefined for emoji without a clear sign. */
export function emojiValence(emoji: string): number | undefined {
  return EMOJI_VALENCE.get(emoji.replace(MODIFIERS, ''));
}
