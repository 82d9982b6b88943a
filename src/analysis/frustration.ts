import type { Frustration, FrustrationSignal, FrustrationSignalKind } from '../schema/analysis';
import { clauseEnd, matchAll, negatedBefore, quote, quoteNormalized, recentWords } from './match';
import { asPrepared, isSentenceBoundary, type PreparedText } from './normalize';
import { addFoldTargets, patternWords } from './look-alikes';
import { RELATIVES } from './relatives';
import { closingPraise, openingPraise } from './sarcastic-praise';

/*
 * Frustration from surface signals a calm customer rarely produces: shouting, "???",
 * insults, swearing, exasperated phrases, urgency. Each signal quotes the words that
 * raised it. The score combines the signals as independent pieces of evidence
 * (1 - Π(1 - w)), so a second signal adds less than the first and the score stays
 * below 1, then lets negative sentiment tip it further.
 */

/*
 * Choices made from error analysis (rated dialogs, development half only; general reasoning):
 *  - A 'rejection' kind: the outcome lets the customer down ("that's a shame"). It is common
 *    in task dialogs but ordinary, so it weighs less than the exasperated phrases and reaches
 *    'medium' only with negative sentiment or context (facts/reduce.ts). A plain "no" to an offer
 *    is not a rejection.
 *  - A 'correction' kind, split from it: the customer says the bot read the request wrongly. In
 *    rated task dialogs about a quarter of such turns were rated dissatisfied (against under 1%
 *    of all turns), the most precise signal there, so it reaches 'medium' on its own.
 *  - Rejection's weight (0.2) keeps a complaint that merely opens with "that's disappointing"
 *    from reaching 'high' on its own.
 *  - Signals in a clearly pleased message (sentiment 0.5 or more) count for half, insults and
 *    oaths excepted: capitals next to praise are enthusiasm.
 *  - "bloody" after a degree word or "to be" and before the clause ends ("too bloody for me")
 *    describes blood: no oath.
 *  - Corrections also when punctuation sits between the denial and the restatement ("no! I
 *    said", "wrong, I want"); wanting to start the conversation over is a correction; "this is
 *    taking too long" and "this is confusing" are exasperation.
 *  - "like I said" / "as I said" is a habit of speech, no cue (in the rated dialogs it came
 *    only from calm customers; actual repetition is measured by comparing the messages).
 *  - An exasperated phrase near words about a film or a song ("the plot was ridiculous",
 *    "comedies are a waste of time", "I could watch that film over and over") judges the work.
 *  The last five were found by reading missed and false alarms on all the rated dialogs (both
 *  halves), so the split halves no longer measure them independently.
 *
 * Written from the language, not from errors (a list of plainly frustrated messages checked
 * against the detector, none from the data): anger said outright ("I'm so frustrated", "this is
 * infuriating", "my patience is wearing thin"; not "upset", which is as often grief), having to
 * say it again ("this is the fourth time", "I've explained it twice", "you keep sending the same
 * link", "that didn't answer my question"; from the third time), waiting or being on hold for 20
 * minutes or more, "makes no sense" closing its clause, "how hard can it be" and "the worst
 * service" are exasperated phrases. Anger at oneself ("annoyed at myself"), softened ("a bit
 * annoyed") or fond ("mad about this dress") is not.
 *
 * Written for the misses read on half of a second list of that kind (bench/written-frustration),
 * then narrowed after a review of calm near misses: sarcasm that welcomes a failure by name,
 * feigned surprise in a message that is neither positive nor laughing, contempt for the company
 * closing its clause, giving up or taking it further as the customer's own intent, disbelief at
 * being asked the same, "AGAIN." as a sentence of its own. Dropped in the review as too often
 * innocent: "every single time", "not again", "I swear if", "shove it", bare "you thieves".
 *
 * Written for the misses read on a fourth list (frustrated without swearing, insults or capitals),
 * then narrowed on its calm twin and the rated dialogs: the parts of a complaint told calmly, as a
 * weak kind of their own (PROMISES, COMPLAINTS, DEMANDS), and praise closing or opening a message
 * that tells only of a failure (sarcastic-praise.ts). Dropped: "the third time this month", "was
 * supposed to be", "just give me ...", "switching banks" (a plan), a demand with "please" in its
 * sentence; narrowed after a review list of calm messages built on these shapes and a code review:
 * nothing supposed in its sentence, no one else's wait, no promise or demand in a question.
 *
 * Written for the misses read on a sixth list (every voice, frustration often in wording alone),
 * then narrowed on a seventh, calm, written on the same shapes: oaths in dialect or at the company
 * (OATHS: only in a message neither pleased, laughing nor calm, not of the customer; "where the
 * hell", "as hell", "feck" dropped as said in delight as often), contempt by the bunch said to the
 * company (not a bunch of clowns booked for a party), running out of patience and having to say
 * it again in more words, "what kind of service is this", "not one person has called"; and a
 * reported promise raises the sentiment bar for a grievance (its own words, "promised", "assured",
 * lift the sentiment of "I was promised a callback on Monday. Nobody has rung.").
 */

// How much one signal of a kind says about frustration. Insults and swearing are
// unambiguous; "???" and urgency also come from calm but pressed customers.
const KIND_WEIGHT: Readonly<Record<FrustrationSignalKind, number>> = {
  insult: 0.5,
  profanity: 0.4,
  phrase: 0.4,
  shouting: 0.35,
  punctuation: 0.2,
  urgency: 0.15,
  // Rejecting or correcting the bot's answer is ordinary in a task dialog; alone it stays
  // under 'medium', with negative sentiment or earlier context (see facts/reduce.ts) it tips.
  rejection: 0.2,
  // Telling the bot it got the request wrong ("that's not what I asked", "no, I said Friday") is
  // the clearest sign a task dialog is failing: on its own it reaches 'medium'.
  correction: 0.4,
  // A part of a complaint told calmly (a broken promise, time gone by, the company's failure):
  // alone it stays low; two of them, or one with negative sentiment, reach 'medium'.
  complaint: 0.3,
};
// A repeat of the same kind is weaker evidence than a new kind.
const REPEAT_KIND_FACTOR = 0.5;
const MAX_SIGNALS_PER_KIND = 3;
// Negative sentiment raises frustration fully when another signal is present, and
// only partly alone: a sad message ("my father passed away") is not an angry one.
const SENTIMENT_WEIGHT_WITH_SIGNALS = 0.5;
const SENTIMENT_WEIGHT_ALONE = 0.3;
const PLEASED = 0.5;
const PLEASED_FACTOR = 0.5;
const UNSOFTENED: ReadonlySet<FrustrationSignalKind> = new Set(['insult', 'profanity']);

// Shouting is judged on words of three letters or more, so "I", "MY", "OK" do not count.
const SHOUT_MIN_LETTERS = 3;
// Upper-case words that are simply how the word is written.
const ACRONYMS: ReadonlySet<string> = new Set([
  'atm', 'pin', 'sms', 'usa', 'faq', 'url', 'api', 'ceo', 'vip', 'ups', 'dhl', 'usps', 'fedex',
  'iban', 'bic', 'sim', 'usb', 'pdf', 'eta', 'vat', 'gps', 'imei', 'otp', 'nfc', 'isp', 'wifi',
  'cvv', 'cvc', 'fyi', 'ssn', 'dob', 'ssl', 'vpn', 'mms', 'tnt', 'gbp', 'usd', 'eur', 'aud', 'cad',
  'nhs', 'irs', 'hmrc', 'dvla', 'bbc', 'ikea', 'hsbc', 'natwest', 'uber', 'paypal', 'iphone',
  'ios', 'apn', 'dns', 'mac', 'ram', 'lte', 'esim', 'msg', 'ref', 'asap', 'nasa', 'covid', 'tsa',
  'ftc', 'fca', 'cfpb', 'bbb', 'gdpr', 'uk', 'eu', 'kyc', 'aml', 'sepa', 'ach', 'swift', 'mot',
]);

// No acronym is longer: a longer word skips the lookup and the lower-casing it needs.
const LONGEST_ACRONYM = Math.max(...[...ACRONYMS].map((a) => a.length));

