/**
 * Text as the board shows it: NUL, which the HTML parser drops from text (and
 * turns into U+FFFD in attributes), becomes U+FFFD, so a screen rendered on
 * the server reads the same once the board has taken it over.
 */
export function displayText(value: string): string {
  return value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value
}
