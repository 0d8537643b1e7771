import { describe, expect, it } from 'vitest';
import { csvToParts, EDGE_CSV_HEADER, NODE_CSV_HEADER, validateCsv } from './csv.js';
import type { ExistingIds } from './document.js';

const nothingExists: ExistingIds = async () => new Set();

describe('csvToParts', () => {
  it('reads Gephi columns: Type as label or NodeType, Directed edges typed by Label, cells typed by property', () => {
    const nodes = [
      'Id,Label,Type,name,kind,year,restricted,summary,title',
      'practice:a,A,PRACTICE,A,SKILL,,,,',
      'case:b,Buurt,Case,,,2018,true,Samenvatting,',
    ].join('\r\n');
    const edges = ['Source,Target,Type,Label,Id,evidence,restricted,sourceId,by,at', 'case:b,practice:a,Directed,APPLIES,x,,,source:s,editor#1,2020-01-01T00:00:00Z'].join('\n');
    const result = csvToParts({ name: 'nodes.csv', text: nodes }, { name: 'edges.csv', text: edges });
    expect('parts' in result && result.parts.nodes).toEqual([
      { at: 'nodes.csv line 2', value: { type: 'Practice', id: 'practice:a', name: 'A', kind: 'SKILL' } },
      // The title falls back to Gephi's Label column.
      { at: 'nodes.csv line 3', value: { type: 'Case', id: 'case:b', year: 2018, restricted: true, summary: 'Samenvatting', title: 'Buurt' } },
    ]);
    expect('parts' in result && result.parts.relationships).toEqual([
      { at: 'edges.csv line 2', value: { from: 'case:b', type: 'APPLIES', to: 'practice:a', properties: {}, sourceId: 'source:s' } },
    ]);
  });

  it('recognises ; and tab delimiters and a byte order mark', () => {
    for (const separator of [';', '\t']) {
      const text = `\uFEFF${['Id', 'Type', 'name'].join(separator)}\ndilemma:x${separator}Dilemma${separator}Met, komma\n`;
      const result = csvToParts({ name: 'nodes.csv', text });
      expect('parts' in result && result.parts.nodes[0]!.value).toEqual({ type: 'Dilemma', id: 'dilemma:x', name: 'Met, komma' });
    }
  });

  it('names missing and unknown columns', () => {
    expect(csvToParts({ name: 'nodes.csv', text: 'Label,name\nx,y\n' })).toEqual({
      errors: ['nodes.csv: the header must have the columns Id and Type (found: Label, name)'],
    });
    const unknown = csvToParts({ name: 'nodes.csv', text: 'Id,Type,Colour\nx,Dilemma,3\n' });
    expect(unknown).toEqual({ errors: [`nodes.csv: unknown column "Colour"; the columns are ${NODE_CSV_HEADER.join(', ')}`] });
    const edges = csvToParts({ name: 'nodes.csv', text: 'Id,Type\n' }, { name: 'edges.csv', text: 'Source,Target,Label,Weight,colour\n' });
    expect(edges).toEqual({ errors: [`edges.csv: unknown column "colour"; the columns are ${EDGE_CSV_HEADER.join(', ')}`] });
  });
});

describe('validateCsv', () => {
  it('accepts SOURCED_FROM rows as provenance and gives the document the manual-input fallback source', async () => {
    const nodes = 'Id,Label,Type,title,kind,synthetic,name\nsource:s,S,Source,S,INTERVIEW,false,\ndilemma:d,D,Dilemma,,,,D\n';
    const edges = 'Source,Target,Type,Label,locator\ndilemma:d,source:s,Directed,SOURCED_FROM,minuut 3\n';
    const result = await validateCsv({ name: 'nodes.csv', text: nodes }, { name: 'edges.csv', text: edges }, nothingExists);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.document.source).toBeNull();
    expect(result.document.fallbackSource?.id).toBe('source:handmatige-invoer');
    expect([...result.document.nodes.keys()]).toEqual(['Source', 'Dilemma']);
    expect(result.document.relationships).toEqual([
      { from: 'Dilemma', type: 'SOURCED_FROM', to: 'Source', rows: [{ from: 'dilemma:d', to: 'source:s', props: { locator: 'minuut 3' } }] },
    ]);
  });

  it('refuses SOURCED_FROM to something that is not a Source', async () => {
    const nodes = 'Id,Type,name\ndilemma:d,Dilemma,D\ndilemma:e,Dilemma,E\n';
    const edges = 'Source,Target,Label\ndilemma:d,dilemma:e,SOURCED_FROM\n';
    const result = await validateCsv({ name: 'nodes.csv', text: nodes }, { name: 'edges.csv', text: edges }, nothingExists);
    expect(result).toEqual({ ok: false, errors: ['edges.csv line 2: (Dilemma)-[:SOURCED_FROM]->(Dilemma) is not allowed by the model (SOURCED_FROM goes from a node to a Source)'] });
  });
});
