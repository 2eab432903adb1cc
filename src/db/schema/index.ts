export * from './indicators';
export * from './organizations';
export * from './sheets';
