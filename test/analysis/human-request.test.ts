import { FRAMES, detectHumanRequest, requestView } from '../../src/analysis/human-request';
import { corpusTexts } from '../helpers';
import { HumanRequestSchema } from '../../src/schema/analysis';

describe('detectHumanRequest', () => {
  it.each([
    ['talk to a human', 'verb + person'],
    ['I want to talk to a real person', 'verb + person'],
    ['speak to your manager', 'verb + person'],
    // Discourse markers before the request do not turn it into a story.
    ['actually I need to speak to a manager', 'verb + person'],
    ['to be honest, I would rather talk to a person', 'verb + person'],
    ['let me talk to someone', 'verb + person'],
    ['Can I speak with an agent?', 'verb + person'],
    ["Hi, I'd really like to talk to a human please", 'verb + person'],
    ["Why can't I talk to a person?", 'verb + person'],
    ['is there a way to talk to a human', 'verb + person'],
    ['I need to speak to someone', 'verb + person'],
    ['agent please', 'person + please'],
    ['hi, human please', 'person + please'],
    ['operator', 'bare person'],
    ['AGENT!!!', 'bare person'],
    ['Representative.', 'bare person'],
    ['real person', 'bare person'],
    ['I want a representative', 'want + person'],
    ['Get me a human', 'want + person'],
    ['give me a real person', 'want + person'],
    ['can i get an agent', 'want + person'],
    ['I need help from a real person', 'want + person'],
    ['No, I want a human', 'want + person'],
    ['I want to speak to someone real', 'verb + person'],
    ['connect me with support staff', 'transfer'],
    ['transfer me', 'transfer'],
    ['can you transfer me please', 'transfer'],
    ['put me through to customer service', 'transfer'],
    ['escalate this please', 'transfer'],
    ['is there a live person', 'question'],
    ['Hello? Anyone there?', 'question'],
    ['Could a human look at my mortgage overpayment?', 'person + action'],
    ['can someone help me with this', 'person + action'],
    ['have an agent check my account', 'person + action'],
    ['can someone call me', 'callback'],
    ['call me back', 'callback'],
    ['please call me back', 'callback'],
    ["I'd like a callback", 'callback'],
    ['callback please', 'callback'],
    // A conjunction or a finished clause before a first-person request opens a new clause.
    ['my password is Hunter2!xyz and I want to talk to a human now', 'verb + person'],
    ['this chat is going nowhere I need to speak with a supervisor', 'verb + person'],
    ['the app keeps crashing so can I talk to an operator', 'verb + person'],
    // No subject, help/assistance and not-knowing-the-way openers, gerunds.
    ['need to reach a representative', 'verb + person'],
    ['wanna chat to a live operator', 'verb + person'],
    ['could you help me get in touch with a supervisor', 'verb + person'],
    ['I would like some assistance reaching an advisor', 'verb + person'],
    ['help contacting someone from billing', 'verb + person'],
    ["I'm not sure how to get through to an operator", 'verb + person'],
    ['what should I do to reach an employee', 'verb + person'],
    ['how can we contact your staff', 'verb + person'],
    ["I've got to speak with a specialist", 'verb + person'],
    ['I cannot get hold of an advisor', 'verb + person'],
    ['let me speak to a damn supervisor', 'verb + person'],
    ['can I chat with a billing specialist', 'verb + person'],
    // Typos and missing spaces in the frame words.
    ['I want to speek to a reprsentitive', 'verb + person'],
    ['pls let me tlak to a humna', 'verb + person'],
    ['how can i speak tosomeone', 'verb + person'],
    ['connect me to customer servce', 'transfer'],
    ['can you put me thru to the billing departmnet', 'transfer'],
    ['i need custmer suport now', 'want + person'],
    // Transfers without "me", passives, handoff.
    ['pass the chat over to a supervisor', 'transfer'],
    ['can I be transferred to a manager', 'transfer'],
    ['put me through please', 'transfer'],
    ['live handoff please', 'transfer'],
    ['just hand this over', 'transfer'],
    ['could you push my complaint up the chain', 'transfer'],
    ["I do not want to chat with a robot", 'refuses bot'],
    ['do you have live agents?', 'question'],
    ['are there still people working there', 'question'],
    ['could you get a supervisor to review my claim', 'person + action'],
    ['is it possible to have a conversation with an advisor', 'want + person'],
  ])('detects "%s" (%s)', (text, pattern) => {
    const result = detectHumanRequest(text);
    expect(result.detected).toBe(true);
    expect(result.pattern).toBe(pattern);
  });

  it.each([
    "I don't need a human",
    'no need for an agent',
    'human resources',
    'I want to talk to human resources',
    'are you a bot?',
    'are you human?',
    'Is this a real person?',
    'am I talking to a human?',
    'my travel agent booked it',
    'the person at the store said it was fine',
    'I spoke to an agent yesterday and they said it would be refunded',
    'I talked to a human already',
    'human error',
    'it was a human error on my side',
    'he told me to talk to an agent',
    'I asked to speak to a manager yesterday and nobody came',
    'they said they would call me back',
    "don't transfer me",
    'please do not transfer me to an agent',
    'Please don\'t call me',
    'Call me Bob',
    'my agent is handling it',
    'I need someone to fix my router',
    'someone here told me to wait',
    "I'm a real estate agent",
    'what does an agent do',
    'I want to transfer money to my savings',
    'where is my order',
    'they said someone would look at it',
    'I asked if someone could check it last week',
    'could you look at my bill',
    // A first-person request governed by a reporting or conditional word is not a request.
    'the agent said I need to talk to a manager',
    'they told me I want to speak to billing',
    'I wonder if I need to speak to a manager',
    // Staff nouns that are bots or someone else's person, and real words near frame words.
    'talk to a virtual assistant',
    'I am a travel agent',
    'insurance agent',
    'project manager',
    'I walk to the store with a friend',
    'the resistance is strong',
    'the door is locked',
    'I do not like the robot vacuum you sold me',
    'are you an assistant?',
  ])('ignores "%s"', (text) => {
    expect(detectHumanRequest(text)).toEqual({ detected: false });
  });

  it('quotes the words that asked, from the original text', () => {
    expect(detectHumanRequest("Ugh. Can't I just talk to a human?? This is useless")).toEqual({
      detected: true,
      excerpt: "Can't I just talk to a human",
      pattern: 'verb + person',
    });
    expect(detectHumanRequest('OK, I WANT A REAL PERSON NOW')).toMatchObject({ excerpt: 'I WANT A REAL PERSON' });
  });

  it('finds a request in a later clause after a denial', () => {
    expect(detectHumanRequest("I don't want the FAQ, agent please").detected).toBe(true);
  });

  it('returns schema-valid results', () => {
    for (const text of ['agent please', 'hello']) {
      const result = detectHumanRequest(text);
      expect(HumanRequestSchema.parse(result)).toEqual(result);
    }
  });
});

