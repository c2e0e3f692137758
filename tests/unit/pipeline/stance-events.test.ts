import { describe, expect, it } from 'vitest';
import { assertsNoEvent, isHypothetical, readEvents, readsNoEvent, reportsWithheldDetail, stanceOf } from '@/lib/pipeline/stance';
import { findEvents } from '@/lib/text/events';
import { termMatcher } from '@/lib/text/terms';

// The stance rules on sentences written for these tests, in the project's own words.
const none = termMatcher([]);
const stance = (text: string, direction: 1 | -1 = 1) => stanceOf(text, { direction, supports: none, challenges: none }, []).stance;
const direction = (text: string) => Math.sign(readEvents(text, []).event);

describe('sentences that hold event words but assert no event', () => {
  it('reads an open question or an undecided matter as neutral', () => {
    expect(stance('Whether the watchdog clears the merger is still open.')).toBe('neutral');
    expect(stance('Will the ministry approve the imports this year?')).toBe('neutral');
    expect(stance('会批准进口吗？')).toBe('neutral');
    expect(reportsWithheldDetail('The trade ministry has not said whether the licences will be renewed.')).toBe(true);
    expect(reportsWithheldDetail('The watchdog is yet to decide whether the merger can proceed.')).toBe(true);
    expect(reportsWithheldDetail('It is unclear how long the suspension will last.')).toBe(true);
    expect(reportsWithheldDetail('目前尚不清楚监管部门是否会批准该交易。')).toBe(true);
    // A concession after the event leaves it standing.
    expect(reportsWithheldDetail('The agency has been drafting stricter rules, though it is unclear when they will take effect.')).toBe(false);
    // A decision taken is an event.
    expect(reportsWithheldDetail('The regulator decided to approve the deal.')).toBe(false);
    expect(stance('The regulator decided to approve the deal.')).toBe('supports');
  });

  it('reads a condition named as a thing to watch as neutral', () => {
    expect(stance('Proof that the new plant is running at full capacity.')).toBe('neutral');
    expect(stance('Evidence that the spending is paid for from operating cash flow, not debt.')).toBe('neutral');
    expect(stance('Investors are waiting for the next results and any sign that deliveries have begun.')).toBe('neutral');
    expect(stance('Deliveries have begun, the company confirmed.')).toBe('supports');
    // "Signs of…" opening a sentence usually asserts what was seen.
    expect(stance('Signs of a recovery emerged as orders rose 8% in March.')).toBe('supports');
  });

  it('reads a wish or an interest as neutral, and an act as an event', () => {
    expect(stance('The carmaker wants to buy more than 10,000 battery packs.')).toBe('neutral');
    expect(stance('The retailer told suppliers it would like to order more stock.')).toBe('neutral');
    expect(stance('The airline has shown interest in more than 50 jets.')).toBe('neutral');
    expect(stance('该公司有意采购更多服务器。')).toBe('neutral');
    expect(stance('The carmaker bought more than 10,000 battery packs.')).toBe('supports');
    // A wish after the event leaves the event asserted.
    expect(stance('Inspectors blocked the shipments at the border, a blow to importers who had hoped to sell them this month.')).toBe('challenges');
  });

  it('reads a forecast by analysts or the market as neutral, the company’s own report as an event', () => {
    expect(stance('Analysts surveyed before the report expect sales to climb roughly 12%.')).toBe('neutral');
    expect(stance('The consensus forecast sees profit rising 6% next year.')).toBe('neutral');
    expect(stance('分析师预计营收将增长12%。')).toBe('neutral');
    expect(stance('Revenue grew 12%, the company said.')).toBe('supports');
    // A market regulator is no market forecast.
    expect(stance('The market regulator expects to approve the merger next week.')).toBe('supports');
  });

  it('reads an act argued as a consequence ("blocking the sales would…") as hypothetical, whoever says it', () => {
    expect(isHypothetical('The supplier argued that halting the shipments would push buyers to local rivals.')).toBe(true);
    expect(isHypothetical('Bringing the new servers into service early would lift revenue, an analyst said.')).toBe(true);
    // A name or a noun in -ing is no act: reported possibilities stay evidence.
    expect(isHypothetical('A newspaper reported that regulators could clear the takeover by June.')).toBe(false);
    expect(isHypothetical('Analysts said spending would rise next year.')).toBe(false);
    expect(assertsNoEvent('A newspaper reported that regulators could clear the takeover by June.')).toBe(false);
  });
});

