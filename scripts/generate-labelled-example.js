#!/usr/bin/env node
'use strict';

/*
 * Writes the worked example of labelled conversations in examples/labelled/ (or in the folder
 * given as the first argument): conversations.jsonl and outcomes.jsonl.
 *
 * Every conversation is simulated from a few hidden variables (what went wrong, how badly, how
 * many tries the bot needs, when the customer's patience runs out). The gold label comes from
 * those variables and the support team's own judgement (TEAM below), never from the library, so
 * the default rule pack can be scored against a policy it does not know. The text is written so
 * that the library's facts follow the hidden variables: a "mild" remark reads mildly negative, a
 * "moderate" outburst gives a middling frustration score, and so on.
 *
 * Everything is drawn from one seeded generator, so the output is the same bytes on every run and
 * every machine: no clock, no Math.random, no locale-dependent formatting.
 */

const fs = require('node:fs');
const path = require('node:path');

const SEED = 0x5eed2026;
const NOISE_RATE = 0.05;

/*
 * How this team judges a conversation. The default pack's number is noted next to each one that
 * differs; the rest match the default pack.
 */
const TEAM = {
  // Four complaining turns in a row before a person is needed: the bot often fixes the problem at
  // the third or fourth try, and an early handoff costs an agent's time (default: 3).
  negativeStreak: 4,
  // Three misunderstandings in a row: two are usually a rephrasing away from an answer (default: 2).
  consecutiveFallbacks: 3,
  // A customer who is clearly annoyed, not only one who is shouting, goes to a person (default: 0.7;
  // "moderate" outbursts below sit between 0.55 and 0.7).
  frustrationLevel: 'moderate',
  // Any unhappiness from a vip or gold customer, mild wording included (default: sentiment -0.3;
  // "mild" remarks below score between -0.1 and -0.3).
  highValueTone: 'mild',
  // Same as the default pack.
  repeats: 2,
  loopFromTurn: 2,
};

// --- Seeded randomness -------------------------------------------------------------------------

/** mulberry32: a 32-bit state is enough here, and it is short enough to read. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Set afresh by generate(), so every call starts from the same seed.
let random = mulberry32(SEED);
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const chance = (p) => random() < p;
const pick = (list) => list[Math.floor(random() * list.length)];

/** Picks from [[weight, value], ...]. */
function weighted(pairs) {
  const total = pairs.reduce((sum, [w]) => sum + w, 0);
  let r = random() * total;
  for (const [w, v] of pairs) {
    r -= w;
    if (r < 0) return v;
  }
  return pairs[pairs.length - 1][1];
}

function shuffle(list) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Draws without replacement, so one conversation never says the same thing twice: a repeated
 * sentence would read as the customer repeating themselves, or as the bot going round in circles.
 */
function deck(list) {
  let cards = shuffle(list);
  return () => {
    if (cards.length === 0) cards = shuffle(list);
    return cards.pop();
  };
}

// --- Wording -----------------------------------------------------------------------------------

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const CITIES = ['Lisbon', 'Madrid', 'Athens', 'Dublin', 'Valencia', 'Porto', 'Milan', 'Seville'];

function fillSlots(text, slots) {
  return text.replace(/\{(\w+)\}/g, (_, name) => slots[name]);
}

function newSlots() {
  return {
    ref: String(int(40000, 98999)),
    code: ['K', 'M', 'R', 'T', 'X'][int(0, 4)] + String(int(1000, 9999)) + ['A', 'B', 'D', 'F'][int(0, 3)],
    day: pick(DAYS),
    city: pick(CITIES),
    amount: `£${int(18, 240)}.${String(int(0, 99)).padStart(2, '0')}`,
    digits: String(int(100, 999)),
  };
}

/*
 * Each domain holds neutral wording only: an opening request, extra details, bot answers that do
 * not solve the problem, bot replies that do, the request a customer may have to restate, vague
 * messages a bot would not understand, and plain questions with their answers.
 */
