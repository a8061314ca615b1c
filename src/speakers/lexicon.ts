/**
 * Word lists for speaker resolution: titles, honorifics, organisation heads,
 * countries, news outlets and common first names with their usual gender.
 * General knowledge only: nothing here is drawn from a particular article.
 */

/** Capitalised (or abbreviated) titles that precede a name and become roles. Lowercased, no full stop. */
export const TITLES = new Set([
  'president', 'vice', 'sen', 'senator', 'rep', 'representative', 'gov', 'governor', 'lt', 'secretary', 'minister',
  'foreign', 'prime', 'deputy', 'chief', 'justice', 'judge', 'mayor', 'speaker', 'leader', 'attorney', 'general', 'gen',
  'director', 'chairman', 'chairwoman', 'chair', 'ambassador', 'adm', 'admiral', 'col', 'colonel', 'capt', 'captain',
  'sgt', 'sergeant', 'maj', 'major', 'rev', 'reverend', 'prof', 'professor', 'king', 'queen', 'prince', 'princess',
  'pope', 'sheriff', 'commissioner', 'chancellor', 'premier', 'press', 'congressman', 'congresswoman', 'councilman',
  'councilwoman', 'assemblyman', 'assemblywoman', 'senate', 'house', 'majority', 'minority', 'whip', 'executive',
  'former', 'acting', 'interim', 'state', 'first', 'lady', 'national', 'security', 'adviser', 'advisor', 'defense',
  'defence', 'interior', 'treasury', 'homeland', 'education', 'energy', 'health', 'labor', 'commerce', 'agriculture',
  'transportation', 'chief', 'staff', 'spokesman', 'spokeswoman', 'spokesperson', 'candidate', 'nominee', 'presidential',
  'republican', 'democratic', 'democrat', 'independent', 'gop', 'white', 'campaign', 'manager', 'communications',
  'u.s', 'us', 'russian', 'ukrainian', 'american', 'british', 'french', 'german', 'chinese', 'iranian', 'israeli',
  'mexican', 'canadian', 'then-candidate', 'then-senator', 'then-president', 'then-secretary', 'ceo', 'founder',
  'anchor', 'host', 'correspondent', 'reporter', 'columnist', 'editor', 'officer', 'sheikh', 'ayatollah', 'archbishop',
  'bishop', 'cardinal', 'father', 'sister', 'brother', 'dr', 'doctor', 'dame', 'sir', 'lord', 'baroness', 'baron',
  'emir', 'sultan', 'crown', 'field', 'marshal', 'superintendent', 'inspector', 'detective', 'officer', 'trooper',
  'corporal', 'private', 'lieutenant', 'commander', 'governor-elect', 'president-elect', 'mayor-elect', 'del',
  'delegate', 'rabbi', 'imam', 'pastor', 'coach', 'district', 'county', 'city', 'u.n', 'un', 'eu', 'nato',
  'actor', 'actress', 'singer', 'comedian', 'author', 'writer', 'filmmaker', 'producer', 'rapper', 'activist',
  'economist', 'analyst', 'strategist', 'pollster', 'businessman', 'businesswoman', 'billionaire', 'mogul', 'lawyer',
  'attorney', 'historian', 'professor', 'scholar', 'journalist', 'commentator', 'pundit', 'broadcaster', 'presenter',
  'entrepreneur', 'investor', 'chef', 'model', 'designer', 'artist', 'musician', 'novelist', 'poet', 'playwright',
  'nominee', 'hopeful', 'contender', 'front-runner', 'frontrunner', 'incumbent', 'challenger', 'gop', 'candidate',
  'sens', 'reps', 'govs', 'senators', 'representatives', 'governors',
]);

/** US states: places, not people ("the superdelegate from Maine"). */
export const US_STATES = new Set([
  'alabama', 'alaska', 'arizona', 'arkansas', 'california', 'colorado', 'connecticut', 'delaware', 'florida',
  'hawaii', 'idaho', 'illinois', 'indiana', 'iowa', 'kansas', 'kentucky', 'louisiana', 'maine', 'maryland',
  'massachusetts', 'michigan', 'minnesota', 'mississippi', 'missouri', 'montana', 'nebraska', 'nevada', 'new hampshire',
  'new jersey', 'new mexico', 'new york', 'north carolina', 'north dakota', 'ohio', 'oklahoma', 'oregon', 'pennsylvania',
  'rhode island', 'south carolina', 'south dakota', 'tennessee', 'texas', 'utah', 'vermont', 'virginia', 'wisconsin',
  'wyoming', 'west virginia', 'puerto rico', 'guam', 'district of columbia', 'd.c', 'new york city', 'chicago',
  'los angeles', 'philadelphia', 'boston', 'atlanta', 'miami', 'detroit', 'cleveland', 'denver', 'seattle', 'houston',
  'dallas', 'phoenix', 'baltimore', 'milwaukee', 'charlotte', 'orlando', 'tampa', 'manhattan', 'brooklyn', 'iraq',
]);

