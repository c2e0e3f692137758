import { describe, expect, it } from 'vitest';
import { defaultPack } from '@/lib/pack/default-pack';
import { linkSentence } from '@/lib/pipeline/claims';
import { readEvents } from '@/lib/pipeline/stance';
import { eventVocabularySize, findEvents } from '@/lib/text/events';

const direction = (text: string) => Math.sign(readEvents(text, []).event);
const links = (text: string) => Object.fromEntries(linkSentence(text, defaultPack).map((l) => [l.id, l.stance]));

describe('the generic event vocabulary', () => {
  it('has hundreds of entries in both languages', () => {
    expect(eventVocabularySize()).toBeGreaterThan(500);
    expect(findEvents('营收同比增长34%，亏损收窄').map((h) => h.text)).toEqual(['增长', '收窄']);
  });

  it('reads the direction of common events, through negation and restrictions', () => {
    expect(direction('The regulator approved the deal.')).toBe(1);
    expect(direction('The regulator blocked the deal.')).toBe(-1);
    expect(direction('The regulator did not approve the deal.')).toBe(-1);
    expect(direction('The company cancelled its orders.')).toBe(-1);
    expect(direction('Shipments were halted in March.')).toBe(-1);
    expect(direction('The launch was brought forward to May.')).toBe(1);
    expect(direction('The launch was delayed to May.')).toBe(-1);
    expect(direction('Washington tightened the rules.')).toBe(-1);
    expect(direction('Washington eased the restrictions.')).toBe(1);
    expect(direction('New tariffs were added on the chips.')).toBe(-1);
    expect(direction('Losses narrowed in the quarter.')).toBe(-1);
    expect(direction('监管部门批准了进口。')).toBe(1);
    expect(direction('海关暂停了放行。')).toBe(-1);
  });
});

describe('sentences nobody wrote for the pipeline (issue 8)', () => {
  it('a cancelled order challenges procurement', () => {
    expect(links('Alibaba cancelled its H200 orders.')).toEqual({ 'h200-procurement': 'challenges' });
  });

  it('a Beijing ban bears on China’s approval and on the controls, as challenges', () => {
    const result = links('Beijing barred domestic companies from buying the H200.');
    expect(result['h200-import-approval']).toBe('challenges');
    expect(result['export-control-tightening']).toBe('challenges');
    expect(result['h200-procurement']).not.toBe('supports');
  });

  it('another company’s cloud is not Alibaba’s', () => {
    expect(links('Microsoft’s Azure cloud revenue grew 39% in the quarter.')).toEqual({});
  });

  it('a share-price slide challenges the re-rating', () => {
    expect(links('Shares of Alibaba slid 4% on Tuesday.')).toEqual({ 'valuation-rerating': 'challenges' });
  });
});
