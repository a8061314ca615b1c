import { describe, expect, it } from 'vitest';
import { extractQuotes, findMarkSpans } from '../../src/quotes/index.ts';
import { sentenceBounds } from '../../src/quotes/text.ts';
import type { QuoteSpan } from '../../src/types.ts';
import { article, body } from './helpers.ts';

/** The quotes of an article made of these paragraphs. */
function quotes(...paragraphs: string[]): readonly QuoteSpan[] {
  return extractQuotes(body(...paragraphs)).quotes;
}

function only(...paragraphs: string[]): QuoteSpan {
  const qs = quotes(...paragraphs);
  expect(qs).toHaveLength(1);
  return qs[0]!;
}

describe('quotation marks', () => {
  it('finds curly double quotes with offsets of the words inside the marks', () => {
    const text = 'He said: “We will win.” Then he left.';
    const [span] = findMarkSpans(text);
    expect(text.slice(span!.start, span!.end)).toBe('We will win.');
    expect(span!.closed).toBe(true);
  });

  it('finds straight double quotes', () => {
    const q = only('"We will win," Smith said.');
    expect(q.text).toBe('We will win,');
    expect(q.start).toBe(1);
  });

  it('finds single quotes in headlines but not apostrophes', () => {
    const a = extractQuotes(article({ headline: 'Russia’s Lavrov Dismisses Talks as ‘Road to Nowhere’', paragraphs: ['Body.'] }));
    expect(a.quotes.map((q) => q.text)).toEqual(['Road to Nowhere']);
    expect(a.quotes[0]!.in).toBe('headline');
  });

  it('does not let an odd straight quote derail the rest of the article', () => {
    const a = extractQuotes(body('He said "this is the end of it', 'Prices fell on Monday.', '"We are fine," Smith said.', 'The pipe is 5" wide, and "it leaks," Jones said.'));
    expect(a.quotes.map((q) => q.text)).toEqual(['We are fine,', 'it leaks,']);
    expect(a.messages.map((m) => m.id)).toContain('quotes:unbalanced');
    const unbalanced = a.messages.find((m) => m.id === 'quotes:unbalanced')!;
    expect(unbalanced.line).toBe(3);
    expect(unbalanced.column).toBe(9);
  });

  it('keeps a quote whose closing mark was forgotten at the end of a sentence that ends its paragraph, with the warning', () => {
    const a = extractQuotes(body('“We will finish the bridge by spring. Nobody should doubt that, said the mayor, Ann Ruiz.', 'Work resumed on Monday.'));
    expect(a.quotes.map((q) => q.text)).toEqual(['We will finish the bridge by spring. Nobody should doubt that, said the mayor, Ann Ruiz.']);
    expect(a.messages.map((m) => m.id)).toContain('quotes:unbalanced');
    expect(quotes('The council called the plan “a first step toward', 'Work resumed on Monday.')).toHaveLength(0);
  });

  it('reads a left curly mark typed where a quote closes as its closing mark', () => {
    expect(quotes('“Nobody will be left behind,“ the mayor said. “Not one family.”').map((q) => q.text)).toEqual(['Nobody will be left behind,', 'Not one family.']);
    expect(quotes('The agency promised a “full review“ of the contract and a “fresh start.”').map((q) => q.text)).toEqual(['full review', 'fresh start.']);
    expect(quotes('She called the plan “a good start for the county.“').map((q) => q.text)).toEqual(['a good start for the county.']);
  });

  it('numbers quotes q1… in document order across headline, summary and body', () => {
    const a = extractQuotes(article({ headline: 'Smith: ‘No Deal’', summary: ['Smith called it “a bad idea.”'], paragraphs: ['“Never,” Smith said.'] }));
    expect(a.quotes.map((q) => [q.id, q.in])).toEqual([['q1', 'headline'], ['q2', 'summary'], ['q3', 'body']]);
  });
});

