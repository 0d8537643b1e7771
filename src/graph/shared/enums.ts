import { registerEnumType } from 'type-graphql';
import { DataScope, MeetingKind, NodeType, OrganisationKind, PracticeKind, SourceKind } from '../../model/index.js';

/** A description per value, typed so that a value added to the model without one fails to compile. */
type ValuesConfig<E extends Record<string, string>> = Record<keyof E, { description: string }>;

const NODE_TYPE_VALUES: ValuesConfig<typeof NodeType> = {
  RESEARCH: { description: 'A research programme (`Research`).' },
  ORGANISATION: { description: 'A university, fund, ministry or association (`Organisation`).' },
  PERSON: { description: 'A public person named in a source: researcher, speaker (`Person`).' },
  MUNICIPALITY: { description: 'A municipality (`Municipality`).' },
  EMPLOYEE: { description: 'An interviewed civil servant, pseudonymous only (`Employee`).' },
  PRACTICE: { description: 'A way of working (`Practice`).' },
  DILEMMA: { description: 'A dilemma civil servants meet (`Dilemma`).' },
  CONCLUSION: { description: 'A conclusion drawn at a meeting (`Conclusion`).' },
  MEETING: { description: 'A meeting, such as a learning circle (`Meeting`).' },
  CASE: { description: 'A concrete situation an employee described (`Case`).' },
  SOURCE: { description: 'Where facts come from: a document, interview or report (`Source`).' },
  QUOTATION: { description: 'A coded segment of an interview (`Quotation`).' },
  TALK: { description: 'A talk given at a meeting (`Talk`).' },
};
registerEnumType(NodeType, { name: 'NodeType', description: 'Every node type of the graph.', valuesConfig: NODE_TYPE_VALUES });

const ORGANISATION_KIND_VALUES: ValuesConfig<typeof OrganisationKind> = {
  UNIVERSITY: { description: 'A university or other research institution.' },
  FUND: { description: 'A fund that finances research.' },
  MINISTRY: { description: 'A government ministry.' },
  ASSOCIATION: { description: 'An association, e.g. of municipalities or professionals.' },
};
registerEnumType(OrganisationKind, { name: 'OrganisationKind', description: 'What kind of organisation it is.', valuesConfig: ORGANISATION_KIND_VALUES });

const PRACTICE_KIND_VALUES: ValuesConfig<typeof PracticeKind> = {
  MINDSET: { description: 'An attitude or way of looking at the work.' },
  SKILL: { description: 'Something an employee knows how to do.' },
  ROUTINE: { description: 'A habitual way of working.' },
  ORGANISATIONAL: { description: 'Something the organisation must provide (room, mandate, structure).' },
};
registerEnumType(PracticeKind, {
  name: 'PracticeKind',
  description: 'Mindset, skill, routine or something the organisation must provide.',
  valuesConfig: PRACTICE_KIND_VALUES,
});

const MEETING_KIND_VALUES: ValuesConfig<typeof MeetingKind> = {
  LEARNING_CIRCLE: { description: 'A learning-circle meeting of the research programme (leerkring).' },
  WORKSHOP: { description: 'A workshop.' },
  INTERVIEW_SESSION: { description: 'A session in which interviews were held.' },
};
registerEnumType(MeetingKind, { name: 'MeetingKind', description: 'What kind of meeting it was.', valuesConfig: MEETING_KIND_VALUES });

const SOURCE_KIND_VALUES: ValuesConfig<typeof SourceKind> = {
  DOCUMENT: { description: 'A published or internal document.' },
  INTERVIEW: { description: 'An interview (its coded quotations are `Quotation`s).' },
  MEETING_REPORT: { description: 'The report of a meeting.' },
  ILLUSTRATIVE: { description: 'Made-up, illustrative data (always `synthetic: true`): never a research finding.' },
};
registerEnumType(SourceKind, {
  name: 'SourceKind',
  description: 'ILLUSTRATIVE sources hold made-up data (synthetic: true).',
  valuesConfig: SOURCE_KIND_VALUES,
});

registerEnumType(DataScope, {
  name: 'DataScope',
  description: 'Which data an answer is computed from: ALL, REAL (only what comes from non-synthetic sources) or SYNTHETIC (only the made-up, illustrative data).',
  valuesConfig: {
    ALL: { description: 'Everything, made-up data included.' },
    REAL: { description: 'Only nodes and relationships that are not synthetic: what the research sources state.' },
    SYNTHETIC: { description: 'Only the made-up, illustrative data.' },
  },
});

export { DataScope, MeetingKind, NodeType, OrganisationKind, PracticeKind, SourceKind };
