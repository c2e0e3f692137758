import { describe, expect, it } from 'vitest';
import { parsePack } from '@/lib/pack/schema';
import { findClaims, linkSentence } from '@/lib/pipeline/claims';
import { setLinkScorer, type LinkScorer } from '@/lib/pipeline/compile';
import { splitSentences } from '@/lib/pipeline/sentences';

/**
 * A thesis on another company, written the way a user writes one on the checklist page: a
 * subject, a few terms and a direction per item, and no stance cues at all. Stances must
 * come from the generic event vocabulary alone.
 */
const tesla = parsePack({
  schema: 'thesis-lens/pack@2',
  id: 'tesla-autonomy',
  title: 'Tesla: volume and autonomy',
  version: '1',
  topics: [{ id: 'tesla', title: 'Tesla', mentions: { en: ['Tesla'], zh: ['特斯拉'] } }],
  entities: { self: { en: ['Tesla'], zh: ['特斯拉'] }, others: { en: ['BYD', 'Rivian', 'Waymo'], zh: ['比亚迪'] } },
  items: [
    {
      id: 'deliveries',
      kind: 'catalyst',
      title: 'Deliveries grow again',
      subject: { en: ['Tesla'], zh: ['特斯拉'] },
      direction: 'up',
      matchers: [{ all: [{ en: ['deliveries', 'vehicles delivered'], zh: ['交付'] }] }],
      history: [{ date: '2026-01-02', status: 'pending', note: 'Added.' }],
    },
    {
      id: 'robotaxi-permit',
      kind: 'catalyst',
      title: 'Regulators allow the robotaxi service',
      subject: { en: ['regulators', 'NHTSA', 'DMV', 'Tesla'], zh: ['监管'] },
      direction: 'up',
      matchers: [{ all: [{ en: ['robotaxi*', 'driverless'], zh: ['无人驾驶'] }] }],
      history: [{ date: '2026-01-02', status: 'pending', note: 'Added.' }],
    },
    {
      id: 'battery-costs',
      kind: 'risk',
      title: 'Battery costs squeeze margins',
      subject: { en: ['Tesla'], zh: ['特斯拉'] },
      matchers: [{ all: [{ en: ['battery cost*', 'cell cost*'], zh: ['电池成本'] }] }],
      history: [{ date: '2026-01-02', status: 'pending', note: 'Added.' }],
    },
  ],
});

const stances = (text: string) => Object.fromEntries(linkSentence(text, tesla).map((link) => [link.id, link.stance]));

describe('a thesis the user wrote, on another company', () => {
  it('reads the event direction times the item direction, in English and Chinese', () => {
    expect(stances('Tesla deliveries rose 6% in the quarter.')).toEqual({ deliveries: 'supports' });
    expect(stances('Tesla deliveries fell 8% in the quarter.')).toEqual({ deliveries: 'challenges' });
    expect(stances('特斯拉第四季度交付量同比下降8%。')).toEqual({ deliveries: 'challenges' });
    // A figure the writer marks as meagre reads as a disappointment.
    expect(stances('Tesla deliveries grew just 1% in the quarter.')).toEqual({ deliveries: 'neutral' });
    expect(stances('Tesla deliveries were flat, at just 1% growth.')).toEqual({ deliveries: 'challenges' });
    expect(stances('Regulators approved the Tesla robotaxi service in Austin.')).toEqual({ 'robotaxi-permit': 'supports' });
    expect(stances('Regulators blocked the Tesla robotaxi service in Austin.')).toEqual({ 'robotaxi-permit': 'challenges' });
  });

  it('applies a risk item’s default direction (down is good)', () => {
    expect(stances('Tesla said battery costs fell again.')).toEqual({ 'battery-costs': 'supports' });
    expect(stances('Tesla said battery costs rose sharply.')).toEqual({ 'battery-costs': 'challenges' });
  });

  it('turns the direction over under negation, and keeps hypotheticals neutral', () => {
    expect(stances('Regulators did not approve the Tesla robotaxi permit.')).toEqual({ 'robotaxi-permit': 'challenges' });
    expect(stances('If regulators approve the Tesla robotaxi service, shares could rally.')).toEqual({ 'robotaxi-permit': 'neutral' });
  });

  it('links only when the item’s subject is the actor: another company’s deliveries are not Tesla’s', () => {
    expect(stances('BYD deliveries rose 20% in the quarter.')).toEqual({});
    const text = 'Tesla reported quarterly results on Wednesday. Its deliveries rose 6% from a year earlier. BYD said its deliveries rose 20% in the same period.';
    const claims = findClaims(text, splitSentences(text, 'en'), tesla, 'en');
    expect(claims.map((c) => [c.sentence.text, c.links.map((l) => [l.id, l.stance, l.reasons?.subject])])).toEqual([
      ['Its deliveries rose 6% from a year earlier.', [['deliveries', 'supports', 'Tesla']]],
    ]);
  });

  it('gives each link its reasons: subject, event and direction words', () => {
    const [link] = linkSentence('Tesla deliveries did not grow in the quarter.', tesla);
    expect(link).toMatchObject({ id: 'deliveries', stance: 'challenges', reasons: { subject: 'Tesla', event: 'deliveries', direction: 'down', negated: true } });
    expect(link!.reasons!.words).toEqual(expect.arrayContaining(['Tesla', 'deliveries', 'grow']));
  });
});