describe('chat spellings, staff by department or trade, whole teams, colleagues, taking over, leaving the bot and being called back', () => {
  it.each([
    ['can ya connect me to an agent', 'transfer'],
    ['gimme a real person', 'want + person'],
    ['lemme talk to a human', 'verb + person'],
    ['id like to speak to a manager', 'verb + person'],
    ['chat wth an agent please', 'verb + person'],
    ['I want to talk to the owner', 'verb + person'],
    ['can I speak to your boss', 'verb + person'],
    ['please transfer me to your team', 'transfer'],
    ['give me to a human', 'transfer'],
    ['somebody from customer support', 'bare person'],
    ['someone from billing please', 'bare person'],
    ['I want to escalate this', 'transfer'],
    ['please escalate', 'transfer'],
    ['could you get a supervisor', 'bring in person'],
    ['let me talk to your superior', 'verb + person'],
    ['pass me on to your colleague', 'transfer'],
    ['would you ask one of your colleagues to check my refund', 'person + action'],
    ['I would rather deal with a person', 'verb + person'],
    ['can this be escalated?', 'transfer'],
    ['escalate now please', 'transfer'],
    ['could you escalate my complaint to tier 2', 'transfer'],
    ['please escalate this to the next level', 'transfer'],
    ['can you put a manager on the line', 'bring in person'],
    ['could you get the manager to call me back', 'callback'],
    ['can an advisor call me?', 'callback'],
    ['can I get somebody on the phone', 'want + person'],
    ['I need to speak with a member of the team', 'verb + person'],
    ['bring in a real person', 'bring in person'],
    ['could an agent take over from here', 'person + action'],
    ['let a human take over please', 'person + action'],
    ['I want to be called by an advisor', 'callback'],
    ['pls a billing rep', 'bare person'],
    ['helpdesk agent please', 'person + please'],
    ['put me in touch with your retentions team', 'transfer'],
    ['could I speak with your loans department', 'verb + person'],
    ['kindly connect me to a customer care executive', 'transfer'],
    ['mate, get me a supervisor', 'want + person'],
    ['operator required', 'person + please'],
    ['live agent needed asap', 'person + please'],
    ['HUMAN HUMAN', 'bare person'],
    ['i need 2 talk 2 sum1', 'verb + person'],
    ['chat w/ a human', 'verb + person'],
    ['any1 real there?', 'question'],
    ['is somebody from the sales team online?', 'question'],
    ['do you have any staff on duty', 'question'],
    ['any chance of an actual human', 'want + person'],
    ['please skip the bot', 'refuses bot'],
    ['how can I get past this chatbot', 'refuses bot'],
    ['stop this robot', 'refuses bot'],
    ['get me off this chatbot', 'refuses bot'],
    ['let us out of this automated system please', 'refuses bot'],
    ['I want to complain to your supervisor', 'verb + person'],
    ['id like to raise a complaint with a manager', 'verb + person'],
    ['can you forward my complaint to a supervisor', 'transfer'],
    ['switch me to a live person', 'transfer'],
    ['link me with an operator', 'transfer'],
    ['could you pass me on?', 'transfer'],
    ['may I just get transferred to someone real', 'transfer'],
    ['could you page a manager into this chat', 'bring in person'],
    ['can somebody from your fraud team ring me', 'callback'],
    ['could a member of your payroll team get in touch with me', 'callback'],
    ['ask one of your advisors to text me', 'callback'],
    ['please arrange for an agent to phone me this afternoon', 'callback'],
    ['I would appreciate it if someone could give me a call', 'callback'],
    ['is it possible to schedule a callback', 'callback'],
    ['id like to request a phone call', 'callback'],
    ['a call back from your team please', 'callback'],
    ['is there a number where I can talk to a person', 'verb + person'],
    ['requesting to speak with a specialist', 'verb + person'],
    ['put me thru to a supervisor', 'transfer'],
    ['where is the button to talk to an agent', 'verb + person'],
    ['are you a bot? if so, get me a person', 'want + person'],
    ['get me somebody from accounts', 'want + person'],
    ['need someone on the line now', 'want + person'],
    ['can I speak to a pharmacist', 'verb + person'],
    ['please transfer me to reception', 'transfer'],
    ['I want to talk to a member of the claims team', 'verb + person'],
    ['is anyone available to talk about my bill', 'question'],
    ['how do I reach a real sales person', 'verb + person'],
    ['could someone in payroll call me', 'callback'],
    ['can I speak with a loan officer', 'verb + person'],
    ['put me onto your caseworker please', 'transfer'],
    ['escalate me to a manager', 'transfer'],
    ['would you mind transferring me to an advisor', 'transfer'],
    ['would you ever just put me through to a person', 'transfer'],
    ['is it at all possible to have an advisor ring me', 'callback'],
    ['I would be very grateful if someone could give me a call', 'callback'],
    ['would it be alright if an agent called me', 'callback'],
    ['could a member of staff be able to phone me', 'callback'],
    ['could I possibly book a callback', 'callback'],
    ['is there even one human working there?', 'question'],
    ['does anyone actually work at this company', 'question'],
    ['what number do I call to speak to a person', 'verb + person'],
    ['who should I talk to in your billing office', 'verb + person'],
    ['please bypass the virtual assistant', 'refuses bot'],
    ['I need speak your supervisor', 'verb + person'],
    ['cn i chat to a human', 'verb + person'],
    ['I want to speak to a sales assistant', 'verb + person'],
    ['can I talk to a billing supervisor please', 'verb + person'],
    ['can I book a callback time for tomorrow morning', 'callback'],
    ['talk to a human order never arrived', 'verb + person'],
    ['who can I speak to about a refund I never got', 'verb + person'],
    ['who do I talk to about this', 'verb + person'],
    ['who at your bank should I talk to?', 'verb + person'],
    ['who do I contact regarding a missing parcel', 'verb + person'],
    ['who do we need to have a word with about the lease', 'verb + person'],
    ['please put me through to the concierge', 'transfer'],
    ['can you connect me to a receptionist', 'transfer'],
    ['could I chat to the chemist', 'verb + person'],
    ['I would like to be put in touch with someone in claims', 'transfer'],
    ['any chance someone from billing could give me a bell', 'callback'],
    ['is it possible for an advisor to ring me', 'callback'],
    ['could you get the nurse to give me a ring', 'callback'],
    ['can i talk w a real person', 'verb + person'],
    ['pls connect me wit sm1', 'transfer'],
    ['please call me, my number is below', 'callback'],
    ['could you call me at 5', 'callback'],
    ['I need to speak with whoever deals with refunds', 'verb + person'],
    ['transfer me to member services please', 'transfer'],
    ['connect me to head office', 'transfer'],
    ['is there a number I can ring to speak to someone', 'question'],
    ['do you have a line where a real person picks up', 'question'],
  ])('detects "%s" (%s)', (text, pattern) => {
    expect(detectHumanRequest(text)).toMatchObject({ detected: true, pattern });
  });

  it.each([
    'wth is going on with my order',
    'my id is 4411 and my order is late',
    'someone from billing called me about the invoice',
    'the owner of the shop was rude to me',
    'my boss told me to contact support',
    'ya that is the right address',
    'escalate',
    'can you get the manager discount on my order',
    'can someone else take over my contract',
    'let my daughter take over the account',
    'I would like to be contacted by email',
    'my colleague told me to write to you',
    'I could not get anyone on the phone last week',
    'I had to deal with a rude agent on Monday',
    'thanks, no need to escalate',
    'I want to escalate this to the ombudsman',
    'do I need to escalate?',
    'they escalated it to tier 2 last week',
    'my pain escalated to the next level overnight',
    'could you tell me how to escalate to tier 2',
    'prices escalate every year',
    'let me talk to a colleague and get back to you',
    'can a colleague join the webinar?',
    'can you get someone here tomorrow morning?',
    'can I put someone on the phone plan?',
    'I have to deal with an employee who left',
    'how do I stop the bot from sending me reminders',
    'exit the bot in the app settings',
    'can I schedule a call reminder for Friday',
    'is there a call back number for the pharmacy',
    'can you email me the invoice',
    'could someone text me the code',
    'can you text me the tracking link',
    'I need an executive summary of my spending',
    'is anyone available to fix the leak on Monday?',
    'my claims handler said it was approved',
    'I complained to your staff last month',
    'I want to transfer money to my savings',
    'I need to discuss this with the team first',
    'no agent needed, all sorted',
    'not a person required for this, right?',
    'I speak 2 languages',
    'I had a live chat with an agent yesterday',
    'the customer service rep was lovely',
    'a cleaning team is coming tomorrow',
    'can it connect with my smart speaker',
    'I need a plumber',
    'the doctor said to rest',
    'someone on the phone plan was charged twice',
    'if so, what is the fee?',
    'the police officer took a statement',
    'my social worker will call you',
    'is there one person working the desk or two',
    'I speak a little English',
    'report this charge as fraud',
    'the assistant told me to wait',
    'I am looking for a human hair wig',
    'let me discuss it with people at home first',
    'I want to talk to a lawyer before I sign',
    'I need to reach a care worker for my dad',
    'can you report this to your technical team? the app crashes',
    'can you forward it to the accounts department',
    'can you talk someone through resetting the router',
    'who do I speak to at the front desk when I arrive',
    'will the technician call me before arriving',
    'could someone from the depot ring me when the parcel is ready',
    'can someone text me when it ships',
    'how do I stop the robot vacuum beeping',
    'please take me off this mailing list',
    "I'll pass this on to my team later.",
    'hand it over at the counter',
    'get me out of this contract',
    'is anyone available to help with the installation on Saturday',
    'does anyone work at the Leeds branch on Sundays',
    'for a refund over 100 pounds, manager required?',
    'I need someone from accounts to sign off the invoice',
    'who did I talk to yesterday about this',
    'who should I call first, my bank or the police?',
    'the receptionist at the hotel was rude',
    'my engineer said the line is fine',
    'whoever handles invoices sent me the wrong one',
    'she said want to talk to a manager',
    'our developers need an API key',
    'give me a shout when it ships',
    'how do I connect my phone to the wifi',
    'can I add one of my folks to the plan',
    'can I be put in touch with a plumber in my area',
    'please switch me to the concierge plan',
    'talk to the receptionist at my dentist',
    'contact customer relations at the airline',
    'the post office lost my letter, who do I call for a locksmith?',
    'who should I call about my windscreen, my insurer or the garage?',
    'who do I talk to about parking when I arrive at the hotel?',
    'can you give me a bell pepper instead of onion',
    'can the nurse call me Sam',
    'can the receptionist call me a taxi',
    'my parents want to speak to a human but I am happy here',
    'can you connect me w the office printer',
    'what is your phone number',
    'is there a line for someone with a wheelchair',
    'is there a number to text someone their balance?',
    'is there a helpline number that someone with hearing loss can use',
  ])('leaves "%s" alone', (text) => {
    expect(detectHumanRequest(text).detected).toBe(false);
  });
});

