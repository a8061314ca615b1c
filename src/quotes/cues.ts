/**
 * Speech and attribution cue words, learned from PolNeAR's train attributions
 * (the cue verbs annotators marked) plus the common reporting verbs of news English.
 */

/** Lemma → its irregular forms. Regular forms (-s, -ed, -ing) are derived. */
const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  write: ['write', 'writes', 'wrote', 'writing', 'written'],
  read: ['reads', 'read'],
  shoot: ['shot'],
  find: ['found', 'finds'],
  admit: ['admit', 'admits', 'admitted', 'admitting'],
  hit: ['hits', 'hitting'],
  quip: ['quip', 'quips', 'quipped', 'quipping'],
  commit: ['commits', 'committed'],
  plead: ['pleaded', 'pled', 'pleads'],
  sing: ['sang', 'sings', 'sung'],
  chime: ['chimed'],
  cut: ['cut'],
  lambast: ['lambasted', 'lambasts', 'lambasting'],
  fire: ['fired'],
  put: ['put', 'puts'],
  go: ['went'],
  hold: ['held', 'holds'],
  swear: ['swore'],
  think: ['thinks', 'thought'],
  // 'reference' and 'references' are mostly nouns
  reference: ['referenced', 'referencing'],
  // not 'comparing': mostly a gerund (focuses on comparing online panels to … “benchmarks”)
  compare: ['compares', 'compared'],
  // the past tense only: "press" is mostly a noun ("press secretary")
  press: ['pressed'],
  // 'email' and 'emails' are nouns nearly always (on PolNeAR train "emails" was a cue once in 223 uses: "“missing”
  // emails from Clinton’s time", "Clinton’s emails")
  email: ['emailed', 'emailing', 'e-mailed', 'e-mailing'],
  // a stressed last syllable doubles its consonant
  refer: ['refers', 'referred', 'referring'],
};

/** Regular reporting verbs (lemmas). */
const REGULAR = [
  'add', 'argue', 'ask', 'note', 'reply', 'respond', 'explain', 'state', 'declare', 'insist', 'warn', 'caution',
  'claim', 'accuse', 'tweet', 'post', 'continue', 'conclude', 'recall', 'remark', 'admit', 'acknowledge', 'announce',
  'vow', 'promise', 'pledge', 'suggest', 'predict', 'urge', 'joke', 'quip', 'shout', 'yell', 'chant', 'complain',
  'boast', 'lament', 'concede', 'assert', 'emphasize', 'emphasise', 'stress', 'observe', 'counter', 'charge', 'blast',
  'mock', 'criticize', 'criticise', 'describe', 'dub', 'label', 'slam', 'dismiss', 'deny', 'confirm', 'report',
  'testify', 'text', 'maintain', 'contend', 'agree', 'disagree', 'answer', 'interject', 'demand', 'announce',
  'proclaim', 'denounce', 'quote', 'blame', 'assure', 'question', 'muse', 'exclaim', 'whisper', 'scoff', 'retort',
  'reiterate', 'opine', 'point', 'recount', 'allege', 'cite', 'mention', 'inform', 'advise', 'brag', 'gush', 'sneer',
  'cry', 'plead', 'beg', 'rip', 'knock', 'hit', 'scold', 'rail', 'snap', 'tout', 'hail', 'praise', 'thank', 'decry',
  'rebuke', 'attack', 'chide', 'lash', 'confess', 'conclude', 'elaborate', 'wonder', 'speculate', 'sniff', 'huff',
  'marvel', 'bemoan', 'concur', 'predict', 'insinuate', 'imply', 'reason', 'theorize', 'figure', 'estimate',
  'pronounce', 'caution', 'acknowledge', 'write', 'reveal', 'disclose', 'signal', 'indicate', 'brand', 'term', 'nickname',
  'fume', 'bristle', 'gripe', 'grumble', 'vent', 'crow', 'gloat', 'rage', 'seethe', 'stammer', 'sigh', 'laugh', 'smile',
  'groan', 'moan', 'protest', 'object', 'reassure', 'remind', 'tease', 'taunt', 'jest', 'repeat', 'summarize',
  'summarise', 'characterize', 'characterise', 'deride', 'lambast', 'lambaste', 'condemn', 'declare', 'find', 'conclude',
  'anticipate', 'describe', 'offer', 'volunteer', 'interrupt', 'add', 'underscore', 'highlight', 'recommend', 'propose',
  'insist', 'vouch', 'testify', 'swear', 'affirm', 'reaffirm', 'concede', 'explain', 'clarify', 'correct', 'scream',
  'holler', 'howl', 'mutter', 'murmur', 'whine', 'rant', 'rave', 'hint', 'surmise', 'posit', 'predict', 'forecast',
  'remember', 'determine', 'riff', 'beam', 'rattle', 'chime', 'chirp', 'sing', 'bellow', 'roar', 'cheer', 'boom', 'intone', 'shrug',
  'bark', 'grouse', 'ponder', 'snarl', 'growl', 'portray', 'paint', 'cast', 'liken',
];