/** Honorifics: dropped from names, telling gender where they can. Lowercased, no full stop. */
export const HONORIFICS: ReadonlyMap<string, 'm' | 'f' | null> = new Map([
  ['mr', 'm'], ['mrs', 'f'], ['ms', 'f'], ['miss', 'f'], ['messrs', 'm'], ['dr', null], ['sir', 'm'], ['dame', 'f'],
  ['lord', 'm'], ['lady', 'f'],
]);

/** Title abbreviations and how a role spells them out. */
export const TITLE_SPELLING: Readonly<Record<string, string>> = {
  sen: 'Senator', rep: 'Representative', gov: 'Governor', gen: 'General', lt: 'Lieutenant', col: 'Colonel',
  capt: 'Captain', sgt: 'Sergeant', maj: 'Major', adm: 'Admiral', rev: 'Reverend', prof: 'Professor', del: 'Delegate',
  sens: 'Senator', reps: 'Representative', govs: 'Governor',
};

/** Last words that make a capitalised name an organisation. */
export const ORG_HEADS = new Set([
  'party', 'committee', 'department', 'agency', 'times', 'post', 'journal', 'news', 'network', 'institute', 'university',
  'college', 'council', 'commission', 'association', 'foundation', 'center', 'centre', 'corp', 'corporation', 'inc',
  'company', 'co', 'group', 'campaign', 'bureau', 'office', 'service', 'services', 'court', 'senate', 'congress',
  'administration', 'ministry', 'fund', 'bank', 'union', 'organization', 'organisation', 'coalition', 'alliance', 'board',
  'police', 'magazine', 'tribune', 'herald', 'gazette', 'review', 'reuters', 'league', 'society', 'federation',
  'caucus', 'pac', 'project', 'watch', 'trust', 'authority', 'force', 'army', 'navy', 'command', 'club', 'church',
  'school', 'hospital', 'ltd', 'llc', 'plc', 'airlines', 'industries', 'media', 'press', 'channel', 'radio', 'tv',
  'television', 'daily', 'examiner', 'observer', 'guardian', 'telegraph', 'independent', 'monitor', 'chronicle',
  'inquirer', 'globe', 'star', 'sun', 'mail', 'express', 'economist', 'atlantic', 'hill', 'politico', 'institution',
  'council', 'bloc', 'movement', 'front', 'brigade', 'brigades', 'cartel', 'coalition', 'conference', 'assembly',
  'parliament', 'legislature', 'cabinet', 'kremlin', 'pentagon', 'fbi', 'cia', 'nsa', 'tribunal', 'panel', 'firm',
  'partners', 'associates', 'group', 'foundation', 'house', 'circuit', 'exchange', 'reserve', 'secretariat', 'nations',
  'investigations', 'affairs', 'operations', 'relations', 'studies', 'laboratory', 'laboratories', 'labs',
  'laboratory', 'laboratories', 'labs', 'research', 'politics', 'poll', 'polling', 'analytics', 'insights', 'strategies', 'consulting', 'communications', 'systems', 'technologies', 'holdings', 'motors', 'energy', 'oil', 'gas',
]);

/** News outlets and other organisations often quoted by a single name. */
export const KNOWN_ORGS = new Set([
  'cnn', 'fox', 'msnbc', 'nbc', 'abc', 'cbs', 'npr', 'pbs', 'bbc', 'politico', 'breitbart', 'reuters', 'bloomberg',
  'axios', 'buzzfeed', 'gallup', 'quinnipiac', 'politifact', 'twitter', 'facebook', 'google', 'apple', 'amazon',
  'microsoft', 'wikileaks', 'vox', 'slate', 'salon', 'newsweek', 'time', 'forbes', 'yahoo', 'huffpost', 'nato', 'congress',
  'kremlin', 'pentagon', 'interpol', 'europol', 'greenpeace', 'amnesty', 'hamas', 'hezbollah', 'taliban', 'isis', 'isil',
  'opec', 'unicef', 'unesco', 'fifa', 'uefa', 'rasmussen', 'ipsos', 'yougov', 'nielsen', 'moody', 'fitch', 'mediaite',
  'snopes', 'factcheck.org', 'theblaze', 'townhall', 'drudge', 'the hill', 'ap', 'afp', 'tass', 'xinhua', 'interfax',
  'ria', 'sputnik', 'telegram', 'whitehouse', 'white house', 'downing street', 'parliament', 'senate', 'house',
  'islamic state', 'al qaeda', 'al-qaeda', 'goldman sachs', 'wall street', 'medicare', 'medicaid', 'obamacare',
  'realclearpolitics', 'fivethirtyeight', 'morning consult', 'public policy polling', 'monmouth', 'marist',
]);