describe('cues and source mentions', () => {
  it('attributes a trailing "said X" to X', () => {
    const q = only('“The budget is balanced,” said Sen. Maria Lopez.');
    expect(q.mention?.text).toBe('Sen. Maria Lopez');
    expect(q.cue).toBe('said');
  });

  it('attributes a trailing "X said" to X', () => {
    const q = only('“The budget is balanced,” Lopez said on Tuesday.');
    expect(q.mention?.text).toBe('Lopez');
  });

  it('attributes a trailing pronoun cue to the pronoun', () => {
    const q = only('“This will not work,” he said.');
    expect(q.mention?.text).toBe('he');
    expect(q.cue).toBe('said');
  });

  it('takes any speech verb right after “…,” and its subject as the cue (“…,” Obama stated.)', () => {
    const q = only('“If we see signs that a voting machine is vulnerable, we inform the local authorities,” Obama stated.');
    expect(q.mention?.text).toBe('Obama');
    expect(q.cue).toBe('stated');
  });

  it('learns speech verbs beyond "said" (“…,” Trump barked)', () => {
    expect(only('“Go back to Univision,” Trump barked, and a guard escorted Ramos out.').mention?.text).toBe('Trump');
  });

  it('keeps a trailing cue with its particle in the quote’s sentence (“…?” Trump went on)', () => {
    const a = extractQuotes(body('“You know, it happens, right?” Trump went on, as if he didn’t hear her.'));
    expect(a.quotes[0]!.mention?.text).toBe('Trump');
  });

  it('reads a name before a colon as the speaker (pollster Daron Shaw: “…”)', () => {
    const q = only('The timing of the surge does not surprise Republican pollster Daron Shaw: “Lesser-known candidates have seen the biggest boost.”');
    expect(q.mention?.text).toBe('Republican pollster Daron Shaw');
  });

  it('does not read the person told, or a channel, before a colon as the speaker', () => {
    expect(only('Priebus later told Fox News: “Both men are meeting next week.”').mention?.text).not.toBe('Fox News');
    expect(only('The statement was read on Fox News: “Both men are meeting next week.”').mention).toBeNull();
  });

  it('keeps lowercase role words between a qualifier and the name in the mention', () => {
    const q = only('“They are climbing all over each other,” said Oversight ranking Democrat Elijah Cummings (D-Md.).');
    expect(q.mention?.text).toBe('Oversight ranking Democrat Elijah Cummings');
    expect(only('“I can’t vote for Trump,” said Concord resident Whit Symms, a Republican.').mention?.text).toBe('Concord resident Whit Symms');
  });

  it('reads "pressed" after a quote as a cue, but not "press" before a title', () => {
    expect(only('“Would it be negotiable?” Hannity pressed.').mention?.text).toBe('Hannity');
    expect(only('“We will see,” White House press secretary Josh Earnest said.').mention?.text).toBe('White House press secretary Josh Earnest');
  });

  it('takes the appositive name over the description that opens the sentence, for a participle (the mayor’s campaign manager, Ann Lee, writing …)', () => {
    expect(only('The mayor’s campaign manager, Ann Lee, writing in an email to donors: “We need you now more than ever.”').mention?.text).toBe('Ann Lee');
  });

  it('takes the appositive name over the description after an inverted cue (said the agency’s director, Ann Lee.)', () => {
    expect(only('“The audit found nothing,” said the agency’s director, Ann P. Lee.').mention?.text).toBe('Ann P. Lee');
    expect(only('The audit found “no evidence of wrongdoing,” said the agency’s director, Ann Lee, who took over in May.').mention?.text).toBe('Ann Lee');
  });

  it('takes the appositive name over the description it names (Sanders’s campaign manager, Jeff Weaver, said)', () => {
    expect(only('“California stuck out,” Sanders’s campaign manager, Jeff Weaver, said in an interview.').mention?.text).toBe('Jeff Weaver');
    expect(only('Sanders’s campaign manager, Jeff Weaver, said in an interview that “California stuck out.”').mention?.text).toBe('Jeff Weaver');
  });

  it('reads "of" inside a name with a title (said Secretary of State John Kerry)', () => {
    expect(only('“It is a step forward,” said Secretary of State John Kerry.').mention?.text).toBe('Secretary of State John Kerry');
  });

  it('keeps a capitalised noun inside an organisation’s name (Judicial Watch President Tom Fitton said)', () => {
    expect(only('“We hid nothing,” Judicial Watch President Tom Fitton said.').mention?.text).toBe('Judicial Watch President Tom Fitton');
  });

  it('keeps a trailing attribution with a short appositive in the quote’s sentence ("Perpetual motion!" Rep. Glenn Thompson, R-Pa., said)', () => {
    expect(only('"Perpetual motion!" Rep. Glenn Thompson, R-Pa., said of the convention.').mention?.text).toBe('Rep. Glenn Thompson');
  });

  it('reaches the name past lowercase role words right before the cue', () => {
    expect(only('“There is a high probability of an accident,” DoubleLine Capital portfolio manager Bonnie Baha said on Monday.').mention?.text).toBe('DoubleLine Capital portfolio manager Bonnie Baha');
  });

  it('starts a new sentence after a quote that ends with a full stop when a new clause follows', () => {
    const a = extractQuotes(body('Donald Trump said Hillary Clinton "caused death." Bernie Sanders called Trump a "pathological liar." Carly Fiorina said Ted Cruz "says whatever he needs."'));
    expect(a.quotes.map((q) => q.mention?.text)).toEqual(['Donald Trump', 'Bernie Sanders', 'Carly Fiorina']);
    expect(only('“It is over.” Smith said on Monday.').mention?.text).toBe('Smith');
  });

  it('ends the sentence after a quote with a full stop when a time word after the next cue opens a clause (… “unfair.” Ann Lee, a board member, warned Friday that …)', () => {
    const a = extractQuotes(body('Mayor Tom Reyes called the new parking fee “unfair.” Ann Lee, a board member, warned Friday that the fee would hurt shops.'));
    expect(a.quotes.map((q) => q.mention?.text)).toEqual(['Mayor Tom Reyes']);
    const b = extractQuotes(body('Rep. Dana Cole said the plan was “dead on arrival.” Sen. Omar Price, a Democrat from the western part of the state, said Tuesday that it could pass.'));
    expect(b.quotes.map((q) => q.mention?.text)).toEqual(['Rep. Dana Cole']);
    expect(only('“It is over.” Smith said on Monday night, after the vote.').mention?.text).toBe('Smith');
  });

  it('reads a leading cue with a colon', () => {
    const q = only('Lopez said: “The budget is balanced.”');
    expect(q.mention?.text).toBe('Lopez');
    expect(q.kind).toBe('direct');
  });

  it('reads "told reporters" before a quote', () => {
    const q = only('Lopez told reporters “the budget is balanced.”');
    expect(q.mention?.text).toBe('Lopez');
    expect(q.cue).toBe('told');
  });

  it('gives a trailing attribution that goes on "according to" someone to that source (“…,” Welch said, according to Vermont Edition.)', () => {
    const q = only('“I’ll be voting on March 1,” Welch said, according to Vermont Edition.');
    expect(q.mention?.text).toBe('Vermont Edition');
    expect(q.cue).toBe('according to');
    const r = only('“Delegates should vote the way they see fit,” said Gov. Scott Walker, according to the Post.');
    expect(r.mention?.text).toBe('the Post');
  });

  it('keeps a trailing attribution when "according to" opens a later clause of its own (Smith said, adding that, according to the report, …)', () => {
    const q = only('“Prices will rise,” Smith said, adding that, according to the report, costs doubled.');
    expect(q.mention?.text).toBe('Smith');
  });

  it('reads "according to X"', () => {
    const q = only('According to the Finance Ministry, “the deficit will shrink next year.”');
    expect(q.mention?.text).toBe('the Finance Ministry');
    expect(q.cue).toBe('According to');
  });

  it('gives a clause inside reported speech to the one reporting it when "that" is left out (She says it underscores …)', () => {
    const q = only('She says it underscores that Trump is “temperamentally unfit to be commander-in-chief.”');
    expect(q.mention?.text).toBe('She');
    expect(q.cue).toBe('says');
  });

  it('skips "at the time" between a subject and its cue (Trump at the time said)', () => {
    const q = only('Trump at the time said he would “look into” the matter.');
    expect(q.mention?.text).toBe('Trump');
  });

  it('reads a bare cue form after "a" and one lowercase word as a noun (he sounded a rare note of self-deprecation, saying …)', () => {
    const q = only('He sounded a rare note of self-deprecation, saying, “I’m not sure I really deserve it.”');
    expect(q.mention?.text).toBe('He');
    const r = only('Sanders sent out a fundraising call, asking supporters to “donate $3 to our campaign now.”');
    expect(r.mention?.text).toBe('Sanders');
  });

  it('reads a cue form after an owner and a participle as a noun (Trump’s repeated calls …, noting)', () => {
    const q = only('Khan also decried Trump’s repeated calls to ban all Muslims, noting he has “sacrificed nothing” for the country.');
    expect(q.mention?.text).toBe('Khan');
    const r = only('The State Department has said 2,093 of Clinton’s released emails were redacted, most of them rated “confidential.”');
    expect(r.mention?.text).toBe('The State Department');
  });

  it('reads a cue form after "of" as a noun (a series of tweets … saying)', () => {
    const q = only('Trump unleashed a series of tweets early Friday saying that Clinton had shown bad judgment in using Machado “as a paragon of virtue.”');
    expect(q.mention?.text).toBe('Trump');
  });

  it('does not read the object of "told" as the subject of a reported clause', () => {
    const q = only('Morial told a young woman who suggested that people may not vote that “this is not the first generation to be frustrated.”');
    expect(q.mention?.text).not.toBe('Morial');
  });

  it('gives a clause inside reported speech to the one reporting it (Trump said that Romney begged … and “…”)', () => {
    const q = only('At the rally, Trump said that Romney begged him for an endorsement in 2012 and “would have dropped to his knees” if asked.');
    expect(q.mention?.text).toBe('Trump');
  });

  it('gives a naming verb’s phrase inside reported speech to the one reporting it (the mayor said that the governor described it as “…”)', () => {
    expect(only('The mayor said that the governor once described the stadium deal as “a gift to the city” in a radio interview.').mention?.text).toBe('The mayor');
    expect(only('Lopez said that Reed called the new fees “highway robbery” at a town hall.').mention?.text).toBe('Lopez');
  });

  it('keeps the speaker of a clause that opens after a comma, a dash or a relative pronoun', () => {
    const [a, b, c] = quotes(
      'After Trump argued that Medicare should not be cut, Rubio said only that his “numbers don’t add up.”',
      'She said that experts had approved her plan, to which O’Malley interjected: “It’s just not true.”',
      'When Clinton noted that Trump has not paid taxes ― Trump boasted, “That makes me smart.”',
    );
    expect(a?.mention?.text).toBe('Rubio');
    expect(b?.mention?.text).toBe('O’Malley');
    expect(c?.mention?.text).toBe('Trump');
  });

  it('leaves a cue that opens the next quotation with a colon to that quotation', () => {
    const [a, b] = quotes('After Scalia said that some students might do better at “less advanced schools,” Trump said: “I don’t like what he said.”');
    expect(a?.mention?.text).toBe('Scalia');
    expect(b?.mention?.text).toBe('Trump');
  });

  it('reads a place, a lowercase role and a title before a name as one mention (Tulsa police Chief Chuck Jordan)', () => {
    expect(only('“We will achieve justice in this case,” Tulsa police Chief Chuck Jordan said Monday.').mention?.text).toBe('Tulsa police Chief Chuck Jordan');
  });

  it('reads an age before a name as part of the mention (said 17-year-old Jared Potts)', () => {
    expect(only('“He speaks his mind,” said 17-year-old Jared Potts.').mention?.text).toBe('17-year-old Jared Potts');
  });

  it('ends a description subject at a past-tense verb with an object (The Democratic National Committee released a statement)', () => {
    const q = only('The Democratic National Committee released a statement offering “a deep and sincere apology” to Sanders.');
    expect(q.mention?.text).toBe('The Democratic National Committee');
    expect(only('The retired neurosurgeon addressed his concerns, saying “this is a very difficult investigation.”').mention?.text).toBe('The retired neurosurgeon');
  });

  it('gives a participle in an opening clause the subject of the main clause after the quote', () => {
    const [a] = quotes('After saying her right foot was “so swollen I could barely get my shoe on,” she was taken to a hospital.');
    expect(a?.mention?.text).toBe('she');
    expect(only('In declaring Trump’s statements as “not Christian,” the pope again showed his knack for politics.').mention?.text).toBe('the pope');
  });

  it('reads a dash attribution', () => {
    const q = only('“Ask not what your country can do for you.” — John F. Kennedy');
    expect(q.mention?.text).toBe('John F. Kennedy');
  });

  it('reads a dash attribution written with a horizontal bar, as reader comments often are', () => {
    const [a, b] = quotes('“He is ignorant of our culture and lives.”― Pamela Padilla', '“I cannot believe it. How did we get this low?” ― Jacklyn Ashley.');
    expect(a?.mention?.text).toBe('Pamela Padilla');
    expect(b?.mention?.text).toBe('Jacklyn Ashley');
  });

  it('does not take the object of the preposition that opens the sentence for the subject before an appositive (In July, Sammy Aaron, vice chairman of G-III, told …)', () => {
    const q = only('In July, Sammy Aaron, vice chairman of G-III, told Forbes that Trump is “very involved on a weekly basis.”');
    expect(q.mention?.text).toBe('Sammy Aaron');
    const r = only('In Ohio, Sen. Tom Cole, a Republican, said the plan was “dead on arrival.”');
    expect(r.mention?.text).toBe('Sen. Tom Cole');
  });

  it('reads a quoted title inside an appositive as part of it (Mara Quill, the co-author of “Paper Trails,” about …, said)', () => {
    const qs = quotes('Mara Quill, the co-author of “Paper Trails,” about the history of local news, said the merger was “a quiet disaster.”');
    expect(qs.find((q) => q.text.startsWith('a quiet'))?.mention?.text).toBe('Mara Quill');
    const rs = quotes('Dev Patil, a judge on the baking show, “Rise Up,” who later opened a bakery, said she was “always fair.”');
    expect(rs.find((q) => q.text.startsWith('always'))?.mention?.text).toBe('Dev Patil');
  });

  it('takes a description with a name after "for", "of" or "from" for the subject, not the name (A spokeswoman for Gov. Ruth Alder said …)', () => {
    expect(only('A spokeswoman for Gov. Ruth Alder said the plan was “premature.”').mention?.text).toBe('A spokeswoman for Gov. Ruth Alder');
    expect(only('The congressman from Ohio called the bill “a giveaway.”').mention?.text).toBe('The congressman from Ohio');
    expect(only('The leader of the Lakeside Teachers Union, Mark Oyelaran, warned that the cuts were “reckless.”').mention?.text).toBe('Mark Oyelaran');
    // (not a thing someone owns: "a damning reaction from Tom Vale, who called it …")
    expect(only('It drew a sharp reaction from Mayor Tom Vale, who called it “a disgrace.”').mention?.text).toBe('Mayor Tom Vale');
  });

  it('gives a quote in a relative clause with no cue to the clause’s antecedent (Rita Gomez, who thinks the rules are “…,” plans …)', () => {
    expect(only('Councilwoman Rita Gomez, who thinks the new zoning rules are “a gift to developers,” plans to vote no.').mention?.text).toBe('Councilwoman Rita Gomez');
    expect(only('The plan drew fire from Rita Gomez, who has long seen such rules as “a gift to developers.”').mention?.text).toBe('Rita Gomez');
    // (a title there is still no quotation: nobody is said to have said it)
    expect(quotes('“It is too early to tell,” said Ana Cole, who also hosts the radio show “Main Street Money.”').map((q) => q.text)).toEqual(['It is too early to tell,']);
  });

  it('skips an opening time phrase with a singular unit before the subject (A month later, he …)', () => {
    expect(only('A month later, he toured the plant and explained why the workers would “come back stronger.”').mention?.text).toBe('he');
    expect(only('One year earlier, Mayor Tom Reyes had called the plan “a fantasy.”').mention?.text).toBe('Mayor Tom Reyes');
  });

  it('reads a capitalised "Will" before a name as a first name, not the modal (“…,” said Will Okafor, a professor)', () => {
    expect(only('“It is an expensive model,” said Will Okafor, a professor of economics.').mention?.text).toBe('Will Okafor');
    expect(only('“We have to win the county,” Will Brandt, the party chairman, said on Friday.').mention?.text).toBe('Will Brandt');
  });

  it('never takes a prepositional phrase after a cue for the speaker (Ana Ruiz, who …, said of Reyes: “…”)', () => {
    expect(only('Recalling the night, Ana Ruiz, who ran the campaign, said of Reyes: “He never gave up.”').mention?.text).toBe('Ana Ruiz');
  });

  it('skips an appositive between the name and the cue', () => {
    const q = only('“We are ready,” Ann Lee, a spokeswoman for the ministry, said.');
    expect(q.mention?.text).toBe('Ann Lee');
  });

  it.each(['added', 'wrote', 'argued', 'insisted', 'warned', 'cautioned', 'claimed', 'tweeted', 'quipped', 'admitted'])(
    'knows "%s" as a speech verb',
    (verb) => {
      const q = only(`“The plan is dead,” Lopez ${verb}.`);
      expect(q.cue).toBe(verb);
      expect(q.mention?.text).toBe('Lopez');
    },
  );

  it('reads an organisation whose name ends in a noun as the source ("Fox News reported")', () => {
    expect(only('“The request was turned down,” Fox News reported.').mention?.text).toBe('Fox News');
    expect(only('“The income funded the campaign,” the Trump campaign explained.').mention?.text).toBe('the Trump campaign');
  });

  it('takes any reporting verb right after a quote as its cue', () => {
    const q = only('“This is fantastic!” beamed Donald Hartley of Madison, Alabama.');
    expect(q.mention?.text).toBe('Donald Hartley');
    expect(q.cue).toBe('beamed');
  });

  it('gives a quotation paragraph the speaker of the lead-in paragraph that ends with a colon before it', () => {
    const a = only('Former state senator Dr. Kelli Ward called for the impeachment of the attorney general.', 'Dr. Ward stated:', '“The Department of Justice is not about justice at all.”');
    expect(a.mention?.text).toBe('Dr. Ward');
    expect(only('He spoke on the radio.', 'Stated Stone:', '“I think that the stakes are so high.”').mention?.text).toBe('Stone');
    expect(only('For many, that candidate is Trump. Parker Eaton, a nominal Republican who voted for Bill Clinton, said that given the candidates on both sides:', '“There is only one: Trump.”').mention?.text).toBe('Parker Eaton');
  });

  it('takes no speaker from a heading in capitals before a colon', () => {
    expect(only('SHORT READS:', '—“A sketch artist gets a gallery show,” by the Post’s Amy Spencer.').mention?.text).not.toBe('SHORT');
  });

  it('reads "described as" with its object before the subject (an explosion that X described as “…”) as a cue', () => {
    const q = only('Twenty-nine people were injured by an explosion that Mayor Bill de Blasio described as “an intentional act.”');
    expect(q.cue).toBe('described');
    expect(q.mention?.text).toBe('Mayor Bill de Blasio');
  });

  it('reads "referred to X as" and "described X Y Z as" as naming cues of their subject', () => {
    const [a, b] = quotes('On Monday, Bush referred to Rubio as “a bright, charismatic leader” but described his leadership skills as a “work in progress.”');
    expect(a?.mention?.text).toBe('Bush');
    expect(a?.cue).toBe('referred to');
    expect(b?.mention?.text).toBe('Bush');
  });

  it('reads framing verbs with an object and "as" or "to" (portrayed X as, cast X as, likened X to, compared X to) as cues of their subject', () => {
    expect(only('A senior lawmaker, Rep. Ann Ward, portrayed the governor as “a man out of his depth.”').mention?.text).toBe('Rep. Ann Ward');
    expect(only('The group’s ads cast the mayor as “a friend of developers.”').mention?.text).toBe('The group’s ads');
    expect(only('Another critic, Laurence H. Tribe, likened the rules to “burning the Constitution.”').mention?.text).toBe('Laurence H. Tribe');
    expect(only('Aaron Kall, a debate coach, compared Trump to a coach who is “working the referees” in hopes of a better call.').mention?.text).toBe('Aaron Kall');
  });

  it('reads "emailed" as a cue, not the noun "emails" or "email" (Comey testified “thousands” of emails …)', () => {
    const q = only('Comey testified “thousands” of emails in fact had not been turned over.');
    expect(q.mention?.text).toBe('Comey');
    const r = only('Trump invited Russia to dig up thousands of “missing” emails from Clinton’s time at the State Department.');
    expect(r.mention?.text).toBe('Trump');
    const e = only('Clinton emailed supporters: “We need you now.”');
    expect(e.mention?.text).toBe('Clinton');
  });

  it('reads "referenced" as a cue (it referenced “political tensions”), not the noun "references"', () => {
    const q = only('Although the fund did not single out the proposals, it referenced “political tensions” in advanced economies.');
    expect(q.cue).toBe('referenced');
    expect(q.mention?.text).toBe('it');
    expect(only('The speech had three references to “the wall” in its first minute.').cue).not.toBe('references');
  });

  it('does not read a framing verb without its "as" or "to", or the gerund "comparing", as a cue', () => {
    expect(quotes('The studio cast a newcomer in “The Long Road Home” this spring.').every((q) => q.mention === null)).toBe(true);
    expect(only('The survey focuses on comparing online panels to official “benchmarks” used by the census.').mention).toBeNull();
  });

  it('does not read a participle right after a quote as an inverted cue (“…,” referring to the party’s convention)', () => {
    const q = only('Trump said things “should be wrapped up by Cleveland,” referring to the party’s July convention.');
    expect(q.mention?.text).toBe('Trump');
  });

  it('gives "went on to say" the subject of its clause', () => {
    expect(only('The email goes on to say: “Trump wants to write racism into our law books.”').mention?.text).toBe('The email');
  });

  it('gives a participle with its own subject inside someone’s reported speech to the one reporting (She says his ads accusing X are “…”)', () => {
    expect(only('Lopez says Reed’s new ads accusing the union of hiding losses are “cheap and dishonest.”').mention?.text).toBe('Lopez');
    expect(only('Smith said Reed’s letter warning residents of the flood meant that “nobody can say they were not told.”').mention?.text).toBe('Smith');
  });

  it('gives a participle with its own subject that subject', () => {
    expect(only('Supporters punched a protester, with Trump reportedly yelling: “Get him out of here!”').mention?.text).toBe('Trump');
  });

  it('gives a quote inside an owner’s claim, statement or accusation that … to the owner when no cue names anyone', () => {
    const q = only('The fact-checkers looked into Maria Lopez’s claim that the county had lost “thousands of jobs” since 2010.');
    expect(q.mention?.text).toBe('Maria Lopez’s');
    expect(q.cue).toBe('claim');
    expect(only('The report followed John Reed’s accusation that the agency was “hiding the numbers.”').mention?.text).toBe('John Reed’s');
  });

  it('reads two roles under one determiner as one description (the former secretary of state and current Democratic presidential nominee said)', () => {
    const q = only('On Tuesday, the former secretary of state and current Democratic presidential nominee said she wanted to speak “directly to white people.”');
    expect(q.mention?.text).toBe('the former secretary of state and current Democratic presidential nominee');
    const r = only('“North Korea is a paranoid, isolated nation,” the independent Vermont senator and Democratic presidential candidate told ABC.');
    expect(r.mention?.text).toBe('the independent Vermont senator and Democratic presidential candidate');
  });

  it('reads a role "of" a bare noun as one description (the state’s secretary of state, the director of communications)', () => {
    expect(only('Asked about the delay, the secretary of state said her office was “working around the clock” on the count.').mention?.text).toBe('the secretary of state');
    expect(only('The former director of communications told reporters that the memo was “never meant to leave the building.”').mention?.text).toBe('The former director of communications');
  });

  it('finds the owner of a claim past a modifier or two (Lopez’s repeated, unsupported assertion that …)', () => {
    expect(only('Fact-checkers found no basis for Maria Lopez’s repeated, unsupported assertion that the county had lost “thousands of jobs” since 2010.').mention?.text).toBe('Maria Lopez’s');
    expect(only('The report followed the mayor’s press office and John Reed’s recent accusation that the agency was “hiding the numbers.”').mention?.text).toBe('John Reed’s');
  });

  it('keeps the attribution that follows a question mark with its question', () => {
    const q = only('“Is the plan dead?” Lopez asked.');
    expect(q.mention?.text).toBe('Lopez');
    expect(q.cue).toBe('asked');
  });
});

