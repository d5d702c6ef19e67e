import { printFlat, type TsType, tsArray, tsName } from './ts-type.js';

/**
 * JitAi (JitORM) data types → TypeScript, as PROTOCOLS §1 lists them. Values are what
 * travels as JSON: dates are strings, a Checkbox is 0 or 1, a Member is its id string,
 * an Address or a RowData is an object.
 */
const STRING = /* @__PURE__ */ tsName('string');
const NUMBER = /* @__PURE__ */ tsName('number');
const UNKNOWN = /* @__PURE__ */ tsName('unknown');
const OBJECT: TsType = { kind: 'record', value: 'unknown' };

// Built in functions marked pure, so bundles that never generate code drop the tables.
const FIXED: ReadonlyMap<string, TsType> = /* @__PURE__ */ fixedTypes();

function fixedTypes(): Map<string, TsType> {
  return new Map<string, TsType>([
    ...names(['Stext', 'Ltext', 'RichText', 'Serial', 'Identify', 'Phone'], STRING),
    ...names(['LicensePlate', 'Radio', 'Dropdown', 'Dept', 'Member'], STRING),
    ...names(['Date', 'Datetime', 'Time', 'QFilter'], STRING),
    ...names(['Numeric', 'Money', 'Percent', 'AutoInt'], NUMBER),
    ['Checkbox', { kind: 'union', members: ['0', '1'] }],
    ...names(['MultiRadio', 'MultiDropdown', 'MultiDept', 'MultiMember'], tsArray(STRING)),
    ...names(['JitDict', 'Address', 'Position', 'Link', 'JitMap', 'RowData', 'RelateData'], OBJECT),
    ...names(['RowList', 'SubTable', 'MultiRelateData'], tsArray(OBJECT)),
  ]);
}

/** Lists whose element type `variableConfig.dataType` may give; `unknown[]` otherwise. */
const LISTS: ReadonlySet<string> = /* @__PURE__ */ new Set(['File', 'Image', 'JitList']);

/** Every JitAi data type signet maps to something more precise than `unknown`. */
export const JITAI_DATA_TYPES: readonly string[] = /* @__PURE__ */ dataTypeNames();

function dataTypeNames(): string[] {
  return [...FIXED.keys(), ...LISTS].sort();
}

function names(list: string[], type: TsType): [string, TsType][] {
  return list.map((name) => [name, type]);
}

/** A mapped type: its TypeScript text and, when signet had to fall back to `unknown`, why. */
export interface MappedType {
  ts: string;
  comment?: string;
}

/** A mapped type as a node the printer can lay out (see `mapJitaiType`). */
export interface MappedTypeNode {
  type: TsType;
  /** The JitAi type in words, for docs: `Stext`, `JitList of Stext`. */
  label: string;
  comment?: string;
}

const MAX_NESTING = 8;

/**
 * The TypeScript type of a JitAi data type. Unknown types (and list elements of unknown
 * type) become `unknown`, with a comment naming the JitAi type.
 *
 * @example
 * ```ts
 * mapJitaiType('Money')                                 // { ts: 'number' }
 * mapJitaiType('JitList', { dataType: 'Stext' })        // { ts: 'string[]' }
 * mapJitaiType('Vector')      // { ts: 'unknown', comment: 'JitAi data type "Vector" is…' }
 * ```
 */
export function mapJitaiType(dataType: string, variableConfig?: unknown): MappedType {
  const { type, comment } = mapJitaiTypeNode(dataType, variableConfig);
  return comment === undefined ? { ts: printFlat(type) } : { ts: printFlat(type), comment };
}

/** {@link mapJitaiType}, as a node. */
export function mapJitaiTypeNode(
  dataType: string,
  variableConfig?: unknown,
  depth = 0,
): MappedTypeNode {
  const fixed = FIXED.get(dataType);
  if (fixed) return { type: fixed, label: dataType };
  if (LISTS.has(dataType)) {
    const element = elementType(variableConfig);
    if (element === undefined || depth >= MAX_NESTING) {
      return { type: tsArray(UNKNOWN), label: dataType };
    }
    const mapped = mapJitaiTypeNode(element, nestedConfig(variableConfig), depth + 1);
    const result: MappedTypeNode = {
      type: tsArray(mapped.type),
      label: `${dataType} of ${mapped.label}`,
    };
    if (mapped.comment !== undefined) result.comment = `elements: ${mapped.comment}`;
    return result;
  }
  return { type: UNKNOWN, label: dataType || 'no data type', comment: unknownComment(dataType) };
}

function unknownComment(dataType: string): string {
  if (dataType === '') return 'no JitAi data type given';
  const lower = dataType.toLowerCase();
  const near = JITAI_DATA_TYPES.find((name) => name.toLowerCase() === lower);
  const hint = near === undefined ? '' : ` (did you mean ${near}?)`;
  return `JitAi data type "${dataType}" is not known to signet${hint}`;
}

function elementType(config: unknown): string | undefined {
  if (typeof config !== 'object' || config === null) return undefined;
  const dataType = (config as { dataType?: unknown }).dataType;
  return typeof dataType === 'string' && dataType !== '' ? dataType : undefined;
}

function nestedConfig(config: unknown): unknown {
  return (config as { variableConfig?: unknown }).variableConfig;
}