/** Verbs that frame a phrase rather than report speech ("called it “…”", "described them as “…”"). */
export const NAMING_LEMMAS = new Set(['call', 'describe', 'dub', 'label', 'brand', 'term', 'nickname', 'refer', 'portray', 'paint', 'cast', 'liken', 'compare']);

function regularForms(lemma: string): string[] {
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  let past: string;
  let ing: string;
  let third: string;
  if (lemma.endsWith('y') && !/[aeiou]y$/.test(lemma)) {
    past = `${lemma.slice(0, -1)}ied`;
    third = `${lemma.slice(0, -1)}ies`;
    ing = `${lemma}ing`;
  } else if (/^(?:[^aeiou]*[aeiou][bdgmnprt])$/.test(lemma) && !/(?:er|en|on)$/.test(lemma)) {
    const last = lemma.at(-1)!;
    past = `${lemma}${last}ed`;
    ing = `${lemma}${last}ing`;
    third = `${lemma}s`;
  } else {
    past = lemma.endsWith('e') ? `${lemma}d` : `${lemma}ed`;
    ing = `${stem}ing`;
    third = /(?:s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : `${lemma}s`;
  }
  return [lemma, third, past, ing];
}

const FORMS = new Map<string, string>();
for (const lemma of [...REGULAR, 'call', 'refer']) for (const form of regularForms(lemma)) FORMS.set(form, lemma);
for (const [lemma, forms] of Object.entries(IRREGULAR)) for (const form of forms) FORMS.set(form, lemma);
// British double-l forms
for (const form of ['labelled', 'labelling', 'travelled']) FORMS.set(form, form.startsWith('label') ? 'label' : 'travel');

/** Lemmas that only count as cues with a particle or object ("pointed out", "went on", "shot back", "put it"). */
const NEEDS_PARTICLE: Readonly<Record<string, RegExp>> = {
  point: /^\s+out\b/i,
  go: /^\s+on\b/i,
  shoot: /^\s+back\b/i,
  fire: /^\s+back\b/i,
  put: /^\s+it\b/i,
  hit: /^\s+back\b/i,
  lash: /^\s+out\b/i,
  rail: /^\s+against\b/i,
  think: /^$/, // never alone
  figure: /^$/,
  hold: /^$/,
  text: /^$/,
  post: /^(?:\s+(?:on|to)\b|\s*:)/i,
  signal: /^$/,
  indicate: /^$/,
  answer: /^(?:\s*[,:.]|\s+(?:that|with)\b)/i,
  question: /^$/,
  find: /^\s+(?:that)\b/i,
  determine: /^\s+(?:that)\b/i,
  offer: /^\s*[,:]/i,
  object: /^\s*[,:]/i,
  protest: /^\s*[,:]/i,
  correct: /^\s*[,:]/i,
  repeat: /^\s*[,:]/i,
  smile: /^\s*[,:.]/i,
  beam: /^\s*[,:.]/i,
  shrug: /^\s*[,:.]/i,
  cheer: /^\s*[,:.]/i,
  chime: /^\s+in\b/i,
  cut: /^\s+in\b/i,
  sing: /^\s*[,:.]/i,
  laugh: /^\s*[,:.]/i,
  sigh: /^\s*[,:.]/i,
  propose: /^\s*[,:]/i,
  describe: /^(?:\s*[,:.]|\s+(?:\w+\s+){0,3}as\b|\s+(?:it|him|her|them|this|that|the)\b)/i,
  highlight: /^$/,
  remind: /^\s+\w+\s+(?:that|of)\b|^\s*[,:]/i,
  attack: /^$/,
  thank: /^$/,
  cite: /^$/,
  term: /^$/,
  brand: /^\s+\w+(?:\s+\w+)?\s+(?:as|an?|the)\b/i,
  report: /^(?:\s*[,:.]|\s+(?:that|on|in|to)\b)/i,
  state: /^(?:\s*[,:]|\s+(?:that|in)\b)/i,
  volunteer: /^\s*(?:that\b|[,:])/i,
  read: /^(?:\s*[,:.]|\s+in\b)/i,
  // framing verbs: an object, then 'as' or 'to' (portraying Mexican immigrants, in particular, as “…”; likened the rules to “…”)
  portray: /^\s+(?:\S+\s+){1,4}as\b/i,
  paint: /^\s+(?:\S+\s+){1,4}as\b/i,
  cast: /^\s+(?:\S+\s+){1,4}as\b/i,
  liken: /^\s+(?:\S+\s+){1,4}to\b/i,
  compare: /^\s+(?:\S+\s+){1,4}to\b/i,
};

/** Is the word a form of a cue verb at all (whatever follows it)? Cheap: no particle check. */
export function isCueForm(word: string): boolean {
  return FORMS.has(word.toLowerCase());
}

/** The lemma of a cue word, or null when the word is not a cue. `rest` is the text after the word. */
export function cueLemma(word: string, rest = ''): string | null {
  const lower = word.toLowerCase();
  const lemma = FORMS.get(lower);
  if (lemma === undefined) return null;
  // plural nouns that look like verbs: "many Asian states", "the reports"
  if ((lower === 'states' || lower === 'reports' || lower === 'notes' || lower === 'posts') && !/^\s+that\b/i.test(rest)) return null;
  const particle = NEEDS_PARTICLE[lemma];
  if (particle !== undefined && !particle.test(rest)) return null;
  return lemma;
}

/**
 * The lemma of a speech verb right after a quotation (`“…,” beamed Donald Hartley`), where any
 * reporting verb is a cue whatever follows it. Verbs that are never cues alone stay excluded.
 */
export function cueLemmaAfterQuote(word: string): string | null {
  const lemma = FORMS.get(word.toLowerCase());
  if (lemma === undefined || /^(?:think|figure|hold|question|attack|thank|cite|term|signal|indicate|highlight|point|go|put|shoot|fire|lash|rail|hit|portray|paint|cast|liken|compare)$/.test(lemma)) return null;
  return lemma;
}

/** A participle (-ing) form: its subject is the clause's subject. */
export function isParticiple(word: string): boolean {
  return /ing$/i.test(word) && FORMS.has(word.toLowerCase());
}

/** Pronouns that can be a speaker mention. */
export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you']);

/** Words that may sit between a subject and its cue ("he also said", "Trump has repeatedly said"). */
export const BETWEEN = new Set([
  'also', 'later', 'then', 'has', 'had', 'have', 'would', 'will', 'once', 'previously', 'recently', 'repeatedly',
  'reportedly', 'again', 'often', 'frequently', 'now', 'still', 'even', 'further', 'simply', 'just', 'quickly',
  'flatly', 'bluntly', 'angrily', 'calmly', 'softly', 'finally', 'initially', 'originally', 'first', 'publicly',
  'privately', 'famously', 'memorably', 'reportedly', 'allegedly', 'apparently', 'similarly', 'likewise', 'is', 'was',
  'were', 'are', 'been', 'had', 'did', 'does', 'do', 'could', 'might', 'may', 'should', 'then-', 'subsequently',
  'not', 'never', "n't", 'immediately', 'sarcastically', 'jokingly', 'proudly', 'correctly', 'falsely', 'wrongly', 'rightly', 'already',
  'openly', 'explicitly', 'specifically', 'directly', 'loudly', 'quietly', 'emphatically', 'firmly', 'pointedly',
]);

/** Time words that may follow a cue ("said Monday", "told reporters on Tuesday"). */
export const TIME_WORDS = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|earlier|later|last|this|on|in|at|during|after|before|when|while|recently)$/i;