describe('quote shapes', () => {
  it('groups an interrupted quote under its first part', () => {
    const qs = quotes('“We cannot agree,” he said, “and we never will.”');
    expect(qs).toHaveLength(2);
    expect(qs[1]!.group).toBe('q1');
  });

  it('groups an interrupted quote whose attribution carries a long appositive', () => {
    const qs = quotes('“This used to be Russia’s back yard,” said Raffaello Pantucci, director of International Security Studies at the Royal United Services Institute in London, “but it is increasingly coming into China’s thrall.”');
    expect(qs).toHaveLength(2);
    expect(qs[1]!.group).toBe('q1');
  });

  it('groups a multi-paragraph quote that closes only at its end', () => {
    const qs = quotes('“We will cut taxes,” Lopez said. “And we will balance the budget.', '“Nobody believed us. Now they will.”');
    expect(qs).toHaveLength(3);
    expect(qs[2]!.group).toBe(qs[1]!.group ?? qs[1]!.id);
    expect(qs[2]!.paragraph).toBe(1);
  });

  it('marks a phrase inside reported speech as partial and finds the subject of the speech verb', () => {
    const q = only('Lopez called the ruling “one of the great miscarriages of justice.”');
    expect(q.kind).toBe('partial');
    expect(q.mention?.text).toBe('Lopez');
    expect(q.cue).toBe('called');
  });

  it('gives a participle cue the subject of its clause', () => {
    const qs = quotes('He accused the ministers of making “clumsy attempts” to sway the talks, claiming they yielded “no constructive ideas.”');
    expect(qs.map((q) => q.mention?.text)).toEqual(['He', 'He']);
  });

  it('keeps a quote inside a quote as part of the outer quotation', () => {
    const q = only('“He told me ‘we will win,’ and I believed him,” she said.');
    expect(q.text).toBe('He told me ‘we will win,’ and I believed him,');
    expect(q.mention?.text).toBe('she');
  });

  it('marks a whole quoted sentence as direct', () => {
    expect(only('“We cannot agree with these proposals,” he said.').kind).toBe('direct');
  });
});

