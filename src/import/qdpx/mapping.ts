import { PracticeKind, foldText, isObject } from '../../model/index.js';

/**
 * How a REFI-QDA project maps onto the graph. Every field has a default (`DEFAULT_MAPPING`); a
 * `--mapping FILE.json` gives any subset of them.
 */
export interface QdpxMapping {
  /** Names of the code groups whose codes are practices, dilemmas, conclusions (compared ignoring case and diacritics). */
  groups: { practices: string[]; dilemmas: string[]; conclusions: string[] };
  /** Names of the case variables holding the municipality and the role. */
  variables: { municipality: string[]; role: string[] };
  /** What a REFI `Case` is: an interviewee (`employee`, the default) or nothing to import (`ignore`). */
  cases: 'employee' | 'ignore';
  /** `kind` of a practice the codebook creates; default none (REFI codes carry no kind, and the model's is optional). */
  practiceKind: PracticeKind | null;
}

export const DEFAULT_MAPPING: QdpxMapping = {
  groups: {
    practices: ['Werkpraktijken', 'Praktijken', 'Practices'],
    dilemmas: ["Dilemma's", 'Dilemmas', 'Dilemma'],
    conclusions: ['Conclusies', 'Conclusions'],
  },
  variables: { municipality: ['Gemeente', 'Municipality'], role: ['Functie', 'Role'] },
  cases: 'employee',
  practiceKind: null,
};

/** A name folded for comparison: case and diacritics ignored, apostrophes and spacing normalised. */
export function nameKey(name: string): string {
  return foldText(name).replace(/[\u2018\u2019\u02bc`´]/g, "'").replace(/\s+/g, ' ').trim();
}

/**
 * A mapping file's content over the defaults. Throws an Error naming what is wrong (the command line
 * prints it): unknown keys, lists that are not lists of names, an unknown `cases` or `practiceKind`.
 */
export function parseMapping(input: unknown): QdpxMapping {
  if (!isObject(input)) throw new Error('mapping: expected a JSON object { groups?, variables?, cases?, practiceKind? }');
  const known = ['groups', 'variables', 'cases', 'practiceKind'];
  const unknown = Object.keys(input).filter((key) => !known.includes(key));
  if (unknown.length > 0) throw new Error(`mapping: unknown key(s) ${unknown.join(', ')}; allowed: ${known.join(', ')}`);
  const names = (value: unknown, at: string, fallback: string[]): string[] => {
    if (value === undefined) return fallback;
    if (typeof value === 'string') return [value];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) throw new Error(`mapping.${at}: expected a name or a list of names`);
    return value as string[];
  };
  const section = <K extends string>(value: unknown, at: string, keys: readonly K[]): Partial<Record<K, unknown>> => {
    if (value === undefined) return {};
    if (!isObject(value)) throw new Error(`mapping.${at}: expected an object with ${keys.join(', ')}`);
    const extra = Object.keys(value).filter((key) => !(keys as readonly string[]).includes(key));
    if (extra.length > 0) throw new Error(`mapping.${at}: unknown key(s) ${extra.join(', ')}; allowed: ${keys.join(', ')}`);
    return value as Partial<Record<K, unknown>>;
  };
  const groups = section(input.groups, 'groups', ['practices', 'dilemmas', 'conclusions'] as const);
  const variables = section(input.variables, 'variables', ['municipality', 'role'] as const);
  if (input.cases !== undefined && input.cases !== 'employee' && input.cases !== 'ignore') throw new Error('mapping.cases: expected "employee" or "ignore"');
  const kinds = Object.values(PracticeKind) as string[];
  if (input.practiceKind !== undefined && !kinds.includes(input.practiceKind as string)) throw new Error(`mapping.practiceKind: expected one of ${kinds.join(', ')}`);
  return {
    groups: {
      practices: names(groups.practices, 'groups.practices', DEFAULT_MAPPING.groups.practices),
      dilemmas: names(groups.dilemmas, 'groups.dilemmas', DEFAULT_MAPPING.groups.dilemmas),
      conclusions: names(groups.conclusions, 'groups.conclusions', DEFAULT_MAPPING.groups.conclusions),
    },
    variables: {
      municipality: names(variables.municipality, 'variables.municipality', DEFAULT_MAPPING.variables.municipality),
      role: names(variables.role, 'variables.role', DEFAULT_MAPPING.variables.role),
    },
    cases: (input.cases as QdpxMapping['cases'] | undefined) ?? DEFAULT_MAPPING.cases,
    practiceKind: (input.practiceKind as PracticeKind | undefined) ?? DEFAULT_MAPPING.practiceKind,
  };
}
