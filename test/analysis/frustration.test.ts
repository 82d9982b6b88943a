import { detectFrustration } from '../../src/analysis/frustration';
import { analyzeSentiment } from '../../src/analysis/sentiment';
import { FrustrationSchema, type FrustrationSignal } from '../../src/schema/analysis';

const signals = (text: string): FrustrationSignal[] => detectFrustration(text, 0).signals;
const kinds = (text: string): string[] => signals(text).map((s) => s.kind);

describe('detectFrustration', () => {
  describe('in other languages', () => {
    it.each([
      ['esta app no sirve para nada, ya estoy harta', 'no sirve para nada'],
      ["franchement c'est nul, j'en ai marre de vos frais", "c'est nul"],
      ['que palhaçada, o pedido sumiu de novo', 'que palhaçada'],
      ['il vostro servizio è uno schifo, non serve a niente', 'uno schifo'],
      ['was für eine Frechheit, schon wieder keine Antwort', 'was für eine Frechheit'],
      ['ik ben het zat, weer geen pakket', 'ik ben het zat'],
      ['kargo yine gelmedi, rezalet', 'rezalet'],
      ['bu ne saçmalık, yine iki kez çekmişsiniz', 'saçmalık'],
      ['bakwas service hai, teen din se koi jawab nahi', 'bakwas'],
      ['zah2et mn el delivery bta3kom', 'zah2et'],
      ['walang kwenta talaga ang app na to', 'walang kwenta'],
      ['servis teruk gila, parcel tak sampai lagi', 'servis teruk'],
      ['una no serious at all, my money don hang', 'una no serious'],
      ['el chatbot es completamente inútil', 'inútil'],
      ['¿esto es una broma?', 'esto es una broma'],
    ])('"%s" is exasperated ("%s")', (text, excerpt) => {
      expect(signals(text)).toContainEqual({ kind: 'phrase', excerpt });
    });

    it.each([
      'qué vergüenza, olvidé poner el piso en la dirección',
      "c'est nul de ma part, j'ai oublié le code",
      "c'est une blague ou la livraison est vraiment gratuite ? génial",
      'nunca mais peço pimenta kkkk, mas tava ótimo',
      'sono stufo di questo caldo ahah, il ventilatore torna?',
      'es ist eine Schande, dass der alte Laden schließt',
      'bir daha asla on saat uçmam, yastık var mı?',
      'gracias por nada más, que tenga buen día',
    ])('"%s" is calm', (text) => {
      expect(kinds(text)).not.toContain('phrase');
    });
  });

  describe('shouting', () => {
    it('fires on messages mostly in capitals', () => {
      expect(signals('WHY IS MY ORDER NOT HERE')).toEqual([{ kind: 'shouting', excerpt: 'WHY IS MY ORDER NOT HERE' }]);
    });

    it('fires on three capitalised words in a row inside a longer message', () => {
      expect(signals('my card was stolen and I NEED A HUMAN NOW')).toContainEqual({ kind: 'shouting', excerpt: 'NEED A HUMAN NOW' });
      expect(kinds('THIS IS USELESS, what a waste of my evening')).toContain('shouting');
    });

    it('does not count short capitals and acronyms as a stretch', () => {
      expect(kinds('MY ATM PIN IS OK, thanks for checking it')).toEqual([]);
    });

    it('ignores acronyms, short words and a single emphasised word', () => {
      expect(kinds('My ATM card and PIN do not work')).toEqual([]);
      expect(kinds('I said NOT that one')).toEqual([]);
      expect(kinds('OK')).toEqual([]);
      expect(kinds('I am in the USA')).toEqual([]);
    });
  });

  describe('correction and rejection', () => {
    it.each([
      ["That's not right, I asked for the evening slot.", 'correction'],
      ['No, wrong. The delivery goes to my office.', 'correction'],
      ['You got it wrong, the account is in my name.', 'correction'],
      ['Nope, I said Thursday.', 'correction'],
      ["that's not what I asked for, I need the invoice", 'correction'],
      ['let me clarify: the parcel is for my sister', 'correction'],
      ['did you not understand my question?', 'correction'],
      ['NO!! I said the blue one.', 'correction'],
      ['Wrong, I want the Tuesday delivery.', 'correction'],
      ['incorrect. I need it at the Leeds branch', 'correction'],
      ["can we start over? it's the other card", 'correction'],
      ["Oh that's a pity, is there another branch?", 'rejection'],
      ['how disappointing', 'rejection'],
    ])('fires on "%s" (%s)', (text, kind) => {
      expect(kinds(text)).toContain(kind);
    });

    it('ignores a plain "no" to an offer and talk of being right', () => {
      expect(kinds('No thanks, not right now.')).toEqual([]);
      expect(kinds('No, I do not need a receipt.')).toEqual([]);
      expect(kinds('Is that the right address?')).toEqual([]);
      expect(kinds('let me know when it ships')).toEqual([]);
      expect(kinds('No. I want to upgrade my plan.')).toEqual([]);
      expect(kinds('the course starts over the summer')).toEqual([]);
    });

    it('a correction reaches medium on its own; being let down stays below it', () => {
      expect(detectFrustration("That's not right.", 0).score).toBeGreaterThanOrEqual(0.4);
      expect(detectFrustration("That's a pity.", 0).score).toBeLessThan(0.4);
    });
  });

  describe('punctuation', () => {
    it.each(['where is it???', 'seriously?!', 'come on!!!', 'what?!?'])('fires on "%s"', (text) => {
      expect(kinds(text)).toContain('punctuation');
    });

    it('quotes the marks', () => {
      expect(signals('hello?!?')).toEqual([{ kind: 'punctuation', excerpt: '?!?' }]);
    });

    it('ignores ordinary punctuation and ellipses', () => {
      expect(kinds('Thanks! Is it shipped? ok...')).toEqual([]);
      expect(kinds('Thanks!!')).toEqual([]);
    });
  });

  describe('insults', () => {
    it.each([
      ["you're stupid", "you're stupid"],
      ['useless bot', 'useless bot'],
      ['you idiot', 'you idiot'],
      ['you are a complete joke', 'you are a complete joke'],
      ['this stupid machine again', 'stupid machine'],
      ['this app sucks', 'this app sucks'],
      ['what an idiot', 'idiot'],
    ])('fires on "%s"', (text, excerpt) => {
      expect(signals(text)).toContainEqual({ kind: 'insult', excerpt });
    });

    it.each([
      ['ya shower of chancers, where is my money', 'ya shower of chancers'],
      ['you lot are a load of clowns', 'you lot are a load of clowns'],
    ])('fires on contempt by the bunch said to the company: "%s"', (text, excerpt) => {
      expect(signals(text)).toContainEqual({ kind: 'insult', excerpt });
    });

    it('leaves a bunch booked, bought or joked about alone', () => {
      expect(kinds('can I book the function room for a bunch of clowns? it is a circus party')).toEqual([]);
      expect(kinds('do you sell a pack of jokers on its own')).toEqual([]);
    });

    it('ignores self-deprecation and denials', () => {
      expect(kinds("I'm such an idiot, found it")).toEqual([]);
      expect(kinds('you are not stupid')).toEqual([]);
      expect(kinds('sorry, stupid question')).toEqual([]);
    });
  });

  describe('profanity', () => {
    it.each([
      ['what the f*** is this', 'f***'],
      ['this is sh*t', 'sh*t'],
      ['f**king hell', 'f**king'],
      ['this is bullshit', 'bullshit'],
      ['damn it', 'damn'],
      ['wtf', 'wtf'],
      ['sh!t service', 'sh!t'],
      ['fucking useless', 'fucking'],
    ])('fires on "%s"', (text, excerpt) => {
      expect(signals(text)).toContainEqual({ kind: 'profanity', excerpt });
    });

    it.each([
      ['the hell do you mean it was never ordered', 'the hell do you mean'],
      ['this is absolute shite', 'is absolute shite'],
      ['are you taking the piss, a third late fee', 'are you taking the piss'],
    ])('fires on an oath in an unhappy message: "%s"', (text, excerpt) => {
      expect(detectFrustration(text, -0.2).signals).toContainEqual({ kind: 'profanity', excerpt });
    });

    it.each([
      ['delight', 'how the hell did it arrive so fast, brilliant'],
      ['delight, below zero', 'why the hell did nobody tell me about this sale, brilliant'],
      ['a pleased message', 'Christ almighty that was quick, thank you'],
      ['oneself', "I'm shite at tech, can you show me how to log in"],
      ['a casual word', 'feck it, I will take the larger size'],
      ['laughter', 'why the hell did I order three hats haha'],
    ])('leaves an oath of %s alone: "%s"', (_why, text) => {
      expect(detectFrustration(text, analyzeSentiment(text).score).signals).toEqual([]);
    });

    it('ignores words that merely contain a swear word', () => {
      expect(kinds('I need assistance with my class pass, hello, Scunthorpe dam')).toEqual([]);
    });

    it('reads "bloody" as a description after a degree word or "to be" at the end of a clause', () => {
      expect(kinds('the cut on my hand was very bloody')).toEqual([]);
      expect(kinds('that game is too bloody for my son')).toEqual([]);
      expect(kinds('the app is so bloody slow')).toContain('profanity');
      expect(kinds('it is bloody broken again')).toContain('profanity');
      expect(signals('this bloody app again')).toContainEqual({ kind: 'profanity', excerpt: 'bloody' });
      expect(signals('bloody hell')).toContainEqual({ kind: 'profanity', excerpt: 'bloody hell' });
      expect(kinds('this bot annoys the shit out of me')).toContain('profanity');
    });
  });

  describe('phrases', () => {
    it.each([
      ['this is useless', 'this is useless'],
      ["you're not listening", "you're not listening"],
      ['what a waste of time', 'waste of time'],
      ["you're wasting my time", 'wasting my time'],
      ['this is ridiculous', 'this is ridiculous'],
      ['I already told you', 'I already told you'],
      ['for the third time, the order is 123', 'for the third time'],
      ['how many times do I have to say it', 'how many times'],
      ['are you even reading my messages', 'are you even reading'],
      ["I'm fed up", 'fed up'],
      ['this is taking way too long', 'this is taking way too long'],
      ['the refund is taking forever', 'taking forever'],
      ['honestly this is so confusing', 'this is so confusing'],
      ["I'm getting really frustrated", "I'm getting really frustrated"],
      ['this chat is infuriating', 'this chat is infuriating'],
      ['my patience is wearing thin', 'my patience is wearing thin'],
      ['this is the fourth time I write', 'this is the fourth time'],
      ["I've explained it three times", "I've explained it three times"],
      ['you keep giving me the same answer', 'you keep giving'],
      ["that didn't answer my question", "that didn't answer my question"],
      ['been waiting 40 minutes now', 'been waiting 40 minutes'],
      ['it makes no sense', 'it makes no sense'],
      ['worst support ever', 'worst support'],
      ['this is my third time contacting you', 'this is my third time'],
      ["I've been on hold for 2 hours", "I've been on hold for 2 hours"],
      ['this app is so frustrating', 'this app is so frustrating'],
      ['none of this makes sense', 'none of this makes sense'],
      ["you still haven't answered my question", "you still haven't answered my question"],
      ['I booked the table twice, this is ridiculous', 'this is ridiculous'],
      ['the game keeps crashing, this is ridiculous', 'this is ridiculous'],
      // Near talk of a film, what is said of the customer or the chat still counts.
      ["I'm so frustrated, the movie keeps buffering", "I'm so frustrated"],
      ["I told you the film won't play, you're not listening", "you're not listening"],
    ])('fires on "%s"', (text, excerpt) => {
      expect(signals(text)).toContainEqual({ kind: 'phrase', excerpt });
    });

    it('reaches medium on its own when anger is said outright', () => {
      expect(detectFrustration("I'm so frustrated with this", -0.5).score).toBeGreaterThanOrEqual(0.4);
      expect(detectFrustration('I am absolutely furious', -0.6).score).toBeGreaterThanOrEqual(0.4);
    });

    it.each([
      ["I'm at my wits' end with this meter", "I'm at my wits' end"],
      ["I'm about plumb out of patience", 'plumb out of patience'],
      ['my patience with your company has completely run out', 'my patience with your company has completely run out'],
      ['this has gone on long enough', 'this has gone on long enough'],
      ["I'm tired of chasing this", "I'm tired of chasing this"],
      ["I've said that already, twice", "I've said that already"],
      ['please read my previous message', 'read my previous message'],
      ['am I talking to a wall here', 'am I talking to a wall'],
      ['do you people talk to each other at all', 'do you people talk to each other'],
      ['what kind of service is this', 'what kind of service is this'],
    ])('fires on running out of patience or having to say it again: "%s"', (text, excerpt) => {
      expect(signals(text)).toContainEqual({ kind: 'phrase', excerpt });
    });

    it.each([
      ['grief', "I'm so upset, my father passed away"],
      ['a denial', "I'm not angry, just curious"],
      ['a question', 'how annoying would it be to move the date'],
      ['a question', 'how hard is it to change my plan?'],
      ['someone else', 'my son is furious about the game'],
      ['a first time', 'this is the first time I order'],
      ['a returning customer', 'this is the second time I order from you'],
      ['an apology', 'sorry if that makes no sense'],
      ['reasoning', 'it makes no sense to upgrade if I only use 2GB'],
      ['a short wait', 'been waiting 5 minutes for the code'],
      ['anger at oneself', "I'm so annoyed at myself for forgetting my password"],
      ['a softened feeling', "I'm a bit annoyed, but it's fine"],
      ['love', "I'm mad about this dress"],
      ['a habit of speech', 'like I said, I prefer the window seat'],
      ['a film judged', 'the plot was ridiculous and the acting worse'],
      ['a genre judged', 'romantic comedies are a waste of time'],
      ['a film loved', 'I could watch that film over and over'],
      ['a past strain, resolved', "I was at my wits' end until your agent fixed it"],
      ['a wait looked forward to', "I'm tired of waiting for the sale, so excited"],
      ['a party', 'the party has gone on long enough, can I book a taxi'],
      ['jeans', 'my jeans are wearing thin at the knee'],
    ])('leaves %s alone: "%s"', (_why, text) => {
      expect(kinds(text)).toEqual([]);
    });

    it('does not fire when denied', () => {
      expect(kinds("it's not a waste of time")).toEqual([]);
      expect(kinds("I'm not wasting my time on it")).toEqual([]);
      expect(kinds("that's not ridiculous")).toEqual([]);
    });
  });

  describe('contempt, giving up, disbelief and sarcasm', () => {
    it.each([
      ['your service is pathetic', 'phrase', 'your service is pathetic'],
      ['your support is a shambles.', 'phrase', 'your support is a shambles'],
      ['what a joke!', 'phrase', 'what a joke'],
      ['your insurance is a total rip-off', 'phrase', 'your insurance is a total rip-off'],
      ['you lot are a bunch of cowboys', 'insult', 'you lot are a bunch of cowboys'],
      ['you are all crooks', 'insult', 'you are all crooks'],
      ['this chatbot is dumber than my toaster', 'insult', 'this chatbot is dumber than'],
      ["I'm so done.", 'phrase', "I'm so done"],
      ["I'm done with you!", 'phrase', "I'm done with you"],
      ["I'll take my money elsewhere", 'phrase', 'take my money elsewhere'],
      ["I'm reporting you to the regulator", 'phrase', "I'm reporting you to the regulator"],
      ["I'm going straight to the ombudsman.", 'phrase', "I'm going straight to the ombudsman"],
      ["I'll be leaving a one-star review", 'phrase', "I'll be leaving a one-star review"],
      ['enjoy your 1-star review', 'phrase', 'enjoy your 1-star review'],
      ["I'm going to dispute the charge with my bank", 'phrase', "I'm going to dispute the charge with my bank"],
      ['here we go again', 'phrase', 'here we go again'],
      ['could you give me a straight answer for once?', 'phrase', 'could you give me a straight answer for once'],
      ["don't tell me to clear my cache", 'phrase', "don't tell me to clear"],
      ['if you ask me for my date of birth one more time', 'phrase', 'if you ask me for my date of birth one more time'],
      ['for the love of god, just cancel it', 'phrase', 'for the love of god, just cancel'],
      ["it's like talking to a brick wall", 'phrase', 'like talking to a brick wall'],
      ["what part of 'cancel' don't you understand?", 'phrase', "what part of 'cancel' don't you understand"],
      ['nobody ever calls me back', 'phrase', 'nobody ever calls me back'],
      ['is anyone going to answer?', 'phrase', 'is anyone going to answer'],
      ['oh wonderful, another delay', 'phrase', 'oh wonderful, another delay'],
      ['great, just great', 'phrase', 'great, just great'],
      ['the parcel is late again, surprise surprise', 'phrase', 'surprise surprise'],
      ['Seriously? Another delay?', 'phrase', 'Seriously'],
      ['Sure it is.', 'phrase', 'Sure it is'],
      ['is this how you treat loyal customers?', 'phrase', 'is this how you treat loyal customers'],
      ['do you treat all your customers like this', 'phrase', 'do you treat all your customers like this'],
      ['you clearly have no idea', 'phrase', 'you clearly have no idea'],
      ['spare me the excuses', 'phrase', 'spare me the excuses'],
      ["I don't care about your policy.", 'phrase', "I don't care about your policy"],
      ['stop pretending to care', 'phrase', 'stop pretending to care'],
      ['is there anyone competent there?', 'phrase', 'is there anyone competent'],
      ['the courier missed my slot. AGAIN.', 'phrase', 'AGAIN'],
      ["I'm so done with your bank.", 'phrase', "I'm so done with your bank"],
      ["Honestly, it's laughable!", 'phrase', "it's laughable"],
      ['The app froze twice today. This is absolutely pathetic.', 'phrase', 'This is absolutely pathetic'],
    ])('fires on "%s"', (text, kind, excerpt) => {
      // A slightly negative message, as these usually are: feigned surprise counts only then.
      expect(detectFrustration(text, -0.2).signals).toContainEqual({ kind, excerpt });
    });

    it('reaches medium on its own with a plain exasperated message', () => {
      expect(detectFrustration("I'm so done. I'll take my business elsewhere", 0).score).toBeGreaterThanOrEqual(0.4);
    });

    it.each([
      ['fraud reported calmly', 'I think this text message is a scam, what should I do?'],
      ['a question about complaining', 'how do I complain to the ombudsman?'],
      ['a question about leaving', 'should I take my business elsewhere?'],
      ['a seller asking', 'how do I reply to a one-star review on my shop?'],
      ['a review of someone else', "I'm writing a bad review of my old phone company"],
      ['praise', 'oh great, thanks for sorting it'],
      ['good news', 'oh wonderful, another baby on the way'],
      ['a plain yes', 'yeah right, Friday works'],
      ['a finished task', "I'm done with the form, what's next?"],
      ['a mess at home', 'my kitchen is an absolute shambles'],
      ['a joke about oneself', 'what a joke my autocorrect is'],
      ['a scam-checking product', 'your service is a scam-detection tool, right?'],
      ['a confident guess', "I'm pretty sure it is."],
      ['a denial', "you're not crooks, I know that"],
      ['someone else told', 'I told you thieves took my parcel'],
      ['a question about the product', 'is this thing dumber than the old model?'],
      ['an everyday once', 'I only need it once'],
      ['a treat', "I'm treating myself for once"],
      ['a wall to build', 'can I talk to the wall installer about the quote'],
      ['a policy number', "I don't care about your policy number, I need the claim number"],
      ['a reminder', 'my watch keeps telling me to stand up'],
      ['capitals of thanks', 'thanks AGAIN for the help'],
      ['a question in capitals', 'can you send the code AGAIN?'],
      ['a genuine question', 'how hard is it to set up the new router?'],
      ['a finished course', "I'm so done with my driving lessons, passed today!"],
      ['a joke about oneself, mid-sentence', "it's pathetic how much cake I ate"],
    ])('leaves %s alone: "%s"', (_why, text) => {
      expect(kinds(text)).toEqual([]);
    });

    it('reads feigned surprise only in a message that is neither positive nor laughing', () => {
      const pleased = 'Seriously? That is amazing, thank you!';
      expect(detectFrustration(pleased, analyzeSentiment(pleased).score).signals).toEqual([]);
      expect(detectFrustration('what a shock, I won the raffle', 0.3).signals).toEqual([]);
      expect(detectFrustration('shame on you for making such good cookies, haha', -0.1).signals).toEqual([]);
      expect(detectFrustration('shame on you', -0.1).signals).toContainEqual({ kind: 'phrase', excerpt: 'shame on you' });
    });

    it('reads capitals all through as shouting, not as one emphatic word', () => {
      expect(kinds('THANKS AGAIN')).toEqual(['shouting']);
    });
  });

  describe('a complaint told calmly', () => {
    it('reads a broken promise though its own words lift the sentiment', () => {
      const broken = 'I was promised a callback on Monday. It is now Thursday. Nobody has rung.';
      const score = analyzeSentiment(broken).score;
      expect(score).toBeGreaterThan(0.25);
      expect(detectFrustration(broken, score).signals.map((s) => s.kind)).toContain('complaint');
      const kept = 'I was promised next day delivery and it came next day, great job';
      expect(detectFrustration(kept, analyzeSentiment(kept).score).signals).toEqual([]);
    });

    it.each([
      ['a broken promise', 'We were promised a technician by Tuesday.'],
      ['an expected time gone', 'The boiler part was supposed to arrive on the 3rd.'],
      ['time gone by', "it's been five weeks since I sent the form"],
      ['still nothing', 'Still no update on the claim.'],
      ['nobody came back', 'no one has got back to me about the leak'],
      ['a failure counted', 'I have rung six times today'],
      ['the company failed', 'you disconnected my landline by mistake'],
      ['their person failed', 'your engineer just refused to come in'],
      ['a demand', 'Just reverse the fee.'],
      ['a question that wants no answer', 'so what am I supposed to do now?'],
      ['being let down', "no idea why I even bother with this app"],
      ['thanks that mean the opposite', 'The shop shut early with my order inside. Thanks for that.'],
    ])('finds %s: "%s"', (_why, text) => {
      expect(kinds(text)).toContain('complaint');
    });

    it('stays low alone and reaches medium with a second part or negative sentiment', () => {
      expect(detectFrustration('Still no update on the claim.', 0).score).toBeLessThan(0.4);
      expect(detectFrustration("We were promised a technician by Tuesday. It's been five weeks.", 0).score).toBeGreaterThanOrEqual(0.4);
      expect(detectFrustration('Still no update on the claim.', -0.4).score).toBeGreaterThanOrEqual(0.4);
    });

    it.each([
      ['a film that disappointed', 'It was supposed to be a thriller but it was slow.'],
      ['a plain request', 'Just give me the address of the nearest branch'],
      ['a polite cancellation', 'Just cancel the second order please, I clicked twice.'],
      ['a favourite counted', 'Fourth time this year I have booked with you, love it.'],
      ['a question about a delay', 'How long has it been since the parcel left the depot?'],
      ['a plan to move house', 'I am moving house next month, can I keep my number?'],
      ['a plan to change networks', "I'm switching networks at the end of the month"],
      ['a fact checked', 'We were told the pool opens at seven, is that still right?'],
      ['a condition before the demand', 'If the match is called off, I want my money back.'],
      ["someone else's wait", 'My brother is still waiting to hear about his visa.'],
    ])('leaves %s alone: "%s"', (_why, text) => {
      expect(kinds(text)).not.toContain('complaint');
    });
  });

  describe('sarcastic praise', () => {
    it.each([
      ['Your replacement screen cracked on day two. Fantastic.', 'Fantastic'],
      ['You cancelled my table without telling me. Well done.', 'Well done'],
      ['Paid for express and it arrived late anyway. Just brilliant!', 'Just brilliant'],
      ['Lovely. The heater you sent is damaged.', 'Lovely'],
      ['Oh wonderful, the second pair came in the wrong colour too', 'Oh wonderful'],
      ['The engineer never showed and the router is still broken. Oh, just brilliant.', 'Oh, just brilliant'],
    ])('finds it in "%s"', (text, excerpt) => {
      expect(detectFrustration(text, analyzeSentiment(text).score).signals).toContainEqual({ kind: 'phrase', excerpt });
    });

    it('lets the praise soften nothing: the message reaches medium', () => {
      const text = 'Your replacement screen cracked on day two. Fantastic.';
      expect(detectFrustration(text, analyzeSentiment(text).score).score).toBeGreaterThanOrEqual(0.4);
    });

    it.each([
      ['praise after a failure put right', 'My card got stuck in the machine but a new one came next morning. Fantastic.'],
      ['praise of good news', 'The nurse says the scan is clear. Brilliant.'],
      ['a question', 'The order is late again. Brilliant?'],
      ['praise mid-message', 'Brilliant, the delivery is late again and I am out all day.'],
      ['a one-word story', 'Lost. Fantastic.'],
      ['a failure put right in its last clause', 'The pipe burst and your plumber had it sealed by lunch. Fantastic.'],
      ['opening praise before good news', 'Brilliant, the refund came through this morning.'],
      ['a failure only feared', 'Perfect. We would not want to be late for the wedding.'],
      ['a failure put right, told as a thing', 'The delayed train pulled in at six. Wonderful.'],
      ['a thing named by a failure word', 'Excellent. The lost property office had my scarf.'],
    ])('leaves %s alone: "%s"', (_why, text) => {
      expect(detectFrustration(text, analyzeSentiment(text).score).signals.filter((x) => x.kind === 'phrase')).toEqual([]);
    });
  });

  describe('urgency', () => {
    it.each(['this is urgent', 'I need it asap', 'please fix it immediately', 'fix it right now!', 'it is an emergency'])(
      'fires on "%s"',
      (text) => {
        expect(kinds(text)).toEqual(['urgency']);
      },
    );

    it('reads a shouted or exclaimed "now" as a demand', () => {
      expect(signals('I need my phone working NOW')).toContainEqual({ kind: 'urgency', excerpt: 'NOW' });
      expect(kinds('do it now!')).toEqual(['urgency']);
      expect(kinds('it works now')).toEqual([]);
    });

    it('ignores denials and "right now" as plain time', () => {
      expect(kinds("it's not urgent")).toEqual([]);
      expect(kinds('right now it shows zero')).toEqual([]);
      expect(kinds('no rush')).toEqual([]);
    });
  });

  describe('score', () => {
    it('is 0 for a calm message', () => {
      expect(detectFrustration('hello, I have a question about my bill', 0)).toEqual({ signals: [], score: 0 });
    });

    it('grows with more and stronger signals, staying in [0, 1]', () => {
      const one = detectFrustration('this is ridiculous', 0).score;
      const two = detectFrustration('this is ridiculous???', 0).score;
      const many = detectFrustration('THIS IS RIDICULOUS YOU USELESS BOT, WTF??? I NEED IT NOW!!!', -0.9).score;
      expect(one).toBeGreaterThan(0);
      expect(two).toBeGreaterThan(one);
      expect(many).toBeGreaterThan(two);
      expect(many).toBeLessThanOrEqual(1);
    });

    it('rises with negative sentiment, more when a signal is present', () => {
      expect(detectFrustration('my order is late', -0.5).score).toBeGreaterThan(0);
      expect(detectFrustration('this is urgent', -0.5).score).toBeGreaterThan(detectFrustration('this is urgent', 0).score);
      expect(detectFrustration('this is urgent', 0.3).score).toBe(detectFrustration('this is urgent', 0).score);
    });

    it('counts the signals of a clearly pleased message for half', () => {
      const neutral = detectFrustration('THIS IS AMAZING, I already told you', 0).score;
      expect(neutral).toBeGreaterThan(0.5);
      expect(detectFrustration('THIS IS AMAZING, I already told you', 0.8).score).toBeLessThan(neutral * 0.6);
      expect(detectFrustration('THIS IS AMAZING, I already told you', 0.49).score).toBe(neutral);
    });

    it('keeps insults and oaths at full weight in a pleased message', () => {
      expect(detectFrustration('shut up', 0.8).score).toBe(detectFrustration('shut up', 0).score);
      expect(detectFrustration('damn it', 0.8).score).toBe(detectFrustration('damn it', 0).score);
    });

    it('works with the sentiment stage', () => {
      const text = 'This is useless, I already told you twice!!!';
      const result = detectFrustration(text, analyzeSentiment(text).score);
      expect(FrustrationSchema.parse(result)).toEqual(result);
      expect(result.score).toBeGreaterThan(0.6);
    });
  });

  it('keeps excerpts short pieces of the original text', () => {
    const text = `${'I am very upset about this. '.repeat(10)}THIS IS THE WORST SERVICE I HAVE EVER SEEN IN MY ENTIRE LIFE AND I WANT MY MONEY BACK RIGHT NOW`;
    for (const s of signals(text)) {
      expect(s.excerpt.length).toBeLessThanOrEqual(80);
      expect(text).toContain(s.excerpt);
    }
  });
});