describe('sentences', () => {
  it('ends a sentence at an abbreviation that is no title when a new clause begins ("… the U.S. He said …")', () => {
    const t = 'He lives in the U.S. He said so. Sen. Smith agreed with Mr. Jones.';
    expect(sentenceBounds(t).map(([a, b]) => t.slice(a, b))).toEqual(['He lives in the U.S.', 'He said so.', 'Sen. Smith agreed with Mr. Jones.']);
  });
});

describe('a phrase that continues the speaker', () => {
  it('gives a bare phrase in the next sentence the previous speaker when nobody new is named', () => {
    const a = extractQuotes(body('“There are federal laws that could cover it,” Hennessey added. But that is not the same thing as “properly chargeable under the law.”'));
    expect(a.quotes[1]!.group).toBe('q1');
  });

  it('does not when someone else is named in between', () => {
    const a = extractQuotes(body('“There are federal laws that could cover it,” Hennessey added. But Comey called that “properly chargeable under the law.”'));
    expect(a.quotes[1]!.group).toBeNull();
  });
});

describe('a bare quote in a new paragraph', () => {
  it('gives it to the person named as the subject of the sentence before it in its paragraph', () => {
    const qs = quotes('“We will not back down,” Pence said on CNN.', 'Chuck Todd was shocked. “Do you want to be associated with a fascist?”');
    expect(qs[1]!.group).toBeNull();
    expect(qs[1]!.mention?.text).toBe('Chuck Todd');
  });

  it('takes the name in apposition to a description that is that sentence’s subject', () => {
    const qs = quotes('“I am having my Jeffersonian moment,” Mr. Clarke said.', 'His former business partner at Lenox, Lawrence B. Cummings, called him a master at deals. “He showed again and again an ability to put together deals.”');
    expect(qs[1]!.mention?.text).toBe('Lawrence B. Cummings');
  });

  it('still continues the quote before when that sentence’s subject is a pronoun', () => {
    const qs = quotes('“We will not back down,” Pence said on CNN.', 'He went further. “We will win this fight.”');
    expect(qs[1]!.group).toBe('q1');
  });
});