describe('frame word gates', () => {
  // A frame's `needs` only skips work: wherever its expression matches the message as the frames
  // read it, one of those words must be there. Checked on every message of the fixtures and the
  // worked example, and on requests written for each frame.
  const texts = [
    ...corpusTexts(),
    'talk to a human', 'can you transfer me', 'can I be transferred', 'put me through', 'escalate this', 'I want a handoff',
    'I do not want to talk to a bot', 'get me a manager', 'could a person look at my bill', 'is there a live agent',
    'can you get a manager', 'bring in a human', 'I want to be contacted by an agent',
    'anyone there?', 'call me back', 'callback please', 'agent please', 'someone from billing', 'customer service',
    'talk to the owner', 'transfer me to your team', 'do you have live chat', 'stop the bot',
    'who can I talk to in your sales team', 'who do I contact about my deposit', 'any chance one of your staff could give me a bell',
    'connect me to the admissions office', 'I would like to be put in touch with a claims handler',
    'is there a number I can ring to speak to someone', 'I need to speak with whoever deals with refunds',
    'get the loyalty team on the phone', 'person, not menu', 'a human now or I cancel', 'a callback would be great',
    'is an agent available today?', 'someone from the council please', 'your supervisor sounds nice. put her on',
    'escalate to tier 2 please',
  ];
  it('never hides a frame behind the message-level gate: passive transfers and a team as target are found', () => {
    expect(detectHumanRequest('can I be transferred?')).toMatchObject({ detected: true, pattern: 'transfer' });
    expect(detectHumanRequest('can I talk to your office')).toMatchObject({ detected: true, pattern: 'verb + person' });
  });

  it.each(FRAMES.map((frame, i) => [`${i} ${frame.pattern}`, frame] as const))('frame %s: a match always holds a needed word', (_name, frame) => {
    let matched = 0;
    for (const text of texts) {
      const view = requestView(text);
      frame.re.lastIndex = 0;
      if (!frame.re.test(view.canon)) continue;
      matched += 1;
      const words = new Set(view.tokens.map((t) => t.norm));
      expect([view.canon, [...frame.needs].some((w) => words.has(w))]).toEqual([view.canon, true]);
    }
    expect(matched).toBeGreaterThan(0);
  });
});

