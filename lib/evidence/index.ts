export * from './schema';
export * from './log';
export * from './rules';
