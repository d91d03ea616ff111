export * from './types';
export * from './graph';
export * from './scene';
export * from './validate';
