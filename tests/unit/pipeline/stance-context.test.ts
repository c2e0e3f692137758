import { describe, expect, it } from 'vitest';
import { defaultPack } from '@/lib/pack/default-pack';
import { findClaims } from '@/lib/pipeline/claims';
import { splitSentences } from '@/lib/pipeline/sentences';
import { readEvents, stanceOf } from '@/lib/pipeline/stance';
import { findEvents } from '@/lib/text/events';
import { termMatcher } from '@/lib/text/terms';

// Sentences written for these tests, in the project's own words.
const none = termMatcher([]);
const stance = (text: string, direction: 1 | -1 = 1) => stanceOf(text, { direction, supports: none, challenges: none }, []).stance;

/** The stance the pipeline gives one sentence of a short article toward an item (undefined when not linked). */
function stanceIn(article: string, sentence: string, itemId: string, lang: 'en' | 'zh' = 'en', published?: string): string | undefined {
  const claims = findClaims(article, splitSentences(article, lang), defaultPack, lang, '', published);
  return claims.find((c) => c.sentence.text.includes(sentence))?.links.find((l) => l.id === itemId)?.stance;
}

describe('a sentence mixing two events: the main clause’s event wins', () => {
  it('sets aside a leading clause of concession or time', () => {
    expect(stance('Although revenue fell 3%, the company raised its dividend.')).toBe('supports');
    expect(stance('After the regulator lifted the freeze, imports slowed.')).toBe('challenges');
    expect(stance('虽然营收下降3%，但利润增长了10%。')).toBe('supports');
    expect(stance('在监管部门解除冻结之后，进口放缓。')).toBe('challenges');
  });

  it('sets aside a concession after the main clause', () => {
    expect(stance('Revenue fell 3% even though orders rose 10%.')).toBe('challenges');
    expect(stance('The regulator approved the imports, though it capped volumes.')).toBe('supports');
  });

  it('sets aside a circumstance after "after", "despite" or "amid"', () => {
    expect(stance('Shipments resumed after a two-month halt.')).toBe('supports');
    expect(stance('Sales rose 5%, after falling 2% a year earlier.')).toBe('supports');
    expect(stance('Imports were halted after Washington relaxed its rules.')).toBe('challenges');
    expect(stance('Orders kept coming in despite the new restrictions.')).toBe('supports');
  });

  it('sets aside earlier history set off by commas: a participle, a pluperfect relative, a leading "having"', () => {
    expect(stance('The ban, imposed in March, was lifted on Monday.')).toBe('supports');
    expect(stance('The licences, granted in January, were revoked this week.')).toBe('challenges');
    expect(stance('Imports, which had been frozen since May, resumed in October.')).toBe('supports');
    expect(stance('The ministry suspended the approvals, which had been granted in March.')).toBe('challenges');
    expect(stance('Having cut prices twice, the retailer raised them again.')).toBe('supports');
    // A clause after "but" is no parenthesis, and what has since happened is news, not history.
    expect(stance('Revenue grew, but slowed, analysts said.')).toBe('neutral');
    expect(stance('The buyer placed orders, which have since been cancelled.')).not.toBe('supports');
  });

  it('keeps a sentence with one event as it was, and a contrast of equals ("but") still open', () => {
    expect(stance('Sales fell 5% as demand slowed.')).toBe('challenges');
    expect(Math.sign(readEvents('Orders rose 10% but revenue fell 3%.', []).event)).not.toBe(-1);
  });
});

describe('names of things are not events', () => {
  it('does not read accelerators (the chips) or securities as a move up', () => {
    expect(findEvents('The data centre holds 4,000 accelerators.')).toEqual([]);
    expect(findEvents('The company filed its report with the securities regulator.')).toEqual([]);
    expect(stance('Growth accelerated to 12%.')).toBe('supports');
    expect(stance('The buyer secured 2,000 servers.')).toBe('supports');
  });
});