/** Countries (and the short names news uses). Lowercased. */
export const COUNTRIES = new Set([
  'afghanistan', 'albania', 'algeria', 'argentina', 'armenia', 'australia', 'austria', 'azerbaijan', 'bahrain',
  'bangladesh', 'belarus', 'belgium', 'bolivia', 'bosnia', 'brazil', 'bulgaria', 'cambodia', 'cameroon', 'canada',
  'chile', 'china', 'colombia', 'croatia', 'cuba', 'cyprus', 'czech republic', 'czechia', 'denmark', 'ecuador', 'egypt',
  'estonia', 'ethiopia', 'finland', 'france', 'georgia', 'germany', 'ghana', 'greece', 'guatemala', 'haiti', 'honduras',
  'hungary', 'iceland', 'india', 'indonesia', 'iran', 'iraq', 'ireland', 'israel', 'italy', 'japan', 'jordan',
  'kazakhstan', 'kenya', 'kosovo', 'kuwait', 'latvia', 'lebanon', 'libya', 'lithuania', 'luxembourg', 'malaysia',
  'mexico', 'moldova', 'mongolia', 'morocco', 'myanmar', 'burma', 'nepal', 'netherlands', 'holland', 'new zealand',
  'nicaragua', 'nigeria', 'north korea', 'norway', 'oman', 'pakistan', 'palestine', 'panama', 'paraguay', 'peru',
  'philippines', 'poland', 'portugal', 'qatar', 'romania', 'russia', 'rwanda', 'saudi arabia', 'serbia', 'singapore',
  'slovakia', 'slovenia', 'somalia', 'south africa', 'south korea', 'spain', 'sri lanka', 'sudan', 'sweden',
  'switzerland', 'syria', 'taiwan', 'tajikistan', 'tanzania', 'thailand', 'tunisia', 'turkey', 'turkmenistan', 'uganda',
  'ukraine', 'united arab emirates', 'uae', 'united kingdom', 'uk', 'britain', 'great britain', 'united states',
  'america', 'us', 'usa', 'u.s', 'u.s.', 'u.k.', 'uruguay', 'uzbekistan', 'venezuela', 'vietnam', 'yemen', 'zambia',
  'zimbabwe', 'korea', 'the united states', 'the netherlands', 'the philippines', 'the uk', 'the us', 'vatican',
  'washington', 'moscow', 'beijing', 'kyiv', 'kiev', 'tehran', 'london', 'paris', 'berlin', 'brussels', 'tokyo',
  'seoul', 'pyongyang', 'damascus', 'ankara', 'jerusalem', 'warsaw', 'minsk', 'havana', 'caracas', 'islamabad',
  'new delhi', 'kabul', 'baghdad', 'riyadh', 'cairo', 'ottawa', 'canberra',
]);

/** Description heads that point at a news outlet ("the newspaper said"). */
export const OUTLET_HEADS = new Set(['newspaper', 'paper', 'outlet', 'publication', 'magazine', 'network', 'site', 'website', 'daily', 'broadcaster', 'channel', 'station', 'tabloid', 'weekly', 'outlet']);

/** Description heads that name a document ("the report found"). */
export const DOCUMENT_HEADS = new Set([
  'statement', 'report', 'memo', 'memorandum', 'letter', 'email', 'e-mail', 'lawsuit', 'complaint', 'filing', 'ad',
  'advertisement', 'book', 'study', 'survey', 'poll', 'analysis', 'document', 'documents', 'release', 'order', 'ruling',
  'bill', 'tweet', 'post', 'transcript', 'indictment', 'note', 'notes', 'message', 'petition', 'affidavit', 'motion',
  'brief', 'opinion', 'decision', 'verdict', 'resolution', 'platform', 'manifesto', 'guidance', 'policy', 'website',
  'video', 'commercial', 'spot', 'flyer', 'mailer', 'editorial', 'article', 'story', 'piece', 'column', 'headline',
  'caption', 'chyron', 'sign', 'banner', 'card', 'emails', 'records', 'data', 'figures', 'estimate', 'estimates',
  'findings', 'audit', 'review', 'investigation', 'probe', 'inquiry', 'agreement', 'deal', 'treaty', 'law', 'act',
  'constitution', 'amendment', 'charter', 'warrant', 'subpoena', 'summons', 'citation', 'notice', 'announcement',
]);

