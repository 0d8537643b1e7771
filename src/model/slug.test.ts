import { describe, expect, it } from 'vitest';
import { foldText, slugify } from './slug.js';

describe('slugify', () => {
  it('makes the readable ids of DESIGN.md', () => {
    expect(slugify('Afwegen van belangen')).toBe('afwegen-van-belangen');
    expect(slugify('Breda')).toBe('breda');
    expect(slugify('A+O fonds Gemeenten')).toBe('a-o-fonds-gemeenten');
  });

  it('strips diacritics and collapses separators', () => {
    expect(slugify('  Geïnterviewd — café  ')).toBe('geinterviewd-cafe');
    expect(slugify('Rugdekking, steun en ruimte')).toBe('rugdekking-steun-en-ruimte');
  });

  it('returns an empty slug for text with no letters or digits', () => {
    expect(slugify('—!?')).toBe('');
  });
});

describe('foldText', () => {
  it('lower-cases and removes accents but keeps spaces', () => {
    expect(foldText('Één Ambtenaar')).toBe('een ambtenaar');
  });
});