const DOMAINS = [
  {
    key: 'parcel',
    channel: 'web',
    intent: 'order_status',
    open: [
      "Hi, I'm checking on order {ref}, which was due on {day}.",
      'Hello, can you tell me where order {ref} is?',
      "I'd like an update on my parcel, order number {ref}.",
    ],
    details: [
      'The tracking page says it left the depot on {day}.',
      "I'm at home until six every evening.",
      "It's a pair of walking boots in size nine.",
      'I paid for next-day delivery.',
      "The courier's page shows the same status as your website.",
      'My flat is on the second floor, with a buzzer at the front door.',
    ],
    answers: [
      'Parcels can take up to five working days to arrive.',
      'You can follow your parcel on the tracking page in your account.',
      'Our couriers deliver between 8am and 8pm, Monday to Saturday.',
      'Most deliveries in your area are running on schedule this week.',
      'Tracking updates can take a few hours to appear.',
      "If the courier can't deliver, they leave a card with the next steps.",
    ],
    solve: [
      "I've found it: the parcel was held at the depot and it's back on the van for delivery tomorrow before noon.",
      "I've booked a redelivery for tomorrow morning and emailed you a new tracking link.",
    ],
    core: ['change the delivery address for order {ref}', 'send order {ref} to my work address instead'],
    vague: ['the thing with the label on the box', "courier page has a message I can't make out", 'slot picker greyed out', 'the safe place note box'],
    faq: [
      ['Do you deliver on Sundays?', 'Yes, we deliver on Sundays in most areas, between 10am and 4pm.'],
      ['Can I return boots bought online to a store?', 'Yes, you can return online orders to any of our stores within 30 days.'],
      ['How much is next-day delivery?', 'Next-day delivery costs £4.95 and is free on orders over £50.'],
    ],
  },
  {
    key: 'broadband',
    channel: 'web',
    intent: 'internet_issue',
    open: [
      'Hi, my broadband connection drops out most evenings.',
      'Hello, the internet at home has been slow since {day}.',
      "My router's light is flashing orange and the connection comes and goes.",
    ],
    details: [
      'The router is the white one you sent last year.',
      "I've restarted it twice today.",
      'It happens mostly after seven in the evening.',
      'There are four of us working and studying from home.',
      'The line test in the app finished without any message.',
      'My account number is {ref}.',
    ],
    answers: [
      'Evening speeds can vary when many people are online in your area.',
      'Try placing the router somewhere higher and away from other devices.',
      'You can run a line test from the My Broadband page.',
      'A wired connection is usually more stable than wifi.',
      'Restarting the router clears most temporary faults.',
      'Our network status page shows no known outage in your area.',
    ],
    solve: [
      "I've found a fault on the line and reset it from our side. Your connection should be stable now.",
      "I've moved your line to a less busy channel and the test now shows full speed.",
    ],
    core: ['book an engineer visit for my broadband line', 'get an engineer to check the broadband line at my address'],
    vague: ['green light then nothing', 'box upstairs keeps blinking', 'the speed thing in the app', 'laptop says connected, no pages'],
    faq: [
      ['What speed is the Fibre 150 package?', 'Fibre 150 gives average download speeds of 150Mbps.'],
      ['Can I use my own router?', 'Yes, you can use your own router; the settings are on our help pages.'],
      ['Is there a setup fee for new customers?', 'There is no setup fee on any of our broadband packages.'],
    ],
  },
  {
    key: 'refund',
    channel: 'app',
    intent: 'refund_status',
    open: [
      "Hi, I returned a jacket on {day} and I'm checking on the refund.",
      'Hello, when will I get my refund for order {ref}?',
      "I sent back a coffee machine two weeks ago and I'm waiting for the refund.",
    ],
    details: [
      'The return was dropped at the post office near my work.',
      'I paid with my debit card.',
      'The amount was {amount}.',
      'I kept the receipt from the drop-off.',
      'The order number is {ref}.',
      'It was a gift, bought in the spring sale.',
    ],
    answers: [
      'Refunds are processed within 14 days of us receiving the item.',
      'Your bank may take a further 3 to 5 working days to show the refund.',
      'You can see the status of a return under Orders > Returns.',
      'Returned items are checked at our warehouse before the refund is issued.',
      'Refunds go back to the card used for the purchase.',
    ],
    solve: [
      "I can see the return arrived on Monday. I've issued the refund of {amount} today, and it should reach your card within three working days.",
      "The refund was waiting for a check; I've released it and you'll get a confirmation email shortly.",
    ],
    core: ['get the refund for order {ref} paid to a different card', 'have the refund for order {ref} sent to my new card'],
    vague: ['the money back bit', 'the receipt number from the post office thing', 'jacket parcel went back already', 'balance on the card looks the same'],
    faq: [
      ['How long do I have to return something?', 'You can return most items within 30 days of delivery.'],
      ['Do you refund the delivery charge?', 'Yes, the delivery charge is refunded when the whole order is returned.'],
      ['Can I exchange a jacket for another size?', 'Yes, choose Exchange under Orders > Returns and pick the new size.'],
    ],
  },
  {
    key: 'energy',
    channel: 'web',
    intent: 'billing',
    open: [
      'Hi, I have a question about my latest energy bill.',
      "Hello, my direct debit went up to {amount} this month and I'd like to know why.",
      'My bill this quarter is much higher than the last one.',
    ],
    details: [
      "We're a household of two in a small flat.",
      'I sent a meter reading on {day}.',
      'The account number is {ref}.',
      "We haven't changed how we use the heating.",
      'The bill covers January to March.',
      'I pay by direct debit on the first of the month.',
    ],
    answers: [
      "Bills are based on your meter readings, or on an estimate when we don't have one.",
      'You can send a meter reading in the app under Account > Meter readings.',
      'Direct debits are reviewed every six months.',
      'Winter bills are usually higher because of heating.',
      'You can see a breakdown of your charges on the Bills page.',
    ],
    solve: [
      "Your last bill used an estimated reading. I've replaced it with the reading you sent, and the corrected bill is {amount} lower.",
      "I've recalculated your direct debit from your real usage; it goes down to {amount} from next month.",
    ],
    core: ['update the meter reading on account {ref}', 'put the new meter reading on account {ref}'],
    vague: ['the number under the little flap', 'two rates thing on the display', 'the estimate letter', 'readings page spins'],
    faq: [
      ['How do I send a meter reading?', 'You can send a meter reading in the app or on the website under Meter readings.'],
      ['When is my bill sent?', 'Bills are sent every three months, on the date shown in your account.'],
      ['Can I pay my bill by card?', 'Yes, you can pay by card on the Payments page at any time.'],
    ],
  },
  {
    key: 'travel',
    channel: 'web',
    intent: 'booking_change',
    open: [
      "Hi, I'd like to change the date of my flight, booking {code}.",
      'Hello, I need to add a checked bag to booking {code}.',
      'Can I move my return flight from {city} to a day later?',
    ],
    details: [
      'The booking reference is {code}.',
      "It's for two adults.",
      'We fly out on {day} morning.',
      'The return is from {city}.',
      'I booked through your website in January.',
      "We'd prefer an afternoon flight.",
    ],
    answers: [
      'You can manage your booking from the My Trips page.',
      'Changes can be made up to 24 hours before departure.',
      'Checked bags can be added for each flight separately.',
      'Fare differences apply when you change dates.',
      "You'll find our baggage allowances on the Baggage page.",
    ],
    solve: [
      "Done: I've moved your return flight to the next day at 14:20 and emailed your new itinerary.",
      "I've added one 23kg bag to both flights on booking {code}; the receipt is in your inbox.",
    ],
    core: ['move my return flight on booking {code} to the next day', 'change the return flight on booking {code} to the following day'],
    vague: ['the seat map thing is blank', 'extra case for the way back', 'the date box will not take it', 'fare button greyed out'],
    faq: [
      ['How much hand luggage can I take?', 'You can take one small bag and one cabin bag up to 10kg.'],
      ['When does online check-in open?', 'Online check-in opens 30 hours before departure.'],
      ['Can I choose my seat in advance?', 'Yes, you can choose a seat from My Trips once your booking is confirmed.'],
    ],
  },
  {
    key: 'banking',
    channel: 'app',
    intent: 'transfer_status',
    open: [
      "Hi, I sent a transfer of {amount} on {day} and I'd like to know where it is.",
      'Hello, I want to check the status of a transfer I sent to my landlord.',
      'How long does a transfer to a bank in {city} take?',
    ],
    details: [
      'The transfer reference is {ref}.',
      'It was sent from my current account.',
      'The receiving bank is in {city}.',
      'The amount was {amount}.',
      'I used the app to send it.',
      'My landlord gave me the account details by email.',
    ],
    answers: [
      'Transfers between UK banks usually arrive within two hours.',
      'International transfers can take up to four working days.',
      'You can see the status of a transfer under Payments > History.',
      'Payments to a new payee can take a little longer the first time.',
      'Transfers made after 6pm are processed the next working day.',
    ],
    solve: [
      "I can see the transfer was held for a routine check. It's been released and will arrive within the hour.",
      "The transfer has reached the other bank; I've emailed you the payment confirmation to show your landlord.",
    ],
    core: ['get a payment confirmation for transfer {ref}', 'have a confirmation sent for transfer {ref}'],
    vague: ['money not showing other side', 'the pending thing in payments', 'landlord says zero', 'sent thing from savings'],
    faq: [
      ["What's the daily transfer limit?", 'You can send up to £10,000 a day in the app.'],
      ['Can I set up a standing order in the app?', 'Yes, go to Payments > Standing orders and tap New.'],
      ['How do I order a new card reader?', 'You can order a card reader under Settings > Security.'],
    ],
  },
  {
    key: 'mobile',
    channel: 'whatsapp',
    intent: 'roaming',
    open: [
      "Hi, I'm travelling to {city} next week, will my plan work there?",
      'Hello, my phone shows no data since I landed in {city}.',
      'How much does roaming cost on my plan?',
    ],
    details: [
      'My number ends in {digits}.',
      'The phone is an Android from last year.',
      'Roaming is switched on in the settings.',
      "I'm on the Unlimited 30 plan.",
      'I arrived this morning.',
      "I'll be there for ten days.",
    ],
    answers: [
      'Roaming is included in Europe on most of our plans.',
      'You can check roaming charges for each country on our Roaming page.',
      "Make sure data roaming is switched on in your phone's settings.",
      'Restarting your phone after landing often helps it find a network.',
      'You can add a travel pass in the app.',
    ],
    solve: [
      "I've reset your roaming profile from our side. Restart your phone and it should connect to a local network.",
      "Your plan includes roaming in {city}; I've switched on the travel add-on so data works straight away.",
    ],
    core: ['add the travel pass to my number ending {digits}', 'put the travel pass on my number ending {digits}'],
    vague: ['the bars show up but pages never open', 'that calls only message at the top', 'APN thing', 'switched flight mode on and off already'],
    faq: [
      ['Does my plan include calls to other countries?', 'International calls are charged per minute; the rates are on our Prices page.'],
      ['How do I check my data balance?', 'Text BALANCE to 150 or open the app.'],
      ['Can I keep my number if I upgrade my phone?', 'Yes, your number stays the same when you upgrade.'],
    ],
  },
  {
    key: 'insurance',
    channel: 'web',
    intent: 'claim_status',
    open: [
      "Hi, I'm checking on my home insurance claim {ref}.",
      'Hello, I sent photos for my claim on {day}, what happens next?',
      'Can you tell me where my claim {ref} is up to?',
    ],
    details: [
      'The claim is for a window pane that needs replacing.',
      'I uploaded four photos.',
      'My policy number is {ref}.',
      'The repair quote was {amount}.',
      'It happened during the storm on {day}.',
      'The glazier can come next week.',
    ],
    answers: [
      'Most claims are reviewed within ten working days.',
      'You can follow your claim on the Claims page.',
      'We may ask for a repair quote before we approve a claim.',
      'Your excess is shown in your policy documents.',
      'Photos help us review a claim more quickly.',
    ],
    solve: [
      "Your claim has been approved. We'll pay {amount} minus your excess into your account within three days.",
      "I've added the repair quote to your claim and it's now approved.",
    ],
    core: ['add the repair quote to claim {ref}', 'attach the repair quote to claim {ref}'],
    vague: ['the upload box for pictures', 'excess thing on the letter', 'storm form thingy', 'quote from the glass man'],
    faq: [
      ['Is my garden shed included in my home cover?', 'Outbuildings such as sheds are included up to £2,500.'],
      ['How do I get a copy of my policy documents?', 'You can download them from the Documents page.'],
      ['Can I pay for my policy monthly?', 'Yes, you can switch to monthly payments on the Payments page.'],
    ],
  },
];