describe('readsNoEvent: neutral by reading, whatever a learned scorer says', () => {
  it('gathers hypotheses, withheld details, questions, watched conditions, wishes and forecasts', () => {
    for (const text of [
      'If the regulator approves the deal, the shares could double.',
      'The buyer declined to say how many units it had received.',
      'Will the ministry approve the imports this year?',
      'Any sign that deliveries have begun would lift the shares.',
      'The carmaker wants to buy more than 10,000 battery packs.',
      'Analysts surveyed before the report expect sales to climb roughly 12%.',
    ]) expect(readsNoEvent(text), text).toBe(true);
    expect(readsNoEvent('The regulator approved the deal on Friday.')).toBe(false);
    expect(readsNoEvent('Analysts said the regulator approved the deal on Friday.')).toBe(false);
  });
});

describe('removing a stop goes ahead', () => {
  it('reads a removal verb on a restriction or a stop as up', () => {
    expect(direction('The ministry lifted the ban on the imports.')).toBe(1);
    expect(direction('Washington revoked the export ban.')).toBe(1);
    expect(direction('The agency scrapped the remaining export curbs.')).toBe(1);
    expect(direction('The agency replaced its blanket denial of permits with a review of each application.')).toBe(1);
    expect(direction('商务部解除了禁令。')).toBe(1);
    expect(direction('监管部门取消了限制。')).toBe(1);
    // "export controls" names the trade restricted: a restriction, not an export going ahead.
    expect(direction('Washington announced new export controls on the chips.')).toBe(-1);
    expect(direction('美国宣布了新的出口管制。')).toBe(-1);
    expect(direction('The rules are stricter than last year’s.')).toBe(-1);
    // A removal verb that does not take the stop as its object removes nothing.
    expect(direction('The quarter ended with tighter export controls.')).toBe(-1);
    // The removal verb on something else keeps its own sense.
    expect(direction('The company cancelled its orders.')).toBe(-1);
    expect(direction('The agency imposed a ban on the imports.')).toBe(-1);
  });

  it('reads "approve limited imports" as an approval', () => {
    expect(direction('Regulators approved limited sales of the drug in two provinces.')).toBe(1);
    expect(direction('The ministry limited imports.')).toBe(-1);
  });
});

describe('verdicts and asides', () => {
  it('reads a verdict against whoever’s expectations', () => {
    const kinds = (text: string) => findEvents(text).filter((h) => h.kind === 'verdict').map((h) => h.sign);
    expect(kinds('Bookings landed ahead of analysts’ forecasts.')).toEqual([1]);
    expect(kinds('Margins were below consensus estimates.')).toEqual([-1]);
    expect(kinds('Growth fell short of market expectations.')).toEqual([-1]);
  });

  it('lets a verdict standing alone in its clause judge the event, and outweigh a bare move', () => {
    expect(stance('Quarterly turnover edged up 2% to €8 billion, below forecasts.')).toBe('challenges');
    expect(stance('Advertising income increased 1%, the slowest pace on record.')).toBe('challenges');
    expect(stance('The division posted its fastest expansion in a decade, ahead of analysts’ estimates.')).toBe('supports');
    expect(stance('Losses widened to $2 billion, better than expected.', -1)).toBe('supports');
  });

  it('reads an effect denied as no effect: what follows stands', () => {
    expect(stance('The supplier said the freeze on new contracts will not affect units already shipped.')).toBe('supports');
    expect(stance('停产不会影响已经交付的订单。')).toBe('supports');
    // Without the denial the stop governs.
    expect(stance('The supplier said the freeze on new contracts hit units already shipped.')).toBe('challenges');
  });

  it('reads the main clause, not a leading reason nor a contrast with others', () => {
    expect(stance('Because the regulator restricts foreign stakes, the fund bought a minority holding.')).toBe('supports');
    expect(stance('The retailer’s stock dropped 2% in early trade, while two local rivals gained about 4%.')).toBe('challenges');
    // The standard of a comparison is no event of the sentence.
    expect(stance('The shares are now cheaper than they were before the spring rally started.')).toBe('challenges');
    expect(stance('The shares are now pricier than they were before the autumn slump began.')).toBe('supports');
  });
});

