/**
 * Customer-service phrases that word lexicons miss: "not working" has no sentiment word
 * at all, "still waiting" neither. Each family is one regex over the canonical text
 * (lower case, contractions expanded, one space between tokens), so a phrase never
 * spans punctuation. Families are tried in order and a token is used by one phrase only,
 * which is why "not working now" is read as broken before "working now" can read as fixed.
 */
export interface SentimentPhrase {
  readonly family: string;
  /** VADER scale, -4..4. */
  readonly valence: number;
  readonly re: RegExp;
  /** The phrase does not count right after these words (a wish, not a report). */
  readonly notAfter?: RegExp;
}

/*
 * A rating on a scale of 10 or 5, or a number of stars given. Each form guards against what else
 * it could be:
 *  - a share rather than a verdict: "9 out of 10 times", "4/5 items" (a rating ends its clause
 *    or goes on with words about the verdict);
 *  - a date: "delivered 2/10", "from 1/10 to 3/10" (a slash rating opens its clause or follows a
 *    word that introduces a verdict: "rating", "a solid", "honestly");
 *  - a class of hotel: "a 2 star hotel" (stars count only after giving, deserving or rating).
 * Each part is the list of numbers on its side of the scale (up to 3 of 10 or 2 of 5 is low,
 * from 8 of 10 or 4 of 5 high; a half only strictly inside those bounds).
 */
const RATING_AFTER = String.raw`(?=$| [^a-z0-9 ]| (?:stars?|points?|for|overall|from me|would|at best|max|tops|imo|lol)\b)`;
const SLASH_RATING_BEFORE = String.raw`(?<=^|[.,!?;:(] |\b(?:rating|rated|score|scored|verdict|overall|honestly|solid|easy|generous|maybe|only|just|a|an) )`;
const GIVES = String.raw`(?:give|gave|giving|given|deserves?|deserved|would rate|i rate) (?:[a-z0-9]+ ){0,2}(?:a |only |just |even )?`;

function rating(outOfTen: string, slashTen: string, outOfFive: string, slashFive: string, stars: string): RegExp {
  return new RegExp(
    String.raw`(?<![\/.\d])\b(?:(?:(?:${outOfTen}) (?:out of|outta) (?:10|ten)|(?:${outOfFive}) (?:out of|outta) (?:5|five))${RATING_AFTER}` +
      String.raw`|${SLASH_RATING_BEFORE}(?:(?:${slashTen}) ?\/ ?10|(?:${slashFive}) ?\/ ?5)${RATING_AFTER}` +
      String.raw`|${GIVES}(?:${stars}) ?stars?\b)(?![\/.]\d)`,
    'g',
  );
}

const LOW_RATING = rating('0|1|2|3|zero|one|two|three', '(?:0|1|2)(?:\\.5)?|3', '0|1|2|zero|one|two', '(?:0|1)(?:\\.5)?|2', '0|1|2|zero|one|two|no|a single|half a');
const HIGH_RATING = rating('8|9|10|eight|nine|ten', '(?:8|9)(?:\\.5)?|10', '4|5|four|five', '4(?:\\.5)?|5', '4|5|four|five');