describe('a continuing sentence with no event of its own takes the event of the sentence before on the same item', () => {
  it('carries on a halt, or an approval, whatever it says of the chips', () => {
    const halted = "Beijing's commerce ministry has halted approvals of H200 imports for Alibaba.";
    const approved = "Beijing's commerce ministry has approved Alibaba's request to import H200 accelerators.";
    const cover = 'The approvals had covered about 40,000 accelerators.';
    expect(stanceIn(`${halted} ${cover}`, cover, 'h200-import-approval')).toBe('challenges');
    expect(stanceIn(`${approved} ${cover}`, cover, 'h200-import-approval')).toBe('supports');
    const zh = '该审批涉及约4万颗芯片。';
    expect(stanceIn(`商务部已暂停阿里巴巴进口H200芯片的审批。${zh}`, zh, 'h200-import-approval', 'zh')).toBe('challenges');
    expect(stanceIn(`商务部已批准阿里巴巴进口H200芯片的申请。${zh}`, zh, 'h200-import-approval', 'zh')).toBe('supports');
  });

  it('keeps its own event when it has one: a measure named, then what happened to it', () => {
    const approved = "Beijing's commerce ministry has approved Alibaba's request to import H200 accelerators.";
    const suspended = 'The approvals were suspended two weeks later.';
    expect(stanceIn(`${approved} ${suspended}`, suspended, 'h200-import-approval')).toBe('challenges');
  });

  it('flags as carrying on only a sentence that asserts an event without a direction word', () => {
    const carries = (text: string) => stanceOf(text, { direction: 1, supports: none, challenges: none }, []).carriesOn;
    expect(carries('The companies had planned to use the chips for model training.')).toBe(true);
    expect(carries('Revenue was 33 billion yuan.')).toBe(true);
    expect(carries('Revenue rose to 33 billion yuan.')).toBe(false);
    // A question, a hypothesis or a hedge asserts nothing to carry on.
    expect(carries('Will the chips be used for model training?')).toBe(false);
    expect(carries('The chips may be used for model training.')).toBe(false);
  });
});

describe('removing a condition goes ahead, like removing a stop', () => {
  it('reads a requirement, a mandate or a rule scrapped as up, with what it demanded gone with it', () => {
    expect(stance('The ministry scrapped the licence requirement for server sales abroad.')).toBe('supports');
    expect(stance('The regulator dropped the requirement that buyers pay upfront.')).toBe('supports');
    expect(stance('The agency removed the mandate to buy local components.')).toBe('supports');
    expect(stance('商务部取消了采购国产芯片的要求。')).toBe('supports');
    // A rule in a clause of circumstance is removed by nothing.
    expect(stance('Sales dropped 5% under the new rules.')).toBe('challenges');
    // Imposing one is still a stop.
    expect(stance('The regulator imposed a requirement that buyers pay upfront.')).toBe('challenges');
  });
});

describe('an event dated years before the article is background', () => {
  it('reads it as neutral, and the same event in the article’s own time as news', () => {
    const history = 'Washington first barred sales of Nvidia’s top AI chips to China in 2022, citing national security.';
    expect(stanceIn(history, 'first barred', 'export-control-tightening', 'en', '2026-03-02')).toBe('neutral');
    expect(stanceIn(history, 'first barred', 'export-control-tightening', 'en', '2023-01-15')).toBe('challenges');
    expect(stanceIn('美国于2022年首次限制英伟达先进AI芯片对华出口。', '首次限制', 'export-control-tightening', 'zh', '2026-03-02')).toBe('neutral');
  });

  it('does not take the year a record is measured from for the event’s date', () => {
    const record = 'Alibaba’s customer management revenue grew 2%, its slowest pace since early 2023.';
    expect(stanceIn(record, 'slowest pace', 'core-commerce-slowdown', 'en', '2026-03-02')).toBe('challenges');
  });
});

describe('a measure’s fate after the sentence that says what it does', () => {
  it('goes the measure’s way: passing a block tightens, withdrawing it eases', () => {
    const bill = 'Senators voted on an amendment that would block Nvidia H200 export licences for China.';
    expect(stanceIn(`${bill} The amendment passed 68-30 with support from both parties.`, 'The amendment passed', 'export-control-tightening')).toBe('challenges');
    expect(stanceIn(`${bill} The amendment was withdrawn on Friday.`, 'The amendment was withdrawn', 'export-control-tightening')).toBe('supports');
    const easing = 'The Commerce Department drafted a rule that would allow Nvidia to sell H200 chips to Chinese buyers.';
    expect(stanceIn(`${easing} The rule took effect on Monday.`, 'The rule took effect', 'export-control-tightening')).toBe('supports');
  });
});