describe('an opening clause that ends in a quoted title', () => {
  it('ends the clause at the title when a capitalised word follows it (its comma is inside the marks)', () => {
    const q = quotes('“We must step away from these efforts,” Pence said on CNN.', 'On “Face the Nation,” Sen. Bernie Sanders (Vt.), who lost the primaries, named bigotry as one of the reasons. “The younger people are sick and tired of discrimination.”').at(-1)!;
    expect(q.mention?.text).toBe('Sen. Bernie Sanders');
  });
});

describe('an opening participle clause', () => {
  it('ends at an appositive description after its name, before the subject (Introduced by Tom Reed, the county chairman and a retired judge, Lopez …)', () => {
    expect(only('Introduced by Tom Reed, the county chairman and a retired judge, Lopez launched into an attack on the “failed mayor.”').mention?.text).toBe('Lopez');
  });
});

describe('an opening clause with a comma of its own', () => {
  it('goes on past a comma followed by lowercase words before the subject (After a hastily arranged, closed-door session, the board …)', () => {
    expect(only('After a hastily arranged, closed-door session, the Zoning Board released a statement calling the tower plan “premature and unworkable” for the district.').mention?.text).toBe('the Zoning Board');
  });
});

describe('an opening place and time', () => {
  it('skips a city, its state and a time phrase before the subject (At a rally in Dayton, Ohio, on Friday, Lopez …)', () => {
    expect(only('At a rally in Dayton, Ohio, on Friday evening, Lopez singled out the plant, calling its closure “a betrayal.”').mention?.text).toBe('Lopez');
  });
});

