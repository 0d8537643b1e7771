import { NodeType } from '../model/index.js';
import { caseRelations } from './case/case.repository.js';
import { conclusionRelations } from './conclusion/conclusion.repository.js';
import { dilemmaRelations } from './dilemma/dilemma.repository.js';
import { employeeRelations } from './employee/employee.repository.js';
import { meetingRelations } from './meeting/meeting.repository.js';
import { municipalityRelations } from './municipality/municipality.repository.js';
import { organisationRelations } from './organisation/organisation.repository.js';
import { personRelations } from './person/person.repository.js';
import { practiceRelations } from './practice/practice.repository.js';
import { quotationRelations } from './quotation/quotation.repository.js';
import { researchRelations } from './research/research.repository.js';
import type { RelationTables } from './shared/look-ahead.js';
import { talkRelations } from './talk/talk.repository.js';

/**
 * Every domain's relation table by node type: what a request's loaders look ahead through
 * (`Loaders`, `lookAheadOf`). Each table is keyed by the field that loads the relation, as the domain's
 * resolvers use it; Source has none of its own (`sources`/`provenance` come with every type).
 */
export const RELATION_TABLES: RelationTables = {
  [NodeType.RESEARCH]: researchRelations,
  [NodeType.ORGANISATION]: organisationRelations,
  [NodeType.PERSON]: personRelations,
  [NodeType.MUNICIPALITY]: municipalityRelations,
  [NodeType.EMPLOYEE]: employeeRelations,
  [NodeType.PRACTICE]: practiceRelations,
  [NodeType.DILEMMA]: dilemmaRelations,
  [NodeType.CONCLUSION]: conclusionRelations,
  [NodeType.MEETING]: meetingRelations,
  [NodeType.CASE]: caseRelations,
  [NodeType.QUOTATION]: quotationRelations,
  [NodeType.TALK]: talkRelations,
};
