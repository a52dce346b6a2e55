export * from './auth';
export * from './regions';
export * from './plans';
export * from './targets';
export * from './chains';
export * from './enterprises';
export * from './projects';
export * from './overview';