describe('typed slips', () => {
  it.each([
    ['custmer servce', 'customer service'],
    ['billing departmnet', 'billing department'],
    ['tech suport', 'tech support'],
  ])('reads "%s" as "%s"', (text, words) => {
    expect(requestView(text).tokens.map((t) => t.norm).join(' ')).toBe(words);
  });

  it.each(['even though it broke', 'I read the terms', 'the tram is late', 'a reel of tape', 'I love your support team'])(
    'leaves real words one slip from a frame word alone, and finds no request in "%s"',
    (text) => {
      expect(requestView(text).tokens.map((t) => t.norm).join(' ')).toBe(text.toLowerCase());
      expect(detectHumanRequest(text).detected).toBe(false);
    },
  );
});

describe('frame size', () => {
  // The person pattern (a determiner, qualifiers, a staff noun) is the costly part of
  // a frame for the regular-expression compiler, which works on each copy separately when the
  // frame is first used. A frame names its target once; the qualifier list appears in it at
  // most twice (the plain person and the "billing agent" form).
  it.each(FRAMES.map((frame, i) => [`${i}: ${frame.pattern}`, frame] as const))('%s holds the person pattern at most once', (_name, frame) => {
    expect(frame.re.source.split('english speaking').length - 1).toBeLessThanOrEqual(2);
  });
});

