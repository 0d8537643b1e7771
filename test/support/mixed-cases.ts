import type { Database } from '../../src/db/database.js';

/** One case of a mixed graph: whether it is made up, and the flag of each link it has (an empty list: no such link). */
export interface MixedCase {
  id: string;
  made: boolean;
  applies: boolean[];
  raises1: boolean[];
  raises2: boolean[];
}

/**
 * Writes, by hand and with the stored flags given, a small graph where made-up data sits in one place at a
 * time: a real municipality `m`, practice `p` and dilemmas `d1`, `d2` (named 'A …' and 'B …', so d1 sorts
 * first), and `cases`, each IN `m` through a real link, with its APPLIES to `p` and RAISES to `d1`/`d2`.
 */
export async function writeMixedCases(db: Database, ids: { m: string; p: string; d1: string; d2: string }, cases: MixedCase[]): Promise<void> {
  await db.write(
    `CREATE (m:Municipality {id: $m, name: $m, synthetic: false}), (p:Practice {id: $p, name: $p, synthetic: false}),
            (d1:Dilemma {id: $d1, name: 'A ' + $d1, synthetic: false}), (d2:Dilemma {id: $d2, name: 'B ' + $d2, synthetic: false})
     WITH m, p, d1, d2
     UNWIND $cases AS spec
     CREATE (c:Case {id: spec.id, title: spec.id, synthetic: spec.made})-[:IN {synthetic: false}]->(m)
     FOREACH (made IN spec.applies | CREATE (c)-[:APPLIES {synthetic: made}]->(p))
     FOREACH (made IN spec.raises1 | CREATE (c)-[:RAISES {synthetic: made}]->(d1))
     FOREACH (made IN spec.raises2 | CREATE (c)-[:RAISES {synthetic: made}]->(d2))`,
    { ...ids, cases },
  );
}
