/**
 * Lowercase ASCII for e-mail addresses and domains made from names:
 * "Zieliński & Söhne" → "zielinski-soehne". German umlauts are spelt out the
 * way Germans do; other accents are dropped.
 */
export function asciiSlug(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss')
    .replaceAll('ı', 'i')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
