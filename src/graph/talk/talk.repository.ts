import { incoming, outgoing, pathOf } from '../../model/index.js';
import { defineRelation } from '../shared/relation.js';

/** Relationship fields of Talk, each one batched query per request level. */
export const talkRelations = {
  speakers: defineRelation('Talk.speakers', pathOf('Talk', [incoming('GAVE')], { to: 'Person' }), { orderBy: 'name' }),
  meeting: defineRelation('Talk.meeting', pathOf('Talk', [outgoing('GIVEN_AT')], { to: 'Meeting' }), { orderBy: 'date' }),
  points: defineRelation('Talk.points', pathOf('Talk', [outgoing('NAMES')], { to: 'Practice' }), { orderBy: 'name', withRel: true }),
};