/*
 * Sentiment-only complaints by tone (no shouting, insults, exasperated phrases or anger said
 * outright, so they move sentiment and not frustration). mild: about -0.1 to -0.3; moderate: -0.3
 * to -0.6; strong: under -0.6.
 */
const COMPLAINTS = {
  mild: [
    "That's a little inconvenient.",
    "That's a little worrying.",
    "I'm a little worried.",
    "It's a bit confusing.",
    "That's a bit odd.",
    "That's a little strange.",
    "I'm a bit confused.",
    "I'm slightly worried.",
    "That seems a little odd.",
    "That's a bit unclear.",
    'Hmm, a bit strange.',
    "I'm a little confused by that.",
  ],
  moderate: [
    'This is not good enough.',
    "I'm not happy about this.",
    'This is really poor.',
    "I'm quite upset about it.",
    "That's a poor service.",
    'This is a real problem for me.',
    "It's very inconvenient.",
    "I'm unhappy with how this has gone.",
    'This is a bad experience.',
    'This is terrible.',
    "I'm really unhappy about this.",
    'This has been a miserable experience.',
    "It's not great.",
    "That's not brilliant.",
  ],
  strong: [
    "I'm extremely unhappy and upset.",
    'This is a horrible mess.',
    "I'm so unhappy, this is the worst.",
    'This is awful and I am really upset.',
    "Honestly, this is the worst I've had.",
    "I'm really upset, this is a terrible experience.",
    "This is terrible, I'm really unhappy with it.",
    "I'm devastated, this is a disaster.",
    'What an awful, stressful mess.',
  ],
};

