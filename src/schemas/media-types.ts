/** Media types of the files people download and upload, one spelling for server and web. */
export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