/** Description heads that point at an organisation ("the campaign said"). */
export const ORG_DESCRIPTION_HEADS = new Set([
  'campaign', 'committee', 'group', 'organization', 'organisation', 'agency', 'department', 'company', 'firm',
  'administration', 'government', 'party', 'team', 'office', 'bureau', 'court', 'commission', 'board', 'union',
  'coalition', 'alliance', 'ministry', 'council', 'institute', 'foundation', 'association', 'center', 'network',
  'regime', 'kremlin', 'pentagon', 'white', 'state', 'city', 'county', 'police', 'university', 'school', 'bank',
  'fund', 'pac', 'super', 'caucus', 'panel', 'camp', 'embassy', 'military', 'army', 'navy', 'force', 'forces',
]);

/** Heads of anonymous-source descriptions ("a senior official", "one person familiar with…"). */
export const ANONYMOUS_HEADS = new Set([
  'official', 'officials', 'source', 'sources', 'aide', 'aides', 'adviser', 'advisers', 'advisor', 'advisors',
  'person', 'people', 'staffer', 'staffers', 'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'insider',
  'insiders', 'observer', 'observers', 'critic', 'critics', 'supporter', 'supporters', 'analyst', 'analysts', 'expert',
  'experts', 'diplomat', 'diplomats', 'member', 'members', 'operative', 'operatives', 'strategist', 'strategists',
  'lawmaker', 'lawmakers', 'official', 'witness', 'witnesses', 'resident', 'residents', 'voter', 'voters', 'protester',
  'protesters', 'activist', 'activists', 'others', 'some', 'many', 'economist', 'economists', 'friend', 'friends',
  'associate', 'associates', 'ally', 'allies', 'donor', 'donors', 'veteran', 'veterans', 'attendee', 'attendees',
  'man', 'woman', 'men', 'women', 'employee', 'employees', 'worker', 'workers', 'officer', 'officers', 'agent', 'agents',
  'investigator', 'investigators', 'lawyer', 'lawyers', 'attorney', 'attorneys', 'organizer', 'organizers', 'student',
  'students', 'parent', 'parents', 'teacher', 'teachers', 'doctor', 'doctors', 'scientist', 'scientists', 'researcher',
  'researchers', 'commentator', 'commentators', 'pundit', 'pundits', 'detractors', 'skeptics', 'fan', 'fans', 'leaders',
  'democrats', 'republicans', 'conservatives', 'liberals', 'progressives', 'authorities', 'police', 'prosecutors',
  'historians', 'journalists', 'reporters', 'editors', 'pollsters', 'advocates', 'opponents', 'individual', 'individuals',
  'participant', 'participants', 'caller', 'callers', 'audience', 'crowd', 'crowds', 'protestors', 'demonstrators',
  'delegates', 'delegate', 'surrogates', 'surrogate', 'everyone', 'somebody', 'someone', 'anyone', 'nobody',
]);

/** Determiners that make a description indefinite (an unnamed source). */
export const INDEFINITE = new Set(['a', 'an', 'one', 'two', 'three', 'four', 'five', 'some', 'several', 'many', 'other', 'another', 'multiple', 'numerous', 'various', 'few', 'most', 'no']);