/*
 * Outbursts with frustration signals, each with its tone (what sentiment says about it) and its
 * level: low stays under 0.52, moderate lands between 0.55 and 0.7, high goes over 0.72.
 */
const OUTBURSTS = {
  low: [
    ['Come on, really???', 'neutral'],
    ['Why is this taking so long???', 'moderate'],
    ["No, that's not right.", 'neutral'],
    ['This is not helping.', 'mild'],
    ['Are you even reading my messages?', 'neutral'],
    ['What is the point of this chat?', 'neutral'],
    ["I'm fed up with this.", 'neutral'],
    ["Seriously?! That doesn't answer anything.", 'mild'],
    ["You're not listening to me.", 'moderate'],
    ["That's not what I asked.", 'moderate'],
    ['I need this sorted urgently.', 'neutral'],
  ],
  moderate: [
    ["I told you already, it's still not working.", 'moderate'],
    ["This is ridiculous, I've already told you twice.", 'moderate'],
    ['THIS IS NOT WHAT I ASKED FOR.', 'moderate'],
    ['This is a joke. Absolutely useless.', 'strong'],
    ["I've had enough, this is useless.", 'moderate'],
    ['How many times do I have to say it? This is pointless.', 'mild'],
    ["Still not working and you're not listening.", 'strong'],
    ["This is unacceptable and you're not listening.", 'strong'],
    ["I already explained this, it's a waste of time.", 'strong'],
  ],
  high: [
    ['This is beyond a joke, what a waste of time!!!', 'strong'],
    ['Useless bot. Total waste of my time.', 'strong'],
    ['Damn it, this is useless.', 'strong'],
    ["WHY IS THIS SO HARD??? You're completely useless.", 'strong'],
    ['You are an idiot. This is ridiculous!!!', 'strong'],
    ["I'm sick of this, NOTHING WORKS!!!", 'strong'],
    ['What a total waste of time, you stupid bot.', 'strong'],
  ],
};

// Remarks a vip or gold customer makes when nothing is wrong (they read neutral or positive).
const CONTENT_REMARKS = [
  'Thanks for getting back to me.',
  'No rush, just checking.',
  "That's useful to know.",
  "It's a bit awkward for me.",
  'I appreciate the quick reply.',
  'Good to know, thanks.',
];

const HUMAN_REQUESTS = [
  'Can I speak to a person, please?',
  "I'd like to talk to a human.",
  'Agent, please.',
  'Could you put me through to someone in customer service?',
  'Is there a real person I can talk to?',
  'Can someone call me back about this?',
  'I want to speak to a manager.',
  'Please connect me to an agent.',
  'Get me a real person.',
  'Can I have a call back this afternoon?',
  'Human please.',
  'Is there anyone from your team who can look at this?',
  'This is going nowhere, let me talk to a person.',
  "I don't want to talk to a bot, I want a human.",
];

const TOPICS = {
  fraud: [
    "There's a payment on my statement that I didn't make.",
    'I think my card was stolen at the station this morning.',
    'Someone has used my card to buy things online.',
    "I've lost my wallet with both of my cards in it.",
    'I can see three unknown transactions on my account.',
  ],
  account_compromise: [
    'I think my account has been hacked.',
    'Someone changed my password without my permission.',
    'I got an alert about a suspicious login from another country.',
    'Somebody has logged into my account and changed the email address.',
  ],
  bereavement: [
    'My mother passed away last month and the account is in her name.',
    "I'm writing about my late father's account.",
    'My husband died in March and the bills are still in his name.',
    'I need to send you a death certificate for my grandmother.',
  ],
  legal: [
    "If this isn't fixed I'll be speaking to my solicitor.",
    "I'm going to report this to the ombudsman.",
    "I'll take this to the small claims court.",
    'My lawyer has advised me to put this in writing.',
  ],
  safety: [
    "There's a strong smell of gas near the meter.",
    'The charger started sparking and smoke came out of it.',
    'There are exposed wires hanging from the box outside my house.',
  ],
  cancellation: [
    'I want to cancel my contract.',
    "I'm switching to another provider next month.",
    "Please close my account, I'm moving to a different bank.",
    "I'd like to end my membership at the end of this month.",
  ],
};
const TOPIC_REPLIES = [
  "Thank you for telling me. I'll need a few details to help with this.",
  'I understand. Let me check what I can do from here.',
  "Thanks for letting me know. Can you confirm the name on the account?",
];
const TOPIC_FOLLOW_UPS = ["Thank you, I've noted that.", "Thanks, I've added that to your case.", 'Understood, thank you.'];
const TOPIC_DETAILS = [
  'The account is in my name.',
  'It happened this morning.',
  'My postcode is on the account.',
  "I'm at home now.",
  'I have the letter here with me.',
];