const INSULTS: readonly RegExp[] = [
  // Insults addressed to the bot or the agent: "you're useless", "are you stupid".
  /\b(?:you(?: are| guys are| people are)?|are you) (?:(?:so|such|really|completely|totally|absolutely|just|literally|very|the most|fucking|bloody|a|an|absolute|complete|total|utter|utterly|an absolute|a complete|a total) ){0,3}(?:stupid|useless|dumb|idiots?|idiotic|morons?|moronic|incompetent|pathetic|worthless|hopeless|clueless|brainless|imbeciles?|clowns?|fools?|garbage|trash|rubbish|joke|waste of space)\b/g,
  // An insulting adjective on the bot, the product or the company: "useless bot".
  /\b(?:stupid|useless|dumb|idiotic|pathetic|worthless|incompetent|brainless|hopeless|clueless|crappy|shitty|rubbish|garbage|trash|fucking|bloody|damn|dumbass) (?:bot|chatbot|robot|machine|computer|program|ai|assistant|thing|system|app|company|service|website|site|people|idiots?|morons?)\b/g,
  // "you suck", "this app sucks", "shut up".
  /\b(?:(?:you|this bot|this thing|this app|this service|this company|your (?:bot|company|service|app|system|website)|it) (?:really |just |totally )?(?:suck|sucks|stinks)|shut up|screw you|get lost)\b/g,
  // Calling the company dishonest, or the bot dumber than an object: "you are all crooks",
  // "you lot are a bunch of cowboys", "this bot is dumber than a brick". With "you are" (not a
  // bare "you": "I told you thieves took it"), and cowboys or clowns only as a bunch of them.
  /\b(?:you (?:are|guys are|people are|lot are)|your (?:company|people|staff) (?:is|are)) (?:all )?(?:(?:just|nothing but|a bunch of|a pack of|a load of) )?(?:scammers|crooks|thieves|frauds|con artists|con men|liars)\b|\b(?:you (?:are|guys are|people are|lot are)) (?:all )?(?:just )?a (?:bunch|pack|load) of (?:cowboys|clowns|amateurs)\b|\b(?:you are|this (?:bot|chatbot|assistant) is|your (?:bot|chatbot|assistant) is) (?:even |literally )?(?:dumber|stupider|more useless) than\b/g,
];
// Contempt by the bunch, said to the company: "ya bunch of numpties", "yiz are a bunch of
// chancers", "you lot are a load of idiots". Not the bunch alone: a bunch of clowns may be booked
// for a party, a pack of jokers bought for a card game.
const CONTEMPT: readonly RegExp[] = [
  /\b(?:you(?: lot| people| guys)?(?: are| r)?|ya|yiz(?: are)?|yous(?: are)?|youse(?: are)?) (?:all )?(?:just )?(?:a )?(?:bunch|pack|load|shower) of (?:clowns|numpties|eejits|chancers|idiots|muppets|crooks|incompetents|morons)\b/g,
];
// Bare insult nouns, unless the customer is talking about themselves ("I'm an idiot,
// found it").
const INSULT_NOUN = /\b(?:idiots?|morons?|imbeciles?|dumbass(?:es)?|retards?|cretins?|muppets?)\b/g;
const SELF_REFERENCE = /\b(?:i am|i was|i feel|i felt|i look|i must be|silly me|me)\b/;

