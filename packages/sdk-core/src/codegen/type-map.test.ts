import { describe, expect, test } from 'vitest';
import { JITAI_DATA_TYPES, mapJitaiType } from './type-map.js';

/** PROTOCOLS §1, "Service definitions": every JitAi data type and its TypeScript type. */
const TABLE: [string, string][] = [
  ['Stext', 'string'],
  ['Ltext', 'string'],
  ['RichText', 'string'],
  ['Serial', 'string'],
  ['Identify', 'string'],
  ['Phone', 'string'],
  ['LicensePlate', 'string'],
  ['Radio', 'string'],
  ['Dropdown', 'string'],
  ['Dept', 'string'],
  ['Member', 'string'],
  ['Numeric', 'number'],
  ['Money', 'number'],
  ['Percent', 'number'],
  ['AutoInt', 'number'],
  ['Checkbox', '0 | 1'],
  ['Date', 'string'],
  ['Datetime', 'string'],
  ['Time', 'string'],
  ['MultiRadio', 'string[]'],
  ['MultiDropdown', 'string[]'],
  ['MultiDept', 'string[]'],
  ['MultiMember', 'string[]'],
  ['File', 'unknown[]'],
  ['Image', 'unknown[]'],
  ['JitList', 'unknown[]'],
  ['JitDict', 'Record<string, unknown>'],
  ['Address', 'Record<string, unknown>'],
  ['Position', 'Record<string, unknown>'],
  ['Link', 'Record<string, unknown>'],
  ['JitMap', 'Record<string, unknown>'],
  ['RowData', 'Record<string, unknown>'],
  ['RelateData', 'Record<string, unknown>'],
  ['RowList', 'Record<string, unknown>[]'],
  ['SubTable', 'Record<string, unknown>[]'],
  ['MultiRelateData', 'Record<string, unknown>[]'],
  ['QFilter', 'string'],
];

describe('mapJitaiType', () => {
  test.each(TABLE)('%s → %s', (dataType, ts) => {
    expect(mapJitaiType(dataType)).toEqual({ ts });
  });

  test('the table covers exactly the known types', () => {
    expect([...JITAI_DATA_TYPES].sort()).toEqual(TABLE.map(([name]) => name).sort());
  });

  test('File, Image and JitList are typed by variableConfig.dataType', () => {
    expect(mapJitaiType('JitList', { dataType: 'Stext' })).toEqual({ ts: 'string[]' });
    expect(mapJitaiType('File', { dataType: 'JitDict' })).toEqual({
      ts: 'Record<string, unknown>[]',
    });
    expect(mapJitaiType('Image', { dataType: 'Numeric' })).toEqual({ ts: 'number[]' });
    expect(mapJitaiType('JitList', { dataType: 'Checkbox' })).toEqual({ ts: '(0 | 1)[]' });
    expect(mapJitaiType('JitList', { dataType: 'RowList' })).toEqual({
      ts: 'Record<string, unknown>[][]',
    });
  });

  test('nested lists follow variableConfig.variableConfig', () => {
    const config = { dataType: 'JitList', variableConfig: { dataType: 'MultiMember' } };
    expect(mapJitaiType('JitList', config)).toEqual({ ts: 'string[][][]' });
  });

  test('nesting stops at 8 levels (as unknown[])', () => {
    let config: Record<string, unknown> = { dataType: 'Stext' };
    for (let i = 0; i < 20; i++) config = { dataType: 'JitList', variableConfig: config };
    const { ts } = mapJitaiType('JitList', config);
    expect(ts).toBe(`unknown${'[]'.repeat(9)}`);
  });

  test('a variableConfig without a usable dataType leaves unknown[]', () => {
    for (const config of [undefined, null, 'Stext', {}, { dataType: 3 }, { dataType: '' }]) {
      expect(mapJitaiType('JitList', config)).toEqual({ ts: 'unknown[]' });
    }
  });

  test('variableConfig does not change types that are not lists', () => {
    expect(mapJitaiType('Stext', { dataType: 'Numeric' })).toEqual({ ts: 'string' });
    expect(mapJitaiType('RowList', { dataType: 'Numeric' })).toEqual({
      ts: 'Record<string, unknown>[]',
    });
  });

  test('unknown types are unknown, with a comment naming the JitAi type', () => {
    expect(mapJitaiType('Vector')).toEqual({
      ts: 'unknown',
      comment: 'JitAi data type "Vector" is not known to signet',
    });
    expect(mapJitaiType('')).toEqual({ ts: 'unknown', comment: 'no JitAi data type given' });
  });

  test('names are case-sensitive, with a hint for a wrong case', () => {
    expect(mapJitaiType('stext')).toEqual({
      ts: 'unknown',
      comment: 'JitAi data type "stext" is not known to signet (did you mean Stext?)',
    });
    expect(mapJitaiType('JITLIST').comment).toContain('did you mean JitList?');
  });

  test('an unknown element type is named in the comment', () => {
    expect(mapJitaiType('JitList', { dataType: 'Vector' })).toEqual({
      ts: 'unknown[]',
      comment: 'elements: JitAi data type "Vector" is not known to signet',
    });
  });

  test('names inherited from Object are not types', () => {
    expect(mapJitaiType('toString').ts).toBe('unknown');
    expect(mapJitaiType('__proto__').ts).toBe('unknown');
  });
});