// Look like a request for a person, a churn or a sensitive topic, and are none of them.
const NEAR_MISSES = [
  ['Who do I contact in human resources about my payslip?', 'Staff can reach HR through the staff portal under My HR.'],
  ["I don't need a human, just the opening hours please.", "We're open 8am to 8pm on weekdays and 9am to 5pm on Saturdays."],
  ['My travel agent booked the flights, can I still add a bag?', 'Yes, you can add bags from My Trips even when an agent made the booking.'],
  ["My manager asked me to download last month's invoice.", 'You can download invoices from the Billing page as PDF files.'],
  ['Are you a bot? Just curious, you answer very quickly.', "I'm the virtual assistant. How can I help today?"],
  ['The agent I spoke to yesterday was great, I just need the reference number again.', "Your reference is {ref}; it's also in the email we sent you."],
  ["Can I cancel order {ref}? I'd like the blue one instead.", "Order {ref} hasn't shipped yet, so I've cancelled it and started your refund."],
  ["I'm dying to try the new tariff, when does it launch?", 'It launches on the 1st of next month.'],
  ['Is the store manager in on Saturday?', 'Store managers work most Saturdays; you can call the store to check.'],
  ['No need for a person, this chat is fine.', 'Happy to help here. What would you like to know?'],
  ["I'd rather not speak to anyone, just send me the form.", "I've emailed you the form."],
  ['My estate agent needs a copy of the last bill.', 'You can download your last bill from the Bills page and forward it.'],
  ['Can you tell me the customer service hours?', 'Our customer service team is available from 8am to 8pm every day.'],
  ["What's the phone number for the sales team?", 'You can reach our sales team on 0800 123 4567.'],
  ['Does the insurance cover a person driving my car?', 'Named drivers on your policy are covered; you can add one on the Drivers page.'],
  ['Can I talk to you about my bill?', "Of course. What would you like to know about your bill?"],
  ['My phone battery is nearly gone, can you email me the details?', "I've emailed the details to the address on your account."],
  ['Can I end my gym class booking early and rebook it for Friday?', 'Yes, you can move the class to Friday from the Timetable page.'],
  ['How do I unsubscribe from your marketing emails?', 'Use the unsubscribe link at the bottom of any of our emails.'],
];
const NEAR_MISS_CLOSERS = ["Great, that's all I needed.", 'Perfect, thank you.', 'Thanks, that helps.', 'Lovely, thanks.'];

const THANKS = [
  'Great, thanks!',
  'Perfect, thank you.',
  'That worked, thanks.',
  'Lovely, all sorted now.',
  'Okay, that makes sense, thanks.',
  'Brilliant, all sorted. Thank you!',
  'That fixed it, thank you.',
  'All good now, cheers.',
];

const FALLBACKS = [
  ["Sorry, I didn't understand that.", true],
  ["I'm not sure what you mean. Could you rephrase?", true],
  ["Sorry, I didn't catch that.", true],
  ["I'm not able to help with that yet. You could try asking in a different way.", false],
  ['Could you say that another way? I want to make sure I get it right.', false],
  ["I'm afraid I don't have an answer for that.", true],
];

const HANDOFFS = [
  "I'm passing you to a member of our team now.",
  "Let me bring in a colleague who can help with this.",
  "I'm connecting you with one of our advisers.",
  "A colleague will take over this chat in a moment.",
];

const ERRORS = [
  "Sorry, something went wrong on our side and I can't load your account right now.",
  'Our systems are not responding at the moment.',
  "I'm having trouble reaching our booking system.",
];

const REQUEST_ACKS = [
  'I can help with that here. Could you tell me a bit more?',
  "Sure, let's see what I can do first. What's the reference?",
  'I can look into that for you. What would you like to change?',
];

// Wrappers for asking and restating the same request, so the restatements share their content words.
const ASK = ['Hi, I need to {core}.', 'Hello, could you {core}?', "Hi there, I'd like to {core}."];
const RESTATE = ['I need to {core}.', 'Can you {core}, please?', "I'm asking how to {core}.", 'Please just {core}.', 'What I want is to {core}.'];

const FIRST_NAMES = ['Priya', 'Tomás', 'Aoife', 'Kwame', 'Mei', 'Oskar', 'Leila', 'Rhys', 'Nadia', 'Callum', 'Ines', 'Dev', 'Freya', 'Malik', 'Sofia', 'Euan'];
const LAST_NAMES = ['Shah', 'Okafor', 'Byrne', 'Lindqvist', 'Moreau', 'Haddad', 'Evans', 'Novak', 'Costa', 'Fraser', 'Tanaka', 'Mensah'];

// --- Turns -------------------------------------------------------------------------------------

/*
 * A user turn carries what the text means (tone, outburst level, request, topic, restatement,
 * resolution); a bot reply carries its kind. The team's judgement reads these, never the text.
 */
const user = (text, extra = {}) => ({ text, tone: 'neutral', outburst: null, human: false, topic: null, restates: false, resolved: false, lowConfidence: false, ...extra });
const bot = (text, kind, extra = {}) => ({ text, kind, ...extra });

function joinParts(a, b) {
  return chance(0.5) ? `${a} ${b}` : `${b} ${a}`;
}

function ctxFor(domain) {
  const slots = newSlots();
  const fill = (t) => fillSlots(t, slots);
  return {
    domain,
    fill,
    detail: deck(domain.details.map(fill)),
    answer: deck(domain.answers.map(fill)),
    solve: () => fill(pick(domain.solve)),
    open: deck(domain.open.map(fill)),
    vague: deck(domain.vague),
    fallback: deck(FALLBACKS),
    thanks: () => user(pick(THANKS), { tone: 'positive', resolved: true }),
  };
}

