/** `attachment` with an ASCII fallback and the Japanese name per RFC 6266 / 5987. */
export function attachment(name: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