describe('a process measured against what was asked for', () => {
  it('reads deliveries that fall short of the orders as a setback, however it is put', () => {
    expect(stance('Shipments of the turbines have fallen well short of what the utility ordered.')).toBe('challenges');
    expect(stance('The carmaker said deliveries of the cells came in far below its orders for the year.')).toBe('challenges');
    expect(stance('Supplies of the new servers are falling short of the bank’s purchase agreements.')).toBe('challenges');
    // Deliveries that match the orders are going ahead.
    expect(stance('Shipments of the turbines have matched what the utility ordered.')).toBe('supports');
  });
});

describe('a level with no move', () => {
  it('asserts no event: where a multiple stands is neutral, a change or a comparison is not', () => {
    expect(readsNoEvent('The shares trade at roughly 18 times next year’s earnings.')).toBe(true);
    expect(readsNoEvent('At about 14 times forward earnings, the stock is hardly demanding.')).toBe(true);
    expect(readsNoEvent('该股目前市盈率约为15倍。')).toBe(true);
    expect(readsNoEvent('The shares trade at 18 times earnings, well below the 30 times its US peers command.')).toBe(false);
    expect(readsNoEvent('The multiple fell to 18 times earnings after the results.')).toBe(false);
  });
});

describe('forecasts revised and events put off or in doubt', () => {
  it('reads a revised forecast as news, and a forecast made as no event', () => {
    expect(stance('Brokers lowered their forecast of the airline’s deliveries this year to 40 jets.')).toBe('challenges');
    expect(stance('Analysts raised their estimates for the chipmaker’s shipments after the approval.')).toBe('supports');
    expect(stance('Analysts expect shipments to rise 10% next year.')).toBe('neutral');
  });

  it('reads "not expected before" a date as a delay', () => {
    expect(stance('Large deliveries of the turbines are not expected before the spring, two officials said.')).toBe('challenges');
    expect(stance('The first shipments will not arrive until next year.')).toBe('challenges');
    expect(stance('Deliveries are expected to start in March.')).toBe('supports');
  });

  it('reads a plan put in doubt as a setback', () => {
    expect(stance('The shortage has cast doubt on whether the new plant can open on time.')).toBe('challenges');
    expect(stance('市场人士认为，在资金紧张的情况下，该工厂能否如期投产存在疑问。')).toBe('challenges');
  });
});

describe('losses, averages, gains given back, conditions and Chinese "not yet"', () => {
  it('reads losing money and a below-average score as bad whatever the measure', () => {
    expect(stance('The delivery arm kept losing money through the summer.')).toBe('challenges');
    expect(stance('The delivery arm kept losing money through the summer.', -1)).toBe('challenges');
    expect(stance('The survey rated the provider below average on data residency.')).toBe('challenges');
  });

  it('reads gains given back as a fall', () => {
    expect(stance('The stock has given back most of its gains since June.')).toBe('challenges');
  });

  it('reads conditions attached to a clearance as a restriction', () => {
    expect(stance('这次批准附带了较为严格的条件。')).toBe('challenges');
  });

  it('reads "not yet" across a place or manner phrase to its verb', () => {
    expect(stance('这批服务器仍未在客户的机房投入使用。')).toBe('challenges');
    expect(stance('两家公司均尚未正式向供应商下单。')).toBe('challenges');
    expect(stance('这批服务器已在客户的机房投入使用。')).toBe('supports');
  });
});

describe('conditions, levels compared from, delays and missing evidence', () => {
  it('lets a condition in a later clause of its own leave the event before it standing', () => {
    expect(stance('Two brokers upgraded the airline to buy, and more may follow if fuel prices ease.')).toBe('supports');
    expect(stance('The airline will add routes quickly if the jets arrive.')).toBe('neutral');
    expect(stance('只要新工厂按时投产，公司的产能就会翻倍。')).toBe('neutral');
  });

  it('reads the level a measure came from as no event', () => {
    expect(stance('Growth in the unit slowed to just over 40% from nearly double a year earlier.')).toBe('challenges');
    expect(stance('Sales rose 12% from a year earlier.')).toBe('supports');
  });

  it('reads "at the earliest" as a delay, and "nothing suggests" as no event', () => {
    expect(stance('I now expect the first deliveries in the fourth quarter at the earliest.')).toBe('challenges');
    expect(stance('Nothing I have read suggests the carmaker has placed a firm order.')).toBe('challenges');
    expect(stance('There is no sign that the regulator has approved the deal.')).toBe('challenges');
  });
});
