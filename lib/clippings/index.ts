export * from './schema';
export * from './page-key';
export * from './migrations';
export * from './search';
export * from './export';
export * from './import';
export * from './text-fragment';
