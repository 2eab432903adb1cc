/** Characters no file name may hold on Windows, macOS or Linux: they become '_'. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among them
const unsafeInFileName = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/**
 * `attachment` with an ASCII fallback and the Japanese name per RFC 6266 / 8187. The name comes
 * from what people wrote (組織名, 部区): it is percent-encoded down to RFC 8187's attr-char, so
 * no quote, apostrophe, semicolon or line break can end the header value early.
 */
export function attachment(name: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(name.replace(unsafeInFileName, '_')).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const fallback = asciiFallback.replace(unsafeInFileName, '_').replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