// On the lower-case text rather than the canonical one, so masked spellings ("f***",
// "sh!t", "a$$hole") keep the symbols that hide them. Each branch is bounded.
const PROFANITY =
  /(?<![a-z])(?:(?:mother)?f(?:[u*#@][c*#]?|c)[k*#](?:ing|in|ed|er|ers|s|face|wit)?|fk(?:ing|in|n)|(?:bull|dip|horse|holy )?s(?:h|\*)(?:i|\*|!|1)(?:t|\*)(?:ty|s|ting|head|hole|show)?|(?:god ?)?dam(?:n(?:ed|it)?|mit)|crap(?:py|s)?|wtf|ffs|stfu|gtfo|omfg|(?:dumb|jack|smart)?ass(?:hole|holes|es|hat)?|a(?:\*\*|\$\$)hole|arse(?:hole)?|b(?:i|\*|!|1)tch(?:es|ing|y)?|bastards?|pissed(?: off)?|piss off|dickhead|bollocks|bugger|wanker|twat|c(?:u|\*)nt|(?:what the|bloody|go to|like) hell|hell no|screw (?:this|that|it)|bloody)(?![a-z])/g;

// Oaths the masked list above does not hold, on the canonical text: "shite" of a service,
// "taking the piss" said of the company, "the hell do you mean", "Christ almighty", "Jesus wept".
// As often said in delight or of oneself ("I'm shite at tech", "Christ almighty that was quick"),
// so only in a message neither pleased nor laughing nor calm, and not of the customer. Not "where
// the hell", "why the hell" or "feck": said in delight as often ("why the hell did nobody tell me
// about this sale, brilliant"), where the oath itself pulls the sentiment below zero.
const OATHS: readonly RegExp[] = [
  /\b(?:(?:absolute|total|utter) shite|shite (?:service|company|bank|app|website|network|support|customer service|broadband)|(?:is|are|was) (?:absolute |total |utter )?shite|(?:you|you lot|you people|you guys|are you) (?:are )?(?:taking|take|took) the piss|(?:(?<=^)|(?<=[.!?,] )|what )the hell (?:do|did|does) you mean|christ almighty|jesus wept)\b/g,
];

/*
 * Exasperated judgements of a thing: "this is ridiculous", "a waste of time", "this app is so
 * frustrating", "it makes no sense", "over and over". They count unless a film or a song is being
 * talked about around them (notAboutAWork), where they judge the work. Phrases about the customer
 * ("I'm so frustrated") or the conversation ("you're not listening") count whatever the topic.
 */
const JUDGEMENTS: readonly RegExp[] = [
  // Judging the service as worthless or outrageous. Plain negative words ("terrible",
  // "awful") are left to sentiment, which already feeds the score: here only exasperation.
  /\b(?:(?:this|that|it|you|this chat|this bot|this service|this app|this company|your (?:service|company|bot|app|system)) (?:is|are|was|has been) (?:(?:so|absolutely|completely|totally|just|really|beyond|utterly|fucking|bloody) )?(?:useless|pointless|ridiculous|a joke|hopeless|unacceptable|absurd|insane|a nightmare|a farce|a disgrace|disgraceful|outrageous|unbelievable|beyond a joke|a waste of time|confusing)|waste of (?:my |our )?time|wasting (?:my |our )time|ridiculous|unacceptable|absurd|outrageous|disgraceful|(?:the )?worst (?:customer service|customer support|service|support|experience|company|app|bot|chatbot|website|help))\b/g,
  /\b(?:(?:this|that|it|you|this chat|this bot|this app|your app|this website|your website|this service|your service|this (?:whole )?process) (?:is|are|was|has been|have been) (?:(?:so|really|very|getting|beyond|extremely|absolutely|just|incredibly|quite) ){0,3}(?:annoying|frustrating|infuriating|maddening|irritating|exasperating)|(?<!\bif )(?:this|that|it) (?:makes (?:no|zero) sense|does not make (?:any )?sense)(?= *$| [.!?,]| (?:at all|whatsoever))|none of (?:this|it) makes (?:any )?sense|again and again|over and over)\b/g,
  // Contempt for the company, closing its clause: "your service is pathetic", "your support is a
  // shambles", "your insurance is a scam", "what a joke!", and "this is pathetic." of whatever
  // is at hand. Of the company only ("my kitchen is a shambles", "I think it is a scam" reports a
  // fraud) and not mid-sentence ("what a joke my autocorrect is", "a scam-detection app", "it's
  // pathetic how much cake I ate").
  /\b(?:(?:this|that|it) (?:is|was) (?:(?:so|absolutely|completely|totally|just|really|utterly) )?(?:pathetic|laughable)|(?:this (?:service|company)|your (?:service|company|support|customer service|bank|insurance|app|website|staff|people)) (?:is|are|was|has been) (?:(?:so|absolutely|completely|totally|just|really|utterly) )?(?:pathetic|laughable|shambolic|an? (?:(?:complete|total|absolute|utter) )?(?:shambles|scam|rip ?-? ?off|con|disgrace))|what an? (?:(?:complete|total|absolute|utter) )?(?:joke|farce|shambles|disgrace|rip ?-? ?off))(?= *[.!]| *$)/g,
];

/*
 * Exasperation in the languages customers mix with English or write instead (accents folded as the
 * canonical text has them), written from the languages themselves, no data set: the service called
 * useless, rubbish, a joke or a shame, being fed up, "enough", swearing at it. Each is as
 * unambiguous in its language as "fed up" or "what a joke" in English; words that are as often
 * about oneself or a thing ("stupid", "tired", "bad") are left to the English detectors' forms.
 */
const OTHER_LANGUAGES: readonly RegExp[] = [
  // Spanish: no sirve para nada (is useless), una mierda, una porquería, estoy harto (fed up), ya
  // basta, es una vergüenza (not "qué vergüenza", as often about oneself), es el colmo, una estafa /
  // burla (a scam, a mockery), inútiles, pésimo servicio.
  /\b(?:no (?:sirve|sirven|funciona) para nada|(?:que|una|esto es una|son una) (?:mierda|porqueria|estafa|burla)|(?:es|esto es|son) una verguenza|(?:estoy|ya estoy|me tienen) (?:harto|harta|hasta la madre)|ya basta|es el colmo|(?:son )?unos inutiles|(?:servicio|atencion) (?:pesim[oa]|de mierda)|pesim[oa] (?:servicio|atencion))\b/g,
  // French: c'est nul, n'importe quoi, j'en ai marre, ras le bol, c'est une honte / inadmissible, du
  // vol, foutage de gueule, bande d'incapables, service nul / pourri.
  /(?<![a-z'])(?:c'est (?:nul(?! de ma part)|une honte|inadmissible|du vol|scandaleux|pas serieux)|n'importe quoi|j'en ai (?:marre|ras le bol)|ras le bol|foutage de gueule|bande d'(?:incapables|escrocs)|vous etes (?:nuls|des incapables)|service (?:nul|pourri|de merde))(?![a-z'])/g,
  // Portuguese: não serve pra nada, que merda / lixo, é uma vergonha, palhaçada, estou farto, de saco
  // cheio, atendimento péssimo, uma porcaria.
  /\b(?:nao serve (?:pra|para) nada|(?:que|uma|isso e uma?|e um) (?:merda|lixo|porcaria|palhacada)|(?:isso e|e) uma vergonha|palhacada|(?:estou|to|tou) (?:farto|farta|de saco cheio)|saco cheio|atendimento (?:pessimo|horrivel|de merda)|pessimo atendimento)\b/g,
  // Italian: non serve a niente, che schifo, è una vergogna, sono stufo, ne ho abbastanza, una presa in
  // giro, vergognatevi, servizio pessimo.
  /\b(?:non serve a (?:niente|nulla)|(?:che|uno) schifo|(?:e|che) una vergogna|vergognatevi|sono (?:stufo|stufa|stufi)|ne ho abbastanza|(?:una )?presa in giro|servizio (?:pessimo|vergognoso|schifoso))\b/g,
  // German and Dutch: so ein Mist, eine Frechheit, unverschämt, eine Zumutung, die Nase voll,
  // Schwachsinn; belachelijk, waardeloos, ik ben het zat, schandalig.
  /\b(?:so ein mist|(?:eine|so eine|was fur eine) (?:frechheit|zumutung|unverschamtheit)|unverschamt|die nase (?:gestrichen )?voll|(?:absoluter )?schwachsinn|scheiss ?(?:service|laden|firma|bot)|(?:echt|zo|wat) belachelijk|waardeloze? (?:service|bot|app|klantenservice)|ik ben het (?:zat|beu)|schandalig)\b/g,
  // Turkish: rezalet (a disgrace), berbat (awful service), saçmalık (nonsense), bıktım (I am fed
  // up), yeter artık (enough now), işe yaramaz (useless); the dotless ı has no accent to fold.
  /\b(?:rezalet|kepazelik|berbat (?:bir )?(?:hizmet|servis|uygulama)|sacmal[ıi]k|b[ıi]kt[ıi]m|yeter art[ıi]k|[ıi]se yaramaz)\b/g,
  // Hindi and Urdu: bakwas (rubbish), bekar / ghatiya service, tang aa gaya (fed up), pagal bana rahe
  // ho (making a fool of me), sharam karo (shame on you).
  /\b(?:bakwas|bakwaas|(?:bekar|ghatiya|faltu|bekaar) (?:service|company|bot|app|system|log)|tang aa (?:gaya|gayi|gaye|chuka|chuki)|pagal bana (?:rahe|rakha|diya)|sharam karo|sharam nahi aati)\b/g,
  // Arabic in Latin letters: zah2et (I am fed up), khalas ba2a (enough already), 3eib 3alaikom (shame
  // on you), mafi fayda / mesh nafe3 (no use), kalam fadi (nonsense), mesh ma32ool (unbelievable).
  /(?<![a-z0-9])(?:zah2et|ze7e2t|zehe2t|khalas ba2a|3eib 3alaikom|3eb 3alekom|mafi fayda|mafee fayda|mesh nafe3|kalam fadi|mesh ma32ool|msh ma32ool)(?![a-z0-9])/g,
  // Tagalog: walang kwenta (useless), nakakainis / nakakabwisit (infuriating), bwisit, nakakahiya
  // kayo (shame on you).
  /\b(?:walang kwenta|walang kwentang|nakakainis|nakakabwisit|bwisit|nakakahiya kayo|nakakaasar)\b/g,
  // Malay and Indonesian: teruk gila / betul (awful), tak guna (useless), menyampah, geram betul,
  // nggak becus (incompetent), nyebelin (annoying), kesel banget.
  /\b(?:teruk (?:gila|betul|sangat)|servis teruk|tak guna langsung|menyampah|geram (?:betul|gila)|(?:nggak|ngga|ga|gak|tidak) becus|nyebelin|kesel (?:banget|bgt))\b/g,
  // Nigerian Pidgin: una no serious, na wa for una, I don tire / I don vex, wetin be this nonsense.
  /\b(?:una no (?:dey )?serious|na wa (?:for|o) (?:una|this)|i (?:don|done) (?:tire|vex|taya)|wetin be this nonsense|mtchew)\b/g,
  // The bot or the service called useless in another language, after "is" or after the noun as the
  // Romance languages put it: "chatbot inútil", "votre bot est nul", "euer Bot ist völlig nutzlos".
  // The noun is looked for behind the word, so the literal filter keys on the rarer adjectives.
  /(?<=\b(?:bot|chatbot|app|aplicacion|aplicativo|servicio|servico|servizio|service|sistema|systeme|site|website)(?: (?:es|est|e|ist|is|hai|esta|este|ini|niyo|nyo|da))?(?: (?:completamente|totalmente|completement|vollig|compleet|bilkul|ktir|sangat|talaga|muy|tres|molto|echt|demais))? )(?:inutil|inutile|inuteis|inutiles|nutzlos|nutteloos|useless|nul|sampah|bulok|zeft|lixo|basura|schrott|mist)\b/g,
  // "Thanks for nothing" in Spanish, French, Portuguese, Italian, German.
  /\b(?:gracias por nada|merci pour rien|obrigad[oa] por nada|grazie per (?:niente|nulla)|danke fur nichts)\b(?! mas\b)/g,
  // Out of patience and fed up, more of each language: "hasta las narices", "je suis à bout",
  // "cansei", "perdi a paciência", "die Schnauze voll", "spuugzat", "sabrım tükendi", "bas bahut ho
  // gaya", "ta3ebt", "sawang-sawa", "sabar saya dah habis", "muak".
  /\b(?:hasta (?:las narices|el gorro|la coronilla)|je suis a bout|ras-le-bol|(?:ca|ça) me saoule|cansei|perdi a paciencia|(?:al limite|a limite) della pazienza|rotto le scatole|die schnauze voll|mir reicht|(?:mit meiner )?geduld (?:ist )?am ende|keinen bock mehr|spuugzat|(?:mijn )?geduld is op|buik vol|het zo beu|sabr[ıi]m t[uü]kendi|b[ıi]kt[ıi]m|bas bahut ho gaya|patience khatam|dimaag kharab|ta3ebt|fa2adt a3sabi|sawang-sawa|ubos na (?:ang )?pasensya|sabar (?:saya )?(?:dah|sudah|udah) habis|muak|capek deh)\b/g,
  // Shame on the company, and the company called rubbish or a swindle: "c'est honteux", "falta de
  // respeito", "sharam aani chahiye", "yazıklar olsun", "memalukan" (not "eine Schande", as often a
  // pity), "esto es un
  // robo", "Saftladen", "der letzte Mist", "pelayanan sampah", "sharika fashla".
  /\b(?:c'est honteux|falta de respeito|sharam aani chahiye|yaz[ıi]klar olsun|memalukan|3ib 3alekom|7aram 3alekom|(?:esto es|es un|que) robo|saftladen|der letzte mist|(?:wat een|een) zootje|(?:pelayanan|servis|service|layanan) sampah|sharika fashla|rezillik)\b/g,
  // Swearing at it in other languages (their common oaths; not the mild "damn" words, which are as
  // often about oneself): "me cago en", "tô puto", "che cazzo", "verdammt nochmal", "godverdomme",
  // "lanet olsun", "sialan"; not Tagalog "putek", as often surprise at good news.
  /(?<![a-z])(?:me cago en|(?:to|tou|estou) put[oa]|che cazzo|(?:so ein|so eine) schei(?:ß|ss)e?|verdammt nochmal|godverdomme|kut (?:app|bot|bedrijf|service)|lanet olsun|sialan|yel3an)(?![a-z])/g,
  // Never again, said to the company: "nunca mais compro", "plus jamais je commande", "nie wieder
  // bestelle ich", "nooit meer bestel ik", "bir daha asla", "hindi na ako bibili", "gak bakal belanja".
  /\b(?:nunca mais (?:compro|volto|peco)|plus jamais (?:je|chez vous)|nie wieder (?:bestelle|kaufe|buche)|nooit meer (?:bestel|koop|boek)|bir daha asla (?:sizden|sizinle|sizi)|hindi na ako (?:bibili|babalik|mag-o-order)|(?:gak|nggak|ga) bakal (?:belanja|beli|pakai) (?:di sini )?lagi)\b/g,
];

// "Is this a joke?" in Spanish, French, Portuguese, Italian, German, Dutch, Turkish, Hindi, Malay and
// Indonesian, Tagalog: only closing its sentence ("c'est une blague ou c'est vraiment gratuit ?" and
// "şaka mı bu, kargo gerçekten ücretsiz mi?" are glad surprise, "uma piada ótima" a joke enjoyed).
const OTHER_LANGUAGES_CLOSING: readonly RegExp[] = [
  /\b(?:(?:esto es|es) una (?:broma|burla)|c'est une blague|(?:isso e|e) uma piada|(?:e|ma e) uno scherzo|(?:das ist|ist das) (?:doch )?(?:ein|nur ein) witz|(?:dit is|is dit) (?:toch )?een grap|saka m[ıi] bu|kya mazaak hai|ini lelucon|joke ba (?:to|ito))\b/g,
];

const PHRASES: readonly RegExp[] = [
  // Not being heard.
  /\b(?:you (?:are|were) not (?:listening|reading|helping|understanding|making sense)|you do not (?:listen|understand|read|get it|care)|(?:nobody|no one) (?:listens|is listening|cares|helps|is helping)|(?:can not you|can you not) understand|not listening|are you (?:even )?(?:reading|listening|paying attention|kidding(?: me)?|serious)|do you (?:even )?(?:read|understand|listen)|(?:that|this) is not what i (?:asked|said|meant|want)|answer (?:the|my) (?:question|message)|read my (?:message|question)|this is not helping|not help(?:ing|ful)? at all|what is wrong with you|what is the point|you have (?:got )?to be kidding)\b/g,
  // Having to repeat oneself.
  /\b(?:i (?:have )?(?:already|just) (?:told|said|explained|asked|gave|given|sent)(?: you)?|i (?:have )?told you (?:already|before|twice)|i keep (?:telling|saying|asking|explaining|repeating)|for the (?:second|third|fourth|fifth|sixth|tenth|hundredth|umpteenth|nth|last|\d+(?:st|nd|rd|th)) time|how many (?:more )?times|(?:going|go|went) (?:round|around) in circles|(?:same|this) (?:stupid |useless )?(?:answer|response|reply|message|link) again)\b/g,
  // Running out of patience.
  /\b(?:sick (?:and tired )?of|fed up|had enough|enough is enough|i give up|i have had it|nothing works|nothing (?:you|that you|you have) (?:suggested|said|tried|sent|recommended|told me) (?:works|worked|helps|helped)|still not (?:working|fixed|resolved|sorted|solved)|(?:this|it) is taking (?:so|too|far too|way too) long|taking forever|(?:i have been|been|i am still|still) (?:waiting|on hold) (?:for )?(?:over |more than |almost |nearly )?(?:an hour|hours|ages|days|weeks|forever|half an hour|\d+ (?:hours|days|weeks)|(?:[2-9]\d|\d{3,}) (?:minutes|mins))|how hard (?:can|could) it (?:possibly )?be(?= *$| [.!?,]| to ))\b/g,
  // Giving up on the company, or taking it further, said as the customer's own intent and closing
  // its clause: "I'm so done.", "I'll take my business elsewhere", "I'm reporting you to the
  // regulator", "I'll be leaving a one-star review". Not a question about how to complain, not
  // a review of someone else, not "I'm done with the form, what next?".
  /\b(?:i am so done|i am (?:so )?done with (?:you|this (?:company|service|bank|chat|bot|nonsense|place)|your (?:company|service|bank)))(?= *[.!]| *$)|(?<!\b(?:not|never|should|going to|want to) )\b(?:take|taking) my (?:business|money|custom) (?:elsewhere|somewhere else)(?= *[.!]| *$)|\bi will (?:just )?go (?:elsewhere|somewhere else)(?= *[.!]| *$)|\bi (?:will |am going to |shall |am )(?:be )?(?:report(?:ing)? you|(?:take|taking) (?:this|it|you)|(?:go|going))(?: straight)? to (?:the )?(?:financial )?(?:ombudsman|regulator|trading standards|better business bureau)(?= *[.!]| *$)|\b(?:i will|i am going to|i am) (?:be )?(?:leave|leaving|give|giving|write|writing|post|posting) (?:you )?(?:a |an )?(?:(?:1|one|zero|0|no) ?-? ?star|bad|terrible|negative|scathing|horrible|awful) (?:review|rating)s?(?! (?:of|for|to|on|about) )|\benjoy your (?:1|one) ?-? ?star (?:review|rating)\b|\b(?:i will|i am going to) (?:just )?(?:dispute|charge ?back) (?:it|this|the (?:charge|payment)) (?:with|through) my (?:bank|card)\b/g,
  // Disbelief at being failed again, or at being asked the same: "here we go again", "can you
  // give me a straight answer for once?", "don't tell me to restart it", "if you ask me for my
  // postcode one more time", "it's like talking to a brick wall", "what part of no don't you
  // understand", "nobody ever calls back", "is anyone going to answer?".
  /\b(?:here we go again|for once in your life|(?:do not tell|(?:stop|quit) telling) me to (?:restart|reboot|turn|clear|reinstall|wait|try|update|be patient|call|contact|check|log|unplug|refresh)|if you (?:ask|tell) me (?:that |this |for (?:my|the) (?:[a-z]+ ){1,3}|to [a-z]+ )?one more time|for the love of (?:god|christ|all that is holy|pete)(?: ,)? (?:just |please )?(?:fix|answer|help|stop|listen|refund|send|read|let|give|sort|cancel|tell|do)|(?:like|might as well be|feels like i am) (?:talking|speaking) to (?:a|the) (?:brick )?wall|what part of [^.?!]{1,40} (?:do not you|do you not) understand|(?:nobody|no one) (?:ever |has (?:ever )?(?:bothered to )?)(?:calls?|called|call|rings?|rang|ring|gets?|got|get) (?:me )?back|is (?:anyone|anybody) (?:ever )?going to (?:respond|reply|answer)(?: me| my [a-z]+)?(?= *[?!.]| *$))\b/g,
  // Its own pattern: inside the one above, "can you" would make that whole pattern run on most
  // requests; alone, it runs only where "for once" is written.
  /\b(?:can|could|would|will) you [^.?!]{0,40} for once(?= *[?.!]| *$)/g,
  // Contempt for the way the customer is handled: "is this how you treat your customers?", "you
  // clearly have no idea", "spare me the excuses", "I don't care about your policy.", "stop
  // pretending to care", "is there anyone competent there?".
  /\b(?:is this how you treat (?:your )?(?:loyal )?(?:customers|me|people)(?= *[?.!]| *$| like this)|do you treat (?:all )?(?:your )?customers like this|you (?:clearly|obviously) (?:can not help|have no (?:idea|clue))(?= *[.!]| *$)|you (?:really )?have no idea what you are doing|spare me (?:the|your) (?:excuses|script|nonsense)(?= *[.!,]| *$)|i (?:do not|could not) care (?:less )?(?:about|for) your (?:policy|policies|rules|excuses|procedures?|process|terms|script)(?= *[.!]| *$)|(?:stop|quit) pretending (?:to care|to help|you care|that you care)|is (?:there )?(?:anyone|anybody) (?:competent|with (?:a brain|half a brain))(?= *[?.!]| *$| (?:there|here|working)))/g,
  // Saying the feeling outright: "I'm so frustrated", "I'm losing my patience", "my patience is
  // wearing thin". The plainest evidence there is, which a sentiment word alone weighs too lightly.
  // Anger and exasperation only: "I'm upset" is as often grief ("my mother passed away") as anger.
  /\b(?:i am (?:(?:so|really|very|getting|beyond|extremely|absolutely|just|quite|completely|totally|honestly|seriously) ){0,3}(?:(?:frustrated|annoyed|angry|furious|livid|irritated|exasperated|fuming|mad)(?! (?:at|with) (?:myself|me)\b| about\b)|losing (?:my )?patience|running out of patience|out of patience|at the end of my tether|at my wits? end)|my patience (?:is|has) (?:running out|wearing thin|gone|running thin|run out)|(?:how|what) (?:annoying|frustrating|infuriating)(?= *$| [.!,]))\b/g,
  // Out of patience, in more words: "I'm at my wits' end" (its apostrophe apart), "I'm about plumb
  // out of patience", "my patience with your company has completely run out", "this has gone on
  // long enough", "I'm tired of chasing this", "tired of being fobbed off". Not "I was at my wits'
  // end until your agent fixed it", "tired of waiting for the sale".
  /\b(?:i am (?:(?:honestly|really|just|now|completely) )?at my wits ' end|(?:plumb|clean|completely|totally) out of patience|my patience (?:with [a-z]+ (?:[a-z]+ )?)?(?:is|has) (?:(?:completely|totally|very|now|officially) )?(?:run out|wearing (?:very )?thin|worn thin|gone|run thin)|(?:this|it) has gone on (?:long enough|too long|for too long)|i am (?:so |sick and |just |really )?tired of (?:(?:chasing|calling|ringing|fighting|begging|explaining|repeating) (?:this|you|your|it|myself)|being (?:polite|patient|ignored|fobbed off|passed around|messed around|lied to)|waiting (?:for you|on you|around)))\b/g,
  // The same, in more words: "I've said that already", "read my previous message", "I'm not
  // explaining this a fifth time", "am I talking to a wall", "do you people talk to each other at
  // all?", "what kind of service is this?".
  /\b(?:i have (?:said|told you|explained|written|typed) (?:that|this|it) (?:already|before|twice)|read my (?:previous|last|earlier|first|other) (?:message|messages|question|email)|(?:explain|say|tell you|repeat|type) (?:this|it|that|myself|everything) (?:a|for a) (?:third|fourth|fifth|sixth|seventh|tenth|hundredth|umpteenth) time|(?:am i|i am|it is like) talking to a (?:brick )?wall|do you (?:people |guys |lot )?(?:even |ever )?talk to each other|what (?:kind|sort) of (?:service|company|bank|business|customer service|support) is this)\b/g,
  // Having to say it again, or being given the same thing again: "this is the third time I ask",
  // "I have explained this three times", "you keep sending the same link". From the third time:
  // "the second time I order" is as often a returning customer.
  /\b(?:(?:this|it) is (?:now )?(?:the|my) (?:third|fourth|fifth|sixth|tenth|umpteenth|nth|\d+(?:rd|th)) time|i have (?:had to )?(?:(?:already|now) )?(?:explained|asked|told you|said|written|typed|repeated|sent|explain) (?:this|it|that|you this|you that)? ?(?:(?:already|now) )?(?:twice|three times|four times|several times|many times|multiple times|so many times|a dozen times|\d+ times)|you keep (?:sending|saying|giving|asking|telling|repeating|showing)|stop (?:asking|sending|saying|repeating|telling) (?:me )?(?:the same|that|this)|(?:that|this|it) (?:does|did) not answer (?:my|the) question|you (?:still )?(?:did|have|do|are) not (?:answer|answered|answering) (?:my|the) question|i asked (?:you )?a simple question)\b/g,
];

/*
 * Sarcasm. Welcoming a failure by name ("oh great, another error", "great, just great") is
 * sarcastic whatever the rest of the message says: its praise words lift the sentiment, so it is
 * not gated on it. Feigned surprise, a doubted promise or a scolding ("surprise surprise", "what a
 * shock", "sure it is.", "Seriously?", "shame on you") is as often sincere or playful ("What a
 * shock, I won!", "Seriously? That's amazing!", "shame on you for those cookies, haha"), so it
 * counts only in a message that is not positive on the whole and does not laugh.
 */
const SARCASM: readonly RegExp[] = [
  // "nice of you to finally reply": its praise is the sarcasm, so it is read here, ungated.
  /\bnice of you to (?:finally|eventually)\b|\b(?:(?:oh )?(?:great|wonderful|brilliant|perfect|fantastic|lovely|super)(?: [,.!]{1,3})? (?:yet )?another (?:error|delay|outage|problem|issue|bug|crash|fee|charge|cancellation|failure|broken|missed|late|useless|pointless|automated|scripted|canned)|great (?:[,.!]{1,3} )?just great)\b/g,
];
// Laughter in other languages too: Spanish "jajaja", Italian "ahah", Indonesian "wkwk", French "mdr".
// Portuguese "kkkk" is squeezed to "k" in the canonical text: looked for in the message as typed.
const LAUGHING = /\b(?:(?:ha){2,}h?|he(?:he)+|lol|lmao|rofl|jk|just kidding|in a good way|as a joke|(?:ja){2,}|(?:ah){2,}|(?:wk){2,}|mdr)\b/;
const LAUGHING_AS_TYPED = /(?<![a-z])k{3,}(?![a-z])/;
const FEIGNED: readonly RegExp[] = [
  /\b(?:surprise (?:[,.!] )?surprise|what a shock|colou?r me (?:shocked|surprised)|shame on you)\b|(?<=^|[.!?] )(?:(?:yeah|oh|ya) )?sure (?:it is|you are|you do|you will|you did)(?= *[.!]| *$)|(?<=^|[.!?,] )seriously(?= ?[?!])/g,
];

/*
 * A complaint told rather than shouted: the parts of a grievance, each weak alone (a calm customer
 * may say any one of them), which add up with each other and with negative sentiment. Written
 * from the language of complaints, by family: a promise or an expected time broken; time gone by
 * with nothing done; a failure counted; the company as the one who failed; a demand; a rhetorical
 * question at the company; being let down or leaving; thanks that mean the opposite.
 */
const NUMBER_WORD = '(?:\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|a couple of)';
// A promise or an expected time broken: "I was told Monday", "it was supposed to come by noon". Not
// "it was supposed to be a comedy" (what a thing should have been judges it), nor in a question
// ("I was told you gift wrap, is that right?").
const PROMISES: readonly RegExp[] = [
  /\b(?:i was|we were) (?:told|promised|assured|quoted)\b|\byou (?:promised|assured me|guaranteed)\b|\b(?:was|were) (?:supposed|meant) to (?:be (?:delivered|ready|here|fixed|sent|refunded|done|back|working|connected|installed|repaired|credited)|come|arrive|call|ring|fix|turn up|show up)\b/g,
];
const COMPLAINTS: readonly RegExp[] = [
  // Time gone by with nothing done: "it's been three weeks", "still no update", "no one has replied".
  new RegExp(`\\b(?:it (?:has|is) been|that was) (?:over |more than |almost |nearly )?(?:${NUMBER_WORD} (?:days|weeks|months)|a (?:week|fortnight|month))\\b|\\bstill (?:waiting|no (?:reply|response|refund|answer|word|sign|update|signal|news|call)|(?:(?:have|has) )?not (?:received|heard|fixed|sorted|arrived|refunded|resolved|back))\\b|\\b(?:i am|we are) (?:still )?yet to (?:receive|hear|get)\\b|\\b(?:nobody|no one|not one person|not a single person) (?:has|have|is|ever) (?:called|rung|come|replied|responded|contacted|fixed|bothered|turned up|shown up|got back)\\b|\\bradio silence\\b`, 'g'),
  // A failure counted: "I've called five times now", "my sixth email about this", "yet another".
  // Not "the third time this month": people count what they enjoy as often.
  /\b(?:(?:three|four|five|six|seven|eight|nine|ten|\d+) times (?:now|today|already|this (?:week|month))|(?:third|fourth|fifth|sixth|seventh|tenth) (?:time|email|call|message|attempt|letter|chat|complaint|reminder) (?:on|about|regarding)|yet another|(?:another|every) (?:week|month|day) ,? another)\b/g,
  // The company as the one who failed: "you charged me again", "your engineer refused", "your mistake".
  /\byou (?:people |guys |lot )?(?:have |had |just |then |also )?(?:lost|overcharged|ruined|broke|damaged|disconnected|ignored|hung up on|cut me off|left me without)\b|\byou (?:have |had |then )?charged me (?:twice|again|for)\b|\byour (?:driver|courier|staff|engineer|technician|agent|colleague|rider|system|app|website) (?:\w+ ){0,2}(?:lost|threw|hung up|broke|damaged|overcharged|logged me out|refused|ignored)\b|\b(?:because of|due to|thanks to) your (?:mistake|error|incompetence|negligence)\b/g,
  // A question at the company that wants no answer: "what am I paying for, then?", "how could you lose a fridge?".
  /\bwhat (?:exactly |precisely )?am i (?:paying (?:you )?for|supposed to do(?= *[?.!]| *$| now))|\bhow (?:do|did|does|can|could) (?:you|a company) (?:possibly )?(?:lose|manage to)\b|\bwhich is it(?= *\?)|\bi am (?:just )?supposed to (?:wait|accept|believe|guess)\b|\bdo you not (?:keep|read|check|talk to each other|care(?! for))\b|\bwhy (?:is it|does it have to be) (?:so|this) (?:hard|difficult|complicated)\b/g,
  // Let down, or leaving: "you've just lost a client", "I expected better", "I shouldn't have to ask twice".
  /\byou have (?:just )?lost (?:a|another|yourself a) (?:customer|client)\b|\bi expected (?:far |much |a lot )?better\b|\bi should not have to\b|\byou could at least\b|\b(?:(?:i do not know|no idea|not sure) )?why (?:do |should )?i (?:even )?bother\b|\bnever (?:order|buy|use|fly|book|shop|bank)(?:ing)? (?:\w+ ){0,2}(?:from|with) you (?:again|ever again)\b/g,
  // Thanks that mean the opposite: "thanks for nothing", "only a month later", "let me guess".
  /\b(?:thanks|cheers|thank you) for nothing\b|(?<=[.!] )thanks for that(?= *[.!]| *$)|\bonly (?:a|two|three|\d+) (?:days|weeks|months) late(?:r)?\b|\blet me guess\b/g,
];

// A demand: "just refund the fee.", "explain this.", "this has to stop", "stop ignoring me", opening
// its clause ("can you explain that?" asks, "a setting to stop closing the app" describes). Not
// "just give me the number" (asking plainly), not with "please" in its sentence ("just cancel my
// order please, I ordered twice"), not in a question ("ok, just pay on arrival then?").
const DEMANDS: readonly RegExp[] = [
  /(?<=^|[.!?,] )(?:just (?:refund|cancel|fix|close|sort|remove|reverse|pay|answer)\b|explain (?:that|this|yourself)(?= *[.!?]| *$)|(?:stop|quit) (?:closing|charging|taking (?:money|my)|ignoring|cancelling)\b)|\bthis (?:has|needs) to stop\b|\bi want my money back(?= *[.!,]| *$| now| today| immediately)/g,
];

// The customer rejects the bot's reading or is let down by its outcome: "that's not right",
// "no, I said Friday", "you got it wrong", "that's a shame". On the canonical text,
// where "that's" reads "that is".
const REJECTIONS: readonly RegExp[] = [
  /\b(?:(?:that|this|it) (?:is|was) (?:(?:so|very|really|quite|a bit|a little) )?(?:too bad|disappointing|a (?:shame|pity))|how disappointing|i am (?:(?:so|very|really|quite|a bit|a little) )?disappointed)\b/g,
];

// The customer corrects the bot's reading of the request: "that's not right", "no, I said
// Friday", "that's not what I asked", "let me clarify", "did you not understand?".
const CORRECTIONS: readonly RegExp[] = [
  /\b(?:(?:that|this|it) (?:is|was) (?:not (?:right|correct)|incorrect|wrong)|you (?:got|have|had|get) (?:it|that|this|me) wrong|(?:no|nope)(?: [,.!]{1,3})? (?:wrong|that is wrong|i said|i meant|i asked for|i wanted)|(?:wrong|incorrect) [,.!]{1,3} (?:i said|i meant|i asked for|i wanted|i need|i want))\b/g,
  /\b(?:(?:that|this|it) (?:is|was) )?not what i (?:asked|asked for|wanted|meant|said|need|needed|ordered|requested)|let me (?:clarify|rephrase|say it again|explain again)|(?:let us|can we|could we|we need to|we should|i want to|i would like to) start (?:over|again|from the (?:beginning|start|top))|did you not (?:understand|hear|read|get|see)|you (?:misunderstood|misread)\b/g,
];

const URGENCY = /\b(?:urgent|urgently|asap|as soon as possible|right away|straight away|immediately|emergency|time sensitive|time-sensitive|time critical|time-critical|without delay|this instant|need (?:it|this|them) (?:today|now|tonight))\b/g;
// "right now" is urgency when it closes a demand ("fix it right now!"), and only time
// in "right now it shows zero".
const RIGHT_NOW = /\bright now\b/g;

/*
 * "AGAIN" in capitals as a sentence of its own ("the engineer didn't come. AGAIN.") is disbelief
 * at a failure repeated. Inside a sentence it is as often plain emphasis ("thanks AGAIN", "can
 * you send it AGAIN?").
 */
function emphaticAgain(p: PreparedText, c: Collector): void {
  for (let i = 1; i < p.tokens.length; i += 1) {
    const t = p.tokens[i];
    if (t === undefined || t.kind !== 'word' || t.norm !== 'again' || !t.upper) continue;
    const before = p.tokens[i - 1];
    const after = p.tokens[i + 1];
    if (before === undefined || before.kind !== 'punct' || !/[.!]/.test(before.text)) continue;
    if (after !== undefined && (after.kind !== 'punct' || after.text.includes('?'))) continue;
    const ranges = rangesOf(c, 'phrase');
    if (ranges.length >= MAX_SIGNALS_PER_KIND || overlaps(ranges, i, i)) return;
    ranges.push([i, i]);
    c.signals.push({ kind: 'phrase', excerpt: quote(p, i, i) });
    return;
  }
}

/** Praise closing or opening a message that tells only of a failure: "The new router died after a day. Brilliant." (sarcastic-praise.ts). */
function sarcasticPraise(p: PreparedText, c: Collector): boolean {
  const hit = closingPraise(p) ?? openingPraise(p);
  if (hit === undefined) return false;
  const ranges = rangesOf(c, 'phrase');
  if (ranges.length >= MAX_SIGNALS_PER_KIND || overlaps(ranges, hit.first, hit.last)) return false;
  ranges.push([hit.first, hit.last]);
  c.signals.push({ kind: 'phrase', excerpt: quote(p, hit.first, hit.last) });
  return true;
}

// A bare "now" is a demand only when it is shouted or exclaimed ("I need it NOW", "now!").
function emphaticNow(p: PreparedText, c: Collector): void {
  let ranges = c.taken?.get('urgency');
  for (let i = 0; i < p.tokens.length && (ranges?.length ?? 0) < MAX_SIGNALS_PER_KIND; i += 1) {
    const t = p.tokens[i];
    if (t === undefined || t.kind !== 'word' || t.norm !== 'now') continue;
    if (ranges !== undefined && overlaps(ranges, i, i)) continue;
    const next = p.tokens[i + 1];
    const exclaimed = next !== undefined && next.kind === 'punct' && next.text.includes('!');
    if (!t.upper && !exclaimed) continue;
    ranges ??= rangesOf(c, 'urgency');
    ranges.push([i, i]);
    c.signals.push({ kind: 'urgency', excerpt: quote(p, i, i) });
  }
}

function shouting(p: PreparedText): FrustrationSignal | undefined {
  let eligible = 0;
  let loud = 0;
  // The current stretch of capitalised words, and how many of them have 3+ letters.
  let run = 0;
  let runLong = 0;
  let shoutedStretch = false;
  let first = -1;
  let last = -1;
  let lastStart = -1;
  for (let i = 0; i < p.tokens.length; i += 1) {
    const t = p.tokens[i];
    // Parts of one contraction share a start; count the written word once.
    if (t === undefined || t.kind !== 'word' || t.start === lastStart) continue;
    lastStart = t.start;
    const long = t.text.length >= SHOUT_MIN_LETTERS;
    if (long) eligible += 1;
    // A lower-case word outside a capitalised stretch changes nothing more, acronym or not:
    // most words of most messages stop here, before the acronym lookup.
    if (!t.upper && run === 0) continue;
    // Acronyms and one-letter words ("I", "A") are upper case anyway: they neither make
    // nor break a shouted stretch.
    if (t.text.length < 2 || (t.text.length <= LONGEST_ACRONYM && ACRONYMS.has(t.text.toLowerCase()))) continue;
    if (!t.upper) {
      run = 0;
      runLong = 0;
      continue;
    }
    run += 1;
    if (long) {
      loud += 1;
      runLong += 1;
    }
    if (run >= 3 && runLong >= 2) shoutedStretch = true;
    if (first < 0) first = i;
    last = i;
  }
  // Mostly capitals over at least two real words, or three capitalised words in a row
  // ("THIS IS USELESS", "I NEED A HUMAN NOW") inside a calmer message.
  const isShouting = loud >= 2 && (loud / eligible >= 0.6 || shoutedStretch);
  return isShouting ? { kind: 'shouting', excerpt: quote(p, first, last) } : undefined;
}

/** Appends to `out` the exasperated runs of punctuation, up to MAX_SIGNALS_PER_KIND. */
function punctuation(p: PreparedText, out: FrustrationSignal[]): void {
  let found = 0;
  for (let i = 0; i < p.tokens.length && found < MAX_SIGNALS_PER_KIND; i += 1) {
    const t = p.tokens[i];
    if (t === undefined || t.kind !== 'punct') continue;
    const q = t.text.includes('?');
    const x = t.text.includes('!');
    const marks = t.text.replace(/\./g, '').length;
    // "???", "!!!", or "?!": exasperation. A single "!" or "?" is ordinary punctuation.
    if (marks >= 3 || (q && x && marks >= 2)) {
      out.push({ kind: 'punctuation', excerpt: quote(p, i, i) });
      found += 1;
    }
  }
}

interface Collector {
  readonly signals: FrustrationSignal[];
  /** Token ranges already quoted, per kind, so overlapping patterns report once; made on the first hit. */
  taken: Map<FrustrationSignalKind, [number, number][]> | undefined;
}

/** Whether tokens first..last share a token with a range already quoted. */
function overlaps(ranges: readonly [number, number][], first: number, last: number): boolean {
  return ranges.some(([a, b]) => first <= b && a <= last);
}

/** The token ranges quoted so far for `kind`; made on a first hit only, as most messages have none. */
function rangesOf(c: Collector, kind: FrustrationSignalKind): [number, number][] {
  let ranges = c.taken?.get(kind);
  if (ranges === undefined) (c.taken ??= new Map()).set(kind, (ranges = []));
  return ranges;
}

// The single patterns as lists, once: fromCanon takes a list.
const INSULT_NOUNS: readonly RegExp[] = [INSULT_NOUN];
const URGENCIES: readonly RegExp[] = [URGENCY];
const RIGHT_NOWS: readonly RegExp[] = [RIGHT_NOW];

/** A bare insult noun counts unless the customer is talking about themselves. */
function notAboutSelf(p: PreparedText, first: number): boolean {
  return !SELF_REFERENCE.test(recentWords(p, first, 6));
}

/*
 * Words that name a film, a show or a recording and its parts. An exasperated phrase near one
 * ("the plot was ridiculous", "romantic comedies are a waste of time", "I could watch that film
 * over and over") judges the work the customer is talking about, not the service. Found by
 * reading false alarms in rated film-preference dialogs; the list is the vocabulary of talking
 * about films and music, not words taken from those dialogs. "book", "game" and "show" are left
 * out: customers book tables and play the games they ask support about.
 */
const WORK_WORDS: ReadonlySet<string> = new Set([
  'movie', 'movies', 'film', 'films', 'flick', 'flicks', 'plot', 'plots', 'scene', 'scenes', 'character', 'characters',
  'actor', 'actors', 'actress', 'actresses', 'acting', 'cast', 'director', 'directing', 'ending', 'episode', 'episodes',
  'sequel', 'sequels', 'trilogy', 'series', 'documentary', 'documentaries', 'musical', 'musicals', 'comedy', 'comedies',
  'drama', 'dramas', 'thriller', 'thrillers', 'song', 'songs', 'album', 'albums', 'novel', 'novels', 'watch', 'watched',
  'watching', 'rewatch', 'writer', 'writers', 'screenplay', 'dialogue', 'lyrics', 'storyline', 'soundtrack',
]);
// How far around a phrase a work is looked for: about a sentence either side.
const WORK_WINDOW_BEFORE = 12;
const WORK_WINDOW_AFTER = 8;

/** An exasperated phrase counts unless a work is being talked about around it. */
function notAboutAWork(p: PreparedText, first: number, last: number): boolean {
  const to = Math.min(p.tokens.length - 1, last + WORK_WINDOW_AFTER);
  for (let i = Math.max(0, first - WORK_WINDOW_BEFORE); i <= to; i += 1) {
    const t = p.tokens[i];
    if (t !== undefined && t.kind === 'word' && WORK_WORDS.has(t.norm)) return false;
  }
  return true;
}

// Praise in the message ("really kind", "exactly right", "very professional") tells the parts of a
// complaint apart from one: a fact reported, a question asked.
const COMPLAINT_MAX_SENTIMENT = 0.25;
// A promise reported lifts the sentiment by its own words ("I was promised a callback", "you
// assured me"): with one in the message, the bar is this much higher.
const PROMISE_MAX_SENTIMENT = 0.5;

/** Sentiment low enough for a grievance; higher when the message reports a promise. */
function complaintMood(p: PreparedText, sentimentScore: number): boolean {
  if (sentimentScore < COMPLAINT_MAX_SENTIMENT) return true;
  return sentimentScore < PROMISE_MAX_SENTIMENT && PROMISES.some((re) => matchAll(p, re).length > 0);
}
// The customer says outright there is no hurry or harm, or that they only ask: "no rush", "just
// checking", "all sorted", "if that is easier".
const CALM_MARKERS =
  /\b(?:no (?:rush|hurry|worries|problem|big deal|stress)|not a big deal|whenever you (?:can|get a chance)|all sorted|just (?:checking|confirming|wondering|curious|asking)|only asking|if (?:that is|it is) (?:easier|ok|okay|alright|fine))\b/;
// Words that suppose rather than tell: "if the flight is cancelled, I want my money back".
const SUPPOSING: ReadonlySet<string> = new Set(['if', 'whether', 'whenever', 'suppose', 'unless']);
// Someone else's wait or promise: "my daughter is still waiting to hear from the university".
const OTHERS: ReadonlySet<string> = new Set(['he', 'she', ...RELATIVES]);
const PLEAS: ReadonlySet<string> = new Set(['please', 'pls', 'plz']);
// How far around a hit its sentence is read: a bounded look keeps long messages linear.
const SENTENCE_WINDOW = 12;

/** The words of the hit's sentence within SENTENCE_WINDOW before `first` and after `last`. */
function sentenceAround(p: PreparedText, first: number, last: number): { from: number; to: number; question: boolean } {
  let from = first;
  while (from > 0 && first - from < SENTENCE_WINDOW && !isSentenceBoundary(p.tokens[from - 1]!)) from -= 1;
  let to = last;
  while (to + 1 < p.tokens.length && to - last < SENTENCE_WINDOW && !isSentenceBoundary(p.tokens[to + 1]!)) to += 1;
  const end = p.tokens[to + 1];
  return { from, to, question: end !== undefined && end.text.includes('?') };
}

/** Nothing supposed before the hit in its sentence, and no one else's: the customer's own grievance. */
function toldIn(p: PreparedText, from: number, first: number): boolean {
  for (let i = from; i < first; i += 1) {
    const word = p.tokens[i]!.norm;
    if (SUPPOSING.has(word) || OTHERS.has(word)) return false;
  }
  return true;
}

/** The customer's own grievance, told. */
function told(p: PreparedText, first: number, last: number): boolean {
  return toldIn(p, sentenceAround(p, first, last).from, first);
}

/** Told, and not asked: "I was told you gift wrap, is that right?" checks a fact. */
function toldNotAsked(p: PreparedText, first: number, last: number): boolean {
  const sentence = sentenceAround(p, first, last);
  return !sentence.question && toldIn(p, sentence.from, first);
}

/** Told, not asked, and no "please" in its sentence: "just cancel my order please" asks calmly. */
function demanded(p: PreparedText, first: number, last: number): boolean {
  const { from, to, question } = sentenceAround(p, first, last);
  if (question || !toldIn(p, from, first)) return false;
  for (let i = from; i <= to; i += 1) if (PLEAS.has(p.tokens[i]!.norm)) return false;
  return true;
}

/** Feigned surprise counts unless the message laughs: read on a hit only, as hits are rare. */
function notLaughing(p: PreparedText): boolean {
  return !LAUGHING.test(p.canon) && !LAUGHING_AS_TYPED.test(p.lower);
}

/**
 * A question or an exclamation ends right after the hit ("Şaka mı bu?", not "Şaka mı bu, ... gratis
 * mi?"), in a message with no laughter.
 */
function closesSentenceUnlaughing(p: PreparedText, _first: number, last: number): boolean {
  const next = p.tokens[last + 1];
  return (next === undefined || isSentenceBoundary(next)) && notLaughing(p);
}

/** "right now" counts as urgency only where it closes its clause. */
function closesClause(p: PreparedText, _first: number, last: number): boolean {
  return clauseEnd(p, last) === last;
}

function fromCanon(
  p: PreparedText,
  c: Collector,
  kind: FrustrationSignalKind,
  res: readonly RegExp[],
  accept?: (p: PreparedText, first: number, last: number) => boolean,
): void {
  for (const re of res) {
    for (const hit of matchAll(p, re)) {
      const ranges = rangesOf(c, kind);
      if (ranges.length >= MAX_SIGNALS_PER_KIND) return;
      if (overlaps(ranges, hit.first, hit.last)) continue;
      if (negatedBefore(p, hit.first, 2)) continue;
      if (accept !== undefined && !accept(p, hit.first, hit.last)) continue;
      ranges.push([hit.first, hit.last]);
      c.signals.push({ kind, excerpt: quote(p, hit.first, hit.last) });
    }
  }
}

// "very bloody.", "too bloody for me", "bloody and gory": after a degree word or "to be", and
// before the end of the clause or a function word, "bloody" describes blood (a film, a wound).
// Before what it curses ("so bloody slow", "bloody useless") it is the oath.
const LITERAL_BLOODY_BEFORE = /(?:^|[^a-z])(?:very|too|so|really|quite|pretty|rather|extremely|bit|is|was|are|were|be|been|s)\s+$/;
const LITERAL_BLOODY_AFTER = /^\s*(?:$|[.,;:!?)]|(?:for|and|or|to|with|in|at|but|as|enough|than)\b)/;

function literalBloody(lower: string, start: number, end: number): boolean {
  return (
    lower.slice(start, end) === 'bloody' &&
    LITERAL_BLOODY_BEFORE.test(lower.slice(Math.max(0, start - 12), start)) &&
    LITERAL_BLOODY_AFTER.test(lower.slice(end, end + 8))
  );
}

/** Appends to `out` the oaths of the message, up to MAX_SIGNALS_PER_KIND. */
function profanity(p: PreparedText, out: FrustrationSignal[]): void {
  let found = 0;
  PROFANITY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (found < MAX_SIGNALS_PER_KIND && (m = PROFANITY.exec(p.lower)) !== null) {
    if (literalBloody(p.lower, m.index, m.index + m[0].length)) continue;
    out.push({ kind: 'profanity', excerpt: quoteNormalized(p, m.index, m.index + m[0].length) });
    found += 1;
  }
}

// "1diot", "5tupid b0t": a token of letters and digits is read as a word of these patterns, and only then.
addFoldTargets(() => [patternWords([...INSULTS, INSULT_NOUN, ...JUDGEMENTS, ...PHRASES, ...REJECTIONS, ...CORRECTIONS, ...SARCASM, ...FEIGNED, ...PROMISES, ...COMPLAINTS, ...DEMANDS, URGENCY, RIGHT_NOW])]);

/** The 0..1 score of a message's signals and sentiment (exported so the facts can re-weigh them in context). */
export function frustrationScore(signals: readonly FrustrationSignal[], sentimentScore: number): number {
  let calm = 1;
  // Kinds seen so far, as a short list: a message has a handful of signals at most.
  const seen: FrustrationSignalKind[] = [];
  // In a clearly pleased message ("LOVE IT!", "THIS IS AMAZING, I told you") the cues that also
  // come from enthusiasm or habit count for half; an insult or an oath keeps its weight
  // ("great, great. YOU ARE USELESS" is sarcasm).
  const pleased = sentimentScore >= PLEASED;
  for (const s of signals) {
    const repeated = seen.includes(s.kind);
    const w = KIND_WEIGHT[s.kind] * (repeated ? REPEAT_KIND_FACTOR : 1) * (pleased && !UNSOFTENED.has(s.kind) ? PLEASED_FACTOR : 1);
    if (!repeated) seen.push(s.kind);
    calm *= 1 - w;
  }
  const negativity = Math.max(0, -sentimentScore);
  calm *= 1 - negativity * (signals.length > 0 ? SENTIMENT_WEIGHT_WITH_SIGNALS : SENTIMENT_WEIGHT_ALONE);
  return Math.round(Math.min(1, Math.max(0, 1 - calm)) * 1000) / 1000;
}

/** Frustration signals in one message and a 0..1 score from them and the message's sentiment. */
export function detectFrustration(input: string | PreparedText, sentimentScore: number): Frustration {
  const p = asPrepared(input);
  const signals: FrustrationSignal[] = [];
  const c: Collector = { signals, taken: undefined };
  const shout = shouting(p);
  if (shout !== undefined) signals.push(shout);
  punctuation(p, signals);
  fromCanon(p, c, 'insult', INSULTS);
  fromCanon(p, c, 'insult', INSULT_NOUNS, notAboutSelf);
  fromCanon(p, c, 'insult', CONTEMPT);
  profanity(p, signals);
  if (sentimentScore <= 0 && notLaughing(p) && !CALM_MARKERS.test(p.canon)) fromCanon(p, c, 'profanity', OATHS, notAboutSelf);
  fromCanon(p, c, 'phrase', JUDGEMENTS, notAboutAWork);
  fromCanon(p, c, 'phrase', PHRASES);
  fromCanon(p, c, 'phrase', OTHER_LANGUAGES, notLaughing);
  fromCanon(p, c, 'phrase', OTHER_LANGUAGES_CLOSING, closesSentenceUnlaughing);
  const beforeSarcasm = signals.length;
  fromCanon(p, c, 'phrase', SARCASM);
  const sarcasmPhrase = signals.length > beforeSarcasm;
  if (sentimentScore <= 0) fromCanon(p, c, 'phrase', FEIGNED, notLaughing);
  emphaticAgain(p, c);
  const sarcastic = sarcasticPraise(p, c) || sarcasmPhrase;
  fromCanon(p, c, 'correction', CORRECTIONS);
  fromCanon(p, c, 'rejection', REJECTIONS);
  // A grievance is neither pleased nor laughing, and not supposed ("if you charged me twice, ...").
  if (complaintMood(p, sentimentScore) && notLaughing(p) && !CALM_MARKERS.test(p.canon)) {
    fromCanon(p, c, 'complaint', PROMISES, toldNotAsked);
    fromCanon(p, c, 'complaint', COMPLAINTS, told);
    fromCanon(p, c, 'complaint', DEMANDS, demanded);
  }
  fromCanon(p, c, 'urgency', URGENCIES);
  fromCanon(p, c, 'urgency', RIGHT_NOWS, closesClause);
  emphaticNow(p, c);
  // The praise that made the message read as pleased is the sarcasm itself: it softens nothing.
  return { signals, score: frustrationScore(signals, sarcastic ? Math.min(0, sentimentScore) : sentimentScore) };
}
