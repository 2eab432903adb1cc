/** Media types of the files people download and upload, one spelling for server and web. */
export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** JSON-LD (the DCAT descriptions of the open data). */
export const jsonLdType = 'application/ld+json';
/** W3C CSVW metadata of a CSV (Metadata Vocabulary for Tabular Data). */
export const csvMetadataType = 'application/csvm+json';