const MALE = 'donald bill barack joe mike michael john james robert david richard charles thomas chris christopher daniel paul mark george steven steve kevin brian ronald ted tim timothy jeff jeffrey jeb marco ben bernie rand rick newt mitt chuck harry jim jimmy tom bob kenneth ken andrew eric jason matt matthew jonathan josh joshua ryan scott gary larry frank peter patrick pat sean jack dennis jerry walter henry carl arthur roger keith gregory greg sam samuel vladimir sergey sergei volodymyr xi recep benjamin bashar kim emmanuel justin boris angelo anthony tony jose juan carlos luis jorge rudy rudolph reince corey kellyanne? stephen stephanie? al alan allen howard dick lindsey? jared jay reid nancy? mitch orrin lamar jon adam tyler aaron nathan kyle zach zachary brandon nick nicholas alex alexander edward ed william will billy hank joseph ralph lou louis leon martin nelson franklin abraham ulysses lyndon gerald jimmy dwight calvin herbert woodrow warren theodore grover rex ashton wolf van ivan dmitry dmitri mikhail vitali petro mohammed muhammad ali hassan abdullah ahmed omar khalid ahmad hamid hussein saddam moammar muammar gerhard helmut nicolas francois jacques shinzo narendra rodrigo jair andres enrique manuel miguel pedro rafael raul fidel hugo evo tayyip hosni anwar yasser ariel ehud yitzhak shimon bibi kofi ban antonio tomas viktor emmanuel giuseppe silvio matteo mariano jean pierre michel andre cory deval elijah jesse chad todd troy travis wayne dale dean doug douglas earl eugene fred gordon glenn harold jack jerome joel johnny julian kurt lance lee leonard lloyd marshall marvin maurice max morris neil noah oliver oscar perry phil philip preston quentin randy ray raymond rob roy russell seth shane stanley stuart terry todd trevor vernon victor vince vincent wade wesley willie';
const FEMALE = 'hillary melania ivanka chelsea michelle nancy elizabeth sarah sara carly kellyanne hope huma donna debbie susan susana mary patricia jennifer linda barbara margaret jessica karen lisa betty helen sandra ashley kimberly emily carol amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela anna ruth brenda pamela pam nicole katherine kate catherine christine samantha janet rachel maria heather diane julie joyce victoria kelly christina joan evelyn lauren judith megyn megan olivia martha cheryl andrea hannah jacqueline gloria teresa sophia kathryn janice jean alice madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa diana natalie brittany charlotte marie kayla alexis lori condoleezza condi madeleine loretta valerie theresa angela marine nikki kirsten tammy claire dianne jeanne maxine elaine barbara kamala tulsi ayanna alexandria ilhan rashida liz lizzie jill laura gennifer paula monica juanita kathleen sheryl oprah beyonce taylor madonna roseanne rosie whoopi joy ellen mika norah gretchen greta rachel erin dana katy kellie kelli yulia angela theresa ursula christine sylvie marina svetlana tatiana olga natalia irina yekaterina benazir indira golda aung suu park tsai sheikh? katrina leah jenna jennie debra lynn lynne connie bonnie peggy marsha mitzi betsy ann anne annie jane janet june';

/** Usual gender of a first name, or null when unknown. */
export function firstNameGender(name: string): 'm' | 'f' | null {
  const n = name.toLowerCase();
  if (FEMALE_SET.has(n)) return 'f';
  if (MALE_SET.has(n)) return 'm';
  return null;
}

