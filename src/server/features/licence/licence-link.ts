import type { Licence } from '../../../domain/licence';

/** The HTTP `Link` of a published file's licence (RFC 8288, relation `license` of RFC 4946). */
export function licenceLink(licence: Licence): string {
  return `<${licence.url}>; rel="license"`;
}
