import { NODE_SPECS, RELATIONSHIP_SPECS, specOfLabel, type Label, type NodeType, type RelType } from './model.js';

/**
 * One step of a path through the graph: the relationship types it may take (from the model) and the
 * direction as read from the node the step starts at (`out`: `(a)-[:T]->(b)`, `in`: `(a)<-[:T]-(b)`).
 */
export interface Hop {
  types: readonly RelType[];
  direction: 'out' | 'in';
}

/** A step along outgoing relationships of one of `types`. */
export const outgoing = (...types: RelType[]): Hop => ({ types, direction: 'out' });
/** A step along incoming relationships of one of `types`. */
export const incoming = (...types: RelType[]): Hop => ({ types, direction: 'in' });

/**
 * A path the model allows, from a label through one or more hops to the labels it can reach. Built
 * only by `pathOf`, which checks every hop against `RELATIONSHIP_SPECS`: a wrong direction or a type
 * that does not link those labels fails when the module loads, not as an empty answer at run time.
 */
export interface ModelPath {
  readonly from: Label;
  readonly hops: readonly Hop[];
  /** The labels each hop can reach (`reached[i]` after hop `i`); the last entry is where the path ends. */
  readonly reached: ReadonlyArray<ReadonlySet<Label>>;
  /** Labels to require on the intermediate nodes (`via[i]` after hop `i`), when the path names them. */
  readonly via: ReadonlyArray<Label | undefined>;
}

/** The labels `type` links to from `label` in `direction`, per the model (`SOURCED_FROM` links any label to Source). */
function neighbours(label: Label, type: RelType, direction: Hop['direction']): Label[] {
  if (type === 'SOURCED_FROM') {
    if (direction === 'out') return ['Source'];
    return label === 'Source' ? Object.values(NODE_SPECS).map((spec) => spec.label) : [];
  }
  return RELATIONSHIP_SPECS.filter((spec) => spec.type === type && (direction === 'out' ? spec.from === label : spec.to === label)).map(
    (spec) => (direction === 'out' ? spec.to : spec.from),
  );
}

/**
 * A path from `from` along `hops`, checked against the model; `options.to` requires the end label and
 * `options.via` names intermediate labels (one per inner node). Throws when any hop's type cannot be
 * taken from where the path is, or when the path cannot end at `to`.
 */
export function pathOf(from: Label, hops: readonly Hop[], options: { to?: Label; via?: ReadonlyArray<Label | undefined> } = {}): ModelPath {
  if (hops.length === 0) throw new Error(`a path from ${from} needs at least one hop`);
  const via = options.via ?? [];
  if (via.length > hops.length - 1) throw new Error(`a path of ${hops.length} hops has ${hops.length - 1} inner nodes, not ${via.length}`);
  let at = new Set<Label>([from]);
  const reached: Array<Set<Label>> = [];
  hops.forEach((hop, i) => {
    const next = new Set<Label>();
    for (const type of hop.types) {
      const found = [...at].flatMap((label) => neighbours(label, type, hop.direction));
      if (found.length === 0) throw new Error(`the model has no ${hop.direction === 'out' ? 'outgoing' : 'incoming'} ${type} from ${[...at].join('|')}`);
      for (const label of found) next.add(label);
    }
    const required = i < hops.length - 1 ? via[i] : options.to;
    if (required !== undefined) {
      if (!next.has(required)) throw new Error(`hop ${i + 1} of a path from ${from} reaches ${[...next].join('|')}, not ${required}`);
      next.clear();
      next.add(required);
    }
    reached.push(next);
    at = next;
  });
  return { from, hops, reached, via };
}

/** The labels a path can end at. */
export const endsOf = (path: ModelPath): ReadonlySet<Label> => path.reached[path.reached.length - 1]!;

/**
 * The variable names a rendered path binds: the relationship of hop `i` is `r` for a one-hop path,
 * else `r<i>`; inner nodes are `p<i>`. Scope predicates and relationship properties refer to them.
 */
export function pathVariables(path: ModelPath): { relationships: string[]; innerNodes: string[] } {
  const relationships = path.hops.length === 1 ? ['r'] : path.hops.map((_, i) => `r${i}`);
  return { relationships, innerNodes: path.hops.slice(1).map((_, i) => `p${i}`) };
}

/**
 * The Cypher pattern of a path, binding its start as `start` and its end as `end` (with `endLabel` when
 * given). Every name in it comes from the model, never from input.
 */
export function renderPath(path: ModelPath, start: string, end: string, endLabel?: Label): string {
  const { relationships, innerNodes } = pathVariables(path);
  let text = `(${start})`;
  path.hops.forEach((hop, i) => {
    const rel = `[${relationships[i]}:${hop.types.join('|')}]`;
    text += hop.direction === 'out' ? `-${rel}->` : `<-${rel}-`;
    if (i < path.hops.length - 1) {
      const label = path.via[i];
      text += `(${innerNodes[i]}${label ? `:${label}` : ''})`;
    } else {
      text += `(${end}${endLabel ? `:${endLabel}` : ''})`;
    }
  });
  return text;
}

/** The single label a path ends at, as a node type; throws when it can end at several (then name `to`). */
export function endTypeOf(path: ModelPath): NodeType {
  const ends = [...endsOf(path)];
  if (ends.length !== 1) throw new Error(`a path from ${path.from} ends at ${ends.join('|')}: name one with "to"`);
  return specOfLabel(ends[0]!)!.type;
}
