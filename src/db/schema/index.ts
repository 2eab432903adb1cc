export * from './corrections';
export * from './history';
export * from './indicators';
export * from './jobs';
export * from './organizations';
export * from './relations';
export * from './sheets';
export * from './users';