describe('qualifiers before a staff noun', () => {
  it('reads up to four of them ("a real live english speaking human")', () => {
    expect(detectHumanRequest('can I talk to a real live english speaking human').detected).toBe(true);
    expect(detectHumanRequest('please transfer me to an actual competent senior agent').detected).toBe(true);
  });

  it('finds no request in a wall of qualifiers, and completes', () => {
    const wall = `talk to a ${'real live '.repeat(1_500)}thing`;
    expect(detectHumanRequest(wall).detected).toBe(false);
    expect(detectHumanRequest(`${'real '.repeat(3_000)}please`).detected).toBe(false);
  });
});

describe('wishes, ultimatums, availability and a person set against the bot', () => {
  it.each([
    ['a real human would be lovely', 'wish'],
    ['a call back would be much appreciated, thanks', 'wish'],
    ['is a supervisor free this afternoon?', 'question'],
    ['is anybody available to speak to me', 'question'],
    ['an actual person, not the automated menu', 'person not bot'],
    ['an agent today or we switch provider', 'person or else'],
    ['a manager right now or I walk', 'person or else'],
    ['could you get the retentions team on the line', 'bring in person'],
    ['could a human answer my question', 'person + action'],
    ['I would rather hear it from your manager', 'verb + person'],
    ['ok just phone me instead', 'callback'],
    ['somebody from the bank please', 'person + please'],
    ['what is the secret to get past the bot to a human', 'refuses bot'],
    ['I would like somebody more senior', 'want + person'],
    ['could your claims team get in touch about it', 'callback'],
    ['please book the callback', 'callback'],
    ['your supervisor sounds nice. put her on', 'bring in person'],
    ['have you got a number for an actual person', 'question'],
    ['what is the number for a real person', 'question'],
    ['is there a direct line to a supervisor', 'question'],
    ['give me please the number of an advisor', 'question'],
    ['I need the phone number of someone who can approve the refund', 'question'],
    ['please provide the contact number of your branch officer', 'question'],
    ['can sum1 from ur team hmu about the bill', 'callback'],
    ["what's the direct line for your claims handler", 'question'],
  ])('"%s" asks for a person (%s)', (text, pattern) => {
    expect(detectHumanRequest(text)).toMatchObject({ detected: true, pattern });
  });

  it.each([
    'a real human would be better at sorting socks than me',
    'a callback would be handy for the app I am building',
    'are your advisers available on Sundays?',
    'is a supervisor available to approve the refund?',
    'I am a human, not a robot, why does the captcha keep failing',
    'our shop has real staff, not a machine, at every till',
    'a supervisor or I will have to sign the form',
    'someone real or else the photos were edited',
    'phone me instead of the landline number on file for the delivery driver when he arrives',
    'Call Me Instead is the song in your advert',
    'somebody from the bank please call back is what my mum keeps saying',
    'I need somebody senior in our office to sign the order',
    'we want someone in charge of the rota',
    'my accountant will get in touch about it',
    'my manager wants the invoices, I will put them on your portal',
    'have you got a number for a taxi firm',
    'what is the number for my account',
    'tell me the number of people allowed in the room',
    'I need the phone number of my gas supplier',
    'please provide a contact number for the delivery',
    'hmu when the sale starts',
    'which is the line for the gate agent',
    'what is the number of agents on shift today',
  ])('"%s" is no request', (text) => {
    expect(detectHumanRequest(text).detected).toBe(false);
  });
});
