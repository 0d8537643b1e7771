import { describe, expect, it } from 'vitest';
import { NodeType, edgeId } from '../model/index.js';
import { projectEdgeProperties, projectNodeProperties, toGraphEdge, toGraphNode, typeOfLabels } from './projection.js';

describe('property projection', () => {
  const restrictedCase = { id: 'case:x', title: 'X', summary: 'secret', restricted: true, searchKey: 'x' };

  it('drops the internal searchKey always, a restricted case summary unless allowed', () => {
    expect(projectNodeProperties(NodeType.CASE, restrictedCase)).toEqual({ id: 'case:x', title: 'X', restricted: true });
    expect(projectNodeProperties(NodeType.CASE, restrictedCase, { includeRestricted: true })).toEqual({ id: 'case:x', title: 'X', summary: 'secret', restricted: true });
    expect(projectNodeProperties(NodeType.CASE, { ...restrictedCase, restricted: false })).toMatchObject({ summary: 'secret' });
    // Only the listed property of the listed type is restricted.
    expect(projectNodeProperties(NodeType.PRACTICE, { id: 'practice:y', name: 'Y', description: 'd', restricted: true })).toMatchObject({ description: 'd' });
  });

  it('drops the internal public copies of hideable text always (the search index reads them, nobody else)', () => {
    const openCase = { id: 'case:o', title: 'O', summary: 'open', publicSummary: 'open', searchKey: 'o' };
    expect(projectNodeProperties(NodeType.CASE, openCase)).toEqual({ id: 'case:o', title: 'O', summary: 'open' });
    const quotation = { id: 'quotation:q', name: 'Q', text: 'said', publicText: 'said', startPosition: 0, endPosition: 4 };
    expect(projectNodeProperties(NodeType.QUOTATION, quotation, { includeRestricted: true })).not.toHaveProperty('publicText');
  });

  it('drops the evidence of a restricted USES unless allowed', () => {
    expect(projectEdgeProperties('USES', { evidence: 'quote', restricted: true })).toEqual({ restricted: true });
    expect(projectEdgeProperties('USES', { evidence: 'quote', restricted: true }, { includeRestricted: true })).toEqual({ evidence: 'quote', restricted: true });
    expect(projectEdgeProperties('USES', { evidence: 'quote' })).toEqual({ evidence: 'quote' });
  });

  it('builds graph nodes and edges with display labels and stable edge ids', () => {
    expect(toGraphNode({ props: restrictedCase, labels: ['Case'], synthetic: true })).toEqual({
      id: 'case:x', type: NodeType.CASE, label: 'X', properties: { id: 'case:x', title: 'X', restricted: true }, synthetic: true,
    });
    expect(toGraphNode({ props: { id: 'employee:z' }, labels: ['Employee'], synthetic: false }).label).toBe('employee:z');
    expect(toGraphEdge({ source: 'employee:z', target: 'practice:y', type: 'USES', props: { evidence: 'q', restricted: true }, synthetic: true })).toEqual({
      id: 'employee:z|USES|practice:y', type: 'USES', source: 'employee:z', target: 'practice:y', properties: { restricted: true }, synthetic: true,
    });
    expect(toGraphEdge(['employee:z', 'USES', 'practice:y', false]).synthetic).toBe(false);
    expect(edgeId('a:b', 'IN', 'c:d')).toBe('a:b|IN|c:d');
    expect(typeOfLabels(['Other', 'Practice'])).toBe(NodeType.PRACTICE);
    expect(typeOfLabels(['Other'])).toBeUndefined();
  });
});