function fallbackReply(ctx) {
  const [text, flagged] = ctx.fallback();
  return bot(text, 'fallback', flagged ? { fallback: true } : {});
}

// --- Scenarios ---------------------------------------------------------------------------------

/* Each scenario returns { turns, tier? }; turns carry on past the moment the team would hand over,
 * so a late or missed escalation has something to show. */

function explicitRequest(ctx) {
  const turns = [{ u: user(ctx.open()), b: bot(ctx.answer(), 'answer') }];
  if (chance(0.5)) turns.push({ u: user(ctx.detail()), b: bot(ctx.answer(), 'answer') });
  if (chance(0.3)) {
    const tone = pick(['mild', 'moderate']);
    turns.push({ u: user(joinParts(pick(COMPLAINTS[tone]), ctx.detail()), { tone }), b: bot(ctx.answer(), 'answer') });
  }
  turns.push({ u: user(pick(HUMAN_REQUESTS), { human: true }), b: bot(pick(REQUEST_ACKS), 'answer') });
  turns.push({ u: user(ctx.detail()), b: bot(ctx.answer(), 'answer') });
  turns.push({ u: user(ctx.detail()), b: null });
  return { turns };
}

function sensitiveTopic(ctx) {
  const topic = weighted([[4, 'fraud'], [3, 'account_compromise'], [2, 'bereavement'], [2, 'legal'], [1, 'safety'], [3, 'cancellation']]);
  const turns = [];
  if (chance(0.5)) turns.push({ u: user(ctx.open()), b: bot(ctx.answer(), 'answer') });
  turns.push({ u: user(pick(TOPICS[topic]), { topic }), b: bot(pick(TOPIC_REPLIES), 'answer') });
  const details = deck(TOPIC_DETAILS);
  turns.push({ u: user(details()), b: bot(pick(TOPIC_FOLLOW_UPS), 'answer') });
  turns.push({ u: user(details()), b: null });
  return { turns };
}

function technicalError(ctx) {
  const turns = [{ u: user(ctx.open()), b: bot(ctx.answer(), 'answer') }];
  if (chance(0.5)) turns.push({ u: user(ctx.detail()), b: bot(pick(ERRORS), 'error', { error: true }) });
  else turns[0].b = bot(pick(ERRORS), 'error', { error: true });
  turns.push({ u: user('Any news on that?'), b: bot(ctx.answer(), 'answer') });
  turns.push({ u: user(ctx.detail()), b: null });
  return { turns };
}

function botLoop(ctx) {
  const first = ctx.answer();
  const turns = [{ u: user(ctx.open()), b: bot(first, 'answer') }];
  if (chance(0.4)) {
    const second = ctx.answer();
    turns.push({ u: user(ctx.detail()), b: bot(second, 'answer') });
    turns.push({ u: user(ctx.detail()), b: bot(second, 'loop') });
  } else {
    turns.push({ u: user(ctx.detail()), b: bot(first, 'loop') });
  }
  turns.push({ u: user(ctx.detail()), b: bot(ctx.answer(), 'answer') });
  turns.push({ u: user(ctx.detail()), b: null });
  return { turns };
}

function customerRepeats(ctx) {
  const core = ctx.fill(pick(ctx.domain.core));
  const restated = deck(RESTATE);
  const restatements = weighted([[3, 1], [4, 2], [2, 3]]);
  const turns = [{ u: user(fillSlots(pick(ASK), { core })), b: bot(ctx.answer(), 'answer') }];
  for (let i = 1; i <= restatements; i += 1) {
    const last = i === restatements;
    turns.push({ u: user(fillSlots(restated(), { core }), { restates: true }), b: last && restatements === 1 ? bot(ctx.solve(), 'solve') : bot(ctx.answer(), 'answer') });
  }
  if (restatements === 1) turns.push({ u: ctx.thanks(), b: null });
  else {
    turns[turns.length - 1].b = bot(ctx.solve(), 'solve');
    turns.push({ u: ctx.thanks(), b: null });
  }
  return { turns };
}

/*
 * The customer complains for `run` turns in a row until the bot solves the problem. Standard
 * customers only; the tone is one of mild, moderate or strong for the whole run.
 */
function sustainedNegativity(ctx) {
  const tone = weighted([[1, 'mild'], [2, 'moderate'], [1.3, 'strong']]);
  const run = weighted([[1, 1], [2, 2], [4, 3], [3.5, 4], [1.5, 5]]);
  const complaints = deck(COMPLAINTS[tone]);
  const turns = [];
  const startsCalm = tone === 'mild' || chance(0.6);
  if (startsCalm) turns.push({ u: user(ctx.open()), b: bot(ctx.answer(), 'answer') });
  for (let i = 0; i < run; i += 1) {
    const text = i === 0 && !startsCalm ? `${ctx.open()} ${complaints()}` : joinParts(complaints(), ctx.detail());
    turns.push({ u: user(text, { tone }), b: bot(i === run - 1 ? ctx.solve() : ctx.answer(), i === run - 1 ? 'solve' : 'answer') });
  }
  turns.push({ u: ctx.thanks(), b: null });
  return { turns };
}

/* One outburst (low, moderate or high) after a calm start; the bot then solves the problem. */
function frustration(ctx) {
  const level = weighted([[3, 'low'], [4, 'moderate'], [3, 'high']]);
  const [text, tone] = pick(OUTBURSTS[level]);
  const turns = [{ u: user(ctx.open()), b: bot(ctx.answer(), 'answer') }];
  if (chance(0.5)) turns.push({ u: user(ctx.detail()), b: bot(ctx.answer(), 'answer') });
  turns.push({ u: user(chance(0.5) ? text : `${text} ${ctx.detail()}`, { tone, outburst: level }), b: bot(ctx.answer(), 'answer') });
  turns.push({ u: user(ctx.detail()), b: bot(ctx.solve(), 'solve') });
  turns.push({ u: ctx.thanks(), b: null });
  return { turns };
}