const MALE_MORE = 'antonin robby merrick trayvon reince rahm bobby aaron abe adrian alan albert alberto alec alfred alvin andy angel anton antonio archie arnold art austin barry bart ben bennie bernard bert bill billy blake bobby brad bradley brendan brett brock bruce bryan bud buddy byron caleb calvin cameron carlton cary cecil cesar charlie chester chip christian chuck clarence clark claude clay clayton cliff clifford clint clinton clyde cody colin conrad cory craig curtis dallas damon dan danny darrell darren dave davis derek devin dick dirk dominic don donnie drew duane dustin dwayne dylan eddie edgar edmund eduardo eli elliot elliott elmer emanuel emmett ernest ernie ethan evan everett felix fernando floyd forrest francis francisco freddie frederick gabriel garrett gavin gene geoffrey gil gilbert glen gordon graham grant gus guy hal hans harlan harris harrison harvey hector herb herman homer horace howie hugh ian isaac jacob jake jamal jamie jared jarrett javier jean-claude jed jeremiah jeremy jerome jesse jessie jim jimmie joaquin joel joey johnnie jon jonah jordan jorge joseph josh juan jude julio justin karl keith kelvin ken kenny kent kirk kurt lamar lance larry lawrence leo leroy les leslie lester lewis lincoln lionel lonnie loren lorenzo lowell lucas luke luther lyle mack malcolm marc marcus mario marion marlon marshall martin marty marvin mason mathew maurice mel melvin merle micah mick mickey miles milton mitchell mitt monte morgan morton moses murray myron nate nathaniel ned neal nicolas noel norm norman orrin otis owen pablo pat patrick perry pete phillip preston quincy ralph ramon randall randolph randy raul reggie reginald rene reuben rex ricardo richie rick ricky rob robbie roberto rocky rod rodney roger roland roman ron ronnie ross rudolph rudy rufus russ russell rusty ryan salvador sammy sanford scott sebastian sergio seth shane shaun shawn sheldon sherman sid sidney silas simon sonny spencer stan stanford stephen steve stu stuart sylvester ted teddy terrence terry thad theo thomas tim timmy toby todd tom tommy tony travis trent trey tristan troy ty tyrone val vaughn vern vernon vic victor vince virgil wade wallace walt warren wayne wendell wes wesley whitney? wilbur will willard willie wilson winston woody xavier zack zeke tad gonzalo marcel rupert brent christoph geoff curt norbert laurence felipe herschel mohamed dinesh syed sadiq khizr fethullah humayun laquan dylann abid berhanu';
const FEMALE_MORE = 'abby ada adele adrienne agnes aileen alexa alexandra alicia alison allison alma alyssa amelia ana andrea angie anita annette antoinette april arlene audrey ava barb bea becky belinda bernadette bernice beth bethany betsy beverly billie blanche bobbie brandi brenda bridget britney brooke callie camille candace candice cara carla carmen carole caroline carolyn carrie casey cassandra cathy cecilia celeste charlene cherie cheryl chloe christie christy cindy claudia colleen constance cora courtney crystal daisy dana darlene dawn deanna debbie debora delia della delores dena diana dianne dolores dominique dora doreen dorothy dottie edith edna eileen elena eleanor elisa elise ella ellie eloise elsa elsie emma erica erika erma esther ethel eugenia eunice eva eve faye felicia fern flora florence frances francine freda gail gayle geneva georgia geraldine gina ginger gladys glenda gretchen gwen hattie hazel heidi helena henrietta hilda holly ida imogen inez ingrid irene iris irma isabel isabella jackie jan jana janelle janie jasmine jeanette jeanne jenna jenny jeri jessie jill jo joan joann joanne jodi jody johanna josephine joy juanita judi julianne julie june kara karla kat kathy katie katrina kay kayla kelley kendra kerry kim kimberly kristen kristin kristina kristine krystal lana latoya laurie leah leann lena leona leslie lillian lily linda lindsay lindsey lisa liz lois lola loretta lorraine lucia lucille lucy luisa lydia lynda mabel madeline mae maggie mamie mandy marcia margie margo maria marian marianne marie marilyn marina marion marjorie marla marlene marsha marta martina mattie maureen maxine may meg melanie melinda melody mercedes meredith mia michele mildred millie mindy minnie miranda miriam misty molly mona monique muriel myra myrtle nadine naomi natasha nell nellie nettie nina nora noreen norma olga opal paige pamela patsy patti paula pauline pearl peggy penny phyllis polly priscilla rachael ramona raquel reba regina renee rhonda rita roberta robin robyn rochelle rosa rosalie rose rosemary roxanne ruby sabrina sadie sally samantha sandy selena serena shannon shari shawna sheila shelby shelley sherri sherry shirley silvia sonia sonja sophie stacey stacy stella sue susie suzanne sybil sylvia tamara tami tammy tanya tara teresa terri thelma tiffany tina toni tonya tracey traci tracy trisha ursula valerie vanessa velma vera verna veronica vicki vickie vicky viola violet virginia vivian wanda wendy willa wilma yolanda yvette yvonne zoe zephyr arianna ghazala tashfeen susannah lael';

const clean = (s: string): string[] => s.split(/\s+/).filter((w) => w.length > 0 && !w.endsWith('?'));
const femaleAll = [...clean(FEMALE), ...clean(FEMALE_MORE)];
const maleAll = [...clean(MALE), ...clean(MALE_MORE)];
/** Names listed as both (Leslie, Jessie, Marion) tell nothing. */
const AMBIGUOUS = new Set([...femaleAll.filter((w) => maleAll.includes(w)), 'kerry', 'casey', 'robin', 'dana', 'jody', 'kim', 'jackie', 'billie', 'sandy', 'terry', 'jan', 'jo', 'pat', 'sam', 'alex', 'taylor', 'jordan', 'morgan', 'jamie', 'kelly', 'tracy', 'shannon', 'lindsey', 'whitney', 'jean', 'lynn', 'carey']);
const FEMALE_SET = new Set(femaleAll.filter((w) => !AMBIGUOUS.has(w)));
const MALE_SET = new Set(maleAll.filter((w) => !AMBIGUOUS.has(w)));