describe('an opening time phrase', () => {
  it('skips an opening "Early …" or "Late …" phrase when looking for the subject of a participle', () => {
    expect(only('Early in the race, Lopez attacked Reed, calling him “a career politician.”').mention?.text).toBe('Lopez');
    expect(only('Late on Tuesday, Reed sent a letter calling the deal “dead on arrival.”').mention?.text).toBe('Reed');
  });
});

describe('sentence adverbs', () => {
  it('skips an opening sentence adverb when looking for the subject (Likewise, Nevertheless)', () => {
    const q = only('Likewise, a paper from the Brookings Institution had this to say about his plan: “Families from the top half would receive 24 percent more.”');
    expect(q.mention?.text).toBe('a paper from the Brookings Institution');
  });
});

describe('what is not a quote', () => {
  it('does not take a show title after a possessive for a quote', () => {
    expect(quotes('Johnson told MSNBC’s “Morning Joe” on Friday that the case was closed.')).toHaveLength(0);
  });

  it('does not take the title of a work after what it is an episode, edition or author of, even before a cue', () => {
    expect(quotes('On Tuesday’s episode of “The Evening Hour,” the senator said she would vote no.')).toHaveLength(0);
    expect(quotes('Marsh, the author of “The Long Way Back,” said the deal was “a start.”').map((q) => q.text)).toEqual(['a start.']);
    expect(quotes('She joked with the host of “Sunday Morning Live.”')).toHaveLength(0);
  });

  it('does not take an unattributed title for a quote', () => {
    expect(quotes('The film “The Long Road Home” opens on Friday.')).toHaveLength(0);
  });

  it('keeps title-like words that a crowd chants, shouts or sings as speech', () => {
    expect(quotes('On Friday, a choir from the county, a group unusually young for the contest, was met with chants of “Go Home, Go Home” and worse.').map((q) => q.text)).toEqual(['Go Home, Go Home']);
    expect(quotes('Across the street from the courthouse, about 50 people gathered in small groups, waving flags and chanting "Free Them Now."').map((q) => q.text)).toEqual(['Free Them Now.']);
    expect(quotes('The band closed the night with “Born to Run.”')).toHaveLength(0);
  });

  it('does not take a bare pronoun in quotation marks, the word itself, for a quote', () => {
    expect(quotes('The rule changed when "they" became "we" in the party’s platform.')).toHaveLength(0);
    expect(quotes('The coach said the team is about “us,” not about any one player.').map((q) => q.text)).toEqual(['us,']);
  });

  it('does not take markup debris such as tweet ids for quotes', () => {
    expect(quotes('<tweet tweet-id="783499116076687360"></tweet>')).toHaveLength(0);
  });
});

describe('one quotation, one entry', () => {
  it('lists a headline quote even when the body repeats it: every quotation in the headline is extracted (issue 2)', () => {
    const a = extractQuotes(article({ headline: 'Trump tells Reno NFL has gone ‘soft’', paragraphs: ['Donald Trump says the NFL has gone “soft” like the country.'] }));
    expect(a.quotes.map((q) => [q.text, q.in])).toEqual([['soft', 'headline'], ['soft', 'body']]);
  });

  it('keeps a headline quote that the body does not repeat', () => {
    const a = extractQuotes(article({ headline: 'Kasich: ‘We Are Going All The Way’', paragraphs: ['Kasich spoke in Ohio on Tuesday.'] }));
    expect(a.quotes.map((q) => q.in)).toEqual(['headline']);
  });

  it('does not search a summary derived from the lede, which would list the lede’s quotes twice', () => {
    const parsed = { ...article({ summary: ['Warren called Trump “a proven failure.”'], paragraphs: ['Warren called Trump “a proven failure.” She spoke on Sunday.'] }), summaryDerived: true };
    expect(extractQuotes(parsed).quotes.map((q) => q.in)).toEqual(['body']);
  });
});
