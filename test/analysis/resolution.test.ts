import { detectResolution } from '../../src/analysis/resolution';

describe('detectResolution', () => {
  it.each([
    ['thanks, that fixed it', 'that fixed it'],
    ['it works now', 'works now'],
    ['never mind, I figured it out', 'I figured it out'],
    ['never mind', 'never mind'],
    ['all good now', 'all good'],
    ["that's all, thanks", "that's all"],
    ['perfect, thank you!', 'perfect, thank you'],
    ["I'm good, thanks", "I'm good"],
    ['no more questions', 'no more questions'],
    ['nvm', 'nvm'],
    ['that worked!', 'that worked'],
    ['problem solved, cheers', 'problem solved'],
    ['I restarted the router and that did the trick', 'that did the trick'],
    ["I don't need anything else", "I don't need anything else"],
  ])('detects "%s"', (text, excerpt) => {
    expect(detectResolution(text)).toEqual({ detected: true, excerpt });
  });

  it.each([
    "it still doesn't work",
    'thanks for nothing',
    "that didn't fix it",
    'it is not working now',
    'can you explain how it works',
    'let me know if that helped',
    'great, thanks, but it still shows the error',
    'nothing else works',
    'never mind the bot, get me a human',
    'is that all?',
    "it's not all good",
    'thanks, it works now but the other app crashes',
    'the same problem again',
    'I need my phone working NOW!!!',
    'hello',
  ])('ignores "%s"', (text) => {
    expect(detectResolution(text)).toEqual({ detected: false });
  });
});
