import { searchKeyOf } from './search-key.js';

/** Id of the default Source of manual writes (mutations without `sourceId`, spreadsheet imports). */
export const MANUAL_SOURCE_ID = 'source:handmatige-invoer';

/**
 * The default Source of manual writes: created on first use, `kind: DOCUMENT`, `synthetic: false`.
 * Who wrote and when stand on each `SOURCED_FROM` edge to it (`by`, `at`), and on each relationship
 * written (`sourceId`, `by`, `at`).
 */
export const MANUAL_SOURCE = {
  id: MANUAL_SOURCE_ID,
  props: {
    title: 'Handmatige invoer',
    kind: 'DOCUMENT',
    synthetic: false,
    locator: 'Ingevoerd of bewerkt via de API of een spreadsheet-import; wie en wanneer staan op elke relatie (by, at).',
  },
  searchKey: searchKeyOf('Handmatige invoer'),
  locator: null,
} as const satisfies { id: string; props: Record<string, unknown>; searchKey: string; locator: string | null };