describe('the learned-scorer seam', () => {
  // A scorer that is sure about one item on sentences naming "handovers" (a word no rule has),
  // and finds every other sentence unlikely.
  const scorer: LinkScorer = {
    linkScores: (text) => new Map([['deliveries', /handovers/.test(text) ? 0.95 : 0.02]]),
    stanceScores: () => ({ supports: 0.7, challenges: 0.2, neutral: 0.1 }),
  };
  const scored = parsePack(JSON.parse(JSON.stringify(tesla)));
  setLinkScorer(scored, scorer);
  const claimsOf = (text: string) =>
    findClaims(text, splitSentences(text, 'en'), scored, 'en').map((c) => c.links.map((l) => [l.id, l.stance, l.reasons?.modelScore]));

  it('adds a link the rules missed when the model is sure and the subject is the actor, with the model’s stance', () => {
    expect(claimsOf('Tesla said vehicle handovers picked up sharply in the quarter.')).toEqual([[['deliveries', 'supports', 0.95]]]);
    expect(claimsOf('BYD said vehicle handovers picked up sharply in the quarter.')).toEqual([]);
  });

  it('keeps the rules’ links whatever the model says (it reads one sentence, without its context)', () => {
    const text = 'Tesla deliveries rose 6% from a year earlier in the quarter.';
    expect(claimsOf(text)).toEqual([[['deliveries', 'supports', 0.02]]]);
  });
});

describe('the learned scorer reading the sentence before', () => {
  // A scorer that links the robotaxi item to whatever follows a sentence on a permit, and
  // finds it unlikely in any sentence read alone.
  const contextual = parsePack(JSON.parse(JSON.stringify(tesla)));
  setLinkScorer(contextual, {
    linkScores: (text, _lang, previous) => new Map([['robotaxi-permit', previous && /permit/.test(previous) ? 0.97 : 0.03], ['deliveries', 0.03]]),
  });
  const linked = (text: string) => findClaims(text, splitSentences(text, 'en'), contextual, 'en').map((c) => c.links.map((l) => l.id));

  it('adds the item the context gives to a continuation that names no item of its own', () => {
    expect(linked('Texas regulators granted Tesla a robotaxi permit on Monday. It takes effect across the whole of Austin next month.')).toEqual([['robotaxi-permit'], ['robotaxi-permit']]);
  });

  it('does not add it to a sentence on an item of its own words', () => {
    expect(linked('Texas regulators granted Tesla a robotaxi permit on Monday. Tesla said deliveries would pick up from next month.')).toEqual([['robotaxi-permit'], ['deliveries']]);
  });
});

describe('continuation', () => {
  it('a sentence naming its own actor does not continue the one before', () => {
    const text = 'Regulators approved the Tesla robotaxi service in Austin on Monday. Waymo said its driverless fleet would double in the city.';
    const claims = findClaims(text, splitSentences(text, 'en'), tesla, 'en');
    expect(claims.map((c) => c.sentence.text)).toEqual(['Regulators approved the Tesla robotaxi service in Austin on Monday.']);
  });
});
