import { incoming, type NodeProperty, type NodeType, outgoing, pathOf } from '../../model/index.js';
import { relatedTo, type Condition } from '../shared/node.repository.js';
import { defineRelation } from '../shared/relation.js';
import { QuotationOrderField, type QuotationWhere } from './quotation.input.js';

/** Relationship fields of Quotation, each one batched query per request level. */
export const quotationRelations = {
  source: defineRelation('Quotation.source', pathOf('Quotation', [outgoing('QUOTED_FROM')], { to: 'Source' }), { orderBy: 'title' }),
  employee: defineRelation('Quotation.employee', pathOf('Quotation', [incoming('SAID')], { to: 'Employee' }), { orderBy: 'pseudonym' }),
  practices: defineRelation('Quotation.practices', pathOf('Quotation', [outgoing('CODED_AS')], { to: 'Practice' }), { orderBy: 'name' }),
  dilemmas: defineRelation('Quotation.dilemmas', pathOf('Quotation', [outgoing('CODED_AS')], { to: 'Dilemma' }), { orderBy: 'name' }),
  conclusions: defineRelation('Quotation.conclusions', pathOf('Quotation', [outgoing('CODED_AS')], { to: 'Conclusion' }), { orderBy: 'statement' }),
};

/** The quotations of other node types (`Practice.quotations`, …): the same relationships read the other way. */
export const quotationsOf = {
  practice: defineRelation('Practice.quotations', pathOf('Practice', [incoming('CODED_AS')], { to: 'Quotation' }), { orderBy: 'name' }),
  dilemma: defineRelation('Dilemma.quotations', pathOf('Dilemma', [incoming('CODED_AS')], { to: 'Quotation' }), { orderBy: 'name' }),
  conclusion: defineRelation('Conclusion.quotations', pathOf('Conclusion', [incoming('CODED_AS')], { to: 'Quotation' }), { orderBy: 'name' }),
  employee: defineRelation('Employee.quotations', pathOf('Employee', [outgoing('SAID')], { to: 'Quotation' }), { orderBy: 'name' }),
  source: defineRelation('Source.quotations', pathOf('Source', [incoming('QUOTED_FROM')], { to: 'Quotation' }), { orderBy: 'startPosition' }),
};

export const QUOTATION_ORDER: Record<QuotationOrderField, NodeProperty<NodeType.QUOTATION>> = {
  [QuotationOrderField.NAME]: 'name',
  [QuotationOrderField.START_POSITION]: 'startPosition',
};

/** Translates `QuotationWhere` into conditions over allow-listed properties and model paths. */
export function quotationConditions(where: QuotationWhere | null | undefined): Condition[] {
  const conditions: Condition[] = [];
  if (!where) return conditions;
  if (where.ids) conditions.push({ kind: 'ids', ids: where.ids });
  if (where.nameContains) conditions.push({ kind: 'text', needle: where.nameContains });
  if (where.sourceIds) conditions.push(relatedTo(quotationRelations.source.path, where.sourceIds));
  if (where.employeeIds) conditions.push(relatedTo(quotationRelations.employee.path, where.employeeIds));
  if (where.practiceIds) conditions.push(relatedTo(quotationRelations.practices.path, where.practiceIds));
  if (where.dilemmaIds) conditions.push(relatedTo(quotationRelations.dilemmas.path, where.dilemmaIds));
  if (where.conclusionIds) conditions.push(relatedTo(quotationRelations.conclusions.path, where.conclusionIds));
  return conditions;
}
