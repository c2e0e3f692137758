export * from './selectors';
export * from './page-text';
export * from './describe';
export * from './match-quote';
export * from './anchor';
