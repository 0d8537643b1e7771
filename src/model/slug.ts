/**
 * The slug of a readable id (DESIGN.md): lower case, diacritics stripped, every run of other
 * characters turned into one `-`, none at either end. `'Afwegen van belangen'` → `afwegen-van-belangen`.
 */
export function slugify(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Lower case with diacritics stripped (`Geïnterviewd` → `geinterviewd`): the form `nameContains` compares. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase();
}
