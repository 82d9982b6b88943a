/*
 * The customer's own people, named as the subject of what happened or is wanted: their wait, their
 * loss or their act is not the company's failure ("my daughter is still waiting to hear", "my
 * brother lost his card"). Shared by the complaint cues and the sarcastic praise.
 */
export const RELATIVES: ReadonlySet<string> = new Set([
  'sister', 'brother', 'daughter', 'son', 'kids', 'children', 'mum', 'mom', 'mother', 'dad', 'father', 'wife', 'husband',
  'partner', 'friend', 'neighbour', 'neighbor', 'grandma', 'grandad', 'grandfather', 'grandmother', 'nan', 'aunt', 'uncle',
  'cousin',
]);