export const SENTIMENT_PHRASES: readonly SentimentPhrase[] = [
  {
    // Something the customer relies on is broken: the most common complaint, and one
    // that contains no sentiment word ("it doesn't load", "keeps crashing").
    family: 'broken',
    valence: -2.0,
    // "I don't work on Sundays", "we no longer work with them", "I have never worked there":
    // a person's work, not a thing that fails.
    notAfter: /(?:^|\b)(?:i|we|he|she)(?: have| has| had)?$/,
    re: /\b(?:(?:does|do|did|will|would|is|are|was|were|has|have|had) not (?:work|working|load|loading|open|opening|connect|connecting|start|starting|turn on|go through|sync|update|respond|function|functioning)|(?:not|stopped|stop|keeps? not) (?:working|loading|connecting|responding|functioning)|(?:never|no longer) (?:works?|worked|working|loads?|loaded|connects?|connected)(?! out)|keeps? (?:crashing|freezing|failing|dropping|disconnecting|glitching|declining|logging me out)|nothing (?:works|is working|happens|happened|loads))\b/g,
  },
  {
    // Blocked from an account or a payment: inability phrased without any feeling word.
    family: 'blocked',
    valence: -1.5,
    re: /\bcan not (?:log ?in|sign in|access|connect|get in|pay|check out|use|reach)\b/g,
  },
  {
    // Waiting and non-delivery: time lost is the grievance, and "waiting" is neutral to
    // a lexicon.
    family: 'waiting',
    valence: -1.8,
    re: /\b(?:still (?:waiting|nothing|no (?:reply|response|answer|refund|word|update|sign|news))|still (?:have|has|had|did|do|does) not (?:received|heard|arrived|got|gotten|been|come|get|receive|hear|arrive)|(?:never|has not|have not|had not|did not|still not|not yet) (?:arrived|arrive|received|receive|came|come|been delivered|delivered|shipped|refunded|heard back)|(?:been|keep|keeps) waiting (?:for|since|over|ages|forever|all day)|(?<!\bnot )(?:take|takes|took|taking) (?:forever|ages|so long|too long|way too long)|(?:no one|nobody) (?:has |have |ever )?(?:got back|gotten back|replied|responded|called back|answered|helped|contacted me)|(?:no|zero) (?:response|reply|answer|updates?|feedback))\b/g,
  },
  {
    // Effort or money wasted: the customer judges the service as worthless.
    family: 'wasted',
    valence: -2.2,
    re: /\b(?:waste of (?:my |our |your )?(?:time|money|effort|energy)|thanks for nothing|(?:going|go|went|run|running) (?:round|around) in circles|(?:not|never) (?:helpful|useful|any help|of any help|much help|a help)|no help|rip off|ripoff|rip-off)\b/g,
  },
  {
    // Billing harm: being charged wrongly is a grievance even when told calmly.
    family: 'billing',
    valence: -1.8,
    re: /\b(?:(?:charged|billed) (?:me )?(?:twice|double|two times|three times|again|wrongly|incorrectly|for nothing)|(?:double|over) (?:charged|billed)|overcharged|hidden (?:fees|charges|costs)|wrong (?:charge|amount|bill|item|order|size|address|product))\b/g,
  },
  {
    // Being misunderstood: "this is NOT what I asked for" carries no sentiment word, yet
    // it is the complaint a bot hears most often.
    family: 'misunderstood',
    valence: -1.5,
    re: /\b(?:(?:that|this|it) (?:is|was) not what i (?:asked|ordered|wanted|meant|said|paid|requested)|not what i (?:asked|ordered|wanted|meant|paid) for|you (?:do|did|are) not (?:understand|understanding|listen|listening|read|reading)|wrong answer)\b/g,
  },
  {
    // Repeating oneself: mild on its own, it colours the whole turn.
    family: 'repeating',
    valence: -1.2,
    re: /\b(?:for the (?:second|third|fourth|fifth|sixth|tenth|hundredth|umpteenth|nth|last|\d+(?:st|nd|rd|th)) time|how many (?:more )?times|i (?:have )?already (?:told|said|explained|asked))\b/g,
  },
  {
    // A thing that does not do its job: "it does not fit", "won't hold a charge", "didn't
    // last". The verbs name what a product is for, so their failure is the complaint.
    family: 'falls short',
    valence: -1.6,
    re: /\b(?:(?:does|do|did|will|would|could|can) not (?:fit|charge|hold (?:a |the )?charge|hold up|last|stay (?:on|in|up|charged|connected)|stick|seal|pair|fix (?:it|the problem|anything)|do (?:anything|the job|what it)|live up)|(?:stopped|stops|quit|quits) (?:charging|holding|pairing|lasting|sticking)|fell apart|falls apart|falling apart|broke (?:after|within|down|in)|(?:died|failed|broke) (?:after|within) (?:a|one|two|three|\d+) (?:day|days|week|weeks|month|months|uses?))\b/g,
  },
  {
    // Advice against, or the purchase undone: a verdict that holds no sentiment word.
    family: 'advises against',
    valence: -2.0,
    re: /\b(?:do not (?:buy|bother|waste|order|purchase|get (?:this|it|one))|stay away|save your (?:money|time)|(?:returned|returning|sent back|sending back|send back|taking back|took back) (?:it|this|them|the|mine|my)|(?:sent|send|sending|took|take|taking) (?:it|them|this one) back|(?:want|wanted|asked for|need) my money back|not worth (?:it|the (?:money|price|cost|time|wait|effort|trouble|hassle))|never (?:again|buying|ordering|going back))\b/g,
  },
  {
    // Falling short of what was promised or hoped: the praise word ("better", "good") is in
    // a comparison that says it was not reached.
    family: 'let down',
    valence: -1.4,
    re: /\b(?:could (?:have|of) been (?:a lot |much |so much |far )?better|could be (?:a lot |much |far )?better|(?:expected|expecting|hoped for) (?:more|better|much more|a lot more)|not as (?:good|great|nice|described|advertised|pictured|expected|shown|promised)|(?:nothing|not) like (?:the|its|their) (?:picture|pictures|description|photo|photos|advert|ad)|(?:was|is|were|are) (?:supposed|meant) to (?:be|work|have|do|arrive|come))\b/g,
  },
  {
    // Excess: "too small", "too loud". The adjective alone is neutral; "too" says it is more
    // than the customer can use. "Not too expensive" is praise, hence the negator guard.
    family: 'too much',
    valence: -1.2,
    // A question ("is it too late to change my order?") asks; it does not complain.
    notAfter: /\b(?:not|never|nothing|no|hardly|is it|was it|will it|would it|is that|are they|am i|is this)\b/,
    re: /\b(?:way |far |much |a bit |a little |just )?too (?:small|big|large|loud|quiet|expensive|pricey|costly|long|short|slow|heavy|tight|loose|hot|cold|complicated|complex|hard|difficult|thin|thick|bright|dim|flimsy|fragile|noisy|bulky|stiff|soft|narrow|wide|low|high|late|early|often|much|many|little|few)\b/g,
  },
  {
    // Missing what a thing is for: "no signal", "no plot", "not enough volume". Each noun names
    // something a product, a service or a work is expected to have, so its absence is the
    // complaint; nouns whose absence is welcome ("no problem") or merely factual ("no
    // preference", "no one", "no effort") are not in the list, and a noun that only qualifies
    // the next one ("no quality issues", "no service charge", "no refund needed") does not count.
    family: 'missing',
    valence: -1.5,
    re: /\b(?:no|zero|not (?:any|much|enough)|barely any|hardly any|without any|little or no) (?:real |actual |decent |redeeming )?(?:plot|plots|story|storyline|depth|chemistry|suspense|tension|substance|logic|personality|charm|humou?r|imagination|originality|creativity|talent|quality|value|flavou?r|taste|sound|volume|signal|reception|coverage|power|battery life|instructions|manual|warranty|refund|explanation|communication|customer service|service|features|qualities|sense)\b(?! (?:issues?|problems?|faults?|charges?|fees?|costs?|needed|required|necessary|worries|complaints?|concerns?|hassle|changes?))/g,
  },
  // A rating given on a scale: "1 out of 10", "2/10", "I'd give it zero stars" is a verdict
  // without a sentiment word (see rating() above for what counts as one).
  { family: 'low rating', valence: -2.5, re: LOW_RATING },
  // "I would not give it 5 stars" withholds the praise.
  { family: 'high rating', valence: 2.5, re: HIGH_RATING, notAfter: /\b(?:not|never|hardly)\b/ },
  // Idioms whose words mislead a word lexicon, with the values VADER (Hutto & Gilbert, 2014)
  // gives them as special cases ("the bomb" is left out: next to a safety report it would praise).
  { family: 'idiom', valence: 1.5, re: /\b(?:bad ?ass|badass)\b/g },
  { family: 'idiom', valence: 3.0, re: /\bto die for\b/g },
  { family: 'idiom', valence: -2.0, re: /\byeah right\b/g },
  { family: 'idiom', valence: -1.5, re: /\bkiss of death\b/g },
  { family: 'idiom', valence: -2.9, re: /\bbroken heart\b/g },
  {
    // Problem solved: the customer reports success without a praise word
    // ("works now", "that did the trick").
    family: 'resolved',
    valence: 2.0,
    // "I need my phone working now" wishes for the fix; it does not report one.
    notAfter: /\b(?:need|needs|want|wants|like|get|make|should|must|expect|wish|hope|if|whether|until|unless|when|how)\b/,
    re: /\b(?:(?:works|working|worked) (?:now|again|perfectly|fine|great|like a charm)|(?:that|this|it|you|which) (?:fixed|solved|sorted|resolved) (?:it|that|the problem|the issue|everything|my problem|my issue)|(?:problem|issue) (?:solved|fixed|resolved|sorted)|(?:that|this|it) (?:did|does) the trick|you (?:are|have been) (?:a )?(?:star|lifesaver|life saver|legend))\b/g,
  },
];