/* A vip or gold customer whose worst remark is content, mild, moderate or strong. */
function highValue(ctx) {
  const tone = weighted([[3.5, 'content'], [4, 'mild'], [1.5, 'moderate'], [1, 'strong']]);
  const remark = tone === 'content' ? user(`${pick(CONTENT_REMARKS)} ${ctx.detail()}`, { tone: 'neutral' }) : user(joinParts(pick(COMPLAINTS[tone]), ctx.detail()), { tone });
  const turns = [{ u: user(ctx.open()), b: bot(ctx.answer(), 'answer') }];
  if (chance(0.3)) turns.push({ u: user(ctx.detail()), b: bot(ctx.answer(), 'answer') });
  turns.push({ u: remark, b: bot(ctx.solve(), 'solve') });
  turns.push({ u: ctx.thanks(), b: null });
  return { turns, tier: pick(['vip', 'gold', 'gold']) };
}

/* `misses` misunderstandings in a row on vague messages, then a clear message the bot answers. */
function fallbacks(ctx) {
  const misses = weighted([[3, 1], [4, 2], [2.5, 3], [1, 4]]);
  const turns = [];
  if (chance(0.3)) turns.push({ u: user(ctx.open()), b: bot(ctx.answer(), 'answer') });
  for (let i = 0; i < misses; i += 1) {
    turns.push({ u: user(ctx.vague(), { lowConfidence: chance(0.4) }), b: fallbackReply(ctx) });
  }
  turns.push({ u: user(ctx.open()), b: bot(ctx.solve(), 'solve') });
  turns.push({ u: ctx.thanks(), b: null });
  return { turns };
}

/* Questions the bot answers, sometimes after a complaint or two that the answer settles. */
function calm(ctx) {
  const turns = [];
  const faqs = deck(ctx.domain.faq);
  const questions = int(1, 2);
  for (let i = 0; i < questions; i += 1) {
    const [q, a] = faqs();
    turns.push({ u: user(q), b: bot(a, 'answer') });
  }
  if (chance(0.35)) {
    const tone = pick(['mild', 'moderate', 'moderate']);
    const complaints = deck(COMPLAINTS[tone]);
    const run = int(1, 2);
    turns.push({ u: user(ctx.open()), b: bot(ctx.answer(), 'answer') });
    for (let i = 0; i < run; i += 1) {
      turns.push({ u: user(joinParts(complaints(), ctx.detail()), { tone }), b: bot(i === run - 1 ? ctx.solve() : ctx.answer(), i === run - 1 ? 'solve' : 'answer') });
    }
  }
  turns.push({ u: ctx.thanks(), b: null });
  return { turns };
}

function nearMiss(ctx) {
  const [q, a] = pick(NEAR_MISSES);
  const turns = [];
  if (chance(0.4)) turns.push({ u: user(ctx.open()), b: bot(ctx.answer(), 'answer') });
  turns.push({ u: user(ctx.fill(q)), b: bot(ctx.fill(a), 'answer') });
  turns.push({ u: user(pick(NEAR_MISS_CLOSERS), { tone: 'positive', resolved: true }), b: null });
  return { turns };
}

const SCENARIOS = [
  ['explicit-request', 22, explicitRequest],
  ['sensitive-topic', 22, sensitiveTopic],
  ['technical-error', 6, technicalError],
  ['bot-loop', 10, botLoop],
  ['customer-repeats', 16, customerRepeats],
  ['sustained-negativity', 46, sustainedNegativity],
  ['frustration', 38, frustration],
  ['high-value', 32, highValue],
  ['fallbacks', 32, fallbacks],
  ['calm', 34, calm],
  ['near-miss', 22, nearMiss],
];

// --- The team's judgement ----------------------------------------------------------------------

const TONE_RANK = { positive: -1, neutral: 0, mild: 1, moderate: 2, strong: 3 };
const LEVEL_RANK = { low: 1, moderate: 2, high: 3 };

/**
 * The user turn (from 1) at which this team wants a person to take over, or null when the bot
 * should keep the conversation. Reads the hidden variables of the turns, not their text.
 */
function teamIdealTurn(turns, tier) {
  const highValueCustomer = tier === 'vip' || tier === 'gold';
  let complaining = 0;
  let misses = 0;
  let restatements = 0;
  for (let i = 0; i < turns.length; i += 1) {
    const t = i + 1;
    const { u, b } = turns[i];
    if (u.human || u.topic !== null) return t;
    if (highValueCustomer && TONE_RANK[u.tone] >= TONE_RANK[TEAM.highValueTone]) return t;
    if (u.outburst !== null && LEVEL_RANK[u.outburst] >= LEVEL_RANK[TEAM.frustrationLevel]) return t;
    // Mild grumbling is not a complaint to this team; it neither counts nor keeps a run going.
    complaining = TONE_RANK[u.tone] >= TONE_RANK.moderate ? complaining + 1 : 0;
    if (complaining >= TEAM.negativeStreak) return t;
    if (u.restates) restatements += 1;
    if (restatements >= TEAM.repeats) return t;
    if (b !== null) {
      if (b.kind === 'error') return t;
      if (b.kind === 'loop' && t >= TEAM.loopFromTurn) return t;
      misses = b.kind === 'fallback' ? misses + 1 : 0;
      if (misses >= TEAM.consecutiveFallbacks) return t;
    }
    if (u.resolved) {
      complaining = 0;
      restatements = 0;
    }
  }
  return null;
}

