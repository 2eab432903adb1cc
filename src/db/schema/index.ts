export * from './corrections';
export * from './history';
export * from './indicators';
export * from './organizations';
export * from './sheets';
export * from './users';