// --- Assembly ----------------------------------------------------------------------------------

const BASE_TIME = Date.UTC(2026, 2, 2, 8, 0, 0);

function isoSeconds(ms) {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/*
 * What the log looks like depends on what happened at the desk: a timely handoff ends the bot's
 * part at the ideal turn, a late one a turn or two after it, a missed one never.
 */
function cutFor(kind, turns, idealTurn) {
  if (kind === 'missed') return { turns, handoffAt: null };
  // Nobody hands over a customer who has just said the problem is solved.
  const open = turns.findIndex((t, i) => i >= idealTurn && t.u.resolved);
  const latest = open === -1 ? turns.length : open;
  const at = kind === 'late' ? Math.min(idealTurn + int(1, 2), latest) : idealTurn;
  if (kind === 'late' && at === idealTurn) return null;
  const kept = turns.slice(0, at).map((t) => ({ ...t }));
  const handoff = bot(pick(HANDOFFS), 'handoff');
  const last = kept[at - 1];
  // What the bot did wrong stays in the log: the handoff follows it rather than replacing it.
  const botSideTrigger = at === idealTurn && last.b !== null && ['loop', 'error', 'fallback'].includes(last.b.kind);
  kept[at - 1] = botSideTrigger ? { ...last, handoff } : { ...last, b: handoff };
  // Customers often add a detail while they wait for the person.
  if (at < turns.length && !turns[at].u.resolved && chance(0.3)) kept.push({ u: turns[at].u, b: null });
  return { turns: kept, handoffAt: at };
}

function toMessages(turns, domain, withIntents, start) {
  const messages = [];
  let clock = start;
  const stamp = () => {
    clock += int(12, 95) * 1000;
    return isoSeconds(clock);
  };
  for (const { u, b, handoff } of turns) {
    const message = { role: 'user', text: u.text, timestamp: stamp() };
    if (withIntents) {
      const confidence = u.lowConfidence ? int(12, 34) / 100 : int(62, 97) / 100;
      const name = u.human ? 'agent_request' : u.topic !== null ? u.topic : u.resolved ? 'thanks' : domain.intent;
      message.intent = { name, confidence };
    }
    messages.push(message);
    if (b === null) continue;
    const reply = { role: 'bot', text: b.text, timestamp: stamp() };
    if (b.fallback === true) reply.fallback = true;
    if (b.error === true) reply.error = true;
    messages.push(reply);
    if (handoff !== undefined) messages.push({ role: 'bot', text: handoff.text, timestamp: stamp() });
  }
  return messages;
}

function generate() {
  random = mulberry32(SEED);
  const plan = shuffle(SCENARIOS.flatMap(([name, count, build]) => Array.from({ length: count }, () => [name, build])));
  const conversations = [];
  const outcomes = [];
  const scenarios = [];
  let clock = BASE_TIME;
  plan.forEach(([name, build], index) => {
    const n = index + 1;
    const id = `lbl-${String(n).padStart(4, '0')}`;
    const domain = pick(DOMAINS);
    const ctx = ctxFor(domain);
    const built = build(ctx);
    const tier = built.tier ?? weighted([[6, undefined], [2, 'standard'], [1, 'silver']]);
    let turns = built.turns;
    const idealTurn = teamIdealTurn(turns, tier);

    let kind = 'unneeded';
    let handoffAt = null;
    if (idealTurn !== null) {
      kind = weighted([[70, 'needed'], [15, 'late'], [15, 'missed']]);
      let cut = cutFor(kind, turns, idealTurn);
      if (cut === null) {
        kind = 'needed';
        cut = cutFor(kind, turns, idealTurn);
      }
      turns = cut.turns;
      handoffAt = cut.handoffAt;
    }

    // Agents do not always agree with the policy; a few labels go the other way.
    let label = { outcome: kind, idealTurn };
    if (chance(NOISE_RATE)) {
      label = idealTurn === null ? { outcome: 'missed', idealTurn: int(1, turns.length) } : { outcome: 'unneeded', idealTurn: null };
    }

    const customer = { id: `cust-${String(int(10000, 99999))}`, name: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}` };
    if (tier !== undefined) customer.tier = tier;
    const conversation = {
      id,
      channel: domain.channel,
      locale: chance(0.7) ? 'en-GB' : 'en-US',
      customer,
      messages: toMessages(turns, domain, chance(0.6), clock),
    };
    conversations.push(conversation);
    clock += int(25, 140) * 60_000;

    const last = turns[turns.length - 1];
    const outcome = { conversationId: id, outcome: label.outcome };
    if (label.idealTurn !== null) outcome.idealTurn = label.idealTurn;
    if (handoffAt !== null) outcome.resolvedBy = 'agent';
    else if (last.u.resolved) outcome.resolvedBy = 'bot';
    outcomes.push(outcome);
    scenarios.push({ id, scenario: name, tier, policyTurn: idealTurn, turns });
  });
  return { conversations, outcomes, scenarios };
}

function main() {
  const out = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'examples', 'labelled'));
  const { conversations, outcomes } = generate();
  fs.mkdirSync(out, { recursive: true });
  const jsonl = (rows) => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
  fs.writeFileSync(path.join(out, 'conversations.jsonl'), jsonl(conversations));
  fs.writeFileSync(path.join(out, 'outcomes.jsonl'), jsonl(outcomes));
  const positive = outcomes.filter((o) => o.outcome !== 'unneeded').length;
  process.stdout.write(`wrote ${conversations.length} conversations (${positive} should escalate, ${conversations.length - positive} should not) to ${out}\n`);
}

if (require.main === module) main();
else module.exports = { generate, TEAM };
